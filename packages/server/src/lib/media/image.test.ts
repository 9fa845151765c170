import { readFileSync } from 'node:fs';
import { hammingDistance } from '@tuijin/core';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { makeJpeg, makePixelFlood, PHOTOS, tempDir } from '../../test/media/fixtures';
import { AppError } from '../errors';
import { closeHeicDecoder, decodeHeic } from './heic';
import { processPhoto } from './image';
import { sniffMedia } from './sniff';

const tmp = tempDir();
afterAll(async () => {
  tmp.cleanup();
  await closeHeicDecoder();
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the photo to be refused');
}
const reasonOf = (e: AppError) => (e.details as { reason: string }).reason;

/** A derivative must carry pixels only: no EXIF (GPS, device), no XMP, no ICC profile. */
async function expectNoMetadata(jpeg: Buffer) {
  const meta = await sharp(jpeg).metadata();
  expect(meta.format).toBe('jpeg');
  expect([meta.exif, meta.xmp, meta.icc, meta.orientation]).toEqual([undefined, undefined, undefined, undefined]);
  expect(await exifr.parse(jpeg, true)).toBeUndefined();
  expect(jpeg.includes('Exif\0\0', 0, 'latin1')).toBe(false);
}

async function sizeOf(jpeg: Buffer): Promise<[number, number]> {
  const { width, height } = await sharp(jpeg).metadata();
  return [width, height];
}

describe('processPhoto on the camera samples', () => {
  it.each([
    ['dscn0010', [640, 480], [320, 240]],
    ['dscn0012', [640, 480], [320, 240]],
    ['dscn0021', [640, 480], [320, 240]],
    ['landscape3', [600, 450], [320, 240]], // orientation 3: upside down as stored
    ['portrait6', [450, 600], [240, 320]], // orientation 6: stored 600×450, shown taller than wide
    ['invalidMeta', [88, 64], [88, 64]], // "invalid" upstream for its XMP; the picture is fine
  ] as const)('%s', async (name, [width, height], thumbSize) => {
    const photo = await processPhoto(PHOTOS[name], sniffMedia(readFileSync(PHOTOS[name]), `${name}.jpg`));
    expect([photo.format, photo.width, photo.height]).toEqual(['jpeg', width, height]);
    expect(await sizeOf(photo.display)).toEqual([width, height]); // never enlarged
    expect(await sizeOf(photo.thumb)).toEqual(thumbSize);
    expect(photo.phash).toMatch(/^[0-9a-f]{16}$/);
    expect(photo.converted).toBeUndefined();
    await expectNoMetadata(photo.display);
    await expectNoMetadata(photo.thumb);
  });

  it('reports what the EXIF says, while the derivatives say nothing', async () => {
    const photo = await processPhoto(PHOTOS.dscn0010, sniffMedia(readFileSync(PHOTOS.dscn0010), 'DSCN0010.JPG'));
    expect(photo).toMatchObject({ capturedAt: '2008-10-22T08:28:39.000Z', gps: { lng: 11.8851267, lat: 43.4674483 }, camera: 'NIKON COOLPIX P6000', hasExif: true });
    expect(photo.display.includes('NIKON', 0, 'latin1')).toBe(false);
  });
});

describe('processPhoto sizes and orientation', () => {
  const exif = { dateTimeOriginal: '2026:11:03 09:41:27', gps: { lat: 34.7466, lng: 113.6253 }, make: 'Xiaomi', model: '23127PN0CC' };

  it('a 12 MP phone photo: display 1600, thumbnail 320, no GPS left in either', async () => {
    const photo = await tmp.ingest(await makeJpeg({ width: 4000, height: 3000, exif, seed: 3 }), 'IMG_20261103_094127.jpg');
    expect([photo.width, photo.height, photo.capturedAt, photo.gps]).toEqual([4000, 3000, '2026-11-03T01:41:27.000Z', { lng: 113.6253, lat: 34.7466 }]);
    expect(await sizeOf(photo.display)).toEqual([1600, 1200]);
    expect(await sizeOf(photo.thumb)).toEqual([320, 240]);
    await expectNoMetadata(photo.display);
    await expectNoMetadata(photo.thumb);
  });

  it('a portrait phone photo stored sideways (orientation 6) comes out upright', async () => {
    const photo = await tmp.ingest(await makeJpeg({ width: 4000, height: 3000, exif: { ...exif, orientation: 6 }, seed: 3 }));
    expect([photo.width, photo.height]).toEqual([3000, 4000]);
    expect(await sizeOf(photo.display)).toEqual([1200, 1600]);
    expect(await sizeOf(photo.thumb)).toEqual([240, 320]);
  });

  it('a PNG with transparency is flattened onto white', async () => {
    const png = await sharp({ create: { width: 200, height: 100, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: { create: { width: 100, height: 100, channels: 4, background: '#0000ff' } }, left: 100, top: 0 }]).png().toBuffer();
    const photo = await tmp.ingest(png, '截图.png');
    expect([photo.format, photo.width, photo.height, photo.hasExif]).toEqual(['png', 200, 100, false]);
    const { data, info } = await sharp(photo.display).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(3);
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    expect(at(10, 50).every((v) => v > 245)).toBe(true); // transparent → white, not black or red
    expect(at(150, 50)[2]).toBeGreaterThan(200);
  });

  it('a PNG named .jpg (as WeChat saves them) and a 16-bit PNG', async () => {
    const png16 = await sharp(await makeJpeg({ width: 300, height: 200 })).toColourspace('rgb16').png().toBuffer();
    expect((await sharp(png16).metadata()).depth).toBe('ushort');
    const photo = await tmp.ingest(png16, 'mmexport1700000000000.jpg');
    expect([photo.format, photo.width, photo.height]).toEqual(['png', 300, 200]);
  });

  it('a WebP, and only the first frame of an animated one', async () => {
    const red = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#ff0000' } }).png().toBuffer();
    const blue = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0000ff' } }).png().toBuffer();
    const animated = await sharp([red, blue], { join: { animated: true } }).webp({ loop: 0, delay: [500, 500] }).toBuffer();
    expect((await sharp(animated, { pages: -1 }).metadata()).pages).toBe(2);
    const photo = await tmp.ingest(animated, 'sticker.webp');
    expect([photo.format, photo.width, photo.height]).toEqual(['webp', 64, 48]);
    const { data } = await sharp(photo.display).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200);
    expect(data[2]).toBeLessThan(60);
  });

  it('a CMYK JPEG and a Display P3 JPEG come out as sRGB', async () => {
    const cmyk = await sharp(await makeJpeg({ width: 120, height: 90 })).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const fromCmyk = await tmp.ingest(cmyk);
    expect((await sharp(fromCmyk.display).metadata()).space).toBe('srgb');

    // The numbers (200,100,50) tagged as Display P3 (an iPhone's profile), not converted to it.
    const icc = (await sharp(cmyk).withIccProfile('p3').jpeg().toBuffer().then((b) => sharp(b).metadata())).icc!;
    const plain = await sharp({ create: { width: 32, height: 32, channels: 3, background: { r: 200, g: 100, b: 50 } } }).jpeg({ quality: 100 }).toBuffer();
    const app2 = Buffer.concat([Buffer.from([0xff, 0xe2, 0, 0]), Buffer.from('ICC_PROFILE\0\x01\x01', 'latin1'), icc]);
    app2.writeUInt16BE(app2.length - 2, 2);
    const p3 = Buffer.concat([plain.subarray(0, 2), app2, plain.subarray(2)]);
    expect((await sharp(p3).metadata()).icc?.length).toBe(icc.length);
    const { data } = await sharp((await tmp.ingest(p3)).display).raw().toBuffer({ resolveWithObject: true });
    expect(Math.abs(data[0]! - 200) + Math.abs(data[2]! - 50)).toBeGreaterThan(10);
  });
});

