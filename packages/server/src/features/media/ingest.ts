import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { overallCheckStatus, runPhotoChecks, type LngLat } from '@tuijin/core';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { findFfmpeg, makePoster, probeVideo, processPhoto, SNIFF_BYTES, sniffMedia, type ProcessedPhoto, type Sniffed } from '../../lib/media';
import { Limiter } from '../../lib/limit';
import { inTransaction, nowIso, parseJson } from '../../lib/records';
import { editableReport } from '../reports/service';
import { loadReportSettings } from '../settings/report-settings';
import { duplicateIndexFor } from './duplicate-index';
import { presentMedia } from './present';
import { findMediaOf } from './queries';
import { chunkKeys, findSession } from './uploads';

/** The pixel budget of one photo (SECURITY.md row 13: ≈ 60 megapixels). */
export const MAX_PIXELS = 60_000_000;

/** Files examined at once by this process: decoding is memory-hungry, queueing is cheap. */
const examining = new Limiter(Math.max(2, availableParallelism()));

interface Evidence {
  sniffed: Sniffed;
  sha256: string;
  size: number;
  photo: ProcessedPhoto | null;
  video: { durationSeconds: number | null; width: number | null; height: number | null; capturedAt: string | null; gps: { lng: number; lat: number } | null } | null;
}

