import type { FileHandle } from 'node:fs/promises';

// Walking ISO base media files (MP4, MOV, HEIC) box by box through a file handle: only the
// 8–16 byte headers are read, plus the bodies of the few small boxes asked for, so a 500 MB
// video costs a few dozen small reads. Every size is checked against its parent, and every
// type must be four printable characters, so garbage is recognised rather than followed.

export interface Box {
  type: string;
  /** Offset of the header. */
  start: number;
  /** Offset of the body (after the 8 or 16 byte header). */
  body: number;
  end: number;
}

/** The structure is not a valid box tree (garbage, or cut short). */
export class BoxError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BoxError';
  }
}

const MAX_CHILDREN = 4096;

/** QuickTime uses "©" (0xA9) in user-data types such as ©xyz. */
const isTypeByte = (b: number) => (b >= 0x20 && b <= 0x7e) || b === 0xa9;

/** `anyType` for children named by number (Apple's ilst items are 1, 2, 3 …). */
export async function readBoxes(fh: FileHandle, from: number, to: number, anyType = false): Promise<Box[]> {
  const boxes: Box[] = [];
  const head = Buffer.alloc(16);
  for (let at = from; at < to; ) {
    if (boxes.length >= MAX_CHILDREN) throw new BoxError('too_many_boxes');
    if (to - at < 8) throw new BoxError('trailing_bytes');
    const { bytesRead } = await fh.read(head, 0, 16, at);
    if (bytesRead < 8) throw new BoxError('truncated');
    let size = head.readUInt32BE(0);
    let headerSize = 8;
    if (size === 1) {
      if (bytesRead < 16) throw new BoxError('truncated');
      const large = head.readBigUInt64BE(8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) throw new BoxError('box_size');
      size = Number(large);
      headerSize = 16;
    } else if (size === 0) {
      size = to - at; // "to the end of the file"
    }
    const typeBytes = head.subarray(4, 8);
    if (!anyType && !typeBytes.every(isTypeByte)) throw new BoxError('box_type');
    if (size < headerSize) throw new BoxError('box_size');
    if (at + size > to) throw new BoxError('truncated');
    boxes.push({ type: typeBytes.toString('latin1'), start: at, body: at + headerSize, end: at + size });
    at += size;
  }
  return boxes;
}

/** The body of a small box (at most `max` bytes of it). */
export async function readBody(fh: FileHandle, box: Box, max = 64 * 1024): Promise<Buffer> {
  const length = Math.min(box.end - box.body, max);
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, box.body);
  if (bytesRead < length) throw new BoxError('truncated');
  return buf;
}

/**
 * The children of a `meta` box. ISO's meta is a full box (4 bytes of version and flags before
 * its children); Apple's moov/meta is not. Told apart by where the hdlr child starts.
 */
export async function metaChildren(fh: FileHandle, meta: Box): Promise<Box[]> {
  const peek = await readBody(fh, meta, 12);
  const isFullBox = peek.length >= 12 && peek.toString('latin1', 8, 12) === 'hdlr';
  return readBoxes(fh, meta.body + (isFullBox ? 4 : 0), meta.end);
}

export const findBox = (boxes: Box[], type: string) => boxes.find((b) => b.type === type);
