// The EXIF block of a HEIC/HEIF/AVIF file, found through meta → iinf (which item is "Exif")
// → iloc (where its bytes are). exifr has its own reader for this but ignores iloc's
// base_offset, which libheif-based writers use (heif-enc, many Android gallery apps): it
// then reads from offset 0 and reports "Malformed EXIF data". This one honours it.

interface Span {
  type: string;
  body: number;
  end: number;
}

function boxes(b: Buffer, from: number, to: number): Span[] {
  const out: Span[] = [];
  for (let at = from; at + 8 <= to && out.length < 1024; ) {
    let size = b.readUInt32BE(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) break;
      size = Number(b.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header || at + size > to) break;
    out.push({ type: b.toString('latin1', at + 4, at + 8), body: at + header, end: at + size });
    at += size;
  }
  return out;
}

const uint = (b: Buffer, at: number, size: number): number =>
  size === 0 ? 0 : size === 2 ? b.readUInt16BE(at) : size === 4 ? b.readUInt32BE(at) : size === 8 ? Number(b.readBigUInt64BE(at)) : NaN;

/** The TIFF structure of the file's EXIF item, or null (none, or not where it says). */
export function heifExif(b: Buffer): Buffer | null {
  try {
    const meta = boxes(b, 0, b.length).find((x) => x.type === 'meta');
    if (!meta) return null;
    const children = boxes(b, meta.body + 4, meta.end); // meta is a full box
    const iinf = children.find((x) => x.type === 'iinf');
    const iloc = children.find((x) => x.type === 'iloc');
    if (!iinf || !iloc) return null;
    const id = exifItemId(b, iinf);
    if (id === null) return null;
    const idat = children.find((x) => x.type === 'idat');
    const data = itemData(b, iloc, id, idat);
    if (!data || data.length < 4) return null;
    // The item starts with the offset of the TIFF header from the end of this 4-byte field.
    let tiff = data.subarray(4 + data.readUInt32BE(0));
    if (tiff.toString('latin1', 0, 6) === 'Exif\0\0') tiff = tiff.subarray(6);
    const order = tiff.toString('latin1', 0, 2);
    return order === 'II' || order === 'MM' ? tiff : null;
  } catch {
    return null; // RangeError from a read past the end: a malformed box
  }
}

function exifItemId(b: Buffer, iinf: Span): number | null {
  const version = b[iinf.body]!;
  const first = iinf.body + 4 + (version === 0 ? 2 : 4);
  for (const infe of boxes(b, first, iinf.end)) {
    if (infe.type !== 'infe') continue;
    const v = b[infe.body]!;
    if (v < 2) continue; // item types came with version 2
    const idSize = v === 2 ? 2 : 4;
    const id = uint(b, infe.body + 4, idSize);
    if (b.toString('latin1', infe.body + 4 + idSize + 2, infe.body + 4 + idSize + 6) === 'Exif') return id;
  }
  return null;
}

function itemData(b: Buffer, iloc: Span, wanted: number, idat: Span | undefined): Buffer | null {
  let at = iloc.body;
  const version = b[at]!;
  at += 4;
  const offsetSize = b[at]! >> 4;
  const lengthSize = b[at]! & 15;
  const baseOffsetSize = b[at + 1]! >> 4;
  const indexSize = version === 1 || version === 2 ? b[at + 1]! & 15 : 0;
  at += 2;
  const count = version < 2 ? b.readUInt16BE(at) : b.readUInt32BE(at);
  at += version < 2 ? 2 : 4;
  for (let i = 0; i < count && at < iloc.end; i++) {
    const id = version < 2 ? b.readUInt16BE(at) : b.readUInt32BE(at);
    at += version < 2 ? 2 : 4;
    const method = version === 1 || version === 2 ? b.readUInt16BE(at) & 15 : 0;
    if (version === 1 || version === 2) at += 2;
    at += 2; // data_reference_index
    const base = uint(b, at, baseOffsetSize);
    at += baseOffsetSize;
    const extents = b.readUInt16BE(at);
    at += 2;
    const parts: Buffer[] = [];
    for (let e = 0; e < extents; e++) {
      at += indexSize;
      const offset = uint(b, at, offsetSize);
      const length = uint(b, at + offsetSize, lengthSize);
      at += offsetSize + lengthSize;
      if (id !== wanted) continue;
      // construction_method 0: offsets in the file; 1: offsets in the idat box.
      const origin = method === 1 ? idat?.body : method === 0 ? 0 : undefined;
      if (origin === undefined) return null;
      const start = origin + base + offset;
      const end = length === 0 ? (method === 1 ? idat!.end : b.length) : start + length;
      if (!(start >= 0 && end <= b.length && start <= end)) return null;
      parts.push(b.subarray(start, end));
    }
    if (id === wanted) return Buffer.concat(parts);
  }
  return null;
}
