import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { chinaDate, formatPeriod } from '@tuijin/core';
import { buildContext } from '../packages/server/src/app';
import { loadConfig } from '../packages/server/src/config';
import { openDatabase } from '../packages/server/src/db/kysely';
import { migrateToLatest } from '../packages/server/src/db/migrate';
import { sessionUserOf } from '../packages/server/src/demo/reports';
import { createOrg } from '../packages/server/src/features/orgs/service';
import { openPeriod } from '../packages/server/src/features/periods/service';
import { createProject } from '../packages/server/src/features/projects/service';
import { insertUser } from '../packages/server/src/features/users/service';
import { writeAudit } from '../packages/server/src/lib/audit';
import { withExif } from '../packages/server/src/lib/media/exif-write';
import { systemUser } from '../packages/server/src/lib/system-user';
import { agent, ms, peakRssMb, request, startServer, summarize } from './lib';

// Month-end peak (issue: 200 reporters submitting at once with 10 photos each): every reporter
// logs in beforehand; then all 200 at once open their report, fill it, upload ten photos through
// the resumable protocol and submit, while ten office clerks keep reading the ledger, the month's
// board and the report list. Measured: errors, lost files (every answer 200 has its row and its
// bytes, checksum and all), the clerks' p95 during the burst against the same pages at rest
// (the bare baseline of this run), and the server's peak memory.

const REPORTERS = Number(process.env.BENCH_REPORTERS ?? 200);
const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 10);
const CLERKS = 10;
const PASSWORD = 'Bench#Report2026';
const COUNTY = '419901';
const LNG = 113.6;
const LAT = 34.7;

const dir = mkdtempSync(join(tmpdir(), 'tuijin-peak-'));
const env = { TUIJIN_DATA: dir, DATABASE_URL: '', STORAGE_URL: '' };
const period = formatPeriod(Number(chinaDate(new Date()).slice(0, 4)), Number(chinaDate(new Date()).slice(5, 7)));

// 1. A county with 200 companies, each with its project and its reporter; the month open.
const database = openDatabase({ sqliteFile: join(dir, 'tuijin.sqlite') });
await migrateToLatest(database.db);
const ctx = buildContext({ config: loadConfig({ ...process.env, ...env }), database, scryptCost: { N: 1024, r: 8, p: 1 } });
const at = new Date().toISOString();
for (const [code, name, level, parent] of [['100000', '全国', 'country', null], ['410000', '测试省', 'province', '100000'], ['419900', '测试市', 'city', '410000'], [COUNTY, '测试县', 'county', '419900']] as const) {
  await database.db.insertInto('region').values({ code, name, level, parentCode: parent, createdAt: at, updatedAt: at }).execute();
}
const office = systemUser('office', COUNTY);
const audit = { userId: null, username: 'bench', role: null, ip: null };
const addUser = (username: string, role: 'office' | 'reporter', orgId: number | null) =>
  database.db.transaction().execute((tx) => insertUser(ctx, tx, { username, displayName: username, role, regionCode: COUNTY, orgId, password: PASSWORD }, {
    mustChangePassword: false, audit: (r) => writeAudit(tx, audit, new Date(), r),
  }));
const dept = await createOrg(ctx, office, { kind: 'department', name: '县住建局', regionCode: COUNTY });
for (let i = 0; i < REPORTERS; i++) {
  const company = await createOrg(ctx, office, { kind: 'company', name: `测试建设有限公司${i}`, regionCode: COUNTY });
  await createProject(ctx, office, { name: `测试项目${i}`, regionCode: COUNTY, category: 'industrial', industry: 'equipment', nature: 'new', stage: 'under_construction', totalInvestment: 500_000_000, ownerOrgId: company.id, responsibleOrgId: dept.id, lng: LNG, lat: LAT });
  await addUser(`reporter${i}`, 'reporter', company.id);
}
for (let i = 0; i < CLERKS; i++) await addUser(`clerk${i}`, 'office', null);
const clerk0 = await database.db.selectFrom('appUser').select('id').where('username', '=', 'clerk0').executeTakeFirstOrThrow();
const opened = await openPeriod(ctx, await sessionUserOf(ctx, clerk0.id), { period });
await database.close();

