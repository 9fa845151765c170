import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { addMonths, chinaDate, type BulletinView } from '@tuijin/core';
import { buildContext } from '../packages/server/src/app';
import { loadConfig } from '../packages/server/src/config';
import { openDatabase, type Db } from '../packages/server/src/db/kysely';
import type { DB } from '../packages/server/src/db/types';
import { sessionUserOf } from '../packages/server/src/demo/reports';
import { writeAudit } from '../packages/server/src/lib/audit';
import { FakeClock } from '../packages/server/src/lib/clock';
import { scopePrefix } from '../packages/server/src/lib/permissions';
import { systemUser } from '../packages/server/src/lib/system-user';
import { computeScores } from '../packages/server/src/features/assessment/compute';
import { draftBulletin } from '../packages/server/src/features/bulletins/draft';
import { bulletinFactQueries } from '../packages/server/src/features/bulletins/draft-queries';
import { insertUser } from '../packages/server/src/features/users/service';
import { recomputeWarnings } from '../packages/server/src/features/warnings/recompute';
import { seedScoring } from './assessment-seed';
import { seedBulletinPhotos } from './bulletin-seed';
import { agent, ms, peakRssMb, startServer, summarize } from './lib';
import { counties, seedProvince } from './seed';
import { seedSupervision } from './warnings-seed';

// The bulletin benchmark (issue: drafting a county's bulletin, 200 projects with photos, ≤ 3 s).
// A county of the 20,000-project province, its month scored (and the month before, for the
// movement), its warnings computed, every project photographed from fixed points in two months.
// Through real HTTP against a server child process, as the county's office: POST a draft, GET
// its .docx (4 photo comparisons, the draft's own picks), pick 8 (the most a bulletin prints)
// and GET it again, DELETE it; round after round. Two floors in the same run: for the draft,
// its eight fact-gathering statements compiled by the app's own builders and run directly on
// better-sqlite3 (a draft opens no photo file, so that is its honest floor); for the .docx,
// reading the same display JPEGs straight from disk (the one thing a render cannot skip).

const PASSWORD = 'Bench#Office2026';
const ROUNDS = Number(process.env.BENCH_BULLETIN_ROUNDS ?? 15);
const dir = mkdtempSync(join(tmpdir(), 'tuijin-bulletin-'));
const env = { TUIJIN_DATA: dir, DATABASE_URL: '' };
const file = join(dir, 'tuijin.sqlite');
const now = new Date();
const today = chinaDate(now);
const period = addMonths(today.slice(0, 7), -1); // the last closed month
const county = counties()[0]!.county;
const round = (x: number) => Math.round(x * 10) / 10;
const stats = (samples: number[]) => { const s = summarize(samples); return { p50: round(s.p50), p95: round(s.p95), max: round(s.max), n: s.n }; };

// 1. Data.
const database = openDatabase({ sqliteFile: file });
const t = process.hrtime.bigint();
await seedProvince(database);
const supervision = await seedSupervision(database, today);
const scoring = await seedScoring(database, period);
const clock = new FakeClock(now);
const ctx = buildContext({ config: loadConfig({ ...process.env, ...env }), database, clock, scryptCost: { N: 1024, r: 8, p: 1 } });
const userId = await database.db.transaction().execute((tx) =>
  insertUser(ctx, tx, { username: 'county_office', displayName: 'county_office', role: 'office', regionCode: county, password: PASSWORD }, {
    mustChangePassword: false, audit: (r) => writeAudit(tx, { userId: null, username: 'bench', role: null, ip: null }, new Date(), r),
  }));
