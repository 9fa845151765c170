import { open, readFile } from 'node:fs/promises';
import exifr from 'exifr';
import { heifExif } from './heif-exif';

// The few EXIF facts the photo checks use (core/photo-checks): when, where, which way up, and
// with what. Read from the file's header only, with exifr told exactly which tags to pick;
// missing or corrupt EXIF gives nulls, never an error (a photo without EXIF is allowed, and
// flagged by the checks).

export interface PhotoMeta {
  /** UTC ISO 8601, or null. */
  capturedAt: string | null;
  /** WGS-84 decimal degrees, as phones write them; null when absent, (0,0) or out of range. */
  gps: { lng: number; lat: number } | null;
  /** EXIF orientation 1–8 (1 = upright). */
  orientation: number | null;
  /** "Make Model", trimmed, ≤ 60 characters. */
  camera: string | null;
  hasExif: boolean;
}

export const NO_META: PhotoMeta = { capturedAt: null, gps: null, orientation: null, camera: null, hasExif: false };

// exifr reading a path in its default small chunks misses an Exif segment that comes after a
// large ICC segment (seen on landscape_3.jpg); one 256 KB first read holds any JPEG's APP1.
const HEAD_BYTES = 256 * 1024;

const OPTIONS: Parameters<typeof exifr.parse>[1] = {
  ifd0: { pick: ['Orientation', 'Make', 'Model'] },
  exif: { pick: ['DateTimeOriginal', 'CreateDate', 'OffsetTimeOriginal', 'OffsetTimeDigitized'] },
  gps: { pick: ['GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef'] },
  ifd1: false, interop: false, xmp: false, icc: false, iptc: false, jfif: false, ihdr: false, makerNote: false, userComment: false,
  // Raw values: reviveValues would turn EXIF times into Dates in the server's own time zone.
  translateValues: false, reviveValues: false, firstChunkSize: HEAD_BYTES,
};

type Tags = Record<string, unknown>;

export async function readPhotoMeta(input: Buffer | string): Promise<PhotoMeta> {
  try {
    const tags: unknown = await exifr.parse(await exifSource(input), OPTIONS);
    if (!tags || typeof tags !== 'object') return NO_META;
    return metaOf(tags as Tags);
  } catch {
    return NO_META;
  }
}

// exifr reads JPEG and PNG itself; for WebP and HEIF it is handed the bare TIFF block.
async function exifSource(input: Buffer | string): Promise<Buffer | string> {
  if (typeof input !== 'string') return isIsoMedia(input) ? heifExif(input) ?? input : webpExifOf(input) ?? input;
  const fh = await open(input, 'r');
  const head = Buffer.alloc(12);
  try {
    await fh.read(head, 0, 12, 0);
  } finally {
    await fh.close();
  }
  if (isIsoMedia(head)) return heifExif(await readFile(input)) ?? input;
  if (isWebp(head)) return (await webpExifOfFile(input)) ?? input;
  return input;
}

const isIsoMedia = (b: Buffer) => b.toString('latin1', 4, 8) === 'ftyp';
const isWebp = (b: Buffer) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP';

function metaOf(tags: Tags): PhotoMeta {
  const known = Object.keys(tags).filter((k) => k !== 'errors');
  const orientation = typeof tags.Orientation === 'number' && Number.isInteger(tags.Orientation) && tags.Orientation >= 1 && tags.Orientation <= 8 ? tags.Orientation : null;
  return {
    capturedAt: captureTime(tags.DateTimeOriginal, tags.OffsetTimeOriginal) ?? captureTime(tags.CreateDate, tags.OffsetTimeDigitized),
    gps: position(tags),
    orientation,
    camera: cameraOf(tags.Make, tags.Model),
    hasExif: known.length > 0,
  };
}

/**
 * EXIF times are the camera's wall clock with no zone. Newer phones add OffsetTimeOriginal;
 * without it the time is read as China Standard Time (UTC+8): the reporters are in China,
 * where one zone covers the whole country and there is no daylight saving, so a phone's
 * clock there is UTC+8. Reading it as UTC would move photos taken before 08:00 to the
 * previous day — and on the 1st, into the previous month's report.
 */
