import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/kysely';
import { readWithPython } from '../../lib/documents/test-zips';
import type { AppContext } from '../../lib/context';
import type { Storage } from '../../lib/storage/storage';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { archiveFilename, archiveInBackground } from './service';
import { archiveMonth, type ArchiveMonth } from './test-month';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const bin = join(import.meta.dirname, '../../../bin/tuijin.mjs');

/** A logger that keeps what was logged as errors. */
function testLog() {
  const errors: unknown[] = [];
  const log = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: (obj: unknown) => errors.push(obj) };
  return { errors, log: log as unknown as FastifyBaseLogger };
}

// The command line starts a process per call: with the other fork busy, a few seconds each.
describe.each(DIALECTS)('archiving a month through the API and the command line on %s', { timeout: 120_000 }, (dialect) => {
  let h: Harness;
  let m: ArchiveMonth;
  let dataDir: string;
  beforeAll(async () => {
    // The command line finds the database and the stored files where the app keeps them.
    dataDir = mkdtempSync(join(tmpdir(), 'archive-service-'));
    h = await startHarness(dialect, { dataDir, sqliteFile: join(dataDir, 'tuijin.sqlite') });
    m = await archiveMonth(h);
  });
  afterAll(async () => {
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const url = () => `/api/v1/periods/${m.period.id}/archive`;
  const periodView = async () => (await h.request('GET', `/api/v1/periods/${m.period.id}`, { cookie: m.office.cookie })).json();
  const archiveAudits = () => h.ctx.db.selectFrom('auditEvent').selectAll().where('action', '=', 'archive').where('objectId', '=', String(m.period.id)).execute();
  const tempFiles = () => (existsSync(join(dataDir, 'tmp', 'archives')) ? readdirSync(join(dataDir, 'tmp', 'archives')) : []);
  const storedArchives = async () => {
    const keys: string[] = [];
    for await (const o of h.ctx.storage.list('archives/')) keys.push(o.key);
    return keys;
  };

  it('refuses the download to anyone not logged in, not of the office, or of another county; says when there is none yet', async () => {
    expect((await h.request('GET', url())).statusCode).toBe(401);
    expect((await h.request('GET', url(), { cookie: (await m.c.f.session('reporter', m.c.region, { orgId: m.c.company.id })).cookie })).statusCode).toBe(403);
    const none = await h.request('GET', url(), { cookie: m.office.cookie });
    expect([none.statusCode, none.json().error.message]).toEqual([404, '本月尚未生成归档']);
    const far = await h.request('GET', url(), { cookie: (await m.c.f.login(m.farOffice.username)) });
    expect(far.statusCode).toBe(404);
    expect(far.json().error.message).not.toBe('本月尚未生成归档');
  });

  it('builds the archive after closing the month, without moving its version, and audits every download', async () => {
    const before = await periodView();
    const closed = await h.request('POST', `/api/v1/periods/${m.period.id}/close`, { cookie: m.office.cookie, body: { version: before.version, archive: true } });
    expect(closed.statusCode).toBe(200);
    let view = await periodView();
    for (let i = 0; i < 400 && !view.archive; i++) {
      await new Promise((r) => setTimeout(r, 50));
      view = await periodView();
    }
    expect(view).toMatchObject({ status: 'closed', version: closed.json().version, archive: { url: url(), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const row = await h.ctx.db.selectFrom('reportingPeriod').selectAll().where('id', '=', m.period.id).executeTakeFirstOrThrow();
    expect(row.archiveKey).toMatch(new RegExp(`^archives/${m.c.region}/2026-05/\\d{8}T\\d{9}Z-[0-9a-f]{6}\\.zip$`));
    expect(await h.ctx.storage.head(row.archiveKey!)).toMatchObject({ size: row.archiveSize });
    expect((await archiveAudits()).map((a) => [a.objectType, a.userId])).toEqual([['reporting_period', m.office.id]]);
    expect(tempFiles()).toEqual([]);

    const res = await h.request('GET', url(), { cookie: m.office.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('测试县2026年05月月报归档.zip')}`);
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect([res.rawPayload.length, sha256(res.rawPayload)]).toEqual([view.archive.size, view.archive.sha256]);
    const file = join(dataDir, 'downloaded.zip');
    writeFileSync(file, res.rawPayload);
    expect(readWithPython(file).map((e) => e.name)).toEqual(expect.arrayContaining(['index.html', 'ledger.xlsx', 'manifest.json', 'SHA256SUMS']));
    const audit = await h.ctx.db.selectFrom('auditEvent').selectAll().where('objectType', '=', 'archive').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'export', userId: m.office.id, objectId: String(m.period.id), result: 'success' });
    expect((await h.request('GET', url(), { cookie: await m.c.f.login(m.farOffice.username) })).statusCode).toBe(404);
  });

  it('builds one archive of a period at a time, and leaves nothing behind when storing or recording it fails', async () => {
    const actor = { userId: m.office.id, username: m.office.username, role: 'office', ip: null };
    const audits = (await archiveAudits()).length;
    const { log } = testLog();
    await Promise.all([archiveInBackground(h.ctx, actor, m.period.id, log), archiveInBackground(h.ctx, actor, m.period.id, log)]);
    expect((await archiveAudits()).length).toBe(audits + 1);

    const current = await h.ctx.db.selectFrom('reportingPeriod').select(['archiveKey', 'version']).where('id', '=', m.period.id).executeTakeFirstOrThrow();
    const stored = await storedArchives();
    // The store refuses the file.
    const fullStore = Object.create(h.ctx.storage, { putFile: { value: () => Promise.reject(new Error('disk full')) } }) as Storage;
    const failedStore = testLog();
    await archiveInBackground({ ...h.ctx, storage: fullStore }, actor, m.period.id, failedStore.log);
    expect(failedStore.errors).toHaveLength(1);
    // The database refuses the record: the stored object is removed again.
    const db = new Proxy(h.ctx.db, {
      get: (target, prop) => {
        if (prop === 'transaction') return () => { throw new Error('database down'); };
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Db;
    const failedDb = testLog();
    await archiveInBackground({ ...h.ctx, db } as AppContext, actor, m.period.id, failedDb.log);
    expect(failedDb.errors).toHaveLength(1);
    expect(await storedArchives()).toEqual(stored);
    expect(await h.ctx.db.selectFrom('reportingPeriod').select(['archiveKey', 'version']).where('id', '=', m.period.id).executeTakeFirstOrThrow()).toEqual(current);
    expect(tempFiles()).toEqual([]);
  });

  it('writes the archive from the command line, asking which region when several have the month', async () => {
    const env = { ...process.env, TUIJIN_DATA: dataDir, DATABASE_URL: h.ctx.config.databaseUrl ?? '', TUIJIN_DATA_KEY: h.ctx.config.dataKey };
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 60_000 });
    const out = join(dataDir, archiveFilename('测试县', '2026-05'));
    const several = run(['archive', '--period', '2026-05', '--out', out]);
    expect(several.status).toBe(1);
    expect(several.stderr).toContain('有多个地区开启了 2026-05 的月报，请用 --region 指定');
    expect(several.stderr).toContain(m.far.county);
    expect(run(['archive', '--period', '2026-5', '--out', out]).stderr).toContain('月份无效');
    expect(run(['archive', '--period', '2026-04', '--region', m.c.region, '--out', out]).stderr).toContain(`地区 ${m.c.region} 没有 2026-04 的月报`);
    expect(run(['archive', '--period', '2026-05', '--region', m.c.region, '--out', join(dataDir, 'no-such-dir', 'a.zip')]).stderr).toContain('无法写入文件');
    expect(existsSync(out)).toBe(false);

    const done = run(['archive', '--period', '2026-05', '--region', m.c.region, '--out', out, '--originals']);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain('已生成归档 / archive written');
    const entries = readWithPython(out).map((e) => e.name);
    expect(entries).toContain('index.html');
    expect(entries.some((n) => n.includes('/originals/'))).toBe(true);
    const audit = await h.ctx.db.selectFrom('auditEvent').selectAll().where('objectType', '=', 'archive').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'export', username: 'cli', objectId: String(m.period.id) });
    expect(run(['help']).stdout).toContain('archive --period YYYY-MM --out FILE');
  });
});
