import { readFileSync } from 'node:fs';
import { hammingDistance } from '@tuijin/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg, PHOTOS, tempDir } from '../../test/media/fixtures';
import { withExif } from './exif-write';
import { HASH_INPUT_SIZE, perceptualHash } from './phash';

const N = HASH_INPUT_SIZE;
const image = (f: (x: number, y: number) => number) => Uint8Array.from({ length: N * N }, (_, i) => f(i % N, Math.floor(i / N)));

describe('perceptualHash', () => {
  it('gives 16 lowercase hex digits, and refuses pixels of the wrong size', () => {
    expect(perceptualHash(image((x, y) => (x * 7 + y * 3) % 256))).toMatch(/^[0-9a-f]{16}$/);
    expect(() => perceptualHash(new Uint8Array(N * N - 1))).toThrow(RangeError);
  });

  it('ignores a uniform brightness change (only the DC term moves)', () => {
    const scene = (x: number, y: number) => 100 + 40 * Math.sin(x / 5) + 30 * Math.cos(y / 7) + ((x * y) % 13);
    expect(perceptualHash(image((x, y) => scene(x, y) + 40))).toBe(perceptualHash(image(scene)));
  });

  it('tells a horizontal gradient from a vertical one', () => {
    expect(hammingDistance(perceptualHash(image((x) => x * 8)), perceptualHash(image((_, y) => y * 8)))).toBeGreaterThan(20);
  });
});

// Through processPhoto: the hash is taken from the thumbnail pixels, after orientation.
describe('photo hashes', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const hashOf = async (data: Buffer) => (await tmp.ingest(data)).phash;
  const samples = ['dscn0010', 'dscn0012', 'dscn0021', 'landscape3', 'portrait6', 'invalidMeta'] as const;
  const hashes = new Map<string, string>();
  beforeAll(async () => {
    for (const name of samples) hashes.set(name, await hashOf(readFileSync(PHOTOS[name])));
  });

  it.each(samples)('%s re-encoded at quality 60 and halved is within 6 bits, and so is a copy one tenth brighter', async (name) => {
    const original = readFileSync(PHOTOS[name]);
    const { width } = await sharp(original).rotate().toBuffer({ resolveWithObject: true }).then((r) => r.info);
    const smaller = await sharp(original).rotate().resize(Math.round(width / 2)).jpeg({ quality: 60 }).toBuffer();
    const brighter = await sharp(original).rotate().modulate({ brightness: 1.1 }).jpeg({ quality: 85 }).toBuffer();
    expect(hammingDistance(await hashOf(smaller), hashes.get(name)!)).toBeLessThanOrEqual(6);
    expect(hammingDistance(await hashOf(brighter), hashes.get(name)!)).toBeLessThanOrEqual(6);
  });

  it('different photos are more than 20 bits apart', () => {
    for (const a of samples) {
      for (const b of samples) if (a < b) expect(hammingDistance(hashes.get(a)!, hashes.get(b)!), `${a} vs ${b}`).toBeGreaterThan(20);
    }
  });

  it('generated scenes differ by seed', async () => {
    const seeded = await Promise.all([1, 2, 3, 4].map(async (seed) => hashOf(await makeJpeg({ width: 400, height: 300, seed }))));
    for (let i = 0; i < seeded.length; i++) for (let j = i + 1; j < seeded.length; j++) expect(hammingDistance(seeded[i]!, seeded[j]!)).toBeGreaterThan(20);
  });

  it.each(['portrait6', 'landscape3'] as const)('%s (turned by EXIF orientation) hashes as its physically turned copy', async (name) => {
    const turned = await sharp(readFileSync(PHOTOS[name])).rotate().jpeg({ quality: 92 }).toBuffer();
    expect((await sharp(turned).metadata()).orientation).toBeUndefined();
    expect(await hashOf(turned)).toBe(hashes.get(name));
  });

  it.each([
    [6, 270], [8, 90], [3, 180],
  ])('a photo stored turned, with orientation %i, hashes as the upright original', async (orientation, storedTurn) => {
    const stored = await sharp(PHOTOS.dscn0010).rotate(storedTurn).jpeg({ quality: 92 }).toBuffer();
    expect(await hashOf(withExif(stored, { orientation }))).toBe(hashes.get('dscn0010'));
    // Without the tag it is a different picture, as far as the hash can tell.
    expect(hammingDistance(await hashOf(stored), hashes.get('dscn0010')!)).toBeGreaterThan(20);
  });
});
