import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { addMonths, chinaDate } from '@tuijin/core';
import { buildContext } from '../packages/server/src/app';
import { loadConfig } from '../packages/server/src/config';
import { openDatabase, type Db } from '../packages/server/src/db/kysely';
import type { DB } from '../packages/server/src/db/types';
import { sessionUserOf } from '../packages/server/src/demo/reports';
import { writeAudit } from '../packages/server/src/lib/audit';
import { FakeClock } from '../packages/server/src/lib/clock';
import { scopePrefix } from '../packages/server/src/lib/permissions';
import { insertUser } from '../packages/server/src/features/users/service';
import { computeScores, scoreMonth, subjectsOf } from '../packages/server/src/features/assessment/compute';
import { gatherScoreFacts, scoreFactQueries } from '../packages/server/src/features/assessment/facts';
import { schemeFor } from '../packages/server/src/features/assessment/schemes';
import { seedScoring } from './assessment-seed';
import { ms, peakRssMb, request, startServer, summarize } from './lib';
import { PROVINCE, counties, seedProvince } from './seed';
import { seedSupervision } from './warnings-seed';

// The scoring benchmark (issue: scoring one month of 20,000 projects ≤ 10 s). The scoring runs in
// process as the office's 计分 button runs it (computeScores, one transaction), over the whole
// province as its office, on SQLite: the month before (so the ranking has its movement), the
// month's first scoring (every score written), a rescore replacing the draft, and a county's
// month. Its bare baseline is the eight fact-gathering statements, compiled by the app's own query
// builders and run directly on better-sqlite3. The ranking and the explanation of a score are
// timed through real HTTP against a server child process.

const PASSWORD = 'Bench#Office2026';
const ROUNDS = Number(process.env.BENCH_SCORE_ROUNDS ?? 20);
const dir = mkdtempSync(join(tmpdir(), 'tuijin-assessment-'));
const env = { TUIJIN_DATA: dir, DATABASE_URL: '' };
const file = join(dir, 'tuijin.sqlite');
const now = new Date();
const today = chinaDate(now);
const period = addMonths(today.slice(0, 7), -1); // the last closed month
const county = counties()[0]!.county;
const round = (x: number) => Math.round(x * 10) / 10;
// Peak memory of this process from here on: after a full collection (what seeding left is
// garbage), Linux resets VmHWM to the current RSS when 5 is written to clear_refs.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const resetPeak = () => {
  gc();
  writeFileSync('/proc/self/clear_refs', '5');
  return peakRssMb(process.pid);
};

// 1. Data: the warnings benchmark's province, with the scored month's sending, photos, findings and leaders.
const database = openDatabase({ sqliteFile: file });
const t = process.hrtime.bigint();
await seedProvince(database);
const supervision = await seedSupervision(database, today);
const scoring = await seedScoring(database, period);
const ctx = buildContext({ config: loadConfig({ ...process.env, ...env }), database, clock: new FakeClock(now), scryptCost: { N: 1024, r: 8, p: 1 } });
const ids: number[] = [];
for (const [username, regionCode] of [['province_office', PROVINCE], ['county_office', county]] as const) {
  await database.db.transaction().execute(async (tx) => {
    ids.push(await insertUser(ctx, tx, { username, displayName: username, role: 'office', regionCode, password: PASSWORD }, {
      mustChangePassword: false, audit: (r) => writeAudit(tx, { userId: null, username: 'bench', role: null, ip: null }, new Date(), r),
    }));
  });
}
const provinceUser = await sessionUserOf(ctx, ids[0]!);
const countyUser = await sessionUserOf(ctx, ids[1]!);
console.log(`seeded 20,000 projects, ${JSON.stringify(supervision)}, ${JSON.stringify(scoring)} in ${ms(t).toFixed(0)} ms`);

// 2. Bare baseline: the fact-gathering statements, straight on better-sqlite3.
const raw = new SQLite(file, { readonly: true });
const compiler = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }), plugins: [new CamelCasePlugin()] }) as Db;
function bareFacts(prefix: string): number {
  let rows = 0;
  for (const q of Object.values(scoreFactQueries(compiler, prefix, period))) {
    const c = q.compile();
    rows += raw.prepare(c.sql).all(...(c.parameters as unknown[])).length;
  }
  return rows;
}
const bare = (prefix: string, n: number) => {
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < n; i++) { const s = process.hrtime.bigint(); rows = bareFacts(prefix); samples.push(ms(s)); }
  return { ...summarize(samples), rows };
};
const bareProvince = bare(scopePrefix(provinceUser), 5);
const bareCounty = bare(scopePrefix(countyUser), 20);
console.log(`bare facts: province ${bareProvince.p50.toFixed(0)} ms (${bareProvince.rows} rows), county ${bareCounty.p50.toFixed(1)} ms (${bareCounty.rows} rows)`);

