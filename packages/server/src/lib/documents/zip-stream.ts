import { createHash } from 'node:crypto';
import { Readable, Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

// Writes a ZIP as a stream, entry by entry, for archives of hundreds of megabytes: no entry
// and no archive is ever held whole. Sizes and CRCs are known only once an entry has passed,
// so each entry ends with a data descriptor (flag bit 3) and the central directory, written by
// finish(), repeats them. ZIP64 records appear only where a value does not fit 32 (or, for
// the entry count, 16) bits, so ordinary archives stay readable by the oldest tools. Names are
// UTF-8 (flag bit 11). Writing waits for `out` to drain, so a slow reader slows the writer.

export interface ZipLimits {
  /** Sizes and offsets at or above this are written as ZIP64 (tests lower it). */
  u32: number;
  /** Entry counts at or above this are written as ZIP64. */
  u16: number;
}

export const ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({ u32: 0xffffffff, u16: 0xffff });

export interface AddFileOptions {
  /** Deflate (text: HTML, JSON, CSV) or store as is (JPEG, MP4, xlsx are compressed already). */
  compress: boolean;
  /** The size when known in advance: an entry that may pass 4 GB then says so in its local header. */
  size?: number;
  modified?: Date;
}

export interface ZipEntryResult {
  name: string;
  size: number;
  compressedSize: number;
  crc32: number;
  /** Of the entry's content, for manifests. */
  sha256: string;
}

export interface ZipStream {
  /** Entries are written one after another in call order; a call made while one runs waits. */
  addFile(name: string, source: Readable | Buffer, options: AddFileOptions): Promise<ZipEntryResult>;
  /** Writes the central directory and ends `out`. */
  finish(): Promise<{ entries: number; bytes: number }>;
}

const SIG_LOCAL = 0x04034b50;
const SIG_DESCRIPTOR = 0x08074b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_END = 0x06054b50;
const FLAGS = 0x0808; // bit 3: sizes in a data descriptor; bit 11: UTF-8 names
const VERSION = 20;
const VERSION_ZIP64 = 45;
const MADE_BY_UNIX = 3 << 8;
const FILE_MODE = 0o100644;
const U32 = 0xffffffff;
const U16 = 0xffff;
const CHINA_OFFSET_MS = 8 * 3600_000;

interface Central {
  name: Buffer; method: number; time: number; date: number; crc: number;
  size: number; compressedSize: number; offset: number; isZip64Local: boolean;
}

/** Refuses names a careful extractor would refuse: absolute, climbing, Windows-drive or empty segments. */
export function assertEntryName(name: string): void {
  const isBad = name === '' || name.length > 1000 || name.includes('\0') || name.includes('\\') || name.startsWith('/')
    || /^[A-Za-z]:/.test(name) || name.split('/').some((s) => s === '' || s === '.' || s === '..');
  if (isBad) throw new Error(`zip entry name not allowed: ${JSON.stringify(name)}`);
}

/** MS-DOS date and time fields; they carry no zone, so they say China time as the office reads it. */
function dosDateTime(at: Date): { time: number; date: number } {
  const d = new Date(Math.max(at.getTime(), Date.UTC(1980, 0, 1)) + CHINA_OFFSET_MS);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

function u64(value: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(value));
  return b;
}

/** The ZIP64 extra field (0x0001) holding the given 8-byte values. */
function zip64Extra(values: number[]): Buffer {
  if (!values.length) return Buffer.alloc(0);
  const head = Buffer.alloc(4);
  head.writeUInt16LE(0x0001, 0);
  head.writeUInt16LE(values.length * 8, 2);
  return Buffer.concat([head, ...values.map(u64)]);
}

/** Counts, CRCs and hashes the bytes passing through. */
class Tap extends Transform {
  size = 0;
  crc = 0;
  readonly hash = createHash('sha256');

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    this.crc = crc32(chunk, this.crc);
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

export function createZipStream(out: Writable, limits: ZipLimits = ZIP_LIMITS): ZipStream {
  const central: Central[] = [];
  const names = new Set<string>();
  let offset = 0;
  let failure: Error | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let isFinished = false;

  const onError = (error: Error) => {
    failure ??= error;
  };
  out.on('error', onError);

  /** One write that resolves once `out` will take more. */
  function write(chunk: Buffer): Promise<void> {
    if (failure) return Promise.reject(failure);
    offset += chunk.length;
    if (out.write(chunk)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => {
        out.off('drain', onDrain).off('error', done).off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => done();
      const onClose = () => done(failure ?? new Error('zip output closed'));
      out.on('drain', onDrain).on('error', done).on('close', onClose);
    });
  }

  /** A name is checked when the call is made: a refused one writes nothing and spoils nothing. */
  function claimName(name: string): void {
    if (isFinished) throw new Error('zip already finished');
    assertEntryName(name);
    // Case-insensitive, as Windows extracts them (and as zip-guard.ts reads them).
    const key = name.toLowerCase();
    if (names.has(key)) throw new Error(`duplicate zip entry: ${name}`);
    names.add(key);
  }

  async function add(name: string, source: Readable | Buffer, options: AddFileOptions): Promise<ZipEntryResult> {
    const nameBytes = Buffer.from(name, 'utf8');
    const method = options.compress ? 8 : 0;
    const { time, date } = dosDateTime(options.modified ?? new Date());
    const hint = Buffer.isBuffer(source) ? source.length : options.size;
    // Deflate can grow incompressible input by a few bytes per 16 KB block: the margin covers it.
    const isZip64Local = hint != null && hint + Math.ceil(hint / 1024) + 64 >= limits.u32;
    const extra = isZip64Local ? zip64Extra([0, 0]) : Buffer.alloc(0);

    const header = Buffer.alloc(30);
    header.writeUInt32LE(SIG_LOCAL, 0);
    header.writeUInt16LE(isZip64Local ? VERSION_ZIP64 : VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    // CRC and sizes follow in the descriptor; a ZIP64 entry marks its sizes as "see the extra field".
    header.writeUInt32LE(isZip64Local ? U32 : 0, 18);
    header.writeUInt32LE(isZip64Local ? U32 : 0, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(extra.length, 28);
    const entryOffset = offset;
    await write(Buffer.concat([header, nameBytes, extra]));

    const tap = new Tap();
    let compressedSize = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        compressedSize += chunk.length;
        write(chunk).then(() => callback(), callback);
      },
    });
    const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
    if (options.compress) await pipeline(input, tap, createDeflateRaw({ level: 6 }), sink);
    else await pipeline(input, tap, sink);

    const crc = tap.crc >>> 0;
    const size = tap.size;
    // A descriptor has 8-byte sizes when the local header promised ZIP64, or (an entry of
    // unknown size that passed 4 GB) when nothing else can hold them: the central directory
    // says the same, and readers go by it.
    const isWide = isZip64Local || size >= limits.u32 || compressedSize >= limits.u32;
    const descriptor = Buffer.alloc(isWide ? 24 : 16);
    descriptor.writeUInt32LE(SIG_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(crc, 4);
    if (isWide) {
      descriptor.writeBigUInt64LE(BigInt(compressedSize), 8);
      descriptor.writeBigUInt64LE(BigInt(size), 16);
    } else {
      descriptor.writeUInt32LE(compressedSize, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    await write(descriptor);
    central.push({ name: nameBytes, method, time, date, crc, size, compressedSize, offset: entryOffset, isZip64Local });
    return { name, size, compressedSize, crc32: crc, sha256: tap.hash.digest('hex') };
  }

  function centralRecord(e: Central): Buffer {
    const wide = { size: e.size >= limits.u32, compressed: e.compressedSize >= limits.u32, offset: e.offset >= limits.u32 };
    // Only the fields that overflow go into the extra field, in this order (APPNOTE 4.5.3).
    const extra = zip64Extra([...(wide.size ? [e.size] : []), ...(wide.compressed ? [e.compressedSize] : []), ...(wide.offset ? [e.offset] : [])]);
    const isZip64 = extra.length > 0 || e.isZip64Local;
    const b = Buffer.alloc(46);
    b.writeUInt32LE(SIG_CENTRAL, 0);
    b.writeUInt16LE(MADE_BY_UNIX | VERSION_ZIP64, 4);
    b.writeUInt16LE(isZip64 ? VERSION_ZIP64 : VERSION, 6);
    b.writeUInt16LE(FLAGS, 8);
    b.writeUInt16LE(e.method, 10);
    b.writeUInt16LE(e.time, 12);
    b.writeUInt16LE(e.date, 14);
    b.writeUInt32LE(e.crc, 16);
    b.writeUInt32LE(wide.compressed ? U32 : e.compressedSize, 20);
    b.writeUInt32LE(wide.size ? U32 : e.size, 24);
    b.writeUInt16LE(e.name.length, 28);
    b.writeUInt16LE(extra.length, 30);
    b.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
    b.writeUInt32LE(wide.offset ? U32 : e.offset, 42);
    return Buffer.concat([b, e.name, extra]);
  }

  async function end(): Promise<{ entries: number; bytes: number }> {
    const cdOffset = offset;
    // Written in batches so a directory of 100,000 entries is not one write per entry.
    for (let i = 0; i < central.length; i += 256) await write(Buffer.concat(central.slice(i, i + 256).map(centralRecord)));
    const cdSize = offset - cdOffset;
    const count = central.length;
    const isZip64 = count >= limits.u16 || cdSize >= limits.u32 || cdOffset >= limits.u32;
    if (isZip64) {
      const end64At = offset;
      const end64 = Buffer.alloc(56);
      end64.writeUInt32LE(SIG_END64, 0);
      end64.writeBigUInt64LE(44n, 4);
      end64.writeUInt16LE(MADE_BY_UNIX | VERSION_ZIP64, 12);
      end64.writeUInt16LE(VERSION_ZIP64, 14);
      end64.writeBigUInt64LE(BigInt(count), 24);
      end64.writeBigUInt64LE(BigInt(count), 32);
      end64.writeBigUInt64LE(BigInt(cdSize), 40);
      end64.writeBigUInt64LE(BigInt(cdOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(SIG_LOCATOR64, 0);
      locator.writeBigUInt64LE(BigInt(end64At), 8);
      locator.writeUInt32LE(1, 16);
      await write(Buffer.concat([end64, locator]));
    }
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(SIG_END, 0);
    eocd.writeUInt16LE(count >= limits.u16 ? U16 : count, 8);
    eocd.writeUInt16LE(count >= limits.u16 ? U16 : count, 10);
    eocd.writeUInt32LE(cdSize >= limits.u32 ? U32 : cdSize, 12);
    eocd.writeUInt32LE(cdOffset >= limits.u32 ? U32 : cdOffset, 16);
    await write(eocd);
    await new Promise<void>((resolve, reject) => {
      out.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    return { entries: count, bytes: offset };
  }

  /** Runs work after everything queued before it; a failure poisons everything after it. */
  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(() => {
      if (failure) throw failure;
      return work().catch((error: unknown) => {
        failure ??= error instanceof Error ? error : new Error(String(error));
        throw error;
      });
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    addFile: (name, source, options) => {
      let added: Promise<ZipEntryResult>;
      try {
        claimName(name);
        added = enqueue(() => add(name, source, options));
      } catch (error) {
        added = Promise.reject(error as Error);
      }
      // A source never piped (a bad name, an earlier failure) would otherwise hold its file or socket.
      return added.catch((error: unknown) => {
        if (!Buffer.isBuffer(source) && !source.destroyed) source.destroy();
        throw error;
      });
    },
    finish: () => {
      if (isFinished) return Promise.reject(new Error('zip already finished'));
      isFinished = true;
      return enqueue(end);
    },
  };
}
