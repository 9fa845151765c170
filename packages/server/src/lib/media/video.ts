import { open, type FileHandle } from 'node:fs/promises';
import { BoxError, findBox, metaChildren, readBody, readBoxes, type Box } from './bmff';
import { damagedVideo } from './media-errors';
import type { Sniffed } from './sniff';

// What the server needs from a phone video, read from its ISO-BMFF boxes (MP4 and MOV share
// them) without decoding anything and without ffmpeg: how long, how big, when and where.
// A file whose box tree is broken, cut short or has no moov (the index every player needs)
// is refused: phones write moov when recording stops, so a missing one means an unfinished
// or truncated file.

export interface VideoProbe {
  durationSeconds: number | null;
  /** As displayed: a portrait phone video (stored landscape with a 90° matrix) is taller than wide. */
  width: number | null;
  height: number | null;
  capturedAt: string | null;
  gps: { lng: number; lat: number } | null;
}

const SECONDS_1904_TO_1970 = 2_082_844_800;
const LOCATION_KEY = 'com.apple.quicktime.location.ISO6709';
const CREATION_KEY = 'com.apple.quicktime.creationdate';

export async function probeVideo(file: string, sniffed: Sniffed): Promise<VideoProbe> {
  if (sniffed.kind !== 'video') throw new RangeError('probeVideo needs a video');
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const top = await readBoxes(fh, 0, size);
    const moov = findBox(top, 'moov');
    if (!moov) throw new BoxError('no_moov');
    return await readMoov(fh, moov);
  } catch (error) {
    if (error instanceof BoxError) throw damagedVideo(error.reason);
    throw error;
  } finally {
    await fh.close();
  }
}

async function readMoov(fh: FileHandle, moov: Box): Promise<VideoProbe> {
  const children = await readBoxes(fh, moov.body, moov.end);
  const mvhd = findBox(children, 'mvhd');
  if (!mvhd) throw new BoxError('no_mvhd');
  const header = parseMvhd(await readBody(fh, mvhd, 32));
  const size = await videoTrackSize(fh, children.filter((b) => b.type === 'trak'));
  // Time and place are optional extras: a malformed udta or meta loses them, not the video.
  const meta = await readUserData(fh, children).catch((error: unknown) => {
    if (error instanceof BoxError) return { capturedAt: null, gps: null };
    throw error;
  });
  return {
    durationSeconds: header.durationSeconds,
    width: size?.width ?? null,
    height: size?.height ?? null,
    capturedAt: meta.capturedAt ?? header.createdAt,
    gps: meta.gps,
  };
}

function parseMvhd(b: Buffer): { durationSeconds: number | null; createdAt: string | null } {
  const v1 = b[0] === 1;
  if (b.length < (v1 ? 32 : 20)) throw new BoxError('mvhd');
  const created = v1 ? Number(b.readBigUInt64BE(4)) : b.readUInt32BE(4);
  const timescale = b.readUInt32BE(v1 ? 20 : 12);
  const duration = v1 ? Number(b.readBigUInt64BE(24)) : b.readUInt32BE(16);
  const unknown = v1 ? duration >= 2 ** 53 : duration === 0xffffffff;
  return {
    durationSeconds: timescale > 0 && duration > 0 && !unknown ? Math.round((duration / timescale) * 1000) / 1000 : null,
    createdAt: fromMac(created),
  };
}

/** Seconds since 1904 (UTC) as ISO; null for 0 and for the unset clocks that give years before 2000. */
function fromMac(seconds: number): string | null {
  const ms = (seconds - SECONDS_1904_TO_1970) * 1000;
  if (!Number.isFinite(ms) || ms < Date.UTC(2000, 0, 1) || ms > Date.UTC(2100, 0, 1)) return null;
  return new Date(ms).toISOString();
}

async function videoTrackSize(fh: FileHandle, traks: Box[]): Promise<{ width: number; height: number } | null> {
  let fallback: { width: number; height: number } | null = null;
  for (const trak of traks) {
    const children = await readBoxes(fh, trak.body, trak.end);
    const tkhd = findBox(children, 'tkhd');
    if (!tkhd) continue;
    const size = parseTkhd(await readBody(fh, tkhd, 96));
    if (!size) continue;
    const mdia = findBox(children, 'mdia');
    const hdlr = mdia ? findBox(await readBoxes(fh, mdia.body, mdia.end), 'hdlr') : undefined;
    const handler = hdlr ? (await readBody(fh, hdlr, 12)).toString('latin1', 8, 12) : null;
    if (handler === 'vide') return size;
    fallback ??= size;
  }
  return fallback;
}

function parseTkhd(b: Buffer): { width: number; height: number } | null {
  const matrixAt = 4 + (b[0] === 1 ? 32 : 20) + 16;
  if (b.length < matrixAt + 44) throw new BoxError('tkhd');
  const width = Math.round(b.readUInt32BE(matrixAt + 36) / 65536);
  const height = Math.round(b.readUInt32BE(matrixAt + 40) / 65536);
  if (!width || !height) return null; // audio tracks have no size
  // A 90° or 270° display matrix (a = d = 0) means the picture is shown turned on its side.
  const a = b.readInt32BE(matrixAt);
  const d = b.readInt32BE(matrixAt + 16);
  return a === 0 && d === 0 ? { width: height, height: width } : { width, height };
}

