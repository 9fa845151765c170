import { DEFAULT_LIMITS, type SpreadsheetLimits } from './limits';
import { damaged, encrypted, inflatesTooMuch, tooManyEntries, unsafePath } from './reader-errors';

// Reads a ZIP's end record and central directory — and nothing else: no byte is inflated here.
// Every size, offset and count is checked against the buffer and the limits, so that what is
// inflated later (zip-inflate.ts) is exactly what was inspected. An .xlsx never needs ZIP64,
// multiple disks, encryption or a compression method other than deflate; those are refused.

export interface ZipEntry {
  /** As stored, with one leading "/" removed (exceljs does the same). */
  name: string;
  isDirectory: boolean;
  /** 0 stored, 8 deflate. */
  method: 0 | 8;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the compressed bytes start (after the local header, name and extra field). */
  dataOffset: number;
}

export type ZipLimits = Pick<SpreadsheetLimits, 'maxEntries' | 'maxInflatedBytes' | 'maxEntryRatio' | 'ratioFloorBytes'>;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const METHOD_AES = 99;

interface EndRecord {
  count: number;
  cdOffset: number;
  cdSize: number;
}

export function inspectZip(buf: Buffer, limits: ZipLimits = DEFAULT_LIMITS): ZipEntry[] {
  const end = readEndRecord(buf);
  if (end.count > limits.maxEntries) throw tooManyEntries(limits.maxEntries);
  const entries = readCentralDirectory(buf, end, limits);
  checkNoOverlap(entries, end.cdOffset);
  return entries;
}

function readEndRecord(buf: Buffer): EndRecord {
  const pos = findEndRecord(buf);
  if (pos < 0) throw damaged('no_end_record');
  const disk = buf.readUInt16LE(pos + 4);
  const cdDisk = buf.readUInt16LE(pos + 6);
  const onDisk = buf.readUInt16LE(pos + 8);
  const count = buf.readUInt16LE(pos + 10);
  const cdSize = buf.readUInt32LE(pos + 12);
  const cdOffset = buf.readUInt32LE(pos + 16);
  // The comment must end the file: a signature found inside a comment, or bytes appended
  // after it, would make other readers see a different archive than the one inspected here.
  if (pos + END_SIZE + buf.readUInt16LE(pos + 20) !== buf.length) throw damaged('end_record_mismatch');

  const isZip64 = [disk, cdDisk, onDisk, count].includes(U16_MAX) || cdSize === U32_MAX || cdOffset === U32_MAX;
  const end = isZip64 ? readZip64End(buf, pos) : { count, cdOffset, cdSize, disk, cdDisk, onDisk, recordAt: pos };
  if (end.disk !== 0 || end.cdDisk !== 0 || end.onDisk !== end.count) throw damaged('multi_disk');
  // The central directory must sit right before the end record (JSZip would otherwise shift
  // every offset by the difference, reading entries this inspection never saw).
  if (end.cdOffset + end.cdSize !== end.recordAt) throw damaged('central_directory_position');
  return end;
}

function findEndRecord(buf: Buffer): number {
  const lowest = Math.max(0, buf.length - END_SIZE - MAX_COMMENT);
  for (let pos = buf.length - END_SIZE; pos >= lowest; pos--) {
    if (buf.readUInt32LE(pos) === SIG_END) return pos;
  }
  return -1;
}

function readZip64End(buf: Buffer, endPos: number) {
  const locator = endPos - 20;
  if (locator < 0 || buf.readUInt32LE(locator) !== SIG_LOCATOR64) throw damaged('zip64_locator');
  const recordAt = readU64(buf, locator + 8);
  if (buf.readUInt32LE(locator + 16) > 1 || recordAt + 56 > locator || buf.readUInt32LE(recordAt) !== SIG_END64) {
    throw damaged('zip64_end_record');
  }
  return {
    disk: buf.readUInt32LE(recordAt + 16),
    cdDisk: buf.readUInt32LE(recordAt + 20),
    onDisk: readU64(buf, recordAt + 24),
    count: readU64(buf, recordAt + 32),
    cdSize: readU64(buf, recordAt + 40),
    cdOffset: readU64(buf, recordAt + 48),
    recordAt,
  };
}

