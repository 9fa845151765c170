import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import { sql } from 'kysely';
import type { Config } from '../../config';
import type { Database } from '../../db/kysely';
import { AppError } from '../errors';
import { openStorage } from '../storage/open-storage';
import type { Storage } from '../storage/storage';

// Online backup and restore (SECURITY.md reliability 4). SQLite: VACUUM INTO writes a
// consistent copy while the app keeps serving. PostgreSQL: pg_dump. The data key goes in
// its own file beside the copy: without it the encrypted phone numbers cannot be read, and
// it should be stored apart from the database copy. The photos, videos and archives of the
// object store are copied under objects/ (the database alone would point at nothing). A
// manifest lists every file's SHA-256, and a restore checks each one.

export interface Manifest {
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  files: { name: string; bytes: number; sha256: string }[];
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Everything a record may point at (chunks of unfinished uploads are left behind). */
const OBJECT_PREFIXES = ['media/', 'archives/'];

async function copyObjects(storage: Storage, dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const prefix of OBJECT_PREFIXES) {
    for await (const o of storage.list(prefix)) {
      const target = join(dir, 'objects', o.key);
      mkdirSync(dirname(target), { recursive: true });
      await pipeline((await storage.get(o.key)).stream, createWriteStream(target));
      names.push(`objects/${o.key}`);
    }
  }
  return names;
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

export async function backup(config: Config, database: Database, outDir: string, now = new Date()): Promise<{ dir: string; manifest: Manifest }> {
  const dir = join(outDir, `tuijin-backup-${stamp(now)}`);
  if (existsSync(dir)) throw new AppError('conflict', `备份目录已存在：${dir}`);
  mkdirSync(dir, { recursive: true });
  if (database.dialect === 'sqlite') {
    const target = join(dir, 'tuijin.sqlite');
    await sql`vacuum into ${target}`.execute(database.db);
  } else {
    const dump = spawnSync('pg_dump', ['--format=custom', '--no-owner', '--file', join(dir, 'tuijin.pgdump'), config.databaseUrl!], { encoding: 'utf8' });
    if (dump.error || dump.status !== 0) {
      throw new AppError('unavailable', `pg_dump 执行失败：${dump.error?.message ?? dump.stderr.trim()}（请确认已安装 PostgreSQL 客户端）`);
    }
  }
  if (existsSync(config.keyFile)) copyFileSync(config.keyFile, join(dir, 'data.key'));
  const objects = await copyObjects(openStorage(config.storageUrl, config.dataDir), dir);
  const names = [...readdirSync(dir).filter((n) => n !== 'objects').sort(), ...objects];
  const files: Manifest['files'] = [];
  for (const name of names) files.push({ name, bytes: statSync(join(dir, name)).size, sha256: await sha256(join(dir, name)) });
  const manifest: Manifest = { createdAt: now.toISOString(), dialect: database.dialect, files };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { dir, manifest };
}

/** A manifest name as a path inside the backup, never outside it. */
function inside(dir: string, name: string): string {
  const rel = normalize(name);
  if (rel.startsWith('..') || rel.startsWith('/')) throw new AppError('unprocessable', `备份清单中的文件名不合法：${name}`);
  return join(dir, rel);
}

/** Checks every file of a backup against its manifest; returns the manifest or throws naming the bad file. */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new AppError('bad_request', `不是备份目录（缺少 manifest.json）：${dir}`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  for (const f of manifest.files) {
    const file = inside(dir, f.name);
    if (!existsSync(file)) throw new AppError('unprocessable', `备份不完整：缺少 ${f.name}`);
    if ((await sha256(file)) !== f.sha256) throw new AppError('unprocessable', `备份已损坏：${f.name} 的校验值不符`);
  }
  return manifest;
}

/** Restores a SQLite backup into an empty data folder (the server must not be running on it). */
export async function restoreSqlite(dir: string, config: Config, options: { force?: boolean } = {}): Promise<Manifest> {
  const manifest = await verifyBackup(dir);
  if (manifest.dialect !== 'sqlite') throw new AppError('bad_request', 'PostgreSQL 备份请用 pg_restore 恢复');
  if (existsSync(config.sqliteFile) && !options.force) {
    throw new AppError('conflict', `数据文件已存在：${config.sqliteFile}。恢复会覆盖它，确认请加 --force`);
  }
  mkdirSync(config.dataDir, { recursive: true });
  copyFileSync(join(dir, 'tuijin.sqlite'), config.sqliteFile);
  // A WAL left by the database being replaced must not be replayed onto the restored copy.
  for (const suffix of ['-wal', '-shm']) rmSync(config.sqliteFile + suffix, { force: true });
  if (existsSync(join(dir, 'data.key'))) {
    mkdirSync(join(config.keyFile, '..'), { recursive: true });
    copyFileSync(join(dir, 'data.key'), config.keyFile);
  }
  const storage = openStorage(config.storageUrl, config.dataDir);
  for (const f of manifest.files.filter((x) => x.name.startsWith('objects/'))) {
    await storage.putFile(f.name.slice('objects/'.length), inside(dir, f.name), { contentType: 'application/octet-stream' });
  }
  return manifest;
}
