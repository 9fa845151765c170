import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { chinaYear } from '@tuijin/core';
import { buildContext } from '../packages/server/src/app';
import { loadConfig } from '../packages/server/src/config';
import { openDatabase } from '../packages/server/src/db/kysely';
import { migrateToLatest } from '../packages/server/src/db/migrate';
import { makeUscc, rng } from '../packages/server/src/demo/generate';
import { importFile } from '../packages/server/src/features/imports/service';
import { exportLedger } from '../packages/server/src/features/projects/ledger-export';
import { readSpreadsheet } from '../packages/server/src/lib/documents/read-sheets';
import { systemUser } from '../packages/server/src/lib/system-user';
import { countyLedger, type LedgerRow } from '../packages/server/src/test/workbooks';
import { ms } from './lib';
import { seedProvince, PROVINCE } from './seed';

// Import of a 10,000-row county ledger (read, parse, validate, commit in one transaction)
// and export of a 20,000-row ledger, each beside a bare baseline in the same run: for the
// import, exceljs merely loading the same file; for the export, exceljs streaming the same
// number of rows of plain values with no database behind them.

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const dir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'tuijin-bench-io-'));
mkdirSync(dir, { recursive: true });
const r = rng(11);
const COUNTY = '419901';

function ledgerRows(n: number): LedgerRow[] {
  const types = [['工业', '装备制造'], ['工业', '新能源'], ['服务业', '物流'], ['基础设施及社会民生', '交通']] as const;
  return Array.from({ length: n }, (_, i) => {
    const [type, industry] = types[i % types.length]!;
    const total = 1000 + r.int(0, 200_000);
    const plan = Math.round(total * 0.3);
    return {
      name: `测试项目${String(i + 1).padStart(5, '0')}`, type, industry, owner: `测试实业${i % 700}有限公司`, uscc: makeUscc(r, COUNTY),
      township: `第${i % 12}镇`, total, plan, target: Math.round(plan * 1.1), done: Math.round(plan * 0.6), stage: '续建',
      leader: `领导${i % 9}`, dept: `部门${i % 15}`, contact: `联系人${i % 300} 139${String(10_000_000 + i).slice(-8)}`,
    };
  });
}

// 1. Import, in a child process of its own so its peak memory is the import's alone.
async function importPhase(path: string) {
  const file = readFileSync(path);
  const database = openDatabase({ sqliteFile: join(dir, 'tuijin.sqlite') });
  await migrateToLatest(database.db);
  const at = new Date().toISOString();
  for (const [code, name, level, parentCode] of [['100000', '全国', 'country', null], ['410000', '测试省', 'province', '100000'], ['419900', '测试市', 'city', '410000'], [COUNTY, '测试县', 'county', '419900']] as const) {
    await database.db.insertInto('region').values({ code, name, level, parentCode, createdAt: at, updatedAt: at }).execute();
  }
  const ctx = buildContext({ config: loadConfig({ ...process.env, TUIJIN_DATA: dir, DATABASE_URL: '' }), database });
  const t = process.hrtime.bigint();
  const grids = await readSpreadsheet(file, 'ledger.xlsx');
  const readMs = ms(t);
  void grids;
  const result = await importFile(ctx, systemUser('office', COUNTY), { buffer: file, filename: 'ledger.xlsx' }, { dryRun: false });
  const totalMs = ms(t);
  if (result.counts.create !== ROWS) throw new Error(`expected ${ROWS} created, got ${JSON.stringify(result.counts)}`);
  await database.close();
  return { readMs, totalMs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

if (process.env.BENCH_IMPORT_FILE) {
  console.log(JSON.stringify(await importPhase(process.env.BENCH_IMPORT_FILE)));
  process.exit(0);
}

const data = ledgerRows(ROWS);
const file = await countyLedger([
  { title: '一、工业项目', label: '工业项目', rows: data.filter((d) => d.type === '工业') },
  { title: '二、服务业项目', label: '服务业项目', rows: data.filter((d) => d.type === '服务业') },
  { title: '三、基础设施及社会民生项目', label: '基础设施及社会民生项目', rows: data.filter((d) => d.type.startsWith('基础')) },
]);
const filePath = join(dir, 'ledger.xlsx');
writeFileSync(filePath, file);
const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
  env: { ...process.env, BENCH_IMPORT_FILE: filePath, BENCH_DIR: join(dir, 'import') }, encoding: 'utf8', maxBuffer: 1 << 24,
});
if (child.status !== 0) throw new Error(`import phase failed: ${child.stderr}`);
const imported = JSON.parse(child.stdout.trim().split('\n').pop()!) as { readMs: number; totalMs: number; peakRssMb: number };
// The bare baseline: exceljs loading the same file, here in the parent.
const tBare = process.hrtime.bigint();
await new ExcelJS.Workbook().xlsx.load(file as unknown as ArrayBuffer);
const bareRead = ms(tBare);

