import { open, readFile } from 'node:fs/promises';
import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import { readPhotoMeta, type PhotoMeta } from './exif';
import { decodeHeic } from './heic';
import { damagedPhoto, tooManyPixels } from './media-errors';
import { HASH_INPUT_SIZE, perceptualHash } from './phash';
import { detectMedia, type Sniffed } from './sniff';

// A site photo, once uploaded: its facts (size, EXIF time/place/camera, perceptual hash) and
// the two derivatives the web app shows. Built for speed on 12 MP phone JPEGs: the original is
// decoded once, by sharp, with JPEG shrink-on-load doing most of the downscaling; the display
// JPEG comes out of that one pass; the thumbnail and the hash pixels are then made from the
// small display JPEG (decoded again with shrink-on-load, ≈ 2 ms), never from the original.
//
// Safety (SECURITY.md rows 13–14): the header is read first and the decode refused above
// `maxPixels` (a pixel flood is refused in milliseconds, before any pixel memory); sharp must
// agree with the sniffer about the format, so a file that slipped past it as something else
// (SVG, TIFF, GIF …) is never parsed here; derivatives carry no metadata at all (no EXIF, GPS
// or device), only pixels converted to sRGB.
//
// sharp's global settings are left alone: on glibc without jemalloc sharp itself sets
// concurrency to 1 thread per image (fragmentation), and the bench measured no gain from
// changing it or the operation cache for this workload (BENCHMARKS.md).

export interface PhotoLimits {
  /** Decoded pixels above which a photo is refused (SECURITY.md row 13). */
  maxPixels: number;
}

export const DEFAULT_PHOTO_LIMITS: PhotoLimits = { maxPixels: 60e6 };

export interface ProcessedPhoto {
  /** What was decoded: jpeg, png, webp, heic or avif. */
  format: string;
  /** Of the original, after orientation. */
  width: number;
  height: number;
  capturedAt: string | null;
  gps: { lng: number; lat: number } | null;
  camera: string | null;
  hasExif: boolean;
  phash: string;
  /** JPEG, long edge ≤ 1600, upright, sRGB, no metadata. */
  display: Buffer;
  /** JPEG, long edge ≤ 320, upright, sRGB, no metadata. */
  thumb: Buffer;
  /** HEIC/AVIF only: a full-size JPEG (quality 90, no metadata) for browsers that cannot show the original. */
  converted?: Buffer;
}

const DISPLAY_EDGE = 1600;
const THUMB_EDGE = 320;
const DISPLAY_QUALITY = 80;
const CONVERTED_QUALITY = 90;
const WHITE = { r: 255, g: 255, b: 255 };

/** What sharp calls each sniffed format. */
const SHARP_FORMAT = { jpeg: 'jpeg', png: 'png', webp: 'webp', heic: 'heif' } as const;

export async function processPhoto(file: string, sniffed: Sniffed, limits: PhotoLimits = DEFAULT_PHOTO_LIMITS): Promise<ProcessedPhoto> {
  if (sniffed.kind !== 'photo') throw new RangeError('processPhoto needs a photo');
  // HEIF is read whole: libheif decodes from memory, and its EXIF may sit anywhere in the file.
  const input = sniffed.format === 'heic' ? await readFile(file) : file;
  // The bytes are checked again here, not trusted from the caller: libvips picks its decoder
  // by content, so this is what keeps the SVG, TIFF, GIF … decoders away from uploads.
  if (detectMedia(typeof input === 'string' ? await readHead(input) : input)?.format !== sniffed.format) throw damagedPhoto('format_mismatch');
  const options: SharpOptions = { limitInputPixels: limits.maxPixels, failOn: 'error', sequentialRead: true };
  const header = await readHeader(input);
  if (header.format !== SHARP_FORMAT[sniffed.format]) throw damagedPhoto('format_mismatch');
  const { width, height } = uprightSize(header);
  if (width * height > limits.maxPixels) throw tooManyPixels(width, height, limits.maxPixels);

  if (sniffed.format === 'heic' && header.compression !== 'av1') return processHevc(input as Buffer, limits);
  const [display, meta] = await Promise.all([
    render(sharp(input, options).rotate(), (s) => s.jpeg({ quality: DISPLAY_QUALITY }), DISPLAY_EDGE),
    readPhotoMeta(input),
  ]);
  const converted = sniffed.format === 'heic' ? await render(sharp(input, options).rotate(), (s) => s.jpeg({ quality: CONVERTED_QUALITY })) : undefined;
  const format = sniffed.format === 'heic' ? 'avif' : sniffed.format;
  return { format, width, height, ...facts(meta), ...(await fromDisplay(display)), display, ...(converted ? { converted } : {}) };
}

