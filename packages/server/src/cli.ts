import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { buildOverview, chinaYear, formatAmountAuto, formatPercent, isPeriod, ORG_LABELS, orgInput, REGION_LABELS, regionInput, ROLES, type Role } from '@tuijin/core';
import { buildContext } from './app';
import { ensureRootRegion } from './bootstrap';
import { loadConfig } from './config';
import { openDatabase } from './db/kysely';
import { migrateToLatest } from './db/migrate';
import { loadDemo } from './demo/seed';
import { verifyAuditChain, writeAudit } from './lib/audit';
import { backup, restoreSqlite } from './lib/backup/backup';
import type { AppContext } from './lib/context';
import { AppError } from './lib/errors';
import { systemUser } from './lib/system-user';
import { printDemo, startServer } from './main';
import { readOverviewInput } from './features/stats/queries';
import { insertUser } from './features/users/service';
import { importFile } from './features/imports/service';
import { createRegion } from './features/regions/service';
import { createOrg } from './features/orgs/service';
import { parse } from './lib/validate';
import { writeTransaction } from './lib/transactions';
import { sweep } from './lib/jobs/sweep';
import { archiveForCli, findPeriodForCli } from './features/archive/service';

// The `tuijin` command. Every subcommand works on the database the environment names
// (DATABASE_URL, else the SQLite file under TUIJIN_DATA), as the server would.

const USAGE = `用法 / usage: tuijin <command>
  start [--demo]                       启动服务 / serve the app (PORT, TUIJIN_DATA, DATABASE_URL)
  demo                                 载入示范县数据 / load the demo county
  migrate                              升级数据库结构 / apply migrations
  region create --code CODE --name 名称 --level province|city|county
                                       添加地区（上级按代码推定）/ add a region
  org create --kind department|company|bank|township --name 名称 --region CODE [--uscc CODE]
                                       添加单位，打印其编号 / add an organisation, prints its id
  user create --username U --role ROLE --region CODE [--org ID] [--name 姓名]
                                       创建用户，密码从标准输入读取 / password from stdin
  import ledger FILE [--year Y] [--dry-run] [--json] [--region CODE] [--rate USD=7.1]
                                       导入台账（先用 --dry-run 预览）/ import a ledger spreadsheet
  stats overview --year Y [--region CODE] [--json]
                                       年度概况统计 / annual overview figures
  audit verify                         校验审计日志哈希链 / verify the audit chain
  backup --out DIR                     在线备份数据库与数据密钥 / online backup (SQLite or pg_dump)
  restore --from DIR [--force]         从备份恢复（SQLite，服务须先停止）/ restore a SQLite backup
  sweep [--all]                        清理无记录引用的文件和过期上传（--all 检查全部文件）/ remove orphaned files and expired uploads
  archive --period YYYY-MM --out FILE [--region CODE] [--originals]
                                       导出月报归档（离线浏览的 .zip）/ write a month's offline archive`;