// 2. Export: a 20,000-project province, as the province office sees it.
const exportDb = openDatabase({ sqliteFile: join(dir, 'export.sqlite') });
await seedProvince(exportDb);
const exportCtx = buildContext({ config: loadConfig({ ...process.env, TUIJIN_DATA: dir, DATABASE_URL: '' }), database: exportDb });
const user = systemUser('office', PROVINCE);
const year = 2026;
const drain = (stream: PassThrough) => new Promise<number>((resolve) => { let n = 0; stream.on('data', (c: Buffer) => (n += c.length)); stream.on('end', () => resolve(n)); });
let t = process.hrtime.bigint();
const exported = await exportLedger(exportCtx, user, { sort: 'totalInvestment', order: 'desc', page: 1, pageSize: 50, year, yearOnly: true }, 'wan', '测试省');
const [bytes] = await Promise.all([drain(exported.stream), exported.done]);
const exportMs = ms(t);
await exportDb.close();
t = process.hrtime.bigint();
const bareStream = new PassThrough();
const bareBook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: bareStream, useStyles: true, useSharedStrings: false });
const ws = bareBook.addWorksheet('bare');
const bareDrain = drain(bareStream);
for (let i = 0; i < exported.rows; i++) ws.addRow([i, `项目${i}`, '工业', '装备制造', '新建', '在建', '县级', '某某实业有限公司', '91410000MA00000000', '某镇', '某地', '新建厂房', 12.34, 5.6, 6.1, 3.2, 2.9, '2026-01-01', '2027-12-31', '张三', '李四', '发改局', '王五', '139****0000']).commit();
ws.commit();
await bareBook.commit();
await bareDrain;
const bareExport = ms(t);
rmSync(dir, { recursive: true, force: true });

const round = (x: number) => Math.round(x);
const results = {
  date: new Date().toISOString(), node: process.version, currentYear: chinaYear(new Date()),
  import: { rows: ROWS, fileMb: Math.round(file.length / 1e5) / 10, readMs: round(imported.readMs), totalMs: round(imported.totalMs), bareReadMs: round(bareRead), ratioToBareRead: Math.round((imported.totalMs / bareRead) * 10) / 10, peakRssMb: imported.peakRssMb },
  export: { rows: exported.rows, bytes, ms: round(exportMs), bareMs: round(bareExport), ratioToBare: Math.round((exportMs / bareExport) * 10) / 10 },
};
mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'out', 'import-export.json'), JSON.stringify(results, null, 2));
console.log(JSON.stringify(results, null, 2));
for (const [label, ok] of [
  ['10,000-row import ≤ 10 s', results.import.totalMs <= 10_000],
  ['import peak memory ≤ 500 MB', results.import.peakRssMb <= 500],
  ['20,000-row export ≤ 5 s', results.export.ms <= 5_000],
] as const) console.log(`${ok ? 'PASS' : 'MISS'}  ${label}`);
