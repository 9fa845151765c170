import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { chinaDate } from '@tuijin/core';
import { buildContext } from '../packages/server/src/app';
import { loadConfig } from '../packages/server/src/config';
import { openDatabase, type Db } from '../packages/server/src/db/kysely';
import type { DB } from '../packages/server/src/db/types';
import { writeAudit } from '../packages/server/src/lib/audit';
import { FakeClock } from '../packages/server/src/lib/clock';
import { systemUser } from '../packages/server/src/lib/system-user';
import { insertUser } from '../packages/server/src/features/users/service';
import { warningFactQueries } from '../packages/server/src/features/warnings/facts';
import { HOURLY_PREFIX } from '../packages/server/src/features/warnings/job';
import { recomputeWarnings } from '../packages/server/src/features/warnings/recompute';
import { ms, peakRssMb, request, startServer, summarize } from './lib';
import { PROVINCE, counties, seedProvince } from './seed';
import { seedSupervision } from './warnings-seed';

// The warnings benchmark (issue: recompute every warning for 20,000 projects ≤ 10 s; the
// warnings list for a county ≤ 50 ms). The recompute runs in process, as the hourly job does,
// over the whole province on SQLite: the first run (every warning raised, with its event and
// audit record), a run with nothing changed, and a run a day later (many reasons reworded,
// some levels moved). Its bare baseline is the same six fact-gathering statements, compiled by
// the app's own query builders and run directly on better-sqlite3. The list is timed through
// real HTTP against a server child process, as a county office clerk.

const PASSWORD = 'Bench#Office2026';
const ROUNDS = Number(process.env.BENCH_WARNING_ROUNDS ?? 40);
const dir = mkdtempSync(join(tmpdir(), 'tuijin-warnings-'));
const env = { TUIJIN_DATA: dir, DATABASE_URL: '' };
const file = join(dir, 'tuijin.sqlite');
const now = new Date();
const today = chinaDate(now);
const county = counties()[0]!.county;

// 1. Data: the province of the ledger benchmark, with its months, nodes, obstacles and findings.
const database = openDatabase({ sqliteFile: file });
let t = process.hrtime.bigint();
await seedProvince(database);
const seeded = await seedSupervision(database, today);
const clock = new FakeClock(now);
const ctx = buildContext({ config: loadConfig({ ...process.env, ...env }), database, clock, scryptCost: { N: 1024, r: 8, p: 1 } });
for (const [username, regionCode] of [['province_office', PROVINCE], ['county_office', county]] as const) {
  await database.db.transaction().execute((tx) =>
    insertUser(ctx, tx, { username, displayName: username, role: 'office', regionCode, password: PASSWORD }, {
      mustChangePassword: false, audit: (r) => writeAudit(tx, { userId: null, username: 'bench', role: null, ip: null }, new Date(), r),
    }),
  );
}
console.log(`seeded 20,000 projects and ${JSON.stringify(seeded)} in ${ms(t).toFixed(0)} ms`);

// 2. Bare baseline: the fact-gathering statements, straight on better-sqlite3.
const raw = new SQLite(file, { readonly: true });
const compiler = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }), plugins: [new CamelCasePlugin()] }) as Db;
function bareFacts(): number {
  let rows = 0;
  for (const q of Object.values(warningFactQueries(compiler, '', today))) {
    const c = q.compile();
    rows += raw.prepare(c.sql).all(...(c.parameters as unknown[])).length;
  }
  return rows;
}
const bareSamples: number[] = [];
let factRows = 0;
for (let i = 0; i < 5; i++) { t = process.hrtime.bigint(); factRows = bareFacts(); bareSamples.push(ms(t)); }
const bare = summarize(bareSamples);

