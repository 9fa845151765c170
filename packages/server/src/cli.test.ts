import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaYear } from '@tuijin/core';
import { openDatabase } from './db/kysely';
import { verifyPassword } from './lib/passwords';
import { createPgDatabase, DIALECTS } from './test/harness';
import { xlsx } from './test/workbooks';

// The `tuijin` command as an operator runs it: a real process on a real database.
const bin = join(import.meta.dirname, '../bin/tuijin.mjs');

// Each command is a process of its own (tsx compiling the server), seconds apiece on a busy machine.
describe.each(DIALECTS)('tuijin command on %s', { timeout: 120_000 }, (dialect) => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let drop: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tuijin-cli-'));
    const pgDb = dialect === 'postgres' ? await createPgDatabase() : null;
    drop = pgDb?.drop ?? null;
    env = { ...process.env, TUIJIN_DATA: dir, DATABASE_URL: pgDb?.url ?? '' };
  });
  afterAll(async () => {
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
  const db = () => openDatabase({ url: env.DATABASE_URL || undefined, sqliteFile: join(dir, 'tuijin.sqlite') });

  it('sets up a county from nothing: regions, an organisation, a user whose password comes from stdin', async () => {
    for (const [code, name, level] of [['410000', '河南省', 'province'], ['411000', '许昌市', 'city'], ['411025', '襄城县', 'county']]) {
      const r = run(['region', 'create', '--code', code!, '--name', name!, '--level', level!]);
      expect(r.stdout + r.stderr).toContain(`已添加地区 / added region ${code}`);
    }
    const org = run(['org', 'create', '--kind', 'company', '--name', '襄城实业有限公司', '--region', '411025']);
    expect(org.status).toBe(0);
    const orgId = /organisation (\d+)/.exec(org.stdout)![1]!;
    const user = run(['user', 'create', '--username', 'XC_Reporter', '--role', 'reporter', '--region', '411025', '--org', orgId, '--name', '填报员'], 'Strong#Pass2026\n');
    expect(user.status, user.stderr).toBe(0);
    const database = db();
    const row = await database.db.selectFrom('appUser').selectAll().where('username', '=', 'xc_reporter').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'reporter', regionCode: '411025', orgId: Number(orgId), displayName: '填报员' });
    expect(await verifyPassword('Strong#Pass2026', row.passwordHash)).toBe(true);
    const audit = await database.db.selectFrom('auditEvent').select(['action', 'objectType', 'username']).where('objectType', '=', 'user').execute();
    expect(audit).toEqual([{ action: 'create', objectType: 'user', username: 'cli' }]);
    await database.close();
  });

  it('refuses bad input with a Chinese message and a failing exit code, writing nothing', () => {
    const weak = run(['user', 'create', '--username', 'weakling', '--role', 'viewer', '--region', '411025'], 'password\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('密码不符合要求');
    const role = run(['user', 'create', '--username', 'x1', '--role', 'king', '--region', '411025'], 'Strong#Pass2026\n');
    expect(role.stderr).toContain('角色无效');
    const region = run(['region', 'create', '--code', '4110', '--name', '坏', '--level', 'city']);
    expect(region.status).toBe(1);
    expect(region.stderr).toContain('行政区划代码：必须是 6 位行政区划代码');
    const uscc = run(['org', 'create', '--kind', 'company', '--name', '坏代码公司', '--region', '411025', '--uscc', '91411025MA0000000X']);
    expect(uscc.stderr).toContain('校验位不正确');
    const year = run(['stats', 'overview', '--year', '1999']);
    expect(year.stderr).toContain('年度无效');
    const unknown = run(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toContain('用法 / usage');
  });

  it('imports a ledger from the command line, dry run first', async () => {
    const file = join(dir, '襄城县台账.xlsx');
    writeFileSync(file, await xlsx([{ name: '台账', rows: [['襄城县2024年重点项目台账'], ['项目名称', '项目类别', '所属行业', '总投资（万元）', '年度计划投资（万元）'], ['襄城冷链物流园', '服务业', '物流', 8000, 2000], ['襄城光伏组件', '工业', '新能源', 30000, 9000]] }]));
    // One county in this deployment: it need not be named.
    const dry = run(['import', 'ledger', file, '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('预览 / dry run');
    expect(dry.stdout).toContain('新增 2');
    const database = db();
    const count = async () => Number((await database.db.selectFrom('project').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count()).toBe(0);
    const real = run(['import', 'ledger', file, '--region', '411025', '--json']);
    expect(real.status, real.stderr).toBe(0);
    expect(JSON.parse(real.stdout)).toMatchObject({ year: 2024, status: 'committed', counts: { create: 2, errors: 0 } });
    expect(await count()).toBe(2);
    const again = JSON.parse(run(['import', 'ledger', file, '--region', '411025', '--json']).stdout);
    expect(again.counts).toMatchObject({ create: 0, unchanged: 2 });
    await database.close();
    expect(run(['import', 'ledger', join(dir, 'missing.xlsx'), '--region', '411025']).stderr).toContain('读不到文件');
  });

  it('loads the demo county once and reports the annual figures as JSON in integer yuan', () => {
    const demo = run(['demo']);
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('demo_office');
    expect(run(['demo']).stdout).toContain('已存在');
    const year = String(chinaYear(new Date()));
    const stats = run(['stats', 'overview', '--year', year, '--region', '371499', '--json']);
    expect(stats.status, stats.stderr).toBe(0);
    const o = JSON.parse(stats.stdout);
    expect(o.projects).toBe(36);
    expect(Object.keys(o).sort()).toEqual(['annual', 'byCategory', 'byIndustry', 'byLevel', 'bySize', 'byStage', 'projects', 'totalInvestment', 'year']);
    expect(Number.isInteger(o.totalInvestment)).toBe(true);
    expect(o.byCategory.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(36);
    expect(Object.keys(o.annual).sort()).toEqual(['completed', 'completedLastYear', 'completionRate', 'growth', 'plan', 'target']);
    const text = run(['stats', 'overview', '--year', year, '--region', '371499']);
    expect(text.stdout).toContain('重点项目概况：共 36 个');
    expect(run(['audit', 'verify']).stdout).toContain('审计链完整');
  }, 120_000);

  it('backs up online and restores onto an empty machine with the same figures', () => {
    const year = String(chinaYear(new Date()));
    const before = run(['stats', 'overview', '--year', year, '--region', '371499', '--json']).stdout;
    const out = join(dir, 'backups');
    const made = run(['backup', '--out', out]);
    expect(made.status, made.stderr).toBe(0);
    const backupDir = /backed up to (\S+)/.exec(made.stdout)![1]!;
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
    const names: string[] = manifest.files.map((f: { name: string }) => f.name);
    expect(names.filter((n) => !n.startsWith('objects/'))).toEqual(dialect === 'sqlite' ? ['data.key', 'tuijin.sqlite'] : ['data.key', 'tuijin.pgdump']);
    // The demo's site photos travel with the database: original, display and thumbnail of each.
    const photos = names.filter((n) => n.startsWith('objects/media/'));
    expect(photos.length).toBeGreaterThan(50);
    if (dialect !== 'sqlite') return; // a PostgreSQL dump is restored with pg_restore
    const fresh = mkdtempSync(join(tmpdir(), 'tuijin-restore-'));
    const restored = spawnSync(process.execPath, [bin, 'restore', '--from', backupDir], { env: { ...env, TUIJIN_DATA: fresh }, encoding: 'utf8' });
    expect(restored.status, restored.stderr).toBe(0);
    const after = spawnSync(process.execPath, [bin, 'stats', 'overview', '--year', year, '--region', '371499', '--json'], { env: { ...env, TUIJIN_DATA: fresh }, encoding: 'utf8' }).stdout;
    expect(JSON.parse(after)).toEqual(JSON.parse(before));
    for (const name of photos) expect(readFileSync(join(fresh, name)).equals(readFileSync(join(backupDir, name)))).toBe(true);
    const again = spawnSync(process.execPath, [bin, 'restore', '--from', backupDir], { env: { ...env, TUIJIN_DATA: fresh }, encoding: 'utf8' });
    expect(again.stderr).toContain('--force');
    writeFileSync(join(backupDir, 'tuijin.sqlite'), 'tampered');
    const broken = spawnSync(process.execPath, [bin, 'restore', '--from', backupDir, '--force'], { env: { ...env, TUIJIN_DATA: fresh }, encoding: 'utf8' });
    expect(broken.stderr).toContain('校验值不符');
    rmSync(fresh, { recursive: true, force: true });
  });
});
