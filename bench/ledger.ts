import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { chinaYear, ledgerQuery } from '@tuijin/core';
import { openDatabase, type Db } from '../packages/server/src/db/kysely';
import type { DB } from '../packages/server/src/db/types';
import { writeAudit } from '../packages/server/src/lib/audit';
import { buildContext } from '../packages/server/src/app';
import { loadConfig } from '../packages/server/src/config';
import { systemUser } from '../packages/server/src/lib/system-user';
import { insertUser } from '../packages/server/src/features/users/service';
import { ledgerLevelsQuery, ledgerPageQuery, ledgerTotalsQuery } from '../packages/server/src/features/projects/ledger-queries';
import { overviewQueries } from '../packages/server/src/features/stats/queries';
import { ms, peakRssMb, request, startServer, summarize } from './lib';
import { PROVINCE, YEAR, counties, seedProvince } from './seed';

// The ledger and overview benchmark (issue: 20,000 projects on SQLite). Figures are
// latencies through real HTTP against a server child process, each compared with the bare
// SQL of the very same queries (compiled by the app's own query builders, run directly on
// better-sqlite3) measured in the same run.

const PASSWORD = 'Bench#Office2026';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 15) * 1000;
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 100);

const dir = mkdtempSync(join(tmpdir(), 'tuijin-bench-'));
const env = { TUIJIN_DATA: dir, DATABASE_URL: '' };

// 1. Data: a province, 100 counties, 20,000 projects; a province-level office user.
const database = openDatabase({ sqliteFile: join(dir, 'tuijin.sqlite') });
const t = process.hrtime.bigint();
await seedProvince(database);
const ctx = buildContext({ config: { ...loadConfig({ ...process.env, ...env }) }, database, scryptCost: { N: 1024, r: 8, p: 1 } });
await database.db.transaction().execute((tx) =>
  insertUser(ctx, tx, { username: 'province_office', displayName: '省重点办', role: 'office', regionCode: PROVINCE, password: PASSWORD }, {
    mustChangePassword: false, audit: (r) => writeAudit(tx, { userId: null, username: 'bench', role: null, ip: null }, new Date(), r),
  }),
);
await database.close();
console.log(`seeded 20,000 projects in ${ms(t).toFixed(0)} ms`);

// 2. The filters a clerk uses, as query strings and as the app's parsed filter.
const countyCodes = counties().map((c) => c.county);
const filters = [
  `year=${YEAR}`,
  `year=${YEAR}&category=industrial`,
  `year=${YEAR}&stage=under_construction&sort=completionRate&order=asc`,
  `year=${YEAR}&size=atLeast1b`,
  `year=${YEAR}&level=city,province`,
  `year=${YEAR}&industry=equipment,new_energy&sort=plan`,
  `year=${YEAR}&q=${encodeURIComponent('物流')}`,
  ...countyCodes.slice(0, 5).map((c) => `year=${YEAR}&regionCode=${c}&sort=name&order=asc`),
];
const pages = [1, 2, 3, 10];
const paths = filters.flatMap((f) => pages.map((p) => `/api/v1/projects?${f}&page=${p}&pageSize=50`));

// 3. Bare SQL: the same compiled statements, straight on better-sqlite3.
const raw = new SQLite(join(dir, 'tuijin.sqlite'), { readonly: true });
const compiler = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }), plugins: [new CamelCasePlugin()] }) as Db;
const user = { ...systemUser('office', PROVINCE), regionLevel: 'province' as const };
function bareLedger(path: string) {
  const params = Object.fromEntries(new URLSearchParams(path.split('?')[1]));
  const q = ledgerQuery.parse(params);
  const f = { ...q, year: q.year ?? chinaYear(new Date()), yearOnly: q.year != null };
  const page = ledgerPageQuery(compiler, user, f).compile();
  const rows = raw.prepare(page.sql).all(...(page.parameters as unknown[])) as { id: number }[];
  if (rows.length) {
    const lv = ledgerLevelsQuery(compiler, f.year, rows.map((r) => r.id)).compile();
    raw.prepare(lv.sql).all(...(lv.parameters as unknown[]));
  }
  const totals = ledgerTotalsQuery(compiler, user, f).compile();
  raw.prepare(totals.sql).get(...(totals.parameters as unknown[]));
}
function bareOverview() {
  const { groups, levels } = overviewQueries(compiler, user, YEAR);
  for (const q of [groups.compile(), levels.compile()]) raw.prepare(q.sql).all(...(q.parameters as unknown[]));
}
function timeEach(fn: (p: string) => void, items: string[], rounds: number) {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) for (const p of items) { const s = process.hrtime.bigint(); fn(p); samples.push(ms(s)); }
  return summarize(samples);
}
const bare = {
  ledger: timeEach(bareLedger, paths, 3),
  overview: timeEach(() => bareOverview(), ['x'], 30),
};