// 3. The scoring, in process, as the office's button runs it.
const timed = async (label: string, user = provinceUser, p = period) => {
  const s = process.hrtime.bigint();
  const result = await computeScores(ctx, user, p);
  const took = ms(s);
  console.log(`${label}: ${took.toFixed(0)} ms ${JSON.stringify(result.counts)}`);
  return { ms: Math.round(took), counts: result.counts };
};
const before = await timed('the month before (province)', provinceUser, addMonths(period, -1));
const rssAtStartMb = resetPeak();
const first = await timed('first scoring of the month (province)');
const rescore = await timed('rescore of the month (province)');
const rssMb = peakRssMb(process.pid);
const countyFirst = await timed('first scoring of the month (county)', countyUser);
const countyRescores: number[] = [];
for (let i = 0; i < 5; i++) countyRescores.push((await timed('rescore (county)', countyUser)).ms);
const countyRescore = summarize(countyRescores);
const scoreRows = await database.db.selectFrom('score').innerJoin('scoreRun', 'scoreRun.id', 'score.runId')
  .select((eb) => eb.fn.countAll<number>().as('n')).where('scoreRun.regionCode', '=', PROVINCE).where('scoreRun.period', '=', period).executeTakeFirst();

// Where the time goes, in one pass: the facts through Kysely, scoring and ranking them (scoreMonth
// gathers again, so its own facts time is taken off), then the rescore's writes as computeScores
// does them (the draft's rows deleted, the new ones 500 a statement), rolled back afterwards.
const Rollback = class extends Error {};
let phases: Record<string, number> = {};
await database.db.transaction().execute(async (tx) => {
  let s = process.hrtime.bigint();
  await gatherScoreFacts(tx, scopePrefix(provinceUser), period);
  const factsMs = ms(s);
  const scheme = await schemeFor(tx, provinceUser.regionCode, period);
  s = process.hrtime.bigint();
  const month = await scoreMonth(tx, scopePrefix(provinceUser), period, scheme, subjectsOf(scheme.document.subjects, provinceUser));
  const scoreAndRankMs = ms(s) - factsMs;
  const run = await tx.selectFrom('scoreRun').select('id').where('regionCode', '=', PROVINCE).where('period', '=', period).executeTakeFirstOrThrow();
  s = process.hrtime.bigint();
  await tx.deleteFrom('score').where('runId', '=', run.id).execute();
  const deleteMs = ms(s);
  s = process.hrtime.bigint();
  for (let i = 0; i < month.rows.length; i += 500) await tx.insertInto('score').values(month.rows.slice(i, i + 500).map((r) => ({ runId: run.id, ...r }))).execute();
  const insertMs = ms(s);
  const json = month.rows.reduce((n, r) => n + r.items.length, 0);
  phases = { factsMs: round(factsMs), scoreAndRankMs: round(scoreAndRankMs), deleteMs: round(deleteMs), insertMs: round(insertMs), rows: month.rows.length, itemsJsonMb: round(json / 1048576) };
  throw new Rollback();
}).catch((err: unknown) => { if (!(err instanceof Rollback)) throw err; });
console.log(`phases: ${JSON.stringify(phases)}`);

// The server child must not run its hourly jobs while the pages are timed.
for (const h of [now, new Date(now.getTime() + 3_600_000)].map((d) => d.toISOString().slice(0, 13))) {
  await database.db.insertInto('jobRun').values(['warnings:hourly:', 'sweep:', 'obstacle-escalation:'].map((k) => ({ key: `${k}${h}`, startedAt: now.toISOString(), finishedAt: now.toISOString(), result: '{}' }))).execute();
}
await database.close();
raw.close();

