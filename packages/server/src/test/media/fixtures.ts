import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, createDeflate } from 'node:zlib';
import sharp from 'sharp';
import { withExif, type ExifTags } from '../../lib/media/exif-write';
import { processPhoto, type PhotoLimits, type ProcessedPhoto } from '../../lib/media/image';
import { sniffMedia } from '../../lib/media/sniff';

// Media fixtures (SOURCE.md says where each file comes from) and builders for the photos the
// tests need in many variants: patterned JPEGs whose perceptual hashes differ by seed, and a
// pixel-flood PNG that is 190 KB on disk and 196 MB once decoded.

const DIR = fileURLToPath(new URL('.', import.meta.url));
export const fixture = (name: string) => join(DIR, name);

/** Real camera photos (ianare/exif-samples): the DSCN set has GPS and capture time, the other two orientation only. */
export const PHOTOS = {
  dscn0010: fixture('DSCN0010.jpg'),
  dscn0012: fixture('DSCN0012.jpg'),
  dscn0021: fixture('DSCN0021.jpg'),
  landscape3: fixture('landscape_3.jpg'),
  portrait6: fixture('portrait_6.jpg'),
  /** Listed as "invalid" upstream for its metadata; the picture itself (88×64) decodes cleanly. */
  invalidMeta: fixture('invalid-image01137.jpg'),
  /** 256×192 HEVC, EXIF: 2026-05-12 10:30:00 +08:00, GPS 34.7466 N 113.6253 E, "Apple iPhone 13". */
  heic: fixture('photo.heic'),
} as const;

/** 2 s, 160×120, 10 fps H.264 (make-fixtures.ts). */
export const VIDEOS = {
  /** moov first; 3GPP loci location 34.7466 N 113.6253 E; created 2026-05-12T02:30:00Z. */
  mp4: fixture('clip.mp4'),
  /** moov after mdat, as phones write it. */
  mp4MoovAtEnd: fixture('clip-moov-end.mp4'),
  /** QuickTime; ©xyz +31.2304+121.4737/; a 90° display matrix (shown 120×160). */
  mov: fixture('clip.mov'),
  /** QuickTime with Apple keys: location +31.2304+121.4737+004.500/, creationdate 2026-05-12T10:31:00+0800 (mvhd: 02:30:00Z). */
  appleMov: fixture('clip-apple.mov'),
} as const;

/** A deterministic pseudo-random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface JpegSpec {
  width: number;
  height: number;
  exif?: ExifTags;
  /** Different seeds give different scenes (perceptual hashes far apart). */
  seed?: number;
  quality?: number;
  /** Sensor-like grain (Gaussian sigma), making file sizes camera-like. */
  grain?: number;
}

/** A smooth random scene (16×12 colour blocks blown up), optionally grainy, with optional EXIF. */
export async function makeJpeg({ width, height, exif, seed = 1, quality = 90, grain = 0 }: JpegSpec): Promise<Buffer> {
  const next = random(seed);
  const cells = Buffer.alloc(16 * 12 * 3);
  for (let i = 0; i < cells.length; i++) cells[i] = Math.floor(next() * 256);
  let image = sharp(cells, { raw: { width: 16, height: 12, channels: 3 } }).resize(width, height, { fit: 'fill', kernel: 'cubic' });
  if (grain > 0) {
    const smooth = await image.raw().toBuffer();
    const noise = { create: { width, height, channels: 3 as const, background: '#808080', noise: { type: 'gaussian' as const, mean: 128, sigma: grain } } };
    image = sharp(smooth, { raw: { width, height, channels: 3 } }).composite([{ input: noise, blend: 'soft-light' }]);
  }
  const jpeg = await image.jpeg({ quality }).toBuffer();
  return exif ? withExif(jpeg, exif) : jpeg;
}

let flood: Promise<Buffer> | null = null;

/**
 * A valid 14000×14000 greyscale PNG (196 megapixels, 196 MB decoded; 590 MB as RGB): zero
 * rows deflate about 1000:1, so it is ≈ 190 KB. Built once per test process (≈ 0.5 s).
 */
export function makePixelFlood(): Promise<Buffer> {
  flood ??= (async () => {
    const side = 14_000;
    const deflate = createDeflate({ level: 9 });
    const parts: Buffer[] = [];
    deflate.on('data', (c: Buffer) => parts.push(c));
    const rows = Buffer.alloc((side + 1) * 100); // filter byte 0 + pixels, 100 rows at a time
    for (let y = 0; y < side; y += 100) deflate.write(rows);
    await new Promise<void>((resolve) => deflate.end(resolve));
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(side, 0);
    ihdr.writeUInt32BE(side, 4);
    ihdr[8] = 8; // bit depth; colour type 0 (grey), compression, filter, interlace all 0
    return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), pngChunk('IHDR', ihdr), pngChunk('IDAT', Buffer.concat(parts)), pngChunk('IEND', Buffer.alloc(0))]);
  })();
  return flood;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

export interface TempDir {
  dir: string;
  /** Writes a file (a unique name each time, so tests never overwrite each other's files). */
  write: (name: string, data: Buffer) => string;
  /** Sniffs and processes bytes as an upload named `name` would be. */
  ingest: (data: Buffer, name?: string, limits?: PhotoLimits) => Promise<ProcessedPhoto>;
  cleanup: () => void;
}

/** A temp folder for one test file's inputs and outputs, removed by cleanup(). */
export function tempDir(prefix = 'tuijin-media-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let n = 0;
  const write = (name: string, data: Buffer) => {
    const path = join(dir, `${++n}-${name}`);
    writeFileSync(path, data);
    return path;
  };
  return {
    dir,
    write,
    ingest: (data, name = 'photo.jpg', limits) => processPhoto(write(name, data), sniffMedia(data.subarray(0, 65_536), name), limits),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