interface UserData {
  capturedAt: string | null;
  gps: { lng: number; lat: number } | null;
}

// Where phones put time and place: Android moov/udta/©xyz, 3GPP moov/udta/loci, Apple's
// moov/meta keys (ffmpeg writes the same keys under moov/udta/meta).
async function readUserData(fh: FileHandle, moovChildren: Box[]): Promise<UserData> {
  const found: UserData = { capturedAt: null, gps: null };
  const udta = findBox(moovChildren, 'udta');
  const udtaChildren = udta ? await readBoxes(fh, udta.body, udta.end) : [];
  const metas = [findBox(moovChildren, 'meta'), findBox(udtaChildren, 'meta')].filter((m): m is Box => !!m);
  for (const meta of metas) {
    const keyed = await readAppleKeys(fh, meta);
    found.gps ??= keyed.get(LOCATION_KEY) ? parseIso6709(keyed.get(LOCATION_KEY)!) : null;
    found.capturedAt ??= keyed.get(CREATION_KEY) ? parseIsoDate(keyed.get(CREATION_KEY)!) : null;
  }
  const xyz = findBox(udtaChildren, '\u00a9xyz');
  if (!found.gps && xyz) {
    const b = await readBody(fh, xyz, 256);
    if (b.length >= 4) found.gps = parseIso6709(b.toString('utf8', 4, 4 + Math.min(b.readUInt16BE(0), b.length - 4)));
  }
  const loci = findBox(udtaChildren, 'loci');
  if (!found.gps && loci) found.gps = parseLoci(await readBody(fh, loci, 1024));
  return found;
}

/** Apple's keyed metadata: `keys` names the entries, `ilst` holds them by 1-based index. */
async function readAppleKeys(fh: FileHandle, meta: Box): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const children = await metaChildren(fh, meta);
  const keysBox = findBox(children, 'keys');
  const ilst = findBox(children, 'ilst');
  if (!keysBox || !ilst) return out;
  const keys = await readBody(fh, keysBox);
  const names: string[] = [];
  for (let at = 8; at + 8 <= keys.length; ) {
    const size = keys.readUInt32BE(at);
    if (size < 8 || at + size > keys.length) break;
    names.push(keys.toString('utf8', at + 8, at + size));
    at += size;
  }
  for (const item of await readBoxes(fh, ilst.body, ilst.end, true)) {
    const b = await readBody(fh, item, 1024);
    const index = Buffer.from(item.type, 'latin1').readUInt32BE(0);
    const name = names[index - 1];
    // item body: a `data` box: size, "data", type indicator, locale, value.
    if (name && b.length >= 16 && b.toString('latin1', 4, 8) === 'data') out.set(name, b.toString('utf8', 16, Math.min(b.readUInt32BE(0), b.length)));
  }
  return out;
}

/** ISO 6709 as phones write it: "+31.2304+121.4737+004.500/" (also ±DDMM.M / ±DDMMSS.S forms). */
export function parseIso6709(text: string): { lng: number; lat: number } | null {
  const m = /^\s*([+-])(\d+)(\.\d+)?([+-])(\d+)(\.\d+)?/.exec(text);
  if (!m) return null;
  const lat = sexagesimal(m[1]!, m[2]!, m[3] ?? '', 2);
  const lng = sexagesimal(m[4]!, m[5]!, m[6] ?? '', 3);
  if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return null;
  return { lng: Math.round(lng * 1e7) / 1e7, lat: Math.round(lat * 1e7) / 1e7 };
}

function sexagesimal(sign: string, whole: string, fraction: string, degreeDigits: number): number | null {
  const extra = whole.length - degreeDigits;
  if (extra !== 0 && extra !== 2 && extra !== 4) return null;
  const d = Number(whole.slice(0, degreeDigits));
  const rest = whole.slice(degreeDigits);
  let value: number;
  if (extra === 0) value = Number(`${whole}${fraction}`);
  else if (extra === 2) value = d + Number(`${rest}${fraction}`) / 60;
  else value = d + Number(rest.slice(0, 2)) / 60 + Number(`${rest.slice(2)}${fraction}`) / 3600;
  return Number.isFinite(value) ? (sign === '-' ? -value : value) : null;
}

/** 3GPP `loci`: version/flags, language, name (NUL-terminated), role, then 16.16 longitude, latitude. */
function parseLoci(b: Buffer): { lng: number; lat: number } | null {
  const nameEnd = b.indexOf(0, 6);
  const at = nameEnd + 2;
  if (nameEnd < 0 || at + 8 > b.length) return null;
  const lng = b.readInt32BE(at) / 65536;
  const lat = b.readInt32BE(at + 4) / 65536;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return null;
  return { lng: Math.round(lng * 1e5) / 1e5, lat: Math.round(lat * 1e5) / 1e5 };
}

/** "2026-05-12T10:30:00+0800" (Apple's form; the colon in the offset is optional) → UTC ISO. */
function parseIsoDate(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.exec(text.trim());
  if (!m) return null;
  const zone = m[2] === 'Z' ? 'Z' : `${m[2]!.slice(0, 3)}:${m[2]!.slice(-2)}`;
  const t = Date.parse(`${m[1]}${zone}`);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}
