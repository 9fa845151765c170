import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { makeJpeg, PHOTOS, tempDir } from '../../test/media/fixtures';
import { captureTime, NO_META, readPhotoMeta } from './exif';
import { withExif } from './exif-write';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('readPhotoMeta on real camera photos', () => {
  // Values as exiftool shows them, e.g. DSCN0010: DateTimeOriginal 2008:10:22 16:28:39,
  // GPSLatitude 43 deg 28' 2.81" N, GPSLongitude 11 deg 53' 6.46" E, Make NIKON, Model COOLPIX P6000.
  // No OffsetTimeOriginal, so 16:28:39 is read as UTC+8 → 08:28:39Z.
  it.each([
    [PHOTOS.dscn0010, { capturedAt: '2008-10-22T08:28:39.000Z', gps: { lng: 11.8851267, lat: 43.4674483 }, orientation: 1, camera: 'NIKON COOLPIX P6000', hasExif: true }],
    [PHOTOS.dscn0012, { capturedAt: '2008-10-22T08:29:49.000Z', gps: { lng: 11.885395, lat: 43.4671567 }, orientation: 1, camera: 'NIKON COOLPIX P6000', hasExif: true }],
    [PHOTOS.dscn0021, { capturedAt: '2008-10-22T08:38:20.000Z', gps: { lng: 11.8845383, lat: 43.4670817 }, orientation: 1, camera: 'NIKON COOLPIX P6000', hasExif: true }],
    // Only IFD0 orientation, and after a 2 KB ICC segment (exifr's default chunked read misses it).
    [PHOTOS.landscape3, { capturedAt: null, gps: null, orientation: 3, camera: null, hasExif: true }],
    [PHOTOS.portrait6, { capturedAt: null, gps: null, orientation: 6, camera: null, hasExif: true }],
    // XMP only, no EXIF.
    [PHOTOS.invalidMeta, NO_META],
    [PHOTOS.heic, { capturedAt: '2026-05-12T02:30:00.000Z', gps: { lng: 113.6253, lat: 34.7466 }, orientation: null, camera: 'Apple iPhone 13', hasExif: true }],
  ])('%s', async (path, expected) => {
    expect(await readPhotoMeta(path)).toEqual(expected);
    expect(await readPhotoMeta(readFileSync(path))).toEqual(expected);
  });
});

describe('readPhotoMeta never throws', () => {
  it.each([
    ['an empty buffer', Buffer.alloc(0)],
    ['text', Buffer.from('not a photo')],
    ['a JPEG whose Exif segment is garbage', Buffer.concat([Buffer.from('ffd8ffe1001a457869660000', 'hex'), Buffer.from('4d4d002affffff00deadbeefdeadbeefdead', 'hex'), Buffer.from('ffd9', 'hex')])],
    ['a JPEG cut inside its Exif segment', readFileSync(PHOTOS.dscn0010).subarray(0, 300)],
    ['a HEIC cut after its header', readFileSync(PHOTOS.heic).subarray(0, 200)],
  ])('%s → nulls', async (_label, input) => {
    expect(await readPhotoMeta(input)).toEqual(NO_META);
  });

  it('a missing file → nulls', async () => {
    expect(await readPhotoMeta(`${tmp.dir}/missing.jpg`)).toEqual(NO_META);
  });
});

describe('readPhotoMeta on written EXIF', () => {
  const base = makeJpeg({ width: 64, height: 48 });

  it.each([
    ['an offset given by the phone', { dateTimeOriginal: '2026:11:01 07:30:00', offsetTimeOriginal: '-05:00' }, '2026-11-01T12:30:00.000Z'],
    ['no offset: China time', { dateTimeOriginal: '2026:11:01 07:30:00' }, '2026-10-31T23:30:00.000Z'],
    ['a clock never set', { dateTimeOriginal: '0000:00:00 00:00:00' }, null],
  ])('capture time with %s', async (_label, tags, expected) => {
    expect((await readPhotoMeta(withExif(await base, tags))).capturedAt).toBe(expected);
  });

  it.each([
    [{ lat: -33.8568, lng: 151.2153 }, { lng: 151.2153, lat: -33.8568 }],
    [{ lat: 40.6892, lng: -74.0445 }, { lng: -74.0445, lat: 40.6892 }],
    [{ lat: 0, lng: 0 }, null], // no fix
  ])('GPS %j', async (gps, expected) => {
    expect((await readPhotoMeta(withExif(await base, { gps }))).gps).toEqual(expected);
  });

  it.each([
    [{ make: 'Canon', model: 'Canon EOS 5D Mark IV' }, 'Canon EOS 5D Mark IV'],
    [{ make: '  HUAWEI\u0000 ', model: ' ALN-AL00 ' }, 'HUAWEI ALN-AL00'],
    [{ make: 'X'.repeat(50), model: 'Y'.repeat(50) }, `${'X'.repeat(50)} ${'Y'.repeat(9)}`],
    [{ orientation: 1 }, null],
  ])('camera %j', async (tags, expected) => {
    expect((await readPhotoMeta(withExif(await base, tags))).camera).toBe(expected);
  });

  it('an orientation outside 1–8 is ignored', async () => {
    expect((await readPhotoMeta(withExif(await base, { orientation: 9 }))).orientation).toBeNull();
  });

  it('reads EXIF kept in WebP and PNG files too', async () => {
    const tagged = withExif(await base, { dateTimeOriginal: '2026:05:12 10:30:00', offsetTimeOriginal: '+08:00', gps: { lat: 34.7466, lng: 113.6253 } });
    for (const format of ['webp', 'png'] as const) {
      const path = tmp.write(`tagged.${format}`, await sharp(tagged).keepExif()[format]().toBuffer());
      expect(await readPhotoMeta(path)).toMatchObject({ capturedAt: '2026-05-12T02:30:00.000Z', gps: { lng: 113.6253, lat: 34.7466 }, hasExif: true });
      expect(await readPhotoMeta(readFileSync(path))).toMatchObject({ capturedAt: '2026-05-12T02:30:00.000Z' });
    }
  });
});

describe('captureTime', () => {
  it.each([
    ['2026:11:01 07:30:00', '+08:00', '2026-10-31T23:30:00.000Z'],
    ['2026:11:01 07:30:00', undefined, '2026-10-31T23:30:00.000Z'],
    ['2026:11:01 07:30:00', '+0800', '2026-10-31T23:30:00.000Z'],
    ['2026:11:01 07:30:00', '+00:00', '2026-11-01T07:30:00.000Z'],
    ['2026:11:01 07:30:00', 'garbage', '2026-10-31T23:30:00.000Z'],
    ['2026-11-01 07:30:00', undefined, '2026-10-31T23:30:00.000Z'],
    ['2026:11:01 07:30:00.123', undefined, '2026-10-31T23:30:00.000Z'],
    ['2026:02:30 10:00:00', undefined, null],
    ['2026:13:01 10:00:00', undefined, null],
    ['1900:01:01 00:00:00', undefined, null],
    ['    :  :     :  :  ', undefined, null],
    ['', undefined, null],
    [20261101, undefined, null],
  ])('%j %j → %j', (value, offset, expected) => {
    expect(captureTime(value, offset)).toBe(expected);
  });
});