async function serverRun(cache: boolean, port: number) {
  const server = await startServer({ ...env, TUIJIN_READ_CACHE: cache ? '1' : '0' }, port);
  const login = await request(port, 'POST', '/api/v1/auth/login', { body: { username: 'province_office', password: PASSWORD } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const sequential = async (items: string[], rounds: number) => {
    const samples: number[] = [];
    for (let r = 0; r < rounds; r++) for (const p of items) {
      const s = process.hrtime.bigint();
      const res = await request(port, 'GET', p, { cookie });
      if (res.status !== 200) throw new Error(`${p} → ${res.status} ${res.body}`);
      samples.push(ms(s));
    }
    return summarize(samples);
  };
  const ledger = await sequential(paths, 3);
  const overview = await sequential([`/api/v1/stats/overview?year=${YEAR}`], 30);
  // 50 clients at once, each asking again THINK_MS (±50%) after its answer.
  const samples: number[] = [];
  let errors = 0;
  const end = Date.now() + DURATION_MS;
  await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
    let i = c;
    while (Date.now() < end) {
      const p = paths[i++ % paths.length]!;
      const s = process.hrtime.bigint();
      const res = await request(port, 'GET', p, { cookie });
      samples.push(ms(s));
      if (res.status !== 200) errors++;
      await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));
    }
  }));
  const load = { ...summarize(samples), errors, rps: Math.round(samples.length / (DURATION_MS / 1000)) };
  const rssMb = peakRssMb(server.pid!);
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  return { ledger, overview, load, rssMb };
}

const cold = await serverRun(false, 3811);
const warm = await serverRun(true, 3812);
raw.close();
rmSync(dir, { recursive: true, force: true });

const round = (x: number) => Math.round(x * 100) / 100;
const results = {
  date: new Date().toISOString(),
  node: process.version,
  projects: 20_000,
  clients: CLIENTS,
  thinkMs: THINK_MS,
  bare: { ledgerP50: round(bare.ledger.p50), overviewP50: round(bare.overview.p50) },
  uncached: {
    ledgerP50: round(cold.ledger.p50), ledgerRatio: round(cold.ledger.p50 / bare.ledger.p50),
    overviewP50: round(cold.overview.p50), overviewRatio: round(cold.overview.p50 / bare.overview.p50),
    loadP95: round(cold.load.p95), loadRps: cold.load.rps, errors: cold.load.errors, rssMb: cold.rssMb,
  },
  cached: {
    ledgerP50: round(warm.ledger.p50), ledgerRatio: round(warm.ledger.p50 / bare.ledger.p50),
    overviewP50: round(warm.overview.p50), overviewP95: round(warm.overview.p95), overviewRatio: round(warm.overview.p50 / bare.overview.p50),
    loadP50: round(warm.load.p50), loadP95: round(warm.load.p95), loadRps: warm.load.rps, errors: warm.load.errors, rssMb: warm.rssMb,
  },
};
mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'out', 'ledger.json'), JSON.stringify(results, null, 2));
console.log(JSON.stringify(results, null, 2));
const targets = [
  ['ledger page p95 at 50 clients ≤ 30 ms', results.cached.loadP95 <= 30],
  ['overview ≤ 50 ms', results.cached.overviewP95 <= 50 && results.uncached.overviewP50 <= 50],
  ['ledger within 2× bare SQL', results.uncached.ledgerRatio <= 2],
  ['overview within 2× bare SQL', results.uncached.overviewRatio <= 2],
  ['server memory ≤ 400 MB', Math.max(results.cached.rssMb, results.uncached.rssMb) <= 400],
] as const;
for (const [label, ok] of targets) console.log(`${ok ? 'PASS' : 'MISS'}  ${label}`);