async function readHead(file: string): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await fh.read(head, 0, 64, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

// Without sharp's pixel limit: metadata() reads only the header, and with the limit it would
// throw a bare "exceeds pixel limit" instead of giving the size the refusal message names.
async function readHeader(input: Buffer | string): Promise<Metadata> {
  try {
    return await sharp(input, { limitInputPixels: false, failOn: 'error' }).metadata();
  } catch {
    throw damagedPhoto('header');
  }
}

function uprightSize(m: Metadata): { width: number; height: number } {
  if (!m.width || !m.height) throw damagedPhoto('no_size');
  // Orientations 5–8 turn the picture on its side.
  return (m.orientation ?? 1) >= 5 ? { width: m.height, height: m.width } : { width: m.width, height: m.height };
}

/** Runs a pipeline to JPEG, flattened onto white (PNG/WebP transparency) and at most `edge` on the long side. */
async function render(pipeline: Sharp, encode: (s: Sharp) => Sharp, edge?: number): Promise<Buffer> {
  try {
    const sized = edge ? pipeline.resize(edge, edge, { fit: 'inside', withoutEnlargement: true }) : pipeline;
    return await encode(sized.flatten({ background: WHITE })).toBuffer();
  } catch {
    throw damagedPhoto('decode'); // truncated or corrupt data (failOn: 'error'); sizes were checked before
  }
}

/** The thumbnail and the hash, from the display JPEG: a few milliseconds, whatever the original's size. */
async function fromDisplay(display: Buffer): Promise<{ thumb: Buffer; phash: string }> {
  const small = await sharp(display).resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: small.info.width, height: small.info.height, channels: small.info.channels } };
  const [thumb, grey] = await Promise.all([
    sharp(small.data, raw).jpeg({ quality: DISPLAY_QUALITY }).toBuffer(),
    sharp(small.data, raw).resize(HASH_INPUT_SIZE, HASH_INPUT_SIZE, { fit: 'fill' }).greyscale().raw().toBuffer(),
  ]);
  return { thumb, phash: perceptualHash(grey) };
}

/** HEVC HEIC: decoded by libheif in its worker (orientation applied there), then on through sharp as raw pixels. */
async function processHevc(file: Buffer, limits: PhotoLimits): Promise<ProcessedPhoto> {
  const [decoded, meta] = await Promise.all([decodeHeic(file, limits.maxPixels), readPhotoMeta(file)]);
  const options: SharpOptions = { raw: { width: decoded.width, height: decoded.height, channels: decoded.channels }, limitInputPixels: limits.maxPixels };
  const [display, converted] = await Promise.all([
    render(sharp(decoded.pixels, options), (s) => s.jpeg({ quality: DISPLAY_QUALITY }), DISPLAY_EDGE),
    render(sharp(decoded.pixels, options), (s) => s.jpeg({ quality: CONVERTED_QUALITY })),
  ]);
  return { format: 'heic', width: decoded.width, height: decoded.height, ...facts(meta), ...(await fromDisplay(display)), display, converted };
}

/**
 * Optional and process-wide: from now on libvips may load only JPEG, PNG, WebP and HEIF, so
 * no upload can ever reach its SVG, PDF, TIFF, GIF, FITS … loaders. Call it at startup when
 * nothing else in the process needs sharp to read other formats (e.g. SVG charts to PNG).
 */
export function restrictImageDecoders(): void {
  sharp.block({ operation: ['VipsForeignLoad'] });
  sharp.unblock({ operation: ['VipsForeignLoadJpeg', 'VipsForeignLoadPng', 'VipsForeignLoadWebp', 'VipsForeignLoadHeif'] });
}

const facts = (meta: PhotoMeta) => ({ capturedAt: meta.capturedAt, gps: meta.gps, camera: meta.camera, hasExif: meta.hasExif });