// 3. The recompute, whole province, as the hourly job runs it.
const system = systemUser('office');
const timed = async (label: string) => {
  const s = process.hrtime.bigint();
  const result = await recomputeWarnings(ctx, system, '');
  const took = ms(s);
  console.log(`${label}: ${took.toFixed(0)} ms ${JSON.stringify(result)}`);
  return { ...result, ms: Math.round(took) };
};
const first = await timed('first run (all raised)');
const steady = await timed('nothing changed');
clock.set(new Date(now.getTime() + 86_400_000));
const nextDay = await timed('a day later');
clock.set(now);
const back = await timed('back to today');
const events = await database.db.selectFrom('warningEvent').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
// The server child must not start its own hourly run while the list is timed.
const hour = now.toISOString().slice(0, 13);
const nextHour = new Date(now.getTime() + 3_600_000).toISOString().slice(0, 13);
await database.db.insertInto('jobRun').values([hour, nextHour].map((h) => ({ key: `${HOURLY_PREFIX}${h}`, startedAt: now.toISOString(), finishedAt: now.toISOString(), result: '{}' }))).execute();
await database.close();
raw.close();

// 4. The list for a county, through HTTP, as the county's office.
const port = 3821;
const server = await startServer(env, port);
const login = async (username: string) => String((await request(port, 'POST', '/api/v1/auth/login', { body: { username, password: PASSWORD } })).headers['set-cookie']).split(';')[0]!;
const cookie = await login('county_office');
const provinceCookie = await login('province_office');
const lists = ['', 'level=red', 'rule=investment_behind', 'page=2', `q=${encodeURIComponent('项目')}`, 'level=yellow&rule=node_overdue'].map((q) => `/api/v1/warnings?pageSize=50${q ? `&${q}` : ''}`);
const sequential = async (paths: string[], rounds: number, as = cookie) => {
  const samples: number[] = [];
  let total = 0;
  for (let r = 0; r < rounds; r++) for (const p of paths) {
    const s = process.hrtime.bigint();
    const res = await request(port, 'GET', p, { cookie: as });
    if (res.status !== 200) throw new Error(`${p} → ${res.status} ${res.body}`);
    samples.push(ms(s));
    if (r === 0 && p === paths[0]) total = (JSON.parse(res.body) as { total?: number; projects?: number }).total ?? 0;
  }
  return { ...summarize(samples), total };
};
const countyList = await sequential(lists, ROUNDS);
const countySummary = await sequential(['/api/v1/warnings/summary'], ROUNDS);
const provinceList = await sequential(['/api/v1/warnings?pageSize=50'], 10, provinceCookie);
const provinceSummary = await sequential(['/api/v1/warnings/summary'], 10, provinceCookie);
const rssMb = peakRssMb(server.pid!);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(dir, { recursive: true, force: true });

const round = (x: number) => Math.round(x * 10) / 10;
const results = {
  date: now.toISOString(), node: process.version, projects: 20_000, today, seeded, factRows,
  bareFactsP50: round(bare.p50),
  recompute: { first, steady, nextDay, back, events: Number(events?.n ?? 0) },
  recomputeRatio: round(steady.ms / bare.p50),
  countyList: { p50: round(countyList.p50), p95: round(countyList.p95), max: round(countyList.max), n: countyList.n, warnings: countyList.total },
  countySummary: { p50: round(countySummary.p50), p95: round(countySummary.p95) },
  provinceList: { p50: round(provinceList.p50), p95: round(provinceList.p95) },
  provinceSummary: { p50: round(provinceSummary.p50), p95: round(provinceSummary.p95) },
  rssMb,
};
mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'out', 'warnings.json'), JSON.stringify(results, null, 2));
console.log(JSON.stringify(results, null, 2));
const targets = [
  ['recompute of 20,000 projects, first run ≤ 10 s', first.ms <= 10_000],
  ['recompute of 20,000 projects, a day later ≤ 10 s', nextDay.ms <= 10_000],
  ['warnings list for a county, p95 ≤ 50 ms', countyList.p95 <= 50],
] as const;
for (const [label, ok] of targets) console.log(`${ok ? 'PASS' : 'MISS'}  ${label}`);
