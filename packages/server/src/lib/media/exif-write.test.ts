import { readFileSync } from 'node:fs';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeJpeg, PHOTOS } from '../../test/media/fixtures';
import { readPhotoMeta } from './exif';
import { buildExifTiff, withExif, type ExifTags } from './exif-write';

const TAGS: ExifTags = {
  dateTimeOriginal: '2026:11:03 09:41:27',
  offsetTimeOriginal: '+08:00',
  gps: { lat: 34.746611, lng: 113.625328 },
  orientation: 6,
  make: 'Xiaomi',
  model: 'Redmi K70',
};

const count = (buf: Buffer, text: string) => buf.toString('latin1').split(text).length - 1;

describe('withExif', () => {
  it.each(['II', 'MM'] as const)('round-trips every tag through exifr (%s byte order)', async (order) => {
    const jpeg = withExif(await makeJpeg({ width: 80, height: 60 }), TAGS, order);
    expect(jpeg.toString('latin1', jpeg.indexOf('Exif\0\0', 0, 'latin1') + 6, jpeg.indexOf('Exif\0\0', 0, 'latin1') + 8)).toBe(order);
    const raw = await exifr.parse(jpeg, { translateValues: false, reviveValues: false });
    expect(raw).toMatchObject({
      Make: 'Xiaomi', Model: 'Redmi K70', Orientation: 6,
      DateTimeOriginal: '2026:11:03 09:41:27', CreateDate: '2026:11:03 09:41:27', OffsetTimeOriginal: '+08:00',
      GPSLatitudeRef: 'N', GPSLongitudeRef: 'E', GPSMapDatum: 'WGS-84',
    });
    expect(raw.latitude).toBeCloseTo(34.746611, 7);
    expect(raw.longitude).toBeCloseTo(113.625328, 7);
    expect(await readPhotoMeta(jpeg)).toEqual({
      capturedAt: '2026-11-03T01:41:27.000Z', gps: { lng: 113.625328, lat: 34.746611 }, orientation: 6, camera: 'Xiaomi Redmi K70', hasExif: true,
    });
    // libvips reads it too, and the picture is untouched.
    const meta = await sharp(jpeg).metadata();
    expect([meta.orientation, meta.width, meta.height]).toEqual([6, 80, 60]);
  });

  it('replaces the Exif segment a photo already has, keeping the rest', async () => {
    const once = withExif(await makeJpeg({ width: 40, height: 30 }), TAGS);
    const twice = withExif(once, { make: 'HUAWEI', model: 'Mate 60' });
    expect(count(twice, 'Exif\0\0')).toBe(1);
    expect(await readPhotoMeta(twice)).toEqual({ capturedAt: null, gps: null, orientation: null, camera: 'HUAWEI Mate 60', hasExif: true });
    expect((await sharp(twice).raw().toBuffer()).equals(await sharp(once).raw().toBuffer())).toBe(true);
  });

  it('puts the segment after a JFIF APP0, so both stay valid, and keeps the ICC profile', async () => {
    // landscape_3.jpg: APP0 JFIF, APP2 ICC, APP1 Exif (orientation 3).
    const jfif = readFileSync(PHOTOS.landscape3);
    expect(jfif.toString('latin1', 6, 10)).toBe('JFIF');
    const tagged = withExif(jfif, { orientation: 8 });
    expect(tagged.toString('latin1', 6, 10)).toBe('JFIF');
    expect(tagged.readUInt16BE(2 + 2 + jfif.readUInt16BE(4))).toBe(0xffe1);
    expect(count(tagged, 'Exif\0\0')).toBe(1);
    const meta = await sharp(tagged).metadata();
    expect([meta.orientation, meta.hasProfile]).toEqual([8, true]);
  });

  it('writes the southern and western hemispheres as S and W', async () => {
    const raw = await exifr.parse(withExif(await makeJpeg({ width: 8, height: 8 }), { gps: { lat: -22.9519, lng: -43.2105 } }));
    expect([raw.GPSLatitudeRef, raw.GPSLongitudeRef]).toEqual(['S', 'W']);
    expect(raw.latitude).toBeCloseTo(-22.9519, 6);
    expect(raw.longitude).toBeCloseTo(-43.2105, 6);
  });

  it('refuses what is not a JPEG, and coordinates out of range', async () => {
    expect(() => withExif(Buffer.from('89504e47', 'hex'), TAGS)).toThrow(RangeError);
    expect(() => buildExifTiff({ gps: { lat: 91, lng: 0 } })).toThrow(RangeError);
  });
});
