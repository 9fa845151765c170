import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../../config';
import type { Database } from '../../db/kysely';
import { AppError } from '../errors';

// Online backup and restore (SECURITY.md reliability 4). SQLite: VACUUM INTO writes a
// consistent copy while the app keeps serving. PostgreSQL: pg_dump. The data key goes in
// its own file beside the copy: without it the encrypted phone numbers cannot be read, and
// it should be stored apart from the database copy. A manifest lists every file's SHA-256.

export interface Manifest {
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  files: { name: string; bytes: number; sha256: string }[];
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
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
  const manifest: Manifest = {
    createdAt: now.toISOString(),
    dialect: database.dialect,
    files: readdirSync(dir).sort().map((name) => ({ name, bytes: statSync(join(dir, name)).size, sha256: sha256(join(dir, name)) })),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { dir, manifest };
}

/** Checks every file of a backup against its manifest; returns the manifest or throws naming the bad file. */
export function verifyBackup(dir: string): Manifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new AppError('bad_request', `不是备份目录（缺少 manifest.json）：${dir}`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  for (const f of manifest.files) {
    const file = join(dir, basename(f.name));
    if (!existsSync(file)) throw new AppError('unprocessable', `备份不完整：缺少 ${f.name}`);
    if (sha256(file) !== f.sha256) throw new AppError('unprocessable', `备份已损坏：${f.name} 的校验值不符`);
  }
  return manifest;
}

/** Restores a SQLite backup into an empty data folder (the server must not be running on it). */
export function restoreSqlite(dir: string, config: Config, options: { force?: boolean } = {}): Manifest {
  const manifest = verifyBackup(dir);
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
  return manifest;
}