const office = await sessionUserOf(ctx, userId);
const prefix = scopePrefix(office);
const photos = await seedBulletinPhotos(database, ctx.storage, county, [addMonths(period, -1), period]);
for (const p of [addMonths(period, -1), period]) await computeScores(ctx, office, p);
// Warnings as the hourly run left them near the month's end, so the bulletin has live ones to list.
clock.set(new Date(`${period}-25T10:00:00+08:00`));
const warnings = await recomputeWarnings(ctx, systemUser('office', county), prefix);
clock.set(now);
console.log(`seeded 20,000 projects, ${JSON.stringify({ ...supervision, ...scoring, ...photos, warnings: warnings.raised })} in ${(ms(t) / 1000).toFixed(0)} s`);

// 2. Floors and the draft in process: the bare statements, then draftBulletin (gather + compose).
const raw = new SQLite(file, { readonly: true });
const compiler = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }), plugins: [new CamelCasePlugin()] }) as Db;
const bareSamples: number[] = [];
let factRows = 0;
for (let i = 0; i < 20; i++) {
  const s = process.hrtime.bigint();
  factRows = 0;
  for (const q of Object.values(bulletinFactQueries(compiler, prefix, period))) {
    const c = q.compile();
    factRows += raw.prepare(c.sql).all(...(c.parameters as unknown[])).length;
  }
  bareSamples.push(ms(s));
}
const bareFacts = stats(bareSamples);
const region = { code: county, name: office.regionName, level: office.regionLevel };
const inProcess: number[] = [];
for (let i = 0; i < 20; i++) {
  const s = process.hrtime.bigint();
  await draftBulletin(ctx.db, region, period, now.toISOString(), null);
  inProcess.push(ms(s));
}
const draftInProcess = stats(inProcess);
console.log(`bare facts p50 ${bareFacts.p50} ms (${factRows} rows); draftBulletin in process p50 ${draftInProcess.p50} ms`);
// The server child must not run its hourly jobs while the pages are timed.
for (const h of [now, new Date(now.getTime() + 3_600_000)].map((d) => d.toISOString().slice(0, 13))) {
  await database.db.insertInto('jobRun').values(['warnings:hourly:', 'sweep:', 'obstacle-escalation:'].map((k) => ({ key: `${k}${h}`, startedAt: now.toISOString(), finishedAt: now.toISOString(), result: '{}' }))).execute();
}
await database.close();

// 3. Through HTTP, as the county's office.
const port = 3825;
const server = await startServer(env, port);
function call(method: string, path: string, cookie?: string, body?: unknown): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: {
      ...(cookie ? { cookie } : {}), 'x-requested-with': 'tuijin', ...(payload ? { 'content-type': 'application/json' } : {}),
    } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}
