import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskStorage, removeStaleTempFiles } from './disk-storage';
import { failingStream, randomStream, readAll, refusal } from './test-streams';

// What only the folder store has to get right: temp files, paths, folder order. The shared
// contract is in storage.test.ts.

describe('DiskStorage', () => {
  let dir: string;
  let root: string;
  let storage: DiskStorage;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tuijin-disk-'));
    root = join(dir, 'objects');
    storage = new DiskStorage(root);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const list = async (prefix: string) => {
    const keys: string[] = [];
    for await (const o of storage.list(prefix)) keys.push(o.key);
    return keys;
  };

  it('stores a key as folders under the root, readable only by the service', async () => {
    await storage.putBuffer('photos/2026/06/a.jpg', Buffer.from('jpeg'), { contentType: 'image/jpeg' });
    const path = join(root, 'photos', '2026', '06', 'a.jpg');
    expect(existsSync(path)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('leaves no temp file behind, whether a write succeeds, is too large or breaks off', async () => {
    await storage.putStream('a/ok.jpg', randomStream(5000).stream, { contentType: 'image/jpeg' });
    await refusal(storage.putStream('a/big.jpg', randomStream(5000).stream, { contentType: 'image/jpeg', maxBytes: 100 }));
    await expect(storage.putStream('a/cut.jpg', failingStream(5000), { contentType: 'image/jpeg' })).rejects.toThrow();
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);
    expect(readdirSync(join(root, 'a'))).toEqual(['ok.jpg']);
  });

  it('refuses keys that would leave the root, and writes nothing outside it', async () => {
    for (const key of ['../outside.txt', 'a/../../outside.txt', '/etc/outside.txt', 'a/../../../outside.txt']) {
      expect((await refusal(storage.putBuffer(key, Buffer.from('x'), { contentType: 'text/plain' }))).code).toBe('bad_request');
      expect((await refusal(storage.get(key))).code).toBe('bad_request');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('lists in S3 key order even where folder and file names interleave', async () => {
    // '-' (0x2D) and '.' (0x2E) sort before '/' (0x2F): 'p/a-c' comes before 'p/a/b' as a key,
    // though the folder 'a' sorts before the file 'a-c' by name.
    const keys = ['p/a/b', 'p/a-c', 'p/a.d', 'p/a0', 'p/A', 'p/a/c/d', 'p/b', 'q/z'];
    for (const key of keys) await storage.putBuffer(key, Buffer.from(key), { contentType: 'text/plain' });
    const inOrder = [...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    expect(await list('')).toEqual(inOrder);
    expect(await list('p/a')).toEqual(['p/a-c', 'p/a.d', 'p/a/b', 'p/a/c/d', 'p/a0']);
    expect(await list('p/a/')).toEqual(['p/a/b', 'p/a/c/d']);
  });

  it('lists neither its temp folder nor files it could not have written', async () => {
    await storage.putBuffer('p/ok.jpg', Buffer.from('x'), { contentType: 'image/jpeg' });
    mkdirSync(join(root, '.tmp'), { recursive: true });
    writeFileSync(join(root, '.tmp', 'stale.part'), 'half a photo');
    writeFileSync(join(root, 'p', '照片.jpg'), 'copied in by hand');
    expect(await list('')).toEqual(['p/ok.jpg']);
  });

  it('treats a folder as a prefix, not an object', async () => {
    await storage.putBuffer('p/a/b.jpg', Buffer.from('x'), { contentType: 'image/jpeg' });
    expect((await refusal(storage.get('p/a'))).code).toBe('not_found');
    expect(await storage.head('p/a')).toBeNull();
    await storage.delete('p/a');
    expect(await list('p/')).toEqual(['p/a/b.jpg']);
  });

  it('ends concurrent writes of one key with one whole object, never a mix', async () => {
    const versions = Array.from({ length: 8 }, (_, i) => Buffer.alloc(200_000, i + 1));
    await Promise.all(versions.map((data) => storage.putStream('p/same.jpg', Readable.from([data.subarray(0, 1000), data.subarray(1000)]), { contentType: 'image/jpeg' })));
    const stored = await readAll((await storage.get('p/same.jpg')).stream);
    expect(versions.some((v) => v.equals(stored))).toBe(true);
  });

  it('removes temp files nothing has written to for longer than the limit', async () => {
    mkdirSync(join(root, '.tmp'), { recursive: true });
    const stale = join(root, '.tmp', 'crashed.part');
    const fresh = join(root, '.tmp', 'uploading.part');
    writeFileSync(stale, 'x');
    writeFileSync(fresh, 'y');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(stale, hourAgo, hourAgo);
    expect(await removeStaleTempFiles(root, 600_000)).toBe(1);
    expect(readdirSync(join(root, '.tmp'))).toEqual(['uploading.part']);
    expect(await removeStaleTempFiles(join(dir, 'never-written'), 0)).toBe(0);
  });

  it('checks that its folder can be written, and says unavailable when not', async () => {
    await expect(storage.check()).resolves.toBeUndefined();
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const broken = new DiskStorage(join(dir, 'a-file', 'objects'));
    expect(await refusal(broken.check())).toMatchObject({ code: 'unavailable', status: 503 });
  });
});