// 2. Photos: twenty 3-megapixel scenes; each upload gets its own EXIF time, so no two files are the same bytes.
const scenes: Buffer[] = [];
for (let s = 0; s < 20; s++) {
  const noise = Buffer.alloc(64 * 48 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + s * 104_729) % 251;
  scenes.push(await sharp(noise, { raw: { width: 64, height: 48, channels: 3 } }).resize(2048, 1536, { kernel: 'cubic' }).jpeg({ quality: 88 }).toBuffer());
}
const photoOf = (reporter: number, k: number) => withExif(scenes[(reporter + k) % scenes.length]!, {
  dateTimeOriginal: `${period.replace('-', ':')}:${String(1 + (reporter % 20)).padStart(2, '0')} ${String(8 + k).padStart(2, '0')}:${String(reporter % 60).padStart(2, '0')}:00`,
  offsetTimeOriginal: '+08:00', gps: { lat: LAT + 0.001, lng: LNG + 0.001 },
});

const port = 4300 + Math.floor(Math.random() * 200);
const server = await startServer(env, port);

function put(path: string, cookie: string, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'PUT', path, agent, headers: { cookie, 'x-requested-with': 'tuijin', 'content-type': 'application/octet-stream', 'content-length': body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const post = (path: string, cookie: string, body: unknown = {}) => request(port, 'POST', path, { cookie, body });
async function login(username: string): Promise<string> {
  const res = await request(port, 'POST', '/api/v1/auth/login', { body: { username, password: PASSWORD } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body}`);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

const reporters: string[] = [];
for (let i = 0; i < REPORTERS; i++) reporters.push(await login(`reporter${i}`));
const clerks: string[] = [];
for (let i = 0; i < CLERKS; i++) clerks.push(await login(`clerk${i}`));

// 3. The clerks' pages: at rest first (the baseline), then during the burst.
const pages = ['/api/v1/projects?pageSize=50', `/api/v1/periods/${opened.id}`, `/api/v1/reports?periodId=${opened.id}&pageSize=50`, '/api/v1/periods'];
async function clerksRead(stop: () => boolean): Promise<{ samples: number[]; errors: number }> {
  const samples: number[] = [];
  let errors = 0;
  await Promise.all(clerks.map(async (cookie, c) => {
    for (let i = c; !stop(); i++) {
      const t = process.hrtime.bigint();
      const res = await request(port, 'GET', pages[i % pages.length]!, { cookie });
      samples.push(ms(t));
      if (res.status !== 200) errors++;
      await new Promise((r) => setTimeout(r, 100));
    }
  }));
  return { samples, errors };
}
const restEnd = Date.now() + 8000;
const rest = await clerksRead(() => Date.now() > restEnd);

const failures: string[] = [];
const accepted: { id: number; sha256: string }[] = [];
async function report(i: number) {
  const cookie = reporters[i]!;
  const list = JSON.parse((await request(port, 'GET', `/api/v1/reports?periodId=${opened.id}`, { cookie })).body) as { items: { id: number; version: number }[] };
  const { id, version } = list.items[0]!;
  const saved = await request(port, 'PATCH', `/api/v1/reports/${id}`, { cookie, body: { version, thisMonth: 1_000_000, ytd: 1_000_000, cumulative: 5_000_000, progress: '主体施工' } });
  if (saved.status !== 200) return void failures.push(`save ${saved.status} ${saved.body}`);
  for (let k = 0; k < PHOTOS; k++) {
    const bytes = photoOf(i, k);
    const created = await post(`/api/v1/reports/${id}/uploads`, cookie, { filename: `IMG_${k}.jpg`, size: bytes.length });
    if (created.status !== 201) return void failures.push(`create ${created.status} ${created.body}`);
    const session = JSON.parse(created.body) as { id: string; chunkSize: number };
    for (let offset = 0; offset < bytes.length; offset += session.chunkSize) {
      const res = await put(`/api/v1/uploads/${session.id}/chunks?offset=${offset}`, cookie, bytes.subarray(offset, offset + session.chunkSize));
      if (res.status !== 200) return void failures.push(`chunk ${res.status} ${res.body}`);
    }
    const done = await post(`/api/v1/uploads/${session.id}/complete`, cookie);
    if (done.status !== 200) return void failures.push(`complete ${done.status} ${done.body}`);
    accepted.push({ id: (JSON.parse(done.body) as { id: number }).id, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  const sent = await post(`/api/v1/reports/${id}/submit`, cookie, { version: (JSON.parse(saved.body) as { version: number }).version });
  if (sent.status !== 200) failures.push(`submit ${sent.status} ${sent.body}`);
}

let isBursting = true;
const t0 = process.hrtime.bigint();
const [busy] = await Promise.all([
  clerksRead(() => !isBursting),
  Promise.all(Array.from({ length: REPORTERS }, (_, i) => report(i).catch((err: unknown) => void failures.push(String(err))))).then(() => { isBursting = false; }),
]);
const burstMs = ms(t0);
const rss = peakRssMb(server.pid!);
server.kill('SIGTERM');
await new Promise((r) => setTimeout(r, 500));

// 4. Nothing lost: each accepted photo has its row and its original, byte for byte.
const check = openDatabase({ sqliteFile: join(dir, 'tuijin.sqlite') });
const rows = await check.db.selectFrom('media').select(['id', 'sha256', 'originalKey', 'displayKey', 'thumbKey']).execute();
const submitted = await check.db.selectFrom('monthlyReport').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'submitted').executeTakeFirstOrThrow();
await check.close();
const byId = new Map(rows.map((r) => [r.id, r]));
let lost = 0;
for (const a of accepted) {
  const row = byId.get(a.id);
  const bytes = row ? readFileSync(join(dir, 'objects', row.originalKey)) : null;
  if (!row || row.sha256 !== a.sha256 || !bytes || createHash('sha256').update(bytes).digest('hex') !== a.sha256) lost++;
  else for (const key of [row.displayKey!, row.thumbKey!]) readFileSync(join(dir, 'objects', key));
}

const restStats = summarize(rest.samples);
const busyStats = summarize(busy.samples);
const result = {
  reporters: REPORTERS, photosEach: PHOTOS, photoBytes: scenes[0]!.length,
  burstSeconds: +(burstMs / 1000).toFixed(1), uploadsAccepted: accepted.length, mediaRows: rows.length, reportsSubmitted: Number(submitted.n),
  errors: failures.length, firstErrors: failures.slice(0, 5), lostFiles: lost,
  otherPagesAtRest: { p50: +restStats.p50.toFixed(1), p95: +restStats.p95.toFixed(1), n: restStats.n, errors: rest.errors },
  otherPagesDuringBurst: { p50: +busyStats.p50.toFixed(1), p95: +busyStats.p95.toFixed(1), n: busyStats.n, errors: busy.errors },
  p95Ratio: +(busyStats.p95 / restStats.p95).toFixed(1),
  serverPeakRssMb: rss,
};
console.log('month-end peak', JSON.stringify(result, null, 2));
mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'out', 'report-peak.json'), JSON.stringify(result, null, 2));
rmSync(dir, { recursive: true, force: true });
const isMet = failures.length === 0 && lost === 0 && accepted.length === REPORTERS * PHOTOS && busyStats.p95 <= 200 && rss <= 500;
console.log(isMet ? 'targets met' : 'TARGETS MISSED');
process.exit(isMet ? 0 : 1);
