import { PassThrough } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { makeJpeg } from '../../test/media/fixtures';
import { openMonth, reportingCounty, SITE, storedKeys, uploadBuffer, type ReportingCounty } from '../../test/report-fixtures';
import { storageUnavailable } from '../../lib/storage/storage';

// Uploads when things go wrong at the worst moment: the store blinks after the commit, a retry
// races its first try, copies are uploaded and deleted to wash a photo, a copy from another scope.

const inMay = { dateTimeOriginal: '2026:05:20 10:15:00', offsetTimeOriginal: '+08:00', gps: { lat: SITE.lat + 0.001, lng: SITE.lng + 0.001 } };

describe.each(DIALECTS)('upload races and evasions on %s', (dialect) => {
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

  const photo = (seed: number) => makeJpeg({ width: 1200, height: 900, seed, exif: inMay });

  it('keeps the files of a committed photo when the store blinks while chunks are cleaned up', async () => {
    const storage = h.ctx.storage;
    const realList = storage.list.bind(storage);
    // Listing the upload's chunks happens only after the commit (their removal); the store fails there.
    (storage as { list: typeof storage.list }).list = (prefix: string) => {
      if (prefix.startsWith('uploads/')) throw storageUnavailable(new Error('blip'));
      return realList(prefix);
    };
    try {
      const res = await uploadBuffer(h, c.reporter.cookie, reportId, 'blip.jpg', await photo(3));
      expect(res.statusCode, res.body).toBe(200);
      const row = await h.ctx.db.selectFrom('media').selectAll().where('filename', '=', 'blip.jpg').executeTakeFirstOrThrow();
      for (const key of [row.originalKey, row.displayKey!, row.thumbKey!]) expect(await storage.head(key), key).not.toBeNull();
    } finally {
      (storage as { list: typeof storage.list }).list = realList;
    }
  });

  it('keeps the acknowledged bytes when a retry of a chunk races its first try', async () => {
    const data = await photo(4);
    const created = (await h.request('POST', `/api/v1/reports/${reportId}/uploads`, { cookie: c.reporter.cookie, body: { filename: 'retry.jpg', size: data.length } })).json();
    const send = (body: PassThrough) => h.app.inject({
      method: 'PUT', url: `/api/v1/uploads/${created.id}/chunks?offset=0`,
      headers: { cookie: c.reporter.cookie, 'x-requested-with': 'tuijin', 'content-type': 'application/octet-stream' }, payload: body,
    });
    const a = new PassThrough();
    const b = new PassThrough();
    const first = send(a);
    const second = send(b);
    a.write(data.subarray(0, 1000));
    b.write(data.subarray(0, 1000));
    await new Promise((r) => setTimeout(r, 100));
    a.end(data.subarray(1000));
    const firstRes = await first;
    expect(firstRes.statusCode).toBe(200);
    b.end(data.subarray(1000));
    const secondRes = await second;
    expect(secondRes.statusCode).toBe(409); // told to go on from the server's offset: fine
    // The server said it has the whole file; the chunk it acknowledged must still be stored.
    expect(await storedKeys(h, `uploads/${created.id}/`)).toHaveLength(1);
    const done = await h.request('POST', `/api/v1/uploads/${created.id}/complete`, { cookie: c.reporter.cookie });
    expect(done.statusCode, done.body).toBe(200);
  });

  it('still catches a re-used photo after a dozen copies of it were uploaded and deleted', async () => {
    const original = await photo(5);
    const first = await uploadBuffer(h, c.reporter.cookie, reportId, 'april.jpg', original);
    expect(first.statusCode).toBe(200);
    // The same picture re-encoded: other bytes, (near) the same perceptual hash.
    const copy = await sharp(original).withMetadata().jpeg({ quality: 70 }).toBuffer();
    const probe = await uploadBuffer(h, c.reporter.cookie, reportId, 'copy-0.jpg', copy);
    expect(probe.json().checks.find((x: { code: string }) => x.code === 'duplicate').passed).toBe(false);
    await h.request('DELETE', `/api/v1/media/${probe.json().id}?version=${probe.json().version}`, { cookie: c.reporter.cookie });
    for (let i = 1; i < 12; i++) {
      const m = (await uploadBuffer(h, c.reporter.cookie, reportId, `copy-${i}.jpg`, copy)).json();
      await h.request('DELETE', `/api/v1/media/${m.id}?version=${m.version}`, { cookie: c.reporter.cookie });
    }
    const laundered = (await uploadBuffer(h, c.reporter.cookie, reportId, 'copy-final.jpg', copy)).json();
    const dup = laundered.checks.find((x: { code: string }) => x.code === 'duplicate');
    expect(dup.passed, `duplicate check said: ${dup.message}`).toBe(false);
  });

  it("does not name another company's project in a duplicate warning", async () => {
    const bytes = await photo(6);
    expect((await uploadBuffer(h, c.reporter.cookie, reportId, 'mine.jpg', bytes)).statusCode).toBe(200);
    // Another company in another county, with its own report this month.
    const other = await reportingCounty(h);
    const otherReport = (await openMonth(h, other)).reportId;
    const res = (await uploadBuffer(h, other.reporter.cookie, otherReport, 'theirs.jpg', bytes)).json();
    const dup = res.checks.find((x: { code: string }) => x.code === 'duplicate');
    expect(dup.passed).toBe(false);
    // The other county's reporter cannot open c.project (404) but is told its name here.
    expect((await h.request('GET', `/api/v1/projects/${c.project.id}`, { cookie: other.reporter.cookie })).statusCode).toBe(404);
    expect(dup.message).not.toContain(c.project.name);
  });
});
