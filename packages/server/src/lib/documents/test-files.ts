import { once } from 'node:events';
import { constants, createDeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { AppError } from '../errors';
import { inspectZip } from './zip-guard';
import { textPart, writeZip } from './zip-write';

// Files for the reader's tests, built in memory: well-formed ones through exceljs, hostile or
// unusual ones byte by byte, so that each test says exactly what is wrong with its file.

/** The refusal a read ends in (fails the test if it succeeds or throws something else). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

export async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface HandEntry {
  name: string;
  /** The bytes as stored (already compressed when method is 8). */
  data: Buffer;
  method?: number;
  flags?: number;
  /** What the central directory declares; the truth by default. */
  uncompressedSize?: number;
  /** Point the central entry at another entry's local header (an "overlapping" bomb). */
  localHeaderOf?: number;
}

/** An entry whose content is `content`, deflated, declaring its true size. */
export function deflated(name: string, content: string | Buffer): HandEntry {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, data: deflateRawSync(raw), method: 8, uncompressedSize: raw.length };
}

/** A ZIP written by hand. With zip64, sizes and offsets go through the ZIP64 records. */
export function handZip(entries: HandEntry[], options: { zip64?: boolean; trailing?: Buffer } = {}): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = e.uncompressedSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(e.method ?? 0, 8);
    local.writeUInt32LE(Math.min(e.data.length, 0xffffffff), 18);
    local.writeUInt32LE(Math.min(size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    chunks.push(local, name, e.data);

    const at = e.localHeaderOf === undefined ? offset : offsets[e.localHeaderOf]!;
    const extra = options.zip64 ? Buffer.alloc(28) : Buffer.alloc(0);
    if (options.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(e.data.length), 12);
      extra.writeBigUInt64LE(BigInt(at), 20);
    }
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(45, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(e.flags ?? 0, 8);
    entry.writeUInt16LE(e.method ?? 0, 10);
    entry.writeUInt32LE(options.zip64 ? 0xffffffff : e.data.length, 20);
    entry.writeUInt32LE(options.zip64 ? 0xffffffff : size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt16LE(extra.length, 30);
    entry.writeUInt32LE(options.zip64 ? 0xffffffff : at, 42);
    central.push(entry, name, extra);
    offset += local.length + name.length + e.data.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const tail: Buffer[] = [];
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(cdSize), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + cdSize), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : cdSize, 12);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...chunks, ...central, ...tail, end, options.trailing ?? Buffer.alloc(0)]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const sheetXml = (rows: string, after = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS} ${NS_R}><sheetData>${rows}</sheetData>${after}</worksheet>`;

/** An .xlsx of hand-written parts: one sheet "Sheet1" at xl/worksheets/sheet1.xml unless told otherwise. */
export function handXlsx(parts: {
  sheet?: string;
  workbook?: string;
  rels?: string;
  extra?: HandEntry[];
}): Buffer {
  const workbookXml =
    parts.workbook ?? `<workbook ${NS} ${NS_R}><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const relsXml =
    parts.rels ??
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
  return handZip([
    deflated('xl/workbook.xml', workbookXml),
    deflated('xl/_rels/workbook.xml.rels', relsXml),
    ...(parts.sheet === undefined ? [] : [deflated('xl/worksheets/sheet1.xml', parts.sheet)]),
    ...(parts.extra ?? []),
  ]);
}

export const worksheetRel = (id: string, target: string) => `<Relationship Id="${id}" Type="${REL}/worksheet" Target="${target}"/>`;

/** Deflated bytes of `megabytes` MB of zeros, made in pieces so the test never holds them inflated. */
export async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) if (!deflate.write(zeros)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(out);
}

/**
 * Deflate data that inflates to `megabytes` MB of zeros and then turns to garbage: a reader
 * that stops at the declared size never reaches the garbage, one that inflates on does.
 */
export async function zerosThenGarbage(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw();
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) deflate.write(zeros);
  await new Promise<void>((resolve) => deflate.flush(constants.Z_SYNC_FLUSH, () => resolve()));
  deflate.destroy();
  return Buffer.concat([...out, Buffer.alloc(64, 0xff)]);
}

/** Rewrites what the central directory declares as `name`'s inflated size. */
export function declareSize(buf: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(buf);
  const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < out.readUInt16LE(end + 10); i++) {
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString('utf8', at + 46, at + 46 + nameLength) === name) out.writeUInt32LE(size, at + 24);
    at += 46 + nameLength + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}

/** An .xlsx with some of its XML parts edited (test set-up only: inflates everything). */
export function rewriteXlsx(buf: Buffer, edit: (name: string, text: string) => string): Buffer {
  const parts = inspectZip(buf)
    .filter((e) => !e.isDirectory)
    .map((e) => {
      const data = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
      const text = (e.method === 8 ? inflateRawSync(data) : data).toString('utf8');
      return textPart(e.name, edit(e.name, text));
    });
  return writeZip(parts);
}

/**
 * An OLE compound file: the 512-byte header, then a directory sector whose first entry is
 * `stream`. With `inText`, the name appears instead inside the data (as cell text would).
 */
export function oleFile(stream: string | null, options: { inText?: boolean } = {}): Buffer {
  const file = Buffer.alloc(2048);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(file, 0);
  file.writeUInt16LE(9, 0x1e); // 512-byte sectors
  if (stream !== null) {
    const name = Buffer.from(stream, 'utf16le');
    const at = options.inText ? 1024 + 7 : 512;
    name.copy(file, at);
    file.writeUInt16LE(name.length + 2, at + 64);
  }
  return file;
}
