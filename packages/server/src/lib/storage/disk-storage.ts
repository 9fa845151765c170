import { randomUUID } from 'node:crypto';
import { constants, createReadStream, createWriteStream, type Dirent } from 'node:fs';
import { access, lstat, mkdir, open, readdir, rename, rm, stat, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors';
import {
  assertKey, assertPrefix, ByteCounter, clampRange, isValidKey, objectNotFound, storageUnavailable, TMP_DIR,
  type ByteRange, type ObjectInfo, type PutStreamOptions, type ReadResult, type Storage,
} from './storage';

// Objects as files under one folder (<dataDir>/objects by default), the key's segments as
// sub-folders. A write goes to <root>/.tmp first, is fsynced, then renamed into place: a crash
// leaves either the whole object at its key or nothing there (at worst a stray temp file, which
// removeStaleTempFiles clears).

const isCode = (err: unknown, ...codes: string[]) =>
  err instanceof Error && codes.includes((err as NodeJS.ErrnoException).code ?? '');

const isMissing = (err: unknown) => isCode(err, 'ENOENT', 'ENOTDIR');

// A full or failing disk is the operator's to fix and the user's to retry later: a 503, not a 500.
function diskError(err: unknown): unknown {
  if (isCode(err, 'ENOSPC', 'EDQUOT')) return storageUnavailable(err, '文件存储空间已满，请联系系统管理员');
  if (isCode(err, 'EROFS', 'EIO')) return storageUnavailable(err);
  return err;
}

// 'wx': a fresh temp file, never someone else's; 0600: the objects are the service's alone, like
// the database file; flush: fsync before close, so the bytes are on disk before the rename.
const STREAM_OPTIONS = { flags: 'wx', mode: 0o600, flush: true };
const FILE_OPTIONS = { flag: 'wx', mode: 0o600, flush: true };

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** fsync a folder, so that a rename or a new entry in it survives a power cut. */
async function syncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (err) {
    // Windows cannot open a folder; there the rename is as durable as the platform makes it.
    if (!isCode(err, 'EISDIR', 'EPERM', 'EINVAL')) throw err;
  } finally {
    await handle?.close();
  }
}