describe('processPhoto on HEIC', () => {
  it('decodes the HEVC fixture through libheif, with a full-size JPEG beside the display', async () => {
    const photo = await processPhoto(PHOTOS.heic, sniffMedia(readFileSync(PHOTOS.heic), 'IMG_0001.HEIC'));
    expect(photo).toMatchObject({ format: 'heic', width: 256, height: 192, capturedAt: '2026-05-12T02:30:00.000Z', gps: { lng: 113.6253, lat: 34.7466 }, camera: 'Apple iPhone 13', hasExif: true });
    expect(await sizeOf(photo.converted!)).toEqual([256, 192]);
    expect(await sizeOf(photo.display)).toEqual([256, 192]);
    await expectNoMetadata(photo.converted!);
    await expectNoMetadata(photo.display);
    // It is DSCN0010 made small: the same scene, by its hash.
    const jpeg = await processPhoto(PHOTOS.dscn0010, sniffMedia(readFileSync(PHOTOS.dscn0010), 'a.jpg'));
    expect(hammingDistance(photo.phash, jpeg.phash)).toBeLessThanOrEqual(6);
  });

  it('refuses a HEIC over the pixel budget before decoding it (413), in either check', async () => {
    const heic = readFileSync(PHOTOS.heic);
    const e = await refusal(processPhoto(PHOTOS.heic, sniffMedia(heic, 'a.heic'), { maxPixels: 256 * 191 }));
    expect([e.status, reasonOf(e)]).toEqual([413, 'pixels']);
    // The worker's own check, for a file whose container sharp could not read.
    const w = await refusal(decodeHeic(heic, 1000));
    expect([w.status, w.details]).toEqual([413, { reason: 'pixels', width: 256, height: 192, maxPixels: 1000 }]);
  });

  it('decodes several at once (queued, one at a time), and fails only the queued ones on close', async () => {
    const heic = readFileSync(PHOTOS.heic);
    const sizes = await Promise.all(Array.from({ length: 5 }, () => decodeHeic(heic, 60e6).then((d) => [d.width, d.height, d.pixels.length])));
    expect(sizes).toEqual(Array.from({ length: 5 }, () => [256, 192, 256 * 192 * 3]));
    const pending = [decodeHeic(heic, 60e6), decodeHeic(heic, 60e6)].map((p) => p.then(() => 'done', (e: AppError) => reasonOf(e)));
    await closeHeicDecoder();
    expect(await Promise.all(pending)).toEqual(['heic_decoder_closed', 'heic_decoder_closed']);
    expect((await decodeHeic(heic, 60e6)).width).toBe(256); // and starts again on demand
  });

  it('refuses a damaged HEIC (422), and the decoder keeps working after it', async () => {
    const heic = readFileSync(PHOTOS.heic);
    const garbled = Buffer.concat([heic.subarray(0, 400), Buffer.alloc(heic.length - 400, 0x5a)]);
    expect((await refusal(tmp.ingest(garbled, 'a.heic'))).status).toBe(422);
    expect((await refusal(decodeHeic(heic.subarray(0, 1000), 60e6))).status).toBe(422);
    expect((await decodeHeic(heic, 60e6)).width).toBe(256);
  });
});