function readU64(buf: Buffer, at: number): number {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged('zip64_value');
  return Number(value);
}

function readCentralDirectory(buf: Buffer, end: EndRecord, limits: ZipLimits): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  const cdEnd = end.cdOffset + end.cdSize;
  let total = 0;
  let pos = end.cdOffset;
  for (let i = 0; i < end.count; i++) {
    if (pos + 46 > cdEnd || buf.readUInt32LE(pos) !== SIG_CENTRAL) throw damaged('central_directory');
    const flags = buf.readUInt16LE(pos + 8);
    const method = buf.readUInt16LE(pos + 10);
    const nameLength = buf.readUInt16LE(pos + 28);
    const extraLength = buf.readUInt16LE(pos + 30);
    const commentLength = buf.readUInt16LE(pos + 32);
    const next = pos + 46 + nameLength + extraLength + commentLength;
    if (next > cdEnd) throw damaged('central_directory');
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) || method === METHOD_AES) throw encrypted();
    if (method !== 0 && method !== 8) throw damaged('compression_method', { method });

    const sizes = {
      uncompressedSize: buf.readUInt32LE(pos + 24),
      compressedSize: buf.readUInt32LE(pos + 20),
      localHeaderOffset: buf.readUInt32LE(pos + 42),
      diskStart: buf.readUInt16LE(pos + 34),
    };
    applyZip64Extra(buf.subarray(pos + 46 + nameLength, pos + 46 + nameLength + extraLength), sizes);
    if (sizes.diskStart !== 0) throw damaged('multi_disk');

    const name = entryName(buf.subarray(pos + 46, pos + 46 + nameLength));
    const key = name.toLowerCase();
    // Part names are case-insensitive (OPC); two entries for one part is never legitimate.
    if (seen.has(key)) throw damaged('duplicate_entry');
    seen.add(key);

    const { uncompressedSize, compressedSize, localHeaderOffset } = sizes;
    total += uncompressedSize;
    if (uncompressedSize > limits.maxInflatedBytes || total > limits.maxInflatedBytes) {
      throw inflatesTooMuch(limits.maxInflatedBytes, 'declared_size');
    }
    if (uncompressedSize > limits.ratioFloorBytes && uncompressedSize > compressedSize * limits.maxEntryRatio) {
      throw inflatesTooMuch(limits.maxInflatedBytes, 'entry_ratio');
    }
    if (method === 0 && compressedSize !== uncompressedSize) throw damaged('stored_size');

    const dataOffset = localDataOffset(buf, localHeaderOffset);
    if (dataOffset + compressedSize > end.cdOffset) throw damaged('entry_bounds');
    entries.push({
      name,
      isDirectory: name.endsWith('/'),
      method: method === 0 ? 0 : 8,
      crc32: buf.readUInt32LE(pos + 16),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      dataOffset,
    });
    pos = next;
  }
  if (pos !== cdEnd) throw damaged('central_directory');
  return entries;
}

/** ZIP64 "extended information" (0x0001): 8-byte values for the fields that hold their maximum. */
function applyZip64Extra(
  extra: Buffer,
  sizes: { uncompressedSize: number; compressedSize: number; localHeaderOffset: number; diskStart: number },
): void {
  const needs = sizes.uncompressedSize === U32_MAX || sizes.compressedSize === U32_MAX || sizes.localHeaderOffset === U32_MAX;
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    const body = extra.subarray(at + 4, at + 4 + size);
    if (body.length !== size) throw damaged('extra_field');
    if (id === 0x0001) {
      // Fields appear in this order, and only those whose 32-bit value is the maximum.
      let p = 0;
      const take = (): number => {
        if (p + 8 > body.length) throw damaged('zip64_extra');
        const v = readU64(body, p);
        p += 8;
        return v;
      };
      if (sizes.uncompressedSize === U32_MAX) sizes.uncompressedSize = take();
      if (sizes.compressedSize === U32_MAX) sizes.compressedSize = take();
      if (sizes.localHeaderOffset === U32_MAX) sizes.localHeaderOffset = take();
      if (sizes.diskStart === U16_MAX && p + 4 <= body.length) sizes.diskStart = body.readUInt32LE(p);
      return;
    }
    at += 4 + size;
  }
  if (needs) throw damaged('zip64_extra');
}