export function captureTime(value: unknown, offset: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(local).getUTCDate() !== day) return null; // 2 月 30 日 and the like
  const o = typeof offset === 'string' ? /^([+-])(\d{2}):?(\d{2})$/.exec(offset.trim()) : null;
  const offsetMinutes = o ? (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3])) : 8 * 60;
  if (Math.abs(offsetMinutes) > 14 * 60) return null;
  return new Date(local - offsetMinutes * 60_000).toISOString();
}

function position(tags: Tags): { lng: number; lat: number } | null {
  const lat = degrees(tags.GPSLatitude, tags.GPSLatitudeRef, 'S');
  const lng = degrees(tags.GPSLongitude, tags.GPSLongitudeRef, 'W');
  if (lat === null || lng === null) return null;
  // (0,0) is what a phone writes when it had no fix; nobody builds in the Gulf of Guinea.
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return null;
  return { lng: Math.round(lng * 1e7) / 1e7, lat: Math.round(lat * 1e7) / 1e7 };
}

function degrees(value: unknown, ref: unknown, negative: 'S' | 'W'): number | null {
  const parts = Array.isArray(value) ? value : typeof value === 'number' ? [value] : null;
  if (!parts || parts.length === 0 || parts.length > 3 || !parts.every((p) => typeof p === 'number' && Number.isFinite(p) && p >= 0)) return null;
  const [d = 0, m = 0, s = 0] = parts as number[];
  const sign = typeof ref === 'string' && ref.trim().toUpperCase().startsWith(negative) ? -1 : 1;
  return sign * (d + m / 60 + s / 3600);
}

function cameraOf(make: unknown, model: unknown): string | null {
  const clean = (v: unknown) => (typeof v === 'string' ? v.replace(/[\p{Cc}\p{Cf}]/gu, '').replace(/\s+/g, ' ').trim() : '');
  const mk = clean(make);
  const md = clean(model);
  // Canon writes Make "Canon" and Model "Canon EOS 5D": say it once.
  const text = md.toLowerCase().startsWith(mk.toLowerCase()) ? md : `${mk} ${md}`.trim();
  return text ? [...text].slice(0, 60).join('').trim() : null;
}

// exifr does not read WebP; its EXIF is a RIFF chunk, usually after the image data.
function webpExifOf(buf: Buffer): Buffer | null {
  if (!isWebp(buf)) return null;
  for (let at = 12; at + 8 <= buf.length; ) {
    const size = buf.readUInt32LE(at + 4);
    if (buf.toString('latin1', at, at + 4) === 'EXIF') return exifPayload(buf.subarray(at + 8, at + 8 + size));
    at += 8 + size + (size & 1);
  }
  return null;
}

async function webpExifOfFile(path: string): Promise<Buffer | null> {
  const fh = await open(path, 'r');
  try {
    const { size: fileSize } = await fh.stat();
    const chunk = Buffer.alloc(8);
    // An animated WebP has a chunk per frame; EXIF deeper than this is not worth the reads.
    for (let at = 12, n = 0; at + 8 <= fileSize && n < 512; n++) {
      await fh.read(chunk, 0, 8, at);
      const size = chunk.readUInt32LE(4);
      if (chunk.toString('latin1', 0, 4) === 'EXIF') {
        if (size > 1 << 20) return null;
        const data = Buffer.alloc(size);
        await fh.read(data, 0, size, at + 8);
        return exifPayload(data);
      }
      at += 8 + size + (size & 1);
    }
    return null;
  } finally {
    await fh.close();
  }
}

/** The TIFF structure exifr reads, with the "Exif\0\0" prefix some writers put in the chunk removed. */
function exifPayload(data: Buffer): Buffer {
  return data.toString('latin1', 0, 6) === 'Exif\0\0' ? data.subarray(6) : data;
}