async function withContext<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = openDatabase({ url: config.databaseUrl, sqliteFile: config.sqliteFile, poolSize: 2 });
  try {
    await migrateToLatest(database.db);
    const ctx = buildContext({ config, database });
    await ensureRootRegion(ctx);
    return await work(ctx);
  } finally {
    await database.close();
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('请输入密码 / password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function userCreate(args: string[]) {
  const { values } = parseArgs({ args, options: { username: { type: 'string' }, role: { type: 'string' }, region: { type: 'string' }, org: { type: 'string' }, name: { type: 'string' } } });
  if (!values.username || !values.role || !values.region) throw new AppError('bad_request', '缺少参数：--username、--role、--region 都必须提供');
  if (!(ROLES.ids as readonly string[]).includes(values.role)) throw new AppError('bad_request', `角色无效，可选：${ROLES.ids.join(', ')}`);
  const password = await readStdin();
  await withContext(async (ctx) => {
    const system = { userId: null, username: 'cli', role: null, ip: null };
    const id = await writeTransaction(ctx.db, (tx) =>
      insertUser(ctx, tx, {
        username: values.username!, displayName: values.name ?? values.username!, role: values.role as Role,
        regionCode: values.region!, orgId: values.org ? Number(values.org) : null, password,
      }, { mustChangePassword: false, audit: (r) => writeAudit(tx, system, ctx.clock.now(), r) }),
    );
    console.log(`已创建用户 / created user ${values.username} (id ${id})`);
  });
}

async function regionCreate(args: string[]) {
  const { values } = parseArgs({ args, options: { code: { type: 'string' }, name: { type: 'string' }, level: { type: 'string' } } });
  await withContext(async (ctx) => {
    const input = parse(regionInput, { code: values.code, name: values.name, level: values.level }, REGION_LABELS);
    const region = await createRegion(ctx, systemUser('sysadmin'), input);
    console.log(`已添加地区 / added region ${region.code} ${region.name}`);
  });
}

async function orgCreate(args: string[]) {
  const { values } = parseArgs({ args, options: { kind: { type: 'string' }, name: { type: 'string' }, region: { type: 'string' }, uscc: { type: 'string' } } });
  await withContext(async (ctx) => {
    const input = parse(orgInput, { kind: values.kind, name: values.name, regionCode: values.region, ...(values.uscc ? { uscc: values.uscc } : {}) }, ORG_LABELS);
    const org = await createOrg(ctx, systemUser('sysadmin'), input);
    console.log(`已添加单位 / added organisation ${org.id} ${org.name}`);
  });
}

/** The county to import into: the one named, or the deployment's only county. */
async function importCounty(ctx: AppContext, code: string | undefined): Promise<string> {
  if (code) {
    const region = await ctx.db.selectFrom('region').select('level').where('code', '=', code).executeTakeFirst();
    if (region?.level !== 'county') throw new AppError('bad_request', `地区 ${code} 不存在或不是县（市、区）`);
    return code;
  }
  const counties = await ctx.db.selectFrom('region').select(['code', 'name']).where('level', '=', 'county').limit(11).execute();
  if (counties.length === 1) return counties[0]!.code;
  if (counties.length === 0) throw new AppError('bad_request', '还没有县（市、区）：先用 tuijin region create 建立');
  throw new AppError('bad_request', `有多个县（市、区），请用 --region 指定：${counties.slice(0, 10).map((c) => `${c.code} ${c.name}`).join('，')}`);
}

async function importLedger(args: string[]) {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { region: { type: 'string' }, year: { type: 'string' }, rate: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file) throw new AppError('bad_request', '缺少文件：tuijin import ledger 文件.xlsx --region 县代码');
  const rates = Object.fromEntries((values.rate ?? []).map((r) => r.split('=') as [string, string]));
  const buffer = await readFile(file).catch(() => {
    throw new AppError('bad_request', `读不到文件：${file}`);
  });
  await withContext(async (ctx) => {
    const county = await importCounty(ctx, values.region);
    const result = await importFile(ctx, systemUser('office', county), { buffer, filename: basename(file) }, {
      year: values.year ? Number(values.year) : undefined, rates, dryRun: values['dry-run'] ?? false,
    });
    if (values.json) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    const c = result.counts;
    console.log(`${values['dry-run'] ? '预览 / dry run' : '已导入 / imported'}：${result.filename}，${result.year} 年`);
    console.log(`  新增 ${c.create}，更新 ${c.update}，无变化 ${c.unchanged}，错误 ${c.errors}，提示 ${c.warnings}`);
    for (const p of result.problems.slice(0, 50)) console.log(`  [${p.level === 'error' ? '错误' : '提示'}] ${p.sheet} ${p.message}`);
    if (result.problems.length > 50) console.log(`  …… 另有 ${result.problems.length - 50} 条`);
  });
}

async function statsOverview(args: string[]) {
  const { values } = parseArgs({ args, options: { year: { type: 'string' }, region: { type: 'string' }, json: { type: 'boolean' } } });
  const year = values.year ? Number(values.year) : chinaYear(new Date());
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('bad_request', '年度无效：--year 应为 2000–2100 的年份');
  await withContext(async (ctx) => {
    const overview = buildOverview(await readOverviewInput(ctx.db, systemUser('viewer', values.region), year));
    if (values.json) {
      console.log(JSON.stringify(overview, null, 2));
      return;
    }
    console.log(`${year} 年重点项目概况：共 ${overview.projects} 个，总投资 ${formatAmountAuto(overview.totalInvestment)}`);
    for (const c of overview.byCategory) console.log(`  ${c.label}：${c.count} 个，总投资 ${formatAmountAuto(c.totalInvestment)}`);
    console.log(`  过亿元 ${overview.bySize.atLeast100m} 个，过10亿元 ${overview.bySize.atLeast1b} 个，过百亿元 ${overview.bySize.atLeast10b} 个`);
    const a = overview.annual;
    console.log(`  年度计划 ${formatAmountAuto(a.plan)}，力争 ${formatAmountAuto(a.target)}，已完成 ${formatAmountAuto(a.completed)}（完成率 ${formatPercent(a.completionRate)}，同比增长 ${formatPercent(a.growth)}）`);
    for (const l of overview.byLevel.filter((x) => x.count)) console.log(`  ${l.label}：${l.count} 个，总投资 ${formatAmountAuto(l.totalInvestment)}，完成率 ${formatPercent(l.completionRate)}`);
  });
}

export async function main(argv: string[]) {
  const [command, sub, ...rest] = argv;
  if (command === 'start' || command === undefined) {
    await startServer(loadConfig(), { demo: argv.includes('--demo') });
    return;
  }
  if (command === 'demo') {
    await withContext(async (ctx) => {
      const demo = await loadDemo(ctx);
      if (demo) printDemo(demo);
      else console.log('示范县数据已存在 / the demo county is already loaded');
    });
  } else if (command === 'migrate') {
    await withContext(async () => console.log('数据库已是最新 / database is up to date'));
  } else if (command === 'region' && sub === 'create') {
    await regionCreate(rest);
  } else if (command === 'org' && sub === 'create') {
    await orgCreate(rest);
  } else if (command === 'user' && sub === 'create') {
    await userCreate(rest);
  } else if (command === 'import' && sub === 'ledger') {
    await importLedger(rest);
  } else if (command === 'stats' && sub === 'overview') {
    await statsOverview(rest);
  } else if (command === 'backup') {
    const { values } = parseArgs({ args: argv.slice(1), options: { out: { type: 'string' } } });
    if (!values.out) throw new AppError('bad_request', '缺少参数 --out（备份存放目录）');
    const config = loadConfig();
    const database = openDatabase({ url: config.databaseUrl, sqliteFile: config.sqliteFile, poolSize: 2 });
    try {
      const { dir, manifest } = await backup(config, database, values.out);
      console.log(`已备份 / backed up to ${dir}`);
      const objects = manifest.files.filter((f) => f.name.startsWith('objects/')).length;
      console.log(`  ${manifest.files.filter((f) => !f.name.startsWith('objects/')).map((f) => f.name).join(', ')}，照片/视频/归档文件 ${objects} 个`);
      console.log('请把 data.key 与数据库备份分开保管 / keep data.key apart from the database copy');
    } finally {
      await database.close();
    }
  } else if (command === 'restore') {
    const { values } = parseArgs({ args: argv.slice(1), options: { from: { type: 'string' }, force: { type: 'boolean' } } });
    if (!values.from) throw new AppError('bad_request', '缺少参数 --from（备份目录）');
    const manifest = await restoreSqlite(values.from, loadConfig(), { force: values.force ?? false });
    console.log(`已恢复 / restored the backup of ${manifest.createdAt}`);
  } else if (command === 'sweep') {
    await withContext(async (ctx) => {
      const r = await sweep(ctx, { all: argv.includes('--all') });
      console.log(`已清理 / swept: ${r.objects} 个无引用文件, ${r.chunks} 个上传分片, ${r.sessions} 个过期上传, ${r.tempFiles} 个临时文件`);
    });
  } else if (command === 'archive') {
    const { values } = parseArgs({ args: argv.slice(1), options: { period: { type: 'string' }, out: { type: 'string' }, region: { type: 'string' }, originals: { type: 'boolean' } } });
    if (!values.period || !values.out) throw new AppError('bad_request', '缺少参数：--period（月份 YYYY-MM）和 --out（输出文件）都必须提供');
    if (!isPeriod(values.period)) throw new AppError('bad_request', '月份无效：--period 应为 YYYY-MM，例如 2026-05');
    await withContext(async (ctx) => {
      const periodId = await findPeriodForCli(ctx, values.period!, values.region);
      const r = await archiveForCli(ctx, periodId, values.out!, { originals: values.originals ?? false });
      console.log(`已生成归档 / archive written: ${values.out}（${r.files} 个文件，${(r.size / 1024 / 1024).toFixed(1)} MB，SHA-256 ${r.sha256}）`);
    });
  } else if (command === 'audit' && sub === 'verify') {
    await withContext(async (ctx) => {
      const report = await verifyAuditChain(ctx.db);
      console.log(report.ok ? `审计链完整，共 ${report.checked} 条 / chain ok` : `审计链在第 ${report.brokenAt} 条处断裂 / chain broken at ${report.brokenAt}`);
      if (!report.ok) process.exitCode = 1;
    });
  } else {
    console.log(USAGE);
    if (command !== 'help' && command !== '--help') process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof AppError) {
    console.error(`错误 / error: ${err.message}`);
    const details = Array.isArray(err.details) ? (err.details as { message: string }[]) : [];
    for (const d of details.slice(1)) console.error(`  ${d.message}`);
    process.exitCode = 1;
    return;
  }
  console.error(err);
  process.exitCode = 1;
});
