import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server } from '../storage/s3-test-server';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { makeJpeg } from '../../test/media/fixtures';
import { openMonth, putChunk, reportingCounty, SITE, storedKeys, uploadBuffer, type ReportingCounty } from '../../test/report-fixtures';
import { sweep } from './sweep';
import { autoOpenPeriods, hourlySweep } from './scheduler';

// The store and the database agree after the sweeper has run, on the local folder and on an
// S3-compatible store alike: nothing a row points at is touched, nothing else outlives the grace.

const exif = { dateTimeOriginal: '2026:05:20 10:15:00', offsetTimeOriginal: '+08:00', gps: { lat: SITE.lat, lng: SITE.lng } };

type Store = 'disk' | 's3';
const STORES: [string, Store][] = [...DIALECTS.map((d): [string, Store] => [d, 'disk']), ['sqlite', 's3']];

describe.each(STORES)('the sweeper on %s with %s storage', (dialect, store) => {
  let h: Harness;
  let c: ReportingCounty;
  let reportId: number;
  let s3: Awaited<ReturnType<typeof startS3Server>> | null = null;
  beforeAll(async () => {
    s3 = store === 's3' ? await startS3Server() : null;
    h = await startHarness(dialect as 'sqlite', s3 ? { storageUrl: s3.url } : {});
    h.clock.set('2026-06-02T02:00:00Z');
    c = await reportingCounty(h);
    reportId = (await openMonth(h, c)).reportId;
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await s3?.close();
  });

  it('keeps what rows point at and removes orphans, dead chunks and expired sessions', async () => {
    expect(h.ctx.storage.kind).toBe(store);
    const kept = await uploadBuffer(h, c.reporter.cookie, reportId, 'kept.jpg', await makeJpeg({ width: 800, height: 600, seed: 5, exif }));
    expect(kept.statusCode, kept.body).toBe(200);
    // A crash between storing the bytes and committing the row leaves an orphan folder.
    await h.ctx.storage.putBuffer(`media/${c.region}/2026-05/orphan-folder/original`, Buffer.from('x'), { contentType: 'image/jpeg' });
    // Far from any month being reported: only the full sweep goes there.
    await h.ctx.storage.putBuffer('media/999999/2019-01/orphan-folder/original', Buffer.from('x'), { contentType: 'image/jpeg' });
    await h.ctx.storage.putBuffer('archives/999999/2026-05/old.zip', Buffer.from('x'), { contentType: 'application/zip' });
    // A published bulletin's Word file is kept; one a crash left before its row was committed is not.
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    await h.ctx.storage.putBuffer(`bulletins/${c.region}/2026-05/kept.docx`, Buffer.from('x'), { contentType: docx });
    await h.ctx.storage.putBuffer(`bulletins/${c.region}/2026-05/crashed.docx`, Buffer.from('x'), { contentType: docx });
    const at = h.clock.now().toISOString();
    await h.ctx.db.insertInto('bulletin').values({
      regionCode: c.region, period: '2026-05', status: 'published', title: '通报', docNo: '〔2026〕5号', issuer: '县重点项目推进办公室', issuedOn: '2026-06-10',
      docxKey: `bulletins/${c.region}/2026-05/kept.docx`, createdAt: at, updatedAt: at,
    }).execute();
    const session = (await h.request('POST', `/api/v1/reports/${reportId}/uploads`, { cookie: c.reporter.cookie, body: { filename: 'left.jpg', size: 1000 } })).json();
    await putChunk(h, c.reporter.cookie, session.id, 0, Buffer.alloc(500, 1));

    // Within the grace period nothing goes (an upload may be between its store and its commit).
    expect(await sweep(h.ctx)).toEqual({ objects: 0, chunks: 0, sessions: 0, tempFiles: 0 });

    h.clock.advance(25 * 3600_000);
    const result = await sweep(h.ctx, { graceMs: 0 });
    expect(result).toMatchObject({ objects: 3, chunks: 1, sessions: 1 });
    expect(await storedKeys(h, 'media/999999/')).toHaveLength(1);
    expect(await sweep(h.ctx, { graceMs: 0, all: true })).toMatchObject({ objects: 1 });
    const media = await h.ctx.db.selectFrom('media').select(['originalKey', 'displayKey', 'thumbKey']).execute();
    const keys = await storedKeys(h, 'media/');
    expect(keys.sort()).toEqual(media.flatMap((m) => [m.originalKey, m.displayKey!, m.thumbKey!]).sort());
    expect(await storedKeys(h, 'uploads/')).toEqual([]);
    expect(await storedKeys(h, 'archives/')).toEqual([]);
    expect(await storedKeys(h, 'bulletins/')).toEqual([`bulletins/${c.region}/2026-05/kept.docx`]);
    const office = await c.f.session('office', c.region);
    const view = await h.request('GET', kept.json().urls.display, { cookie: office.cookie });
    expect(view.statusCode).toBe(200);
  });

  it('runs an hourly slot once, however many processes ask', async () => {
    const first = await hourlySweep(h.ctx);
    const second = await hourlySweep(h.ctx);
    expect(first).not.toBeNull();
    expect(second).toBeNull();
  });
});

describe.each(DIALECTS)('the schedule on %s', (dialect) => {
  let h: Harness;
  let c: ReportingCounty;
  beforeAll(async () => {
    h = await startHarness(dialect);
    c = await reportingCounty(h);
  });
  afterAll(() => h.close());

  it('opens the month by itself on the open day, once', async () => {
    const current = (await h.request('GET', '/api/v1/settings/reports', { cookie: c.office.cookie })).json();
    const saved = await h.request('PUT', '/api/v1/settings/reports', { cookie: c.office.cookie, body: { ...current.settings, autoOpen: true, openDay: 25, version: null } });
    expect(saved.statusCode, saved.body).toBe(200);
    h.clock.set('2026-07-24T10:00:00Z');
    expect(await autoOpenPeriods(h.ctx)).toEqual([]);
    h.clock.set('2026-07-25T01:00:00Z');
    expect(await autoOpenPeriods(h.ctx)).toEqual([`${c.region}:2026-07`]);
    expect(await autoOpenPeriods(h.ctx)).toEqual([]);
    const office = await c.f.session('office', c.region);
    const periods = (await h.request('GET', '/api/v1/periods', { cookie: office.cookie })).json();
    expect(periods.items[0]).toMatchObject({ period: '2026-07', deadline: '2026-08-05', isAutoOpened: true, counts: { total: 1 } });
  });
});