function entryName(raw: Buffer): string {
  // Names are read as UTF-8 whether or not flag bit 11 says so: an .xlsx's part names are ASCII,
  // and anything else only has to be recognised as not one of them.
  const name = raw.toString('utf8');
  if (name === '' || name.includes('\0')) throw damaged('entry_name');
  // Nothing is ever extracted to disk, but a name that climbs out of the archive or names a
  // drive is a sign of a crafted file, refused as such (SECURITY.md row 12).
  if (name.split(/[\\/]/).includes('..') || /^[A-Za-z]:/.test(name) || name.startsWith('\\')) throw unsafePath();
  return name.startsWith('/') ? name.slice(1) : name;
}

function localDataOffset(buf: Buffer, offset: number): number {
  if (offset + 30 > buf.length || buf.readUInt32LE(offset) !== SIG_LOCAL) throw damaged('local_header');
  return offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
}

/**
 * Entries must not share bytes: "overlapping" bombs point many entries at one highly
 * compressed block so that each is small on paper while the archive inflates to gigabytes.
 */
function checkNoOverlap(entries: ZipEntry[], cdOffset: number): void {
  const spans = entries
    .map((e) => ({ start: e.localHeaderOffset, end: e.dataOffset + e.compressedSize }))
    .sort((a, b) => a.start - b.start);
  for (let i = 0; i < spans.length; i++) {
    const limit = spans[i + 1]?.start ?? cdOffset;
    if (spans[i]!.end > limit) throw damaged('overlapping_entries');
  }
}

export type SpreadsheetKind = 'xlsx' | 'csv' | 'xls' | 'encrypted' | 'unknown';

const OLE_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const OLE_ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const OLE_DIR_ENTRY = 128;
const XLSX_EXTENSIONS = new Set(['xlsx', 'xlsm']);
const TEXT_SAMPLE = 64 * 1024;

/** The lower-cased extension of a file name, without the dot ("" when there is none). */
export function extensionOf(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * What the bytes are, by their magic numbers; the name only decides whether text is CSV and
 * whether a ZIP that does not (or no longer, when truncated) shows a workbook part is worth
 * reading as one — the reader then says precisely what is wrong with it.
 */
export function sniffSpreadsheet(buf: Buffer, filename: string): SpreadsheetKind {
  const ext = extensionOf(filename);
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5) && buf[3] === buf[2] + 1) {
    return buf.includes('xl/workbook.xml') || XLSX_EXTENSIONS.has(ext) ? 'xlsx' : 'unknown';
  }
  if (buf.length >= OLE_MAGIC.length && buf.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC)) {
    // An OLE compound file is either an old .xls/.et, or an .xlsx with a password: Office then
    // wraps the encrypted package in OLE beside an "EncryptionInfo" stream.
    return hasOleStream(buf, OLE_ENCRYPTION_INFO) ? 'encrypted' : 'xls';
  }
  if (ext === 'csv' && looksLikeText(buf)) return 'csv';
  return 'unknown';
}

/**
 * A stream name in the OLE directory: entries are 128-byte records at 128-byte-aligned
 * offsets (sectors are 512 or 4096 bytes), name in UTF-16LE followed at +64 by its byte length
 * including the terminator. Requiring both keeps cell text that happens to spell the name in
 * an old .xls from being taken for encryption.
 */
function hasOleStream(buf: Buffer, name: Buffer): boolean {
  for (let at = buf.indexOf(name); at >= 0; at = buf.indexOf(name, at + 1)) {
    if (at % OLE_DIR_ENTRY === 0 && at + 66 <= buf.length && buf.readUInt16LE(at + 64) === name.length + 2) return true;
  }
  return false;
}

/** Text has no control bytes other than tab, line breaks, form feed and DOS end-of-file. */
function looksLikeText(buf: Buffer): boolean {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return true;
  const end = Math.min(buf.length, TEXT_SAMPLE);
  for (let i = 0; i < end; i++) {
    const b = buf[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a) return false;
  }
  return true;
}