export class DiskStorage implements Storage {
  readonly kind = 'disk';
  readonly root: string;
  private readonly tmpDir: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.tmpDir = join(this.root, TMP_DIR);
  }

  private pathOf(key: string): string {
    assertKey(key);
    const path = resolve(this.root, ...key.split('/'));
    // assertKey already refuses '..'; this is a second lock on the same door.
    if (!path.startsWith(this.root + sep)) throw new AppError('bad_request', '存储键不合法');
    return path;
  }

  /** `write` fills the temp file and must fsync it (the `flush` option) before it resolves. */
  private async writeAtomically(key: string, write: (temp: string) => Promise<void>): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(this.tmpDir, { recursive: true });
    const temp = join(this.tmpDir, `${randomUUID()}.part`);
    let isPlaced = false;
    let firstNewDir: string | undefined;
    try {
      await write(temp);
      firstNewDir = await mkdir(dirname(target), { recursive: true });
      await rename(temp, target);
      isPlaced = true;
    } catch (err) {
      throw diskError(err);
    } finally {
      if (!isPlaced) await rm(temp, { force: true });
    }
    // The new entry, and every folder made for it, must reach the disk before we say "durable".
    const stop = firstNewDir ? dirname(firstNewDir) : dirname(target);
    for (let dir = dirname(target); ; dir = dirname(dir)) {
      await syncDir(dir);
      if (dir === stop || dir === this.root) break;
    }
  }

  async putStream(key: string, body: Readable, options: PutStreamOptions): Promise<number> {
    assertKey(key);
    const counter = new ByteCounter(options.maxBytes);
    // pipeline rejects with the first failure: the source's, the counter's 413, or the disk's.
    await this.writeAtomically(key, (temp) => pipeline(body, counter, createWriteStream(temp, STREAM_OPTIONS)));
    return counter.bytes;
  }

  putFile(key: string, file: string, options: { contentType: string }): Promise<number> {
    assertKey(key);
    return this.putStream(key, createReadStream(file), options);
  }

  async putBuffer(key: string, data: Buffer, _options: { contentType: string }): Promise<void> {
    await this.writeAtomically(key, (temp) => writeFile(temp, data, FILE_OPTIONS));
  }

  async get(key: string, range?: ByteRange): Promise<ReadResult> {
    const path = this.pathOf(key);
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (err) {
      if (isMissing(err) || isCode(err, 'EISDIR')) throw objectNotFound();
      throw err;
    }
    try {
      const info = await handle.stat();
      // A folder opens fine on Linux; it is a key prefix, not an object.
      if (!info.isFile()) throw objectNotFound();
      const slice = range ? clampRange(range, info.size) : null;
      // The stream owns the handle from here and closes it at the end or on destroy.
      const stream = handle.createReadStream(slice ?? {});
      const size = slice ? slice.end - slice.start + 1 : info.size;
      return { stream, size, totalSize: info.size, contentType: null };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async head(key: string): Promise<{ size: number; lastModified: Date } | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? { size: info.size, lastModified: info.mtime } : null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (err) {
      // Missing, or a folder (a prefix of other keys, never an object): nothing to delete.
      if (!isMissing(err) && !isCode(err, 'EISDIR')) throw err;
    }
  }

  async deleteMany(keys: string[]): Promise<void> {
    keys.forEach(assertKey);
    for (const key of keys) await this.delete(key);
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    assertPrefix(prefix);
    // Start at the deepest folder the prefix names whole; its last, partial segment filters.
    const base = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    yield* this.walk(join(this.root, ...base.split('/').filter(Boolean)), base, prefix);
  }

  private async *walk(dir: string, keyPrefix: string, wanted: string): AsyncGenerator<ObjectInfo> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (isMissing(err)) return;
      throw err;
    }
    // Sorted as S3 sorts keys: a folder counts as its name plus '/', so 'a-b' ('-' is 0x2D) comes
    // before 'a/x' ('/' is 0x2F) here too. Then walking depth-first yields every key in order.
    const named = entries
      .filter((e) => !(keyPrefix === '' && e.name === TMP_DIR))
      .map((e) => ({ entry: e, key: keyPrefix + (e.isDirectory() ? `${e.name}/` : e.name) }))
      .sort((a, b) => byCodeUnit(a.key, b.key));
    for (const { entry, key } of named) {
      if (entry.isDirectory()) {
        if (key.startsWith(wanted) || wanted.startsWith(key)) yield* this.walk(join(dir, entry.name), key, wanted);
        continue;
      }
      // Files this store could not have written (a hand-copied '照片.jpg') are not its objects.
      if (!entry.isFile() || !key.startsWith(wanted) || !isValidKey(key)) continue;
      const info = await stat(join(dir, entry.name)).catch((err: unknown) => {
        if (isMissing(err)) return null; // deleted since the folder was read
        throw err;
      });
      if (info) yield { key, size: info.size, lastModified: info.mtime };
    }
  }

  async check(): Promise<void> {
    try {
      await mkdir(this.tmpDir, { recursive: true });
      await access(this.root, constants.R_OK | constants.W_OK);
    } catch (err) {
      throw storageUnavailable(err);
    }
  }
}

/**
 * Removes temp files of writes that never finished (a crash mid-upload) once nothing has written
 * to them for `olderThanMs` (SECURITY.md 17, residual data). Judged by mtime, so a slow upload
 * still in progress keeps its file. Returns how many were removed.
 */
export async function removeStaleTempFiles(root: string, olderThanMs: number, now = Date.now()): Promise<number> {
  const dir = join(resolve(root), TMP_DIR);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if (isMissing(err)) return 0;
    throw err;
  }
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const info = await lstat(path).catch(() => null);
    if (!info || now - info.mtimeMs <= olderThanMs) continue;
    await rm(path, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