/** Joins the chunks into one local file, hashing as it goes. */
async function assemble(ctx: AppContext, id: string, file: string, expected: number): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  const out = createWriteStream(file, { flags: 'wx' });
  let size = 0;
  try {
    for (const key of await chunkKeys(ctx, id)) {
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

async function examine(ctx: AppContext, file: string, filename: string, kind: string, sums: { sha256: string; size: number }, tmp: string): Promise<Evidence> {
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

/**
 * 完成上传: the whole file is checked (type by its bytes, size, pixels, integrity), its
 * derivatives made, its EXIF read and the checks run; the bytes are stored first and the row
 * that points at them committed after, so no row ever points at a missing file. Completing a
 * session twice returns the same photo (a retry after a lost answer).
 */
export async function completeUpload(ctx: AppContext, user: SessionUser, id: string) {
  const s = await findSession(ctx.db, user, id);
  if (s.status === 'done' && s.mediaId) return presentMedia(await mediaById(ctx, s.mediaId));
  if (s.status !== 'receiving') throw new AppError('conflict', s.status === 'processing' ? '文件正在处理中，请稍候' : '上传任务已结束，请重新选择文件上传', { status: s.status, received: s.received });
  if (s.received < s.size) throw new AppError('conflict', `文件尚未上传完整（${s.received}/${s.size} 字节）`, { received: s.received, status: s.status });
  const claimed = await ctx.db.updateTable('uploadSession').set({ status: 'processing', updatedAt: nowIso(ctx) }).where('id', '=', id).where('status', '=', 'receiving').executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) throw new AppError('conflict', '文件正在处理中，请稍候', { status: 'processing', received: s.received });

  const tmpDir = join(ctx.config.dataDir, 'tmp', 'uploads');
  await mkdir(tmpDir, { recursive: true });
  const tmp = join(tmpDir, id);
  const stored: string[] = [];
  try {
    const report = await editableReport(ctx, ctx.db, user, s.reportId!, null, 'save');
    const sums = await assemble(ctx, id, tmp, s.size);
    const evidence = await examining.run(() => examine(ctx, tmp, s.filename, s.kind, sums, tmp));
    const settings = await loadReportSettings(ctx.db, report.regionCode);
    const taken: LngLat | null = evidence.photo?.gps && evidence.sniffed.kind === 'photo' ? [evidence.photo.gps.lng, evidence.photo.gps.lat] : evidence.video?.gps ? [evidence.video.gps.lng, evidence.video.gps.lat] : null;
    const capturedAt = evidence.sniffed.kind === 'photo' ? evidence.photo!.capturedAt : evidence.video!.capturedAt;
    const phash = evidence.sniffed.kind === 'photo' ? evidence.photo!.phash : null;
    const used = await usedMedia(ctx, report.regionCode, evidence.sha256, phash, settings.maxHashDistance);
    const checks = runPhotoChecks(
      { capturedAt, taken, phash, sha256: evidence.sha256, hasExif: evidence.sniffed.kind === 'photo' ? evidence.photo!.hasExif : capturedAt != null || taken != null },
      { period: report.period, deadline: report.deadline, project: { point: report.projectLng != null && report.projectLat != null ? [report.projectLng, report.projectLat] : null, outline: parseJson<LngLat[] | null>(report.sitePolygon, null) }, used },
      settings,
    );

    const base = `media/${report.regionCode}/${report.period}/${randomUUID()}`;
    const keys = { original: `${base}/original`, display: evidence.photo ? `${base}/display.jpg` : null, thumb: evidence.photo ? `${base}/thumb.jpg` : null, converted: evidence.photo?.converted ? `${base}/converted.jpg` : null };
    await ctx.storage.putFile(keys.original, tmp, { contentType: evidence.sniffed.mime });
    stored.push(keys.original);
    for (const [key, data] of [[keys.display, evidence.photo?.display], [keys.thumb, evidence.photo?.thumb], [keys.converted, evidence.photo?.converted]] as const) {
      if (!key || !data) continue;
      await ctx.storage.putBuffer(key, data, { contentType: 'image/jpeg' });
      stored.push(key);
    }

    const mediaId = await inTransaction(ctx, user, async (tx, audit) => {
      await editableReport(ctx, tx, user, report.id, null, 'save');
      const at = nowIso(ctx);
      const last = await tx.selectFrom('media').select((eb) => eb.fn.max('sort').as('sort')).where('reportId', '=', report.id).executeTakeFirst();
      const width = evidence.photo?.width ?? evidence.video?.width ?? null;
      const height = evidence.photo?.height ?? evidence.video?.height ?? null;
      const { id: newId } = await tx.insertInto('media').values({
        projectId: report.projectId, regionCode: report.regionCode, reportId: report.id, period: report.period,
        kind: evidence.sniffed.kind, format: evidence.sniffed.format, mime: evidence.sniffed.mime, filename: s.filename,
        size: evidence.size, sha256: evidence.sha256, phash, originalKey: keys.original, displayKey: keys.display,
        thumbKey: keys.thumb, convertedKey: keys.converted, width, height,
        durationMs: evidence.video?.durationSeconds != null ? Math.round(evidence.video.durationSeconds * 1000) : null,
        capturedAt, lng: taken?.[0] ?? null, lat: taken?.[1] ?? null, camera: evidence.photo && evidence.sniffed.kind === 'photo' ? evidence.photo.camera : null,
        caption: s.caption, shootingPointId: s.shootingPointId, checks: JSON.stringify(checks), checkStatus: overallCheckStatus(checks),
        sort: Number(last?.sort ?? 0) + 1, uploadedBy: user.id, createdAt: at, updatedAt: at,
      }).returning('id').executeTakeFirstOrThrow();
      const finished = await tx.updateTable('uploadSession').set({ status: 'done', mediaId: newId, updatedAt: at }).where('id', '=', id).where('status', '=', 'processing').executeTakeFirst();
      if (Number(finished.numUpdatedRows) === 0) throw new AppError('conflict', '上传任务已被取消');
      await audit({
        action: 'upload', objectType: 'media', objectId: newId, projectId: report.projectId,
        after: { reportId: report.id, kind: evidence.sniffed.kind, filename: s.filename, size: evidence.size, sha256: evidence.sha256, checkStatus: overallCheckStatus(checks) },
      });
      return newId;
    });
    await ctx.storage.deleteMany(await chunkKeys(ctx, id)).catch(() => undefined);
    return presentMedia(await mediaById(ctx, mediaId));
  } catch (err) {
    if (stored.length) await ctx.storage.deleteMany(stored).catch(() => undefined);
    // A file refused for what it is will not get better: the session ends and its chunks go.
    // Anything else (storage down, a restart) leaves it to be completed again.
    const isFinal = err instanceof AppError && err.status < 500 && err.code !== 'conflict';
    await ctx.db.updateTable('uploadSession').set({ status: isFinal ? 'rejected' : 'receiving', updatedAt: nowIso(ctx) }).where('id', '=', id).where('status', '=', 'processing').execute();
    if (isFinal) await ctx.storage.deleteMany(await chunkKeys(ctx, id)).catch(() => undefined);
    throw err;
  } finally {
    await rm(tmp, { force: true });
    await rm(`${tmp}.poster.jpg`, { force: true });
  }
}

async function mediaById(ctx: AppContext, id: number) {
  const [row] = await findMediaOf(ctx.db, { id });
  if (!row) throw new AppError('not_found', '照片不存在');
  return row;
}

/** Photos already used that this one could be a copy of: same bytes anywhere, or a near hash in the region. */
async function usedMedia(ctx: AppContext, regionCode: string, sha256: string, phash: string | null, maxDistance: number) {
  const near = phash ? await duplicateIndexFor(ctx.db).near(ctx.db, regionCode, phash, maxDistance) : [];
  const ids = near.map((n) => n.id);
  const rows = await ctx.db.selectFrom('media').innerJoin('project', 'project.id', 'media.projectId')
    .select(['media.id', 'media.phash', 'media.sha256', 'media.period', 'project.name'])
    .where('media.deletedAt', 'is', null)
    .where((eb) => eb.or([eb('media.sha256', '=', sha256), ...(ids.length ? [eb('media.id', 'in', ids)] : [])]))
    .limit(20).execute();
  return rows.map((r) => ({ hash: r.sha256 === sha256 ? null : r.phash, sha256: r.sha256, label: `${r.name}${r.period ? ` ${r.period} 月报` : ''}` }));
}
