import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { closeHeicDecoder, processPhoto, sniffMedia, SNIFF_BYTES } from '../packages/server/src/lib/media';
import { makeJpeg } from '../packages/server/src/test/media/fixtures';
import { ms, summarize } from './lib';

// Photo ingest of a 12-megapixel phone JPEG, beside a bare baseline in the same run:
// (a) sharp(file).resize(1600).jpeg().toBuffer() — sharp's own cheapest useful work on it;
// (b) the full ingest: sniff the head, processPhoto (EXIF, display, thumbnail, pHash),
//     SHA-256 of the file (streamed, alongside), and writing original, display and thumbnail
//     to a folder. Runs are interleaved, in alternating order, and medians compared.
// With heif-enc installed, a 12 MP HEVC HEIC is timed too (decoded in libheif-js's worker).

const RUNS = Number(process.env.BENCH_INGEST_RUNS ?? 15);
const dir = mkdtempSync(join(tmpdir(), 'tuijin-bench-ingest-'));
const out = join(dir, 'store');
mkdirSync(out);

const jpeg = await makeJpeg({
  width: 4000, height: 3000, seed: 7, quality: 92, grain: 24,
  exif: { dateTimeOriginal: '2026:11:03 09:41:27', offsetTimeOriginal: '+08:00', gps: { lat: 34.7466, lng: 113.6253 }, orientation: 1, make: 'Xiaomi', model: '23127PN0CC' },
});
const file = join(dir, 'IMG_20261103_094127.jpg');
writeFileSync(file, jpeg);

const baseline = () => sharp(file).resize(1600).jpeg().toBuffer();

function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path).on('data', (c) => hash.update(c)).on('error', reject).on('end', () => resolve(hash.digest('hex')));
  });
}

async function ingest(path: string, name: string, n: number) {
  const fh = await open(path, 'r');
  const head = Buffer.alloc(SNIFF_BYTES);
  const { bytesRead } = await fh.read(head, 0, SNIFF_BYTES, 0);
  await fh.close();
  const sniffed = sniffMedia(head.subarray(0, bytesRead), name);
  const [photo, digest] = await Promise.all([processPhoto(path, sniffed), sha256(path)]);
  await Promise.all([
    copyFile(path, join(out, `${n}-${digest.slice(0, 8)}${sniffed.ext}`)),
    writeFile(join(out, `${n}-display.jpg`), photo.display),
    writeFile(join(out, `${n}-thumb.jpg`), photo.thumb),
    photo.converted ? writeFile(join(out, `${n}-converted.jpg`), photo.converted) : null,
  ]);
  return photo;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return ms(t);
}

// Warm-up: load libvips, exifr, the JIT.
for (let i = 0; i < 3; i++) {
  await baseline();
  await ingest(file, 'IMG.jpg', i);
}
const bare: number[] = [];
const full: number[] = [];
for (let i = 0; i < RUNS; i++) {
  if (i % 2 === 0) {
    bare.push(await time(baseline));
    full.push(await time(() => ingest(file, 'IMG_20261103_094127.jpg', i)));
  } else {
    full.push(await time(() => ingest(file, 'IMG_20261103_094127.jpg', i)));
    bare.push(await time(baseline));
  }
}
const sample = await ingest(file, 'IMG.jpg', 999);
const peakRssJpegMb = Math.round(process.resourceUsage().maxRSS / 1024);

// 12 MP HEIC, when heif-enc can make one (≈ 10 s to encode).
let heic: { runs: number; p50: number; fileMb: number } | null = null;
const heicFile = join(dir, 'IMG_0001.heic');
const scaled = join(dir, 'heic-source.jpg');
await sharp(file).resize(4032, 3024, { fit: 'fill' }).jpeg({ quality: 92 }).toFile(scaled);
if (spawnSync('heif-enc', ['-q', '60', '-o', heicFile, scaled]).status === 0) {
  const head = Buffer.alloc(SNIFF_BYTES);
  const fh = await open(heicFile, 'r');
  await fh.read(head, 0, SNIFF_BYTES, 0);
  const { size } = await fh.stat();
  await fh.close();
  const sniffed = sniffMedia(head, 'IMG_0001.HEIC');
  await processPhoto(heicFile, sniffed);
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(await time(() => processPhoto(heicFile, sniffed)));
  heic = { runs: runs.length, p50: Math.round(summarize(runs).p50), fileMb: Math.round(size / 1e5) / 10 };
}
await closeHeicDecoder();
rmSync(dir, { recursive: true, force: true });

const b = summarize(bare);
const f = summarize(full);
const results = {
  date: new Date().toISOString(), node: process.version, sharp: sharp.versions.sharp, vips: sharp.versions.vips, concurrency: sharp.concurrency(),
  photo: { width: 4000, height: 3000, fileMb: Math.round(jpeg.length / 1e5) / 10, displayKb: Math.round(sample.display.length / 1024), thumbKb: Math.round(sample.thumb.length / 1024) },
  runs: RUNS,
  baselineMs: { p50: Math.round(b.p50 * 10) / 10, p95: Math.round(b.p95 * 10) / 10 },
  ingestMs: { p50: Math.round(f.p50 * 10) / 10, p95: Math.round(f.p95 * 10) / 10 },
  ratio: Math.round((f.p50 / b.p50) * 100) / 100,
  heic12mp: heic,
  // Of the whole process: making the test photo included (it holds 4000×3000 raw pixels twice).
  peakRssMb: { afterJpeg: peakRssJpegMb, afterHeic: Math.round(process.resourceUsage().maxRSS / 1024) },
};
mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'out', 'ingest.json'), JSON.stringify(results, null, 2));
console.log(JSON.stringify(results, null, 2));
console.log(`${results.ratio <= 1.5 ? 'PASS' : 'MISS'}  12 MP JPEG ingest ≤ 1.5× sharp resize(1600) (${results.ratio}×)`);
