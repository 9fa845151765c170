// A small EXIF writer, so tests and the demo data can make a photo "taken" at a given time
// and place without a camera: builds an APP1 Exif segment (a TIFF structure, either byte
// order, as cameras differ) and puts it into a JPEG in place of any Exif segment it had.

export interface ExifTags {
  /** Camera wall-clock time, 'YYYY:MM:DD HH:MM:SS'. */
  dateTimeOriginal?: string;
  /** '+08:00' and the like. */
  offsetTimeOriginal?: string;
  gps?: { lat: number; lng: number };
  orientation?: number;
  make?: string;
  model?: string;
}

export type ByteOrder = 'II' | 'MM';

const BYTE = 1;
const ASCII = 2;
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
const UNDEFINED = 7;
const TYPE_SIZE: Record<number, number> = { [BYTE]: 1, [ASCII]: 1, [SHORT]: 2, [LONG]: 4, [RATIONAL]: 8, [UNDEFINED]: 1 };

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** Encoded in the file's byte order; stored inline when ≤ 4 bytes. */
  value: Buffer;
}

class Encoder {
  constructor(private readonly le: boolean) {}
  ascii(tag: number, text: string): Entry {
    const value = Buffer.from(`${text}\0`, 'utf8');
    return { tag, type: ASCII, count: value.length, value };
  }
  bytes(tag: number, type: typeof BYTE | typeof UNDEFINED, bytes: number[]): Entry {
    return { tag, type, count: bytes.length, value: Buffer.from(bytes) };
  }
  short(tag: number, n: number): Entry {
    const value = Buffer.alloc(2);
    if (this.le) value.writeUInt16LE(n);
    else value.writeUInt16BE(n);
    return { tag, type: SHORT, count: 1, value };
  }
  long(tag: number, n: number): Entry {
    const value = Buffer.alloc(4);
    this.u32(value, 0, n);
    return { tag, type: LONG, count: 1, value };
  }
  rationals(tag: number, pairs: [number, number][]): Entry {
    const value = Buffer.alloc(pairs.length * 8);
    pairs.forEach(([num, den], i) => {
      this.u32(value, i * 8, num);
      this.u32(value, i * 8 + 4, den);
    });
    return { tag, type: RATIONAL, count: pairs.length, value };
  }
  u32(buf: Buffer, at: number, n: number) {
    if (this.le) buf.writeUInt32LE(n, at);
    else buf.writeUInt32BE(n, at);
  }
  u16(buf: Buffer, at: number, n: number) {
    if (this.le) buf.writeUInt16LE(n, at);
    else buf.writeUInt16BE(n, at);
  }
}

const ifdSize = (entries: Entry[]) =>
  2 + entries.length * 12 + 4 + entries.reduce((sum, e) => sum + (e.value.length > 4 ? e.value.length + (e.value.length & 1) : 0), 0);

/** Degrees as the three rationals EXIF wants: whole degrees, whole minutes, seconds to 1/10,000. */
function dms(deg: number): [number, number][] {
  const abs = Math.abs(deg);
  const d = Math.floor(abs);
  const m = Math.floor((abs - d) * 60);
  const s = Math.round(((abs - d) * 60 - m) * 60 * 10_000);
  return [[d, 1], [m, 1], [s, 10_000]];
}