async function timed(samples: number[], method: string, path: string, cookie: string, body?: unknown, expect = 200) {
  const s = process.hrtime.bigint();
  const res = await call(method, path, cookie, body);
  samples.push(ms(s));
  if (res.status !== expect) throw new Error(`${method} ${path} → ${res.status} ${res.body.toString('utf8').slice(0, 300)}`);
  return res;
}
const login = await call('POST', '/api/v1/auth/login', undefined, { username: 'county_office', password: PASSWORD });
const cookie = String(login.headers['set-cookie']).split(';')[0]!;
const drafts: number[] = [];
const docx4: number[] = [];
const docx8: number[] = [];
const draftAndDocx: number[] = [];
const others: number[] = [];
let view: BulletinView | null = null;
const sizes = { docx4: 0, docx8: 0 };
for (let r = 0; r < ROUNDS; r++) {
  view = JSON.parse((await timed(drafts, 'POST', '/api/v1/bulletins', cookie, { period }, 201)).body.toString('utf8')) as BulletinView;
  sizes.docx4 = (await timed(docx4, 'GET', `/api/v1/bulletins/${view.id}/docx`, cookie)).body.length;
  draftAndDocx.push(drafts.at(-1)! + docx4.at(-1)!);
  const picks = [...new Map(view.candidates.map((c) => [c.projectId, c])).values()].slice(0, 8);
  view = JSON.parse((await timed(others, 'PATCH', `/api/v1/bulletins/${view.id}`, cookie, { version: view.version, photos: picks.map((c) => ({ beforeMediaId: c.before.mediaId, afterMediaId: c.after.mediaId })) })).body.toString('utf8')) as BulletinView;
  sizes.docx8 = (await timed(docx8, 'GET', `/api/v1/bulletins/${view.id}/docx`, cookie)).body.length;
  if (r < ROUNDS - 1) await timed(others, 'DELETE', `/api/v1/bulletins/${view.id}?version=${view.version}`, cookie);
}
// The last draft kept: regenerated from fresh data (the picks stay), then published (rendered once, stored).
const regenerations: number[] = [];
for (let i = 0; i < 5; i++) view = JSON.parse((await timed(regenerations, 'POST', `/api/v1/bulletins/${view!.id}/regenerate`, cookie, { version: view!.version })).body.toString('utf8')) as BulletinView;
view = JSON.parse((await call('PATCH', `/api/v1/bulletins/${view!.id}`, cookie, { version: view!.version, docNo: `〔${period.slice(0, 4)}〕11号` })).body.toString('utf8')) as BulletinView;
const publish: number[] = [];
await timed(publish, 'POST', `/api/v1/bulletins/${view.id}/publish`, cookie, { version: view.version });
const published: number[] = [];
for (let i = 0; i < 5; i++) await timed(published, 'GET', `/api/v1/bulletins/${view.id}/docx`, cookie);
// Earlier months, drafted once each (fewer photo comparisons, no scores two months back).
const earlier: number[] = [];
for (const back of [1, 2]) await timed(earlier, 'POST', '/api/v1/bulletins', cookie, { period: addMonths(period, -back) }, 201);
const rssMb = peakRssMb(server.pid!);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));

// The .docx floor: the eight chosen pairs' display files read straight from disk.
const media = raw.prepare(`select display_key from media where id in (${view.photos.flatMap((p) => [p.before.mediaId, p.after.mediaId]).join(',')})`).all() as { display_key: string }[];
const reads: number[] = [];
let photoBytes = 0;
for (let i = 0; i < 20; i++) {
  const s = process.hrtime.bigint();
  photoBytes = (await Promise.all(media.map((m) => readFile(join(dir, 'objects', ...m.display_key.split('/')))))).reduce((n, b) => n + b.length, 0);
  reads.push(ms(s));
}
const bareRead = stats(reads);
raw.close();
rmSync(dir, { recursive: true, force: true });

const results = {
  date: now.toISOString(), node: process.version, county, period, projects: 200, seeded: { ...supervision, ...scoring, ...photos, warnings: warnings.raised },
  candidates: view.candidates.length, printed: view.photos.length, sections: view.sections.length,
  bareFacts: { ...bareFacts, rows: factRows }, draftInProcess,
  draft: stats(drafts), docx4: stats(docx4), docx8: stats(docx8), draftAndDocx: stats(draftAndDocx),
  draftRatio: round(stats(drafts).p50 / bareFacts.p50), docxSizes: { fourPairsKb: Math.round(sizes.docx4 / 1024), eightPairsKb: Math.round(sizes.docx8 / 1024) },
  bareRead8Pairs: { ...bareRead, kb: Math.round(photoBytes / 1024) }, docx8Ratio: round(stats(docx8).p50 / bareRead.p50),
  patchAndDelete: stats(others), regenerate: stats(regenerations), publishMs: round(publish[0]!), publishedDocx: stats(published), earlierMonths: earlier.map(round),
  rssMb,
};
mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'out', 'bulletin.json'), JSON.stringify(results, null, 2));
console.log(JSON.stringify(results, null, 2));
const targets = [
  ['drafting a county\'s bulletin (200 projects), POST p95 ≤ 3 s', results.draft.p95 <= 3000],
  ['the draft and its .docx with photos, p95 ≤ 3 s', results.draftAndDocx.p95 <= 3000],
] as const;
for (const [label, ok] of targets) console.log(`${ok ? 'PASS' : 'MISS'}  ${label}`);
