import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskStorage } from './disk-storage';
import { parseStorageUrl } from './open-storage';
import { S3Storage } from './s3-storage';
import { startS3Server } from './s3-test-server';
import type { Storage } from './storage';
import { failingStream, MB, randomStream, readAll, refusal, sha256 } from './test-streams';

// The contract every store keeps, run against both: a folder in a temp directory, and S3 as
// s3rver speaks it. Each test writes under a prefix of its own, so they share one store.

interface Opened {
  storage: Storage;
  close(): Promise<void>;
}

const BACKENDS: { kind: Storage['kind']; open(): Promise<Opened> }[] = [
  {
    kind: 'disk',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tuijin-storage-'));
      return { storage: new DiskStorage(join(dir, 'objects')), close: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    kind: 's3',
    open: async () => {
      const server = await startS3Server();
      const target = parseStorageUrl(server.url, '/unused', {});
      if (target.kind !== 's3') throw new Error('expected an S3 target');
      const { kind: _kind, ...options } = target;
      // A small page makes `list` walk several ListObjectsV2 pages over a few dozen objects.
      const storage = new S3Storage({ ...options, pageSize: 7 });
      return { storage, close: () => server.close() };
    },
  },
];

const BAD_KEYS = ['', '/photos/a.jpg', 'a//b.jpg', 'a/', 'a/../b.jpg', '..', '../x', 'a/./b', '.tmp/x', 'a b.jpg', '照片.jpg', 'a\\b', 'a?b', 'x'.repeat(513)];

describe.each(BACKENDS)('$kind storage', ({ kind, open }) => {
  let storage: Storage;
  let close: () => Promise<void>;
  let n = 0;
  const prefix = () => `t${++n}/`;

  beforeAll(async () => {
    ({ storage, close } = await open());
  });
  afterAll(() => close());

  it('round-trips a stream, a file and a buffer, and says how many bytes went in', async () => {
    const p = prefix();
    const data = randomBytes(100_000);
    expect(await storage.putStream(`${p}stream.jpg`, Readable.from([data.subarray(0, 10), data.subarray(10)]), { contentType: 'image/jpeg' })).toBe(100_000);
    const fileDir = mkdtempSync(join(tmpdir(), 'tuijin-file-'));
    writeFileSync(join(fileDir, 'photo.jpg'), data);
    expect(await storage.putFile(`${p}file.jpg`, join(fileDir, 'photo.jpg'), { contentType: 'image/jpeg' })).toBe(100_000);
    rmSync(fileDir, { recursive: true });
    await storage.putBuffer(`${p}buffer.jpg`, data, { contentType: 'image/jpeg' });
    for (const name of ['stream', 'file', 'buffer']) {
      const got = await storage.get(`${p}${name}.jpg`);
      expect({ size: got.size, totalSize: got.totalSize, contentType: got.contentType }).toEqual({
        size: 100_000, totalSize: 100_000, contentType: kind === 's3' ? 'image/jpeg' : null,
      });
      expect((await readAll(got.stream)).equals(data)).toBe(true);
    }
  });

  it('keeps an empty object, and replaces an object written again', async () => {
    const p = prefix();
    await storage.putBuffer(`${p}empty`, Buffer.alloc(0), { contentType: 'application/octet-stream' });
    const empty = await storage.get(`${p}empty`);
    expect([empty.size, (await readAll(empty.stream)).length]).toEqual([0, 0]);
    await storage.putBuffer(`${p}a.txt`, Buffer.from('first version'), { contentType: 'text/plain' });
    await storage.putStream(`${p}a.txt`, Readable.from([Buffer.from('second')]), { contentType: 'text/plain' });
    expect((await readAll((await storage.get(`${p}a.txt`)).stream)).toString()).toBe('second');
  });

  it('reads inclusive byte ranges, cutting an end past the last byte, and refuses impossible ones', async () => {
    const key = `${prefix()}clip.mp4`;
    const data = randomBytes(100);
    await storage.putBuffer(key, data, { contentType: 'video/mp4' });
    for (const [start, end, expected] of [[10, 19, data.subarray(10, 20)], [99, 99, data.subarray(99)], [95, 500, data.subarray(95)]] as const) {
      const got = await storage.get(key, { start, end });
      expect({ size: got.size, totalSize: got.totalSize }).toEqual({ size: expected.length, totalSize: 100 });
      expect((await readAll(got.stream)).equals(expected)).toBe(true);
    }
    expect((await refusal(storage.get(key, { start: 100, end: 120 }))).code).toBe('bad_request');
    expect((await refusal(storage.get(key, { start: 20, end: 10 }))).code).toBe('bad_request');
    expect((await refusal(storage.get(key, { start: -1, end: 10 }))).code).toBe('bad_request');
  });

  it('heads an object (size, time written) and answers null for a missing one', async () => {
    const key = `${prefix()}a.jpg`;
    const before = Date.now();
    await storage.putBuffer(key, Buffer.alloc(1234, 1), { contentType: 'image/jpeg' });
    const head = await storage.head(key);
    expect(head?.size).toBe(1234);
    // S3 stamps whole seconds.
    expect(Math.abs(head!.lastModified.getTime() - before)).toBeLessThan(5000);
    expect(await storage.head(`${prefix()}missing.jpg`)).toBeNull();
  });

  it('answers not_found for a missing object', async () => {
    const e = await refusal(storage.get(`${prefix()}missing.jpg`));
    expect([e.code, e.message]).toEqual(['not_found', '文件不存在']);
  });

  it('lists every object under a prefix in key order, across pages', async () => {
    const p = prefix();
    const keys = Array.from({ length: 30 }, (_, i) => `${p}many/obj-${String(i).padStart(2, '0')}.jpg`);
    for (const key of [...keys].reverse()) await storage.putBuffer(key, Buffer.from(key), { contentType: 'image/jpeg' });
    await storage.putBuffer(`${p}other/x.jpg`, Buffer.from('x'), { contentType: 'image/jpeg' });
    const listed = [];
    for await (const o of storage.list(`${p}many/`)) listed.push(o);
    expect(listed.map((o) => o.key)).toEqual(keys);
    expect(listed[0]).toMatchObject({ size: keys[0]!.length, lastModified: expect.any(Date) });
    // A prefix is a string prefix, not a folder: 'many/obj-1' takes obj-10 … obj-19.
    const partial = [];
    for await (const o of storage.list(`${p}many/obj-1`)) partial.push(o.key);
    expect(partial).toEqual(keys.slice(10, 20));
    const none = [];
    for await (const o of storage.list(`${p}nothing/`)) none.push(o.key);
    expect(none).toEqual([]);
  });

  it('deletes idempotently, one or many', async () => {
    const p = prefix();
    for (const name of ['a', 'b', 'c', 'd']) await storage.putBuffer(`${p}${name}`, Buffer.from(name), { contentType: 'text/plain' });
    await storage.delete(`${p}a`);
    await storage.delete(`${p}a`);
    await storage.deleteMany([`${p}b`, `${p}c`, `${p}never-there`]);
    await storage.deleteMany([]);
    const left = [];
    for await (const o of storage.list(p)) left.push(o.key);
    expect(left).toEqual([`${p}d`]);
  });

  it.each([
    ['a small', 1000, 999],
    ['a multipart-sized', 10 * MB, 9 * MB],
  ])('refuses %s stream over maxBytes with payload_too_large and leaves nothing', async (_label, total, maxBytes) => {
    const key = `${prefix()}big.mp4`;
    const e = await refusal(storage.putStream(key, randomStream(total).stream, { contentType: 'video/mp4', maxBytes }));
    expect([e.code, e.status, e.message]).toEqual(['payload_too_large', 413, '文件大小超过上限']);
    expect(await storage.head(key)).toBeNull();
  });

  it('accepts a stream of exactly maxBytes', async () => {
    expect(await storage.putStream(`${prefix()}a.jpg`, randomStream(1000).stream, { contentType: 'image/jpeg', maxBytes: 1000 })).toBe(1000);
  });

  it.each([
    ['early', 1000],
    ['after a multipart part went up', 9 * MB],
  ])('rejects with the source error when the stream fails %s, and leaves nothing', async (_label, bytes) => {
    const key = `${prefix()}cut.mp4`;
    const error = new Error('客户端连接中断');
    await expect(storage.putStream(key, failingStream(bytes, error), { contentType: 'video/mp4' })).rejects.toBe(error);
    expect(await storage.head(key)).toBeNull();
  });

  it('keeps the previous object when an overwrite fails part-way', async () => {
    const key = `${prefix()}a.jpg`;
    await storage.putBuffer(key, Buffer.from('the good photo'), { contentType: 'image/jpeg' });
    await expect(storage.putStream(key, failingStream(5000), { contentType: 'image/jpeg' })).rejects.toThrow('客户端连接中断');
    expect((await readAll((await storage.get(key)).stream)).toString()).toBe('the good photo');
  });

  it.each(BAD_KEYS.map((key) => [JSON.stringify(key).slice(0, 40), key]))('refuses the key %s everywhere', async (_label, key) => {
    const attempts = [
      () => storage.putBuffer(key, Buffer.from('x'), { contentType: 'text/plain' }),
      () => storage.putStream(key, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' }),
      () => storage.get(key), () => storage.head(key), () => storage.delete(key), () => storage.deleteMany(['ok/key', key]),
    ];
    for (const attempt of attempts) expect(await refusal(attempt())).toMatchObject({ code: 'bad_request', message: '存储键不合法' });
  });

  it('refuses a listing prefix that could leave the store', async () => {
    for (const bad of ['../', '/abs', 'a/../', '.tmp/']) {
      expect((await refusal((async () => { for await (const _ of storage.list(bad)); })())).code).toBe('bad_request');
    }
  });

  it('streams 20 MB in and out without holding it whole; size and SHA-256 match', async () => {
    const key = `${prefix()}site-video.mp4`;
    const source = randomStream(20 * MB);
    const commands: string[] = [];
    if (storage instanceof S3Storage) {
      storage.client.middlewareStack.add((next, context) => (args) => {
        commands.push(context.commandName ?? '');
        return next(args);
      }, { step: 'initialize', name: 'testRecordCommands' });
    }
    expect(await storage.putStream(key, source.stream, { contentType: 'video/mp4', maxBytes: 500 * MB })).toBe(20 * MB);
    const got = await storage.get(key);
    expect(got.size).toBe(20 * MB);
    expect(sha256(await readAll(got.stream))).toBe(source.hash());
    if (storage instanceof S3Storage) {
      storage.client.middlewareStack.remove('testRecordCommands');
      // 8 + 8 + 4 MB: in parts, never one 20 MB PutObject.
      expect(commands.filter((c) => c === 'UploadPartCommand')).toHaveLength(3);
      expect(commands).not.toContain('PutObjectCommand');
    }
  });

  it('says it is reachable', async () => {
    await expect(storage.check()).resolves.toBeUndefined();
  });
});