/** The TIFF structure (what follows "Exif\0\0" in APP1). */
export function buildExifTiff(tags: ExifTags, byteOrder: ByteOrder = 'II'): Buffer {
  const enc = new Encoder(byteOrder === 'II');
  const exif: Entry[] = [enc.bytes(0x9000, UNDEFINED, [0x30, 0x32, 0x33, 0x32])];
  if (tags.dateTimeOriginal) exif.push(enc.ascii(0x9003, tags.dateTimeOriginal), enc.ascii(0x9004, tags.dateTimeOriginal));
  if (tags.offsetTimeOriginal) exif.push(enc.ascii(0x9011, tags.offsetTimeOriginal));
  const gps: Entry[] = [];
  if (tags.gps) {
    const { lat, lng } = tags.gps;
    if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180)) throw new RangeError('GPS 坐标超出范围');
    gps.push(
      enc.bytes(0x0000, BYTE, [2, 3, 0, 0]),
      enc.ascii(0x0001, lat < 0 ? 'S' : 'N'),
      enc.rationals(0x0002, dms(lat)),
      enc.ascii(0x0003, lng < 0 ? 'W' : 'E'),
      enc.rationals(0x0004, dms(lng)),
      enc.ascii(0x0012, 'WGS-84'),
    );
  }
  const ifd0: Entry[] = [];
  if (tags.make) ifd0.push(enc.ascii(0x010f, tags.make));
  if (tags.model) ifd0.push(enc.ascii(0x0110, tags.model));
  if (tags.orientation !== undefined) ifd0.push(enc.short(0x0112, tags.orientation));
  // Pointers hold offsets that depend only on sizes, which placeholders do not change.
  ifd0.push(enc.long(0x8769, 0));
  if (gps.length) ifd0.push(enc.long(0x8825, 0));
  const at0 = 8;
  const atExif = at0 + ifdSize(ifd0);
  const atGps = atExif + ifdSize(exif);
  ifd0.find((e) => e.tag === 0x8769)!.value = enc.long(0, atExif).value;
  if (gps.length) ifd0.find((e) => e.tag === 0x8825)!.value = enc.long(0, atGps).value;

  const out = Buffer.alloc(atGps + (gps.length ? ifdSize(gps) : 0));
  out.write(byteOrder, 0, 'latin1');
  enc.u16(out, 2, 42);
  enc.u32(out, 4, at0);
  writeIfd(out, at0, ifd0, enc);
  writeIfd(out, atExif, exif, enc);
  if (gps.length) writeIfd(out, atGps, gps, enc);
  return out;
}

function writeIfd(out: Buffer, at: number, entries: Entry[], enc: Encoder) {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  enc.u16(out, at, sorted.length);
  let data = at + 2 + sorted.length * 12 + 4;
  sorted.forEach((e, i) => {
    const p = at + 2 + i * 12;
    if (e.value.length !== e.count * TYPE_SIZE[e.type]!) throw new RangeError(`EXIF tag ${e.tag} has a bad length`);
    enc.u16(out, p, e.tag);
    enc.u16(out, p + 2, e.type);
    enc.u32(out, p + 4, e.count);
    if (e.value.length <= 4) {
      e.value.copy(out, p + 8);
    } else {
      enc.u32(out, p + 8, data);
      e.value.copy(out, data);
      data += e.value.length + (e.value.length & 1);
    }
  });
  enc.u32(out, at + 2 + sorted.length * 12, 0); // no next IFD
}

/** A copy of the JPEG with `tags` as its only Exif segment (right after SOI, or after a JFIF APP0). */
export function withExif(jpeg: Buffer, tags: ExifTags, byteOrder: ByteOrder = 'II'): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new RangeError('不是 JPEG 文件');
  const tiff = buildExifTiff(tags, byteOrder);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  if (payload.length + 2 > 0xffff) throw new RangeError('EXIF 数据过大');
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(payload.length + 2, 2);

  const kept: Buffer[] = [];
  let insertAfter = 2;
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    if (marker === 0xda || marker === 0xd9) break; // entropy-coded data follows: copied as is
    const end = at + 2 + jpeg.readUInt16BE(at + 2);
    const isExif = marker === 0xe1 && jpeg.toString('latin1', at + 4, at + 10) === 'Exif\0\0';
    if (!isExif) kept.push(jpeg.subarray(at, end));
    if (marker === 0xe0 && at === 2) insertAfter = end;
    at = end;
  }
  const first = insertAfter > 2 ? [kept.shift()!] : [];
  return Buffer.concat([jpeg.subarray(0, 2), ...first, app1, payload, ...kept, jpeg.subarray(at)]);
}
