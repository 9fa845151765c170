import { readFileSync } from 'node:fs';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { makeJpeg, makePixelFlood, PHOTOS, VIDEOS } from '../../test/media/fixtures';
import { openMonth, putChunk, reportingCounty, SITE, storedKeys, uploadBuffer, type ReportingCounty } from '../../test/report-fixtures';
import { findFfmpeg } from '../../lib/media';

// Photos and videos of a monthly report: what is taken, what is checked, what is refused.
const inMay = { dateTimeOriginal: '2026:05:20 10:15:00', offsetTimeOriginal: '+08:00', gps: { lat: SITE.lat + 0.001, lng: SITE.lng + 0.001 } };

describe.each(DIALECTS)('report photos on %s', (dialect) => {
  let h: Harness;
  let c: ReportingCounty;
  let reportId: number;
  beforeAll(async () => {
    h = await startHarness(dialect);
    h.clock.set('2026-06-02T02:00:00Z');
    c = await reportingCounty(h);
    reportId = (await openMonth(h, c)).reportId;
  });
  afterAll(() => h.close());

  let flood: Buffer;
  beforeAll(async () => {
    flood = await makePixelFlood();
  });
  const photo = (seed: number, exif: object | null = inMay) => makeJpeg({ width: 1200, height: 900, seed, ...(exif ? { exif: exif as never } : {}) });
  const mediaRows = () => h.ctx.db.selectFrom('media').selectAll().where('reportId', '=', reportId).where('deletedAt', 'is', null).execute();

  it('takes a site photo: original kept, EXIF-free display and thumbnail, checks passed, audited', async () => {
    const bytes = await photo(1);
    const res = await uploadBuffer(h, c.reporter.cookie, reportId, '现场东侧.jpg', bytes, { caption: '东侧全景' });
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({ kind: 'photo', format: 'jpeg', filename: '现场东侧.jpg', caption: '东侧全景', checkStatus: 'passed', width: 1200, height: 900 });
    expect(m.checks.map((x: { code: string }) => x.code)).toEqual(['time', 'location', 'duplicate']);
    expect(m.capturedAt).toBe('2026-05-20T02:15:00.000Z');
    const original = await h.request('GET', m.urls.original, { cookie: c.office.cookie });
    expect(original.statusCode).toBe(200);
    expect(original.rawPayload.equals(bytes)).toBe(true);
    const display = await h.request('GET', m.urls.display, { cookie: c.reviewer.cookie });
    expect(display.headers['content-type']).toBe('image/jpeg');
    expect(await exifr.gps(display.rawPayload).catch(() => undefined)).toBeUndefined();
    const thumb = await h.request('GET', m.urls.thumb, { cookie: c.reporter.cookie });
    expect(thumb.statusCode).toBe(200);
    const audit = await h.ctx.db.selectFrom('auditEvent').selectAll().where('objectType', '=', 'media').where('objectId', '=', String(m.id)).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), checkStatus: 'passed' });
  });

  it('serves byte ranges of an original and keeps it from other counties', async () => {
    const [m] = await mediaRows();
    const part = await h.request('GET', `/api/v1/media/${m!.id}/original`, { cookie: c.office.cookie, headers: { range: 'bytes=0-99' } });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.length).toBe(100);
    expect(part.headers['content-range']).toBe(`bytes 0-99/${m!.size}`);
    expect((await h.request('GET', `/api/v1/media/${m!.id}/original`, { cookie: c.office.cookie, headers: { range: 'bytes=999999999-' } })).statusCode).toBe(416);
    const far = await c.f.county('外县');
    const stranger = await c.f.session('office', far.county);
    expect((await h.request('GET', `/api/v1/media/${m!.id}/display`, { cookie: stranger.cookie })).statusCode).toBe(404);
    expect((await h.request('GET', `/api/v1/media/${m!.id}/original`)).statusCode).toBe(401);
  });

  it('flags a photo without EXIF, and fails one taken in another month, far away, or used before', async () => {
    const noExif = (await uploadBuffer(h, c.reporter.cookie, reportId, 'wechat.jpg', await photo(2, null))).json();
    expect(noExif.checkStatus).toBe('flagged');
    expect(noExif.checks[0]).toMatchObject({ code: 'exif', passed: null });
    const old = (await uploadBuffer(h, c.reporter.cookie, reportId, 'old.jpg', await photo(3, { ...inMay, dateTimeOriginal: '2026:03:01 09:00:00' }))).json();
    expect(old.checks.find((x: { code: string }) => x.code === 'time')).toMatchObject({ passed: false, message: '拍摄于 2026-03-01，早于本期月报（2026年5月）' });
    const faraway = (await uploadBuffer(h, c.reporter.cookie, reportId, 'far.jpg', await photo(4, { ...inMay, gps: { lat: SITE.lat + 0.2, lng: SITE.lng } }))).json();
    expect(faraway.checks.find((x: { code: string }) => x.code === 'location').message).toMatch(/约 22\.\d 公里，超过 1 公里/);
    const again = (await uploadBuffer(h, c.reporter.cookie, reportId, 'again.jpg', await photo(1))).json();
    expect(again.checks.find((x: { code: string }) => x.code === 'duplicate')).toMatchObject({ passed: false });
    expect(again.checkStatus).toBe('failed');
  });

  it('finds a re-compressed copy used by another project as a near duplicate', async () => {
    const other = await c.f.project(c.region, { stage: 'under_construction', ownerOrgId: c.company.id, ...SITE } as never);
    const start = await h.request('POST', '/api/v1/reports', { cookie: c.reporter.cookie, body: { projectId: other.id, period: '2026-05' } });
    expect(start.statusCode).toBe(201);
    const copy = await makeJpeg({ width: 900, height: 675, seed: 1, quality: 60, exif: inMay as never });
    const res = (await uploadBuffer(h, c.reporter.cookie, start.json().id, 'copy.jpg', copy)).json();
    const dup = res.checks.find((x: { code: string }) => x.code === 'duplicate');
    expect(dup.passed).toBe(false);
    expect(dup.message).toContain(c.project.name);
  });

  it('resumes a broken upload from where the server got to, and completes once', async () => {
    const bytes = await photo(9);
    const created = (await h.request('POST', `/api/v1/reports/${reportId}/uploads`, { cookie: c.reporter.cookie, body: { filename: 'resume.jpg', size: bytes.length } })).json();
    expect((await putChunk(h, c.reporter.cookie, created.id, 0, bytes.subarray(0, 50_000))).statusCode).toBe(200);
    const wrong = await putChunk(h, c.reporter.cookie, created.id, 0, bytes.subarray(0, 50_000));
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.details).toMatchObject({ received: 50_000, status: 'receiving' });
    const early = await h.request('POST', `/api/v1/uploads/${created.id}/complete`, { cookie: c.reporter.cookie });
    expect(early.statusCode).toBe(409);
    expect((await h.request('GET', `/api/v1/uploads/${created.id}`, { cookie: c.reporter.cookie })).json().received).toBe(50_000);
    expect((await putChunk(h, c.reporter.cookie, created.id, 50_000, bytes.subarray(50_000))).statusCode).toBe(200);
    const done = await h.request('POST', `/api/v1/uploads/${created.id}/complete`, { cookie: c.reporter.cookie });
    const twice = await h.request('POST', `/api/v1/uploads/${created.id}/complete`, { cookie: c.reporter.cookie });
    expect(done.statusCode).toBe(200);
    expect(twice.json().id).toBe(done.json().id);
    expect(await storedKeys(h, `uploads/${created.id}/`)).toEqual([]);
    expect((await h.request('GET', `/api/v1/uploads/${created.id}`, { cookie: c.office.cookie })).statusCode).toBe(404);
  });

  it.each([
    ['a script renamed .jpg', 'x.jpg', () => Buffer.from('<html><script>alert(1)</script></html>'), 415],
    ['an SVG', 'logo.jpg', () => Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 415],
    ['an executable', 'run.jpg', () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(200)]), 415],
    ['a truncated JPEG', 'half.jpg', () => { const b = readFileSync(PHOTOS.dscn0010); return b.subarray(0, b.length >> 1); }, 422],
    ['a video that is not a video', 'clip.mp4', () => Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.alloc(40, 7)]), 422],
    ['a pixel flood (14000×14000 PNG)', 'flood.png', () => flood, 413],
  ])('refuses %s with a Chinese message, stores nothing and audits the refusal', async (_label, name, bytes, status) => {
    const before = (await mediaRows()).length;
    const objects = (await storedKeys(h, 'media/')).length;
    const res = await uploadBuffer(h, c.reporter.cookie, reportId, name, bytes());
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await mediaRows()).length).toBe(before);
    expect((await storedKeys(h, 'media/')).length).toBe(objects);
    expect(await storedKeys(h, 'uploads/')).toEqual([]);
    const refusal = await h.ctx.db.selectFrom('auditEvent').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(refusal).toMatchObject({ result: 'failure', action: 'POST /api/v1/uploads/:id/complete' });
  });

  it('refuses an oversize file when it is declared, and names with a path stay names', async () => {
    const big = await h.request('POST', `/api/v1/reports/${reportId}/uploads`, { cookie: c.reporter.cookie, body: { filename: 'big.jpg', size: 31 * 1024 * 1024 } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('不能超过 30 MB');
    const exe = await h.request('POST', `/api/v1/reports/${reportId}/uploads`, { cookie: c.reporter.cookie, body: { filename: 'setup.exe', size: 100 } });
    expect(exe.statusCode).toBe(415);
    // More bytes than declared: the chunk is cut off at the declared size and nothing is kept.
    const small = (await h.request('POST', `/api/v1/reports/${reportId}/uploads`, { cookie: c.reporter.cookie, body: { filename: 'liar.jpg', size: 1000 } })).json();
    const over = await putChunk(h, c.reporter.cookie, small.id, 0, Buffer.alloc(5000, 1));
    expect(over.statusCode).toBe(413);
    expect((await h.request('GET', `/api/v1/uploads/${small.id}`, { cookie: c.reporter.cookie })).json().received).toBe(0);
    expect(await storedKeys(h, `uploads/${small.id}/`)).toEqual([]);
    const res = await uploadBuffer(h, c.reporter.cookie, reportId, '../../etc/passwd.jpg', await photo(11));
    expect(res.statusCode).toBe(200);
    expect(res.json().filename).toBe('passwd.jpg');
  });

  it('takes a video with its duration, and a poster frame when ffmpeg is here', async () => {
    const res = await uploadBuffer(h, c.reporter.cookie, reportId, '施工视频.mp4', readFileSync(VIDEOS.mp4), { chunk: 2000 });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ kind: 'video', format: 'mp4', durationSeconds: 2 });
    expect(v.urls.display != null).toBe(findFfmpeg() != null);
    const stream = await h.request('GET', v.urls.original, { cookie: c.office.cookie, headers: { range: 'bytes=0-9' } });
    expect(stream.statusCode).toBe(206);
  });

  it('takes an iPhone HEIC and keeps a JPEG beside it', async () => {
    const res = await uploadBuffer(h, c.reporter.cookie, reportId, 'IMG_0001.HEIC', readFileSync(PHOTOS.heic));
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({ format: 'heic', width: 256, height: 192, capturedAt: '2026-05-12T02:30:00.000Z' });
    const row = await h.ctx.db.selectFrom('media').select('convertedKey').where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(row.convertedKey).toMatch(/converted\.jpg$/);
  });

  it('edits a caption and shooting point while the report is a draft, with 409 on a stale version', async () => {
    const points = await h.request('POST', `/api/v1/projects/${c.project.id}/shooting-points`, { cookie: c.reporter.cookie, body: { name: '1号点位（东门）' } });
    expect(points.statusCode).toBe(201);
    const pointId = points.json().items[0].id;
    const twice = await h.request('POST', `/api/v1/projects/${c.project.id}/shooting-points`, { cookie: c.office.cookie, body: { name: '1号点位（东门）' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('本项目已有名为「1号点位（东门）」的拍摄点位');
    const [m] = await mediaRows();
    const res = await h.request('PATCH', `/api/v1/media/${m!.id}`, { cookie: c.reporter.cookie, body: { version: m!.version, caption: '东门全景', shootingPointId: pointId } });
    expect(res.json()).toMatchObject({ caption: '东门全景', shootingPointName: '1号点位（东门）' });
    expect((await h.request('PATCH', `/api/v1/media/${m!.id}`, { cookie: c.reporter.cookie, body: { version: m!.version, caption: '旧' } })).statusCode).toBe(409);
    const foreign = await c.f.project(c.region);
    const otherPoint = (await h.request('POST', `/api/v1/projects/${foreign.id}/shooting-points`, { cookie: c.office.cookie, body: { name: '外项目点位' } })).json().items[0].id;
    expect((await h.request('PATCH', `/api/v1/media/${m!.id}`, { cookie: c.reporter.cookie, body: { version: m!.version + 1, shootingPointId: otherPoint } })).statusCode).toBe(400);
  });

  it('needs a photo to submit, and locks the photos once submitted', async () => {
    const view = (await h.request('GET', `/api/v1/reports/${reportId}`, { cookie: c.reporter.cookie })).json();
    for (const m of view.media) await h.request('DELETE', `/api/v1/media/${m.id}?version=${m.version}`, { cookie: c.reporter.cookie });
    const empty = (await h.request('GET', `/api/v1/reports/${reportId}`, { cookie: c.reporter.cookie })).json();
    const saved = await h.request('PATCH', `/api/v1/reports/${reportId}`, { cookie: c.reporter.cookie, body: { version: empty.version, thisMonth: 1, ytd: 1, cumulative: 1, progress: '开挖' } });
    const refused = await h.request('POST', `/api/v1/reports/${reportId}/submit`, { cookie: c.reporter.cookie, body: { version: saved.json().version } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe('现场照片：至少需要 1 张，当前 0 张');
    const m = (await uploadBuffer(h, c.reporter.cookie, reportId, 'ok.jpg', await photo(21))).json();
    const sent = await h.request('POST', `/api/v1/reports/${reportId}/submit`, { cookie: c.reporter.cookie, body: { version: saved.json().version } });
    expect(sent.statusCode).toBe(200);
    expect((await h.request('DELETE', `/api/v1/media/${m.id}?version=${m.version}`, { cookie: c.reporter.cookie })).statusCode).toBe(422);
    expect((await h.request('POST', `/api/v1/reports/${reportId}/uploads`, { cookie: c.reporter.cookie, body: { filename: 'late.jpg', size: 10 } })).statusCode).toBe(422);
  });
});
