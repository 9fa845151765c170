import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { random, tempDir, VIDEOS } from '../../test/media/fixtures';
import { AppError } from '../errors';
import { sniffMedia, type Sniffed } from './sniff';
import { parseIso6709, probeVideo } from './video';
import { findFfmpeg, makePoster } from './video-poster';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const MP4: Sniffed = { kind: 'video', format: 'mp4', mime: 'video/mp4', ext: '.mp4' };
const probe = (path: string) => probeVideo(path, sniffMedia(readFileSync(path).subarray(0, 65_536), path));

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the video to be refused');
}

function box(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}
const FTYP = box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2avc1mp41', 'latin1'));

describe('probeVideo on the fixtures', () => {
  it.each([
    ['MP4, moov first, 3GPP loci location', VIDEOS.mp4, { durationSeconds: 2, width: 160, height: 120, capturedAt: '2026-05-12T02:30:00.000Z', gps: { lng: 113.62529, lat: 34.7466 } }],
    ['MP4, moov at the end', VIDEOS.mp4MoovAtEnd, { durationSeconds: 2, width: 160, height: 120, capturedAt: '2026-05-12T02:30:00.000Z', gps: null }],
    ['MOV held upright (90° matrix), Android-style ©xyz', VIDEOS.mov, { durationSeconds: 2, width: 120, height: 160, capturedAt: '2026-05-12T02:30:00.000Z', gps: { lng: 121.4737, lat: 31.2304 } }],
    // Apple's creationdate (with its zone) wins over mvhd's creation_time.
    ['MOV with Apple keys', VIDEOS.appleMov, { durationSeconds: 2, width: 160, height: 120, capturedAt: '2026-05-12T02:31:00.000Z', gps: { lng: 121.4737, lat: 31.2304 } }],
  ])('%s', async (_label, path, expected) => {
    expect(await probe(path)).toEqual(expected);
  });

  it('reads only box headers: a 3 GB video (sparse file) probes in milliseconds', async () => {
    const path = join(tmp.dir, 'long.mp4');
    const head = readFileSync(VIDEOS.mp4);
    const mdatAt = head.indexOf('mdat', 0, 'latin1') - 4;
    const size = 3 * 1024 ** 3;
    const mdat = Buffer.alloc(16); // a 64-bit "largesize" box running to the end of the file
    mdat.writeUInt32BE(1, 0);
    mdat.write('mdat', 4, 'latin1');
    mdat.writeBigUInt64BE(BigInt(size - mdatAt), 8);
    const fd = openSync(path, 'w');
    writeSync(fd, Buffer.concat([head.subarray(0, mdatAt), mdat]));
    writeSync(fd, Buffer.from([0]), 0, 1, size - 1);
    closeSync(fd);
    const started = performance.now();
    expect((await probeVideo(path, MP4)).durationSeconds).toBe(2);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('probeVideo refuses a damaged file with 422', () => {
  const faststart = readFileSync(VIDEOS.mp4);
  const moovAtEnd = readFileSync(VIDEOS.mp4MoovAtEnd);
  const next = random(7);
  const noise = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256)));

  it.each([
    ['an MP4 cut short (mdat incomplete)', faststart.subarray(0, Math.floor(faststart.length * 0.8)), 'truncated'],
    ['a phone MP4 cut before its moov', moovAtEnd.subarray(0, moovAtEnd.indexOf('moov', 0, 'latin1') - 4), 'no_moov'],
    ['a phone MP4 cut inside its moov', moovAtEnd.subarray(0, moovAtEnd.length - 100), 'truncated'],
    ['random bytes after an ftyp header', Buffer.concat([FTYP, noise(4000)]), null],
    ['an ftyp and nothing else', FTYP, 'no_moov'],
    ['a box claiming 4 bytes', Buffer.concat([FTYP, Buffer.from('00000004', 'hex'), Buffer.from('moov', 'latin1')]), 'box_size'],
    ['a moov without mvhd', Buffer.concat([FTYP, box('moov', box('free', Buffer.alloc(8)))]), 'no_mvhd'],
    ['a moov full of garbage', Buffer.concat([FTYP, box('moov', noise(300))]), null],
  ])('%s', async (_label, bytes, reason) => {
    const e = await refusal(probeVideo(tmp.write('bad.mp4', bytes), MP4));
    expect(e.status).toBe(422);
    expect(e.message).toMatch(/^视频文件已损坏或不完整/);
    if (reason) expect((e.details as { reason: string }).reason).toBe(reason);
  });

  it('a photo is a programming error', async () => {
    await expect(probeVideo(VIDEOS.mp4, { kind: 'photo', format: 'jpeg', mime: 'image/jpeg', ext: '.jpg' })).rejects.toThrow(RangeError);
  });
});

describe('parseIso6709', () => {
  it.each([
    ['+31.2304+121.4737/', { lng: 121.4737, lat: 31.2304 }],
    ['+31.2304+121.4737+004.500/', { lng: 121.4737, lat: 31.2304 }],
    ['-33.8568+151.2153/', { lng: 151.2153, lat: -33.8568 }],
    ['+40.6892-074.0445/', { lng: -74.0445, lat: 40.6892 }],
    ['+3113.824+12128.422/', { lng: 121.4737, lat: 31.2304 }], // ±DDMM.MMM
    ['+311349.44+1212825.32/', { lng: 121.4737, lat: 31.2304 }], // ±DDMMSS.SS
    ['+00.0000+000.0000/', null],
    ['+91.0000+000.0000/', null],
    ['+3.5+12.5/', null],
    ['31.2304,121.4737', null],
    ['', null],
  ])('%j', (text, expected) => {
    const got = parseIso6709(text);
    if (expected === null) expect(got).toBeNull();
    else {
      expect(got!.lat).toBeCloseTo(expected.lat, 6);
      expect(got!.lng).toBeCloseTo(expected.lng, 6);
    }
  });
});

describe('findFfmpeg', () => {
  const fake = join(tmp.dir, 'bin', 'ffmpeg');
  it('honours TUIJIN_FFMPEG, then looks on PATH (absolute entries only)', () => {
    const binDir = join(tmp.dir, 'bin');
    mkdirSync(binDir, { recursive: true });
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    expect(findFfmpeg({ PATH: `relative/dir:${binDir}` })).toBe(fake);
    expect(findFfmpeg({ TUIJIN_FFMPEG: fake, PATH: '' })).toBe(fake);
    expect(findFfmpeg({ TUIJIN_FFMPEG: 'off', PATH: binDir })).toBeNull();
    expect(findFfmpeg({ TUIJIN_FFMPEG: 'ffmpeg', PATH: binDir })).toBeNull(); // must be a path
    expect(findFfmpeg({ TUIJIN_FFMPEG: join(tmp.dir, 'missing'), PATH: binDir })).toBeNull();
    expect(findFfmpeg({ PATH: 'bin' })).toBeNull();
  });
});

describe('makePoster', () => {
  it('gives null without ffmpeg, or when ffmpeg fails', async () => {
    expect(await makePoster(VIDEOS.mp4, 2, null)).toBeNull();
    expect(await makePoster(VIDEOS.mp4, 2, join(tmp.dir, 'no-such-ffmpeg'))).toBeNull();
  });

  // CI installs ffmpeg, so these run there; a machine without it skips them.
  const ffmpeg = findFfmpeg();
  it.skipIf(!ffmpeg)('takes a JPEG frame, turned as the video is shown, with no shell involved', async () => {
    for (const [path, size] of [[VIDEOS.mp4, [160, 120]], [VIDEOS.mp4MoovAtEnd, [160, 120]], [VIDEOS.mov, [120, 160]]] as const) {
      const poster = await makePoster(path, 2, ffmpeg);
      const meta = await sharp(poster!).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', ...size]);
    }
    const odd = tmp.write('a; touch pwned $(id).mp4', readFileSync(VIDEOS.mp4));
    expect(await makePoster(odd, null, ffmpeg)).not.toBeNull();
    expect(readFileSync(odd).length).toBeGreaterThan(0);
    expect(() => readFileSync(join(tmp.dir, 'pwned'))).toThrow();
  });

  it.skipIf(!ffmpeg)('gives null for a file ffmpeg cannot read', async () => {
    expect(await makePoster(tmp.write('junk.mp4', Buffer.concat([FTYP, Buffer.alloc(2000, 7)])), 2, ffmpeg)).toBeNull();
  });
});