// 4. The ranking and the explanation, through HTTP, as the province's and the county's office.
const port = 3823;
const server = await startServer(env, port);
const login = async (username: string) => String((await request(port, 'POST', '/api/v1/auth/login', { body: { username, password: PASSWORD } })).headers['set-cookie']).split(';')[0]!;
const provinceCookie = await login('province_office');
const countyCookie = await login('county_office');
const get = async (path: string, cookie: string) => {
  const res = await request(port, 'GET', path, { cookie });
  if (res.status !== 200) throw new Error(`${path} → ${res.status} ${res.body}`);
  return JSON.parse(res.body) as { total: number; items: { subjectId: string }[] };
};
const sequential = async (paths: string[], rounds: number, cookie: string) => {
  const samples: number[] = [];
  const byPath = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) for (const p of paths) {
    const s = process.hrtime.bigint();
    await get(p, cookie);
    samples.push(ms(s));
    byPath.set(p, [...(byPath.get(p) ?? []), ms(s)]);
  }
  const x = summarize(samples);
  // Each page's own median, to tell which one sets the p95.
  const pages = Object.fromEntries([...byPath].map(([p, v]) => [p.replace(/^\/api\/v1\/scores(\/explain)?\?period=[\d-]+&/, ''), round(summarize(v).p50)]));
  return { p50: round(x.p50), p95: round(x.p95), max: round(x.max), n: x.n, pages };
};
const list = (q: string) => `/api/v1/scores?period=${period}&${q}`;
const provinceLists = [list('kind=project'), list('kind=project&page=100'), list('kind=project&pageSize=1000'), list(`kind=project&q=${encodeURIComponent('项目')}`), list('kind=department'), list('kind=leader'), list('kind=region')];
const countyLists = [list('kind=project'), list('kind=project&page=2'), list('kind=department'), list('kind=township')];
const provinceList = await sequential(provinceLists, ROUNDS, provinceCookie);
const countyList = await sequential(countyLists, ROUNDS, countyCookie);
// Explanations of the first projects on the list, and of groups (a department's lists its projects).
const explainPaths = async (cookie: string) => {
  const out: string[] = [];
  for (const kind of ['project', 'department', 'leader']) {
    const page = await get(list(`kind=${kind}&pageSize=5`), cookie);
    out.push(...page.items.map((i) => `/api/v1/scores/explain?period=${period}&kind=${kind}&subjectId=${i.subjectId}`));
  }
  return out;
};
const provinceExplain = await sequential(await explainPaths(provinceCookie), ROUNDS, provinceCookie);
const countyExplain = await sequential(await explainPaths(countyCookie), ROUNDS, countyCookie);
const serverRssMb = peakRssMb(server.pid!);
// The office's button through HTTP: the province's month rescored by the server, then its first page.
const s = process.hrtime.bigint();
const computed = await request(port, 'POST', '/api/v1/scores/compute', { cookie: provinceCookie, body: { period } });
const httpRescoreMs = Math.round(ms(s));
if (computed.status !== 200) throw new Error(`compute → ${computed.status} ${computed.body}`);
const serverRssAfterComputeMb = peakRssMb(server.pid!);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
const dbMb = Math.round(readFileSync(file).length / 1048576);
rmSync(dir, { recursive: true, force: true });

const results = {
  date: now.toISOString(), node: process.version, projects: 20_000, period, seeded: { ...supervision, ...scoring }, dbMb,
  bareFacts: { province: { p50: round(bareProvince.p50), rows: bareProvince.rows }, county: { p50: round(bareCounty.p50), rows: bareCounty.rows } },
  compute: { before, first, rescore, countyFirst, countyRescoreP50: countyRescore.p50, scoreRows: Number(scoreRows?.n ?? 0), phases, httpRescoreMs },
  firstRatio: round(first.ms / bareProvince.p50), countyRatio: round(countyRescore.p50 / bareCounty.p50),
  provinceList, countyList, provinceExplain, countyExplain,
  rssAtStartMb, rssMb, serverRssMb, serverRssAfterComputeMb,
};
mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'out', 'assessment.json'), JSON.stringify(results, null, 2));
console.log(JSON.stringify(results, null, 2));
const targets = [
  ['scoring one month of 20,000 projects, first scoring ≤ 10 s', first.ms <= 10_000],
  ['scoring one month of 20,000 projects, rescore ≤ 10 s', rescore.ms <= 10_000],
] as const;
for (const [label, ok] of targets) console.log(`${ok ? 'PASS' : 'MISS'}  ${label}`);
