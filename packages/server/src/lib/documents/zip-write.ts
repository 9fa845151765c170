import { crc32, deflateRawSync } from 'node:zlib';

// Writes a plain ZIP (no ZIP64, no extra fields, no data descriptors) from parts that are either
// copied compressed as they were — their bytes verified by zip-inflate.ts — or new small texts.

export interface ZipPart {
  name: string;
  method: 0 | 8;
  crc32: number;
  uncompressedSize: number;
  /** The bytes as stored: compressed when method is 8. */
  data: Buffer;
}

export function textPart(name: string, text: string): ZipPart {
  const raw = Buffer.from(text, 'utf8');
  return { name, method: 8, crc32: crc32(raw), uncompressedSize: raw.length, data: deflateRawSync(raw) };
}

const UTF8_NAMES = 0x0800;
const VERSION = 20;

export function writeZip(parts: ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.crc32 >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(VERSION, 4);
    entry.writeUInt16LE(VERSION, 6);
    entry.writeUInt16LE(UTF8_NAMES, 8);
    entry.writeUInt16LE(part.method, 10);
    entry.writeUInt32LE(part.crc32 >>> 0, 16);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(part.uncompressedSize, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);

    chunks.push(local, name, part.data);
    offset += local.length + name.length + part.data.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
