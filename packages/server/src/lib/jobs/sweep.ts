import { rm, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../context';

// The sweeper (SECURITY.md reliability 1, row 17): bytes are stored before the row that points
// at them is committed, so a crash between the two leaves a file no row points at; aborted and
// expired uploads leave chunks and temp files. Everything older than a grace period that no
// record points at is removed. Running it twice, or in two processes, is harmless.

export interface SweepResult { objects: number; chunks: number; sessions: number; tempFiles: number }

const GRACE_MS = 60 * 60_000;
const mediaFolder = (key: string) => key.split('/').slice(0, 4).join('/');

/**
 * Where orphans can be: a crash between storing and committing leaves its files under the
 * month being reported, so the hourly sweep reads only the folders of open and recently closed
 * months (at the design size the whole store holds tens of millions of files); `all` reads it all.
 */
async function mediaPrefixes(ctx: AppContext, all: boolean): Promise<string[]> {
  if (all) return ['media/'];
  const since = new Date(ctx.clock.now().getTime() - 62 * 86_400_000).toISOString();
  const rows = await ctx.db.selectFrom('monthlyReport')
    .innerJoin('reportingPeriod as rp', 'rp.id', 'monthlyReport.periodId')
    .innerJoin('project', 'project.id', 'monthlyReport.projectId')
    .select(['project.regionCode', 'monthlyReport.period']).distinct()
    .where((eb) => eb.or([eb('rp.status', '=', 'open'), eb('rp.updatedAt', '>=', since)]))
    .execute();
  return rows.map((r) => `media/${r.regionCode}/${r.period}/`);
}

/** Removes media objects in folders no media row points at. */
async function sweepMedia(ctx: AppContext, before: Date, all: boolean): Promise<number> {
  let removed = 0;
  let batch: { key: string; folder: string }[] = [];
  const flush = async () => {
    const folders = [...new Set(batch.map((o) => o.folder))];
    const known = new Set((await ctx.db.selectFrom('media').select('originalKey').where('originalKey', 'in', folders.map((f) => `${f}/original`)).execute()).map((r) => mediaFolder(r.originalKey)));
    const orphans = batch.filter((o) => !known.has(o.folder)).map((o) => o.key);
    if (orphans.length) await ctx.storage.deleteMany(orphans);
    removed += orphans.length;
    batch = [];
  };
  for (const prefix of await mediaPrefixes(ctx, all)) {
    for await (const o of ctx.storage.list(prefix)) {
      if (o.lastModified >= before) continue;
      batch.push({ key: o.key, folder: mediaFolder(o.key) });
      if (batch.length >= 500) await flush();
    }
  }
  if (batch.length) await flush();
  return removed;
}

/** Finds which of these keys a row points at (an archive's period, a published bulletin). */
type KnownKeys = (ctx: AppContext, keys: string[]) => Promise<string[]>;
const archiveKeys: KnownKeys = async (ctx, keys) => (await ctx.db.selectFrom('reportingPeriod').select('archiveKey as key').where('archiveKey', 'in', keys).execute()).map((r) => r.key!);
const bulletinKeys: KnownKeys = async (ctx, keys) => (await ctx.db.selectFrom('bulletin').select('docxKey as key').where('docxKey', 'in', keys).execute()).map((r) => r.key!);

/**
 * Removes documents under a prefix no row points at: archives (a rebuilt archive replaces the
 * one before) and published bulletins' Word files (a crash between storing one and committing).
 */
async function sweepDocuments(ctx: AppContext, prefix: string, knownOf: KnownKeys, before: Date): Promise<number> {
  const keys: string[] = [];
  for await (const o of ctx.storage.list(prefix)) if (o.lastModified < before) keys.push(o.key);
  if (!keys.length) return 0;
  const known = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) for (const k of await knownOf(ctx, keys.slice(i, i + 500))) known.add(k);
  const orphans = keys.filter((k) => !known.has(k));
  if (orphans.length) await ctx.storage.deleteMany(orphans);
  return orphans.length;
}

/** Ends expired upload sessions and removes the chunks of every ended one. */
async function sweepUploads(ctx: AppContext, now: Date, before: Date): Promise<{ chunks: number; sessions: number }> {
  const expired = await ctx.db.updateTable('uploadSession').set({ status: 'expired', updatedAt: now.toISOString() })
    .where('status', 'in', ['receiving', 'processing']).where('expiresAt', '<', now.toISOString()).executeTakeFirst();
  const live = new Set((await ctx.db.selectFrom('uploadSession').select('id').where('status', 'in', ['receiving', 'processing']).execute()).map((r) => r.id));
  const orphans: string[] = [];
  for await (const o of ctx.storage.list('uploads/')) {
    const id = o.key.split('/')[1] ?? '';
    if (!live.has(id) && o.lastModified < before) orphans.push(o.key);
  }
  for (let i = 0; i < orphans.length; i += 500) await ctx.storage.deleteMany(orphans.slice(i, i + 500));
  return { chunks: orphans.length, sessions: Number(expired.numUpdatedRows) };
}

/** Temp files of uploads that never finished processing (a crash mid-ingest). */
async function sweepTemp(dir: string, before: Date): Promise<number> {
  let removed = 0;
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const file = join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && info.mtime < before) {
      await rm(file, { force: true, recursive: true });
      removed++;
    }
  }
  return removed;
}

export async function sweep(ctx: AppContext, options: { graceMs?: number; all?: boolean } = {}): Promise<SweepResult> {
  const now = ctx.clock.now();
  // Objects and files carry the store's own clock, so their age is measured against real time.
  const before = new Date(Date.now() - (options.graceMs ?? GRACE_MS));
  const objects = (await sweepMedia(ctx, before, options.all ?? false)) + (await sweepDocuments(ctx, 'archives/', archiveKeys, before))
    + (await sweepDocuments(ctx, 'bulletins/', bulletinKeys, before));
  const uploads = await sweepUploads(ctx, now, before);
  // A build in progress keeps writing its archive file, so only abandoned ones are this old.
  const tempFiles = (await sweepTemp(join(ctx.config.dataDir, 'tmp', 'uploads'), before)) + (await sweepTemp(join(ctx.config.dataDir, 'tmp', 'archives'), before));
  return { objects, chunks: uploads.chunks, sessions: uploads.sessions, tempFiles };
}
