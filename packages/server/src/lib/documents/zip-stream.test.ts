import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { hasUnzip, readWithPython, unzipTest } from './test-zips';
import { inspectZip } from './zip-guard';
import { inflateEntry } from './zip-inflate';
import { createZipStream, type ZipLimits, type ZipStream } from './zip-stream';

const dir = mkdtempSync(join(tmpdir(), 'zip-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const LOOSE = { maxEntries: 1_000_000, maxInflatedBytes: 2 ** 40, maxEntryRatio: 1e9, ratioFloorBytes: 0 };
const SIG_LOCATOR64 = 0x07064b50;

/** A stream that hands out `data` in chunks of `size`, as a file or socket would. */
function chunked(data: Buffer, size = 4096): Readable {
  let at = 0;
  return new Readable({
    read() {
      this.push(at < data.length ? data.subarray(at, (at += size)) : null);
    },
  });
}

async function build(add: (zip: ZipStream) => Promise<unknown>, limits?: ZipLimits) {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const zip = createZipStream(out, limits);
  await add(zip);
  const summary = await zip.finish();
  const buf = Buffer.concat(chunks);
  const file = join(dir, `${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, buf);
  return { buf, file, summary };
}

/** Every entry through the project's own reader, each CRC checked. */
async function readOwn(buf: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of inspectZip(buf, LOOSE)) {
    const parts: Buffer[] = [];
    await inflateEntry(buf, entry, LOOSE.maxInflatedBytes, (c) => parts.push(c));
    const data = Buffer.concat(parts);
    expect(crc32(data) >>> 0, entry.name).toBe(entry.crc32);
    files.set(entry.name, data);
  }
  return files;
}

describe('createZipStream', () => {
  const html = Buffer.from('<!doctype html><title>某某县重点项目 2026年5月 月报归档</title>'.repeat(500));
  const photo = randomBytes(300_000);
  const json = Buffer.from(JSON.stringify({ files: Array.from({ length: 200 }, (_, i) => ({ path: `photos/${i}.jpg` })) }));

  it('writes an archive that three independent readers open, with UTF-8 names and China-time dates', async () => {
    const modified = new Date('2026-05-31T16:30:10Z');
    const { buf, file, summary } = await build(async (zip) => {
      const results = [
        await zip.addFile('index.html', html, { compress: true, modified }),
        await zip.addFile('projects/001-城南污水处理厂/photos/1-主体施工.jpg', chunked(photo), { compress: false, size: photo.length, modified }),
        await zip.addFile('manifest.json', chunked(json, 1000), { compress: true, modified }),
        await zip.addFile('empty.txt', Buffer.alloc(0), { compress: true, modified }),
      ];
      expect(results.map((r) => [r.size, r.sha256])).toEqual([html, photo, json, Buffer.alloc(0)].map((b) => [b.length, sha256(b)]));
      expect(results[0]!.compressedSize).toBeLessThan(html.length / 10);
      expect(results[1]!.compressedSize).toBe(photo.length);
    });
    expect(summary).toEqual({ entries: 4, bytes: buf.length });
    // An ordinary archive carries no ZIP64 records (the oldest tools can open it).
    expect(buf.readUInt32LE(buf.length - 42)).not.toBe(SIG_LOCATOR64);

    const own = await readOwn(buf);
    expect([...own.keys()]).toEqual(['index.html', 'projects/001-城南污水处理厂/photos/1-主体施工.jpg', 'manifest.json', 'empty.txt']);
    expect(own.get('projects/001-城南污水处理厂/photos/1-主体施工.jpg')!.equals(photo)).toBe(true);

    const python = readWithPython(file);
    expect(python.map((e) => [e.name, e.size, e.sha256, e.compressType])).toEqual([
      ['index.html', html.length, sha256(html), 8],
      ['projects/001-城南污水处理厂/photos/1-主体施工.jpg', photo.length, sha256(photo), 0],
      ['manifest.json', json.length, sha256(json), 8],
      ['empty.txt', 0, sha256(Buffer.alloc(0)), 8],
    ]);
    for (const e of python) {
      expect(e.flagBits & 0x0808).toBe(0x0808);
      expect(e.dateTime).toEqual([2026, 6, 1, 0, 30, 10]);
    }
    if (hasUnzip) expect(unzipTest(file)).toBeNull();
  });

  it('writes ZIP64 records where sizes, offsets or the entry count pass the limits', async () => {
    const limits = { u32: 1000, u16: 3 };
    const big = randomBytes(5000);
    const text = Buffer.from('形象进度：主体结构施工至三层。'.repeat(600));
    const medium = randomBytes(3000);
    const { buf, file, summary } = await build(async (zip) => {
      await zip.addFile('a.bin', big, { compress: false }); // known size: ZIP64 from its local header
      await zip.addFile('b.txt', chunked(text), { compress: true }); // unknown size that turns out large
      await zip.addFile('c.bin', chunked(medium), { compress: false, size: medium.length });
      await zip.addFile('d.txt', Buffer.from('small, far in'), { compress: true }); // only its offset is large
      await zip.addFile('目录/e.txt', Buffer.from('五'), { compress: false });
    }, limits);
    expect(summary.entries).toBe(5);
    expect(buf.readUInt32LE(buf.length - 42)).toBe(SIG_LOCATOR64);
    expect(buf.readUInt16LE(buf.length - 22 + 10)).toBe(0xffff);

    const expected = new Map([['a.bin', big], ['b.txt', text], ['c.bin', medium], ['d.txt', Buffer.from('small, far in')], ['目录/e.txt', Buffer.from('五')]]);
    const own = await readOwn(buf);
    expect([...own.entries()].map(([n, d]) => [n, sha256(d)])).toEqual([...expected.entries()].map(([n, d]) => [n, sha256(d)]));
    const python = readWithPython(file);
    expect(python.map((e) => [e.name, e.size, e.sha256])).toEqual([...expected.entries()].map(([n, d]) => [n, d.length, sha256(d)]));
    if (hasUnzip) expect(unzipTest(file)).toBeNull();
  });

  it.each([false, true])('waits for a slow reader instead of buffering (compress: %s)', async (compress) => {
    const data = randomBytes(16 * 1024 * 1024);
    let produced = 0;
    let consumed = 0;
    let maxAhead = 0;
    let at = 0;
    const source = new Readable({
      read() {
        const chunk = at < data.length ? data.subarray(at, (at += 64 * 1024)) : null;
        if (chunk) produced += chunk.length;
        this.push(chunk);
      },
    });
    const out = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        consumed += chunk.length;
        maxAhead = Math.max(maxAhead, produced - consumed);
        setTimeout(callback, 1);
      },
    });
    const zip = createZipStream(out);
    const result = await zip.addFile('video.mp4', source, { compress });
    await zip.finish();
    expect(result.size).toBe(data.length);
    // Unbounded, the whole 16 MB would sit between the source and the reader.
    expect(maxAhead).toBeLessThan(2 * 1024 * 1024);
  });

  it('refuses unsafe and duplicate names without spoiling the archive', async () => {
    const { file } = await build(async (zip) => {
      for (const name of ['../etc/passwd', '/abs.txt', 'a//b.txt', 'a\\b.txt', 'C:x.txt', 'a/./b', '']) {
        await expect(zip.addFile(name, Buffer.from('x'), { compress: false })).rejects.toThrow(/not allowed/);
      }
      await zip.addFile('Index.html', Buffer.from('x'), { compress: true });
      await expect(zip.addFile('index.HTML', Buffer.from('y'), { compress: true })).rejects.toThrow(/duplicate/);
    });
    expect(readWithPython(file).map((e) => e.name)).toEqual(['Index.html']);
  });

  it('fails the entry and the archive when a source breaks, and closes sources it never read', async () => {
    const out = new Writable({ write: (_c, _e, cb) => cb() });
    const zip = createZipStream(out);
    const broken = new Readable({
      read() {
        this.destroy(new Error('storage went away'));
      },
    });
    await expect(zip.addFile('a.jpg', broken, { compress: false })).rejects.toThrow('storage went away');
    const unread = chunked(Buffer.from('never read'));
    await expect(zip.addFile('b.jpg', unread, { compress: false })).rejects.toThrow('storage went away');
    expect(unread.destroyed).toBe(true);
    await expect(zip.finish()).rejects.toThrow('storage went away');
  });

  it('fails when the output fails', async () => {
    const out = new Writable({ write: (_c, _e, cb) => cb(new Error('disk full')) });
    const zip = createZipStream(out);
    await expect(zip.addFile('a.txt', Buffer.alloc(100_000), { compress: false })).rejects.toThrow('disk full');
    await expect(zip.finish()).rejects.toThrow('disk full');
  });
});
