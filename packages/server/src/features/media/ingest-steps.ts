import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { periodText } from '@tuijin/core';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { Limiter } from '../../lib/limit';
import { findFfmpeg, makePoster, probeVideo, processPhoto, SNIFF_BYTES, sniffMedia, type ProcessedPhoto, type Sniffed } from '../../lib/media';
import { parseJson } from '../../lib/records';
import { duplicateIndexFor } from './duplicate-index';

// The steps of taking in one uploaded file (ingest.ts runs them): join its chunks, find out
// what it is and make its derivatives, find the photos it could be a copy of.

/** The pixel budget of one photo (SECURITY.md row 13: ≈ 60 megapixels). */
export const MAX_PIXELS = 60_000_000;

/** Files examined at once by this process: decoding is memory-hungry, queueing is cheap. */
const examining = new Limiter(Math.max(2, availableParallelism()));

export interface Evidence {
  sniffed: Sniffed;
  sha256: string;
  size: number;
  photo: ProcessedPhoto | null;
  video: { durationSeconds: number | null; width: number | null; height: number | null; capturedAt: string | null; gps: { lng: number; lat: number } | null } | null;
}

/** Joins the accepted chunks into one local file, hashing as it goes. */
export async function assemble(ctx: AppContext, parts: string, file: string, expected: number): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  const out = createWriteStream(file, { flags: 'wx' });
  let size = 0;
  try {
    for (const key of parseJson<string[]>(parts, [])) {
      const { stream } = await ctx.storage.get(key);
      stream.on('data', (b: Buffer) => { hash.update(b); size += b.length; });
      await pipeline(stream, out, { end: false });
    }
  } finally {
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
  if (size !== expected) throw new AppError('conflict', `文件不完整：应为 ${expected} 字节，收到 ${size} 字节，请重新上传`);
  return { sha256: hash.digest('hex'), size };
}

async function readHead(file: string): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function examineFile(ctx: AppContext, file: string, filename: string, kind: string, sums: { sha256: string; size: number }, tmp: string): Promise<Evidence> {
  const sniffed = sniffMedia(await readHead(file), filename);
  if (sniffed.kind !== kind) throw new AppError('unsupported_media_type', `「${filename}」的内容与文件类型不符`);
  if (sniffed.kind === 'photo') return { sniffed, ...sums, photo: await processPhoto(file, sniffed, { maxPixels: MAX_PIXELS }), video: null };
  const video = await probeVideo(file, sniffed);
  const ffmpeg = ctx.config.ffmpeg === 'off' ? null : ctx.config.ffmpeg ?? findFfmpeg();
  const poster = await makePoster(file, video.durationSeconds, ffmpeg);
  let photo: ProcessedPhoto | null = null;
  if (poster) {
    const posterFile = `${tmp}.poster.jpg`;
    await writeFile(posterFile, poster);
    photo = await processPhoto(posterFile, { kind: 'photo', format: 'jpeg', mime: 'image/jpeg', ext: '.jpg' }, { maxPixels: MAX_PIXELS });
  }
  return { sniffed, ...sums, photo, video };
}

/** What the file is, its derivatives and its facts; a few at a time per process. */
export function examine(ctx: AppContext, file: string, filename: string, kind: string, sums: { sha256: string; size: number }): Promise<Evidence> {
  return examining.run(() => examineFile(ctx, file, filename, kind, sums, file));
}

/**
 * Photos already used that this one could be a copy of: the same bytes anywhere, or a near hash
 * in the region; deleted ones do not count. The label names what the uploader may know: this
 * project, or another of the same company; anything else is 「其他项目」 (its name stays in its scope).
 */
export async function usedMedia(ctx: AppContext, own: { regionCode: string; projectId: number; ownerOrgId: number | null }, sha256: string, phash: string | null, maxDistance: number) {
  const near = phash ? await duplicateIndexFor(ctx.db).near(ctx.db, own.regionCode, phash, maxDistance) : [];
  const rows = await ctx.db.selectFrom('media').innerJoin('project', 'project.id', 'media.projectId')
    .select(['media.id', 'media.phash', 'media.sha256', 'media.period', 'media.projectId', 'project.name', 'project.ownerOrgId'])
    .where('media.deletedAt', 'is', null)
    .where((eb) => eb.or([eb('media.sha256', '=', sha256), ...(near.length ? [eb('media.id', 'in', near.map((n) => n.id))] : [])]))
    .orderBy('media.id', 'desc')
    .limit(50)
    .execute();
  const label = (r: (typeof rows)[number]) => {
    const month = r.period ? ` ${periodText(r.period)}月报` : '';
    if (r.projectId === own.projectId) return `本项目${month}`;
    return own.ownerOrgId != null && r.ownerOrgId === own.ownerOrgId ? `${r.name}${month}` : `其他项目${month}`;
  };
  return rows.map((r) => ({ hash: r.sha256 === sha256 ? null : r.phash, sha256: r.sha256, label: label(r) }));
}