describe('processPhoto refuses', () => {
  it('a JPEG cut in half (an interrupted upload) with 422', async () => {
    const whole = readFileSync(PHOTOS.dscn0010);
    const e = await refusal(tmp.ingest(whole.subarray(0, whole.length >> 1)));
    expect([e.status, reasonOf(e)]).toEqual([422, 'decode']);
    expect(e.message).toMatch(/^照片文件已损坏或不完整/);
  });

  it.each([
    ['a PNG cut short', async () => (await sharp(PHOTOS.dscn0010).png().toBuffer()).subarray(0, 20_000), 'x.png'],
    ['a WebP cut short', async () => (await sharp(PHOTOS.dscn0010).webp().toBuffer()).subarray(0, 5_000), 'x.webp'],
    ['a JPEG with no image data', async () => readFileSync(PHOTOS.dscn0010).subarray(0, 15_000), 'x.jpg'],
  ])('%s with 422', async (_label, make, name) => {
    expect((await refusal(tmp.ingest(await make(), name))).status).toBe(422);
  });

  it('a 14000×14000 PNG (pixel flood) with 413, in well under 2 s and without decoding it', async () => {
    const flood = await makePixelFlood();
    expect(flood.length).toBeLessThan(250_000);
    const path = tmp.write('flood.png', flood);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const e = await refusal(processPhoto(path, sniffMedia(flood, 'flood.png'), { maxPixels: 60e6 }));
    expect(performance.now() - started).toBeLessThan(2000);
    expect([e.status, e.details]).toEqual([413, { reason: 'pixels', width: 14000, height: 14000, maxPixels: 60e6 }]);
    expect(e.message).toBe('照片尺寸过大（14000×14000 像素，上限 60 百万像素），已拒绝。请缩小后再上传');
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 1024 * 1024); // decoding would take ≥ 196 MB
  });

  it('bytes that are not what the caller says they are, before sharp sees them (422)', async () => {
    const png = tmp.write('a.png', await sharp(PHOTOS.dscn0010).png().toBuffer());
    const svg = tmp.write('a.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'));
    const gif = tmp.write('a.gif', await sharp({ create: { width: 8, height: 8, channels: 3, background: '#080' } }).gif().toBuffer());
    const jpegSniffed = sniffMedia(readFileSync(PHOTOS.dscn0010), 'a.jpg');
    for (const file of [png, svg, gif]) {
      const e = await refusal(processPhoto(file, jpegSniffed));
      expect([e.status, reasonOf(e)]).toEqual([422, 'format_mismatch']);
    }
  });

  it('a video (a programming error, not a user one)', async () => {
    await expect(processPhoto(PHOTOS.dscn0010, { kind: 'video', format: 'mp4', mime: 'video/mp4', ext: '.mp4' })).rejects.toThrow(RangeError);
  });
});
