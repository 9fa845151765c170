import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContext } from '../../app';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/kysely';
import { migrateToLatest } from '../../db/migrate';
import { sweep } from '../../lib/jobs/sweep';
import { makeJpeg } from '../../test/media/fixtures';

// SECURITY.md reliability 1, as a drill: the server is killed with SIGKILL while companies are
// uploading and submitting. After each restart every upload the server acknowledged is there with
// its bytes, SQLite's integrity check passes, no row points at a missing file, and once the
// sweeper has run no file is left that no row points at.

const bin = fileURLToPath(new URL('../../../bin/tuijin.mjs', import.meta.url));
const PASSWORD = 'Crash#Drill2026';
const COMPANIES = 6;

describe('kill -9 during uploads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tuijin-crash-'));
  const env = { ...process.env, TUIJIN_DATA: dir, DATABASE_URL: '', STORAGE_URL: '', TUIJIN_DATA_KEY: randomBytes(32).toString('base64') };
  const port = 4700 + Math.floor(Math.random() * 200);
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;
  let photos: Buffer[] = [];

  async function start() {
    server = spawn(process.execPath, [bin, 'start'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
    for (let i = 0; i < 150; i++) {
      if (await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('server did not start');
  }

  async function withDb<T>(work: (ctx: ReturnType<typeof buildContext>) => Promise<T>): Promise<T> {
    const database = openDatabase({ sqliteFile: join(dir, 'tuijin.sqlite') });
    try {
      return await work(buildContext({ config: loadConfig(env), database, scryptCost: { N: 1024, r: 8, p: 1 } }));
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    // A county, companies with projects and reporters, the month open: written before the server starts.
    const { seedCrashCounty } = await import('./crash-county');
    await withDb(async (ctx) => {
      await migrateToLatest(ctx.db);
      await seedCrashCounty(ctx, COMPANIES, PASSWORD);
    });
    photos = await Promise.all(Array.from({ length: 12 }, (_, i) => makeJpeg({ width: 1600, height: 1200, seed: 100 + i })));
    await start();
  }, 120_000);
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  async function login(username: string) {
    const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'tuijin' }, body: JSON.stringify({ username, password: PASSWORD }) });
    return String(res.headers.get('set-cookie')).split(';')[0]!;
  }

  /** One company uploading photo after photo until the server dies; the ids it was told are stored. */
  async function uploadUntilKilled(cookie: string, reportId: number, acknowledged: number[]) {
    const headers = { cookie, 'x-requested-with': 'tuijin' };
    for (let k = 0; ; k++) {
      try {
        const bytes = photos[k % photos.length]!;
        const created = await fetch(`${base}/api/v1/reports/${reportId}/uploads`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ filename: `p${k}.jpg`, size: bytes.length }) });
        if (created.status !== 201) continue;
        const { id } = (await created.json()) as { id: string };
        for (let offset = 0; offset < bytes.length; offset += 100_000) {
          const put = await fetch(`${base}/api/v1/uploads/${id}/chunks?offset=${offset}`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes.subarray(offset, offset + 100_000)) });
          if (put.status !== 200) throw new Error(String(put.status));
        }
        const done = await fetch(`${base}/api/v1/uploads/${id}/complete`, { method: 'POST', headers });
        if (done.status === 200) acknowledged.push(((await done.json()) as { id: number }).id);
      } catch {
        return; // the connection died with the server
      }
    }
  }

  it.each([1, 2, 3])('round %i: what was acknowledged survives, and store and rows agree', async (round) => {
    const acknowledged: number[] = [];
    const sessions = await Promise.all(Array.from({ length: COMPANIES }, (_, i) => login(`crash_reporter${i}`)));
    const reports = await withDb((ctx) => ctx.db.selectFrom('monthlyReport').innerJoin('project', 'project.id', 'monthlyReport.projectId').select(['monthlyReport.id', 'project.ownerOrgId']).orderBy('monthlyReport.id').execute());
    const work = Promise.all(sessions.map((cookie, i) => uploadUntilKilled(cookie, reports[i]!.id, acknowledged)));
    await new Promise((r) => setTimeout(r, 600 + round * 400 + Math.random() * 400));
    server!.kill('SIGKILL');
    await work;
    expect(acknowledged.length).toBeGreaterThan(0);

    try {
      await withDb(async (ctx) => {
        const check = await sql<Record<string, string>>`pragma integrity_check`.execute(ctx.db);
        expect(Object.values(check.rows[0] ?? {})).toEqual(['ok']);
        const rows = await ctx.db.selectFrom('media').select(['id', 'originalKey', 'displayKey', 'thumbKey']).execute();
        const ids = new Set(rows.map((r) => r.id));
        for (const id of acknowledged) expect(ids.has(id)).toBe(true);
        for (const r of rows) for (const key of [r.originalKey, r.displayKey!, r.thumbKey!]) expect(await ctx.storage.head(key), key).not.toBeNull();
        await sweep(ctx, { graceMs: 0 });
        const referenced = new Set(rows.flatMap((r) => [r.originalKey, r.displayKey!, r.thumbKey!]));
        for await (const o of ctx.storage.list('media/')) expect(referenced.has(o.key), o.key).toBe(true);
      });
    } finally {
      await start();
    }
  }, 60_000);
});
