import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { overallCheckStatus, runPhotoChecks, type LngLat } from '@tuijin/core';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { inTransaction, nowIso } from '../../lib/records';
import { assemble, examine, usedMedia, type Evidence } from './ingest-steps';
import { presentMedia } from './present';
import { findMediaOf } from './queries';
import { editableTarget, targetColumns, targetOf, type MediaTarget } from './targets';
import { chunkKeys, findSession } from './uploads';

/** A claim on a session older than this was left by a process that died while processing. */
const STALE_CLAIM_MS = 10 * 60_000;

type Session = Awaited<ReturnType<typeof findSession>>;

/**
 * 完成上传: the whole file is checked (type by its bytes, size, pixels, integrity), its
 * derivatives made, its EXIF read and the checks run; the bytes are stored first and the row
 * that points at them committed after, so no row ever points at a missing file. Completing a
 * session twice returns the same photo (a retry after a lost answer).
 */
export async function completeUpload(ctx: AppContext, user: SessionUser, id: string) {
  const s = await findSession(ctx.db, user, id);
  if (s.status === 'done' && s.mediaId) return presentMedia(await mediaById(ctx, s.mediaId));
  await claim(ctx, s);
  let mediaId: number;
  try {
    mediaId = await ingest(ctx, user, s);
  } catch (err) {
    // A file refused for what it is will not get better: the session ends and its chunks go.
    // Anything else (storage down, a restart) leaves it to be completed again.
    const isFinal = err instanceof AppError && err.status < 500 && err.code !== 'conflict';
    await ctx.db.updateTable('uploadSession').set({ status: isFinal ? 'rejected' : 'receiving', updatedAt: nowIso(ctx) }).where('id', '=', id).where('status', '=', 'processing').execute();
    if (isFinal) await removeChunks(ctx, id);
    throw err;
  }
  // The row is committed: from here nothing may remove what it points at.
  await removeChunks(ctx, id);
  return presentMedia(await mediaById(ctx, mediaId));
}

/** Takes the session for processing; one left 'processing' by a dead process is taken over. */
async function claim(ctx: AppContext, s: Session) {
  const busy = (status: string) => new AppError('conflict', status === 'processing' ? '文件正在处理中，请稍候' : '上传任务已结束，请重新选择文件上传', { status, received: s.received });
  const staleBefore = new Date(ctx.clock.now().getTime() - STALE_CLAIM_MS).toISOString();
  const isStale = s.status === 'processing' && s.updatedAt < staleBefore;
  if (s.status !== 'receiving' && !isStale) throw busy(s.status);
  if (s.received < s.size) throw new AppError('conflict', `文件尚未上传完整（${s.received}/${s.size} 字节）`, { received: s.received, status: s.status });
  const claimed = await ctx.db.updateTable('uploadSession').set({ status: 'processing', updatedAt: nowIso(ctx) })
    .where('id', '=', s.id).where('status', '=', s.status).where('updatedAt', '=', s.updatedAt).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) throw busy('processing');
}

/** Examines, stores and commits; what it stored is removed again if the commit does not happen. */
async function ingest(ctx: AppContext, user: SessionUser, s: Session): Promise<number> {
  const tmpDir = join(ctx.config.dataDir, 'tmp', 'uploads');
  await mkdir(tmpDir, { recursive: true });
  const tmp = join(tmpDir, s.id);
  const stored: string[] = [];
  try {
    const ref = targetOf(s);
    if (!ref) throw new AppError('not_found', '上传任务不存在或无权查看');
    const target = await editableTarget(ctx, ctx.db, user, ref);
    const evidence = await examine(ctx, tmp, s.filename, s.kind, await assemble(ctx, s.parts, tmp, s.size));
    const checks = await checksOf(ctx, target, evidence);
    const base = `media/${target.regionCode}/${target.period}/${randomUUID()}`;
    const keys = { original: `${base}/original`, display: evidence.photo ? `${base}/display.jpg` : null, thumb: evidence.photo ? `${base}/thumb.jpg` : null, converted: evidence.photo?.converted ? `${base}/converted.jpg` : null };
    await ctx.storage.putFile(keys.original, tmp, { contentType: evidence.sniffed.mime });
    stored.push(keys.original);
    for (const [key, data] of [[keys.display, evidence.photo?.display], [keys.thumb, evidence.photo?.thumb], [keys.converted, evidence.photo?.converted]] as const) {
      if (!key || !data) continue;
      await ctx.storage.putBuffer(key, data, { contentType: 'image/jpeg' });
      stored.push(key);
    }
    return await commitMedia(ctx, user, s, target, evidence, checks, keys);
  } catch (err) {
    if (stored.length) await ctx.storage.deleteMany(stored).catch(() => undefined);
    throw err;
  } finally {
    await rm(tmp, { force: true });
    await rm(`${tmp}.poster.jpg`, { force: true });
  }
}

function placeOf(e: Evidence): LngLat | null {
  const gps = e.sniffed.kind === 'photo' ? e.photo?.gps : e.video?.gps;
  return gps ? [gps.lng, gps.lat] : null;
}

const capturedAtOf = (e: Evidence) => (e.sniffed.kind === 'photo' ? e.photo!.capturedAt : e.video!.capturedAt);
const phashOf = (e: Evidence) => (e.sniffed.kind === 'photo' ? e.photo!.phash : null);

async function checksOf(ctx: AppContext, target: MediaTarget, e: Evidence) {
  const taken = placeOf(e);
  const capturedAt = capturedAtOf(e);
  const used = await usedMedia(ctx, { regionCode: target.regionCode, projectId: target.projectId, ownerOrgId: target.ownerOrgId }, e.sha256, phashOf(e), target.limits.maxHashDistance);
  return runPhotoChecks(
    { capturedAt, taken, phash: phashOf(e), sha256: e.sha256, hasExif: e.sniffed.kind === 'photo' ? e.photo!.hasExif : capturedAt != null || taken != null },
    { capture: target.capture, project: target.site, used },
    target.limits,
  );
}

async function commitMedia(ctx: AppContext, user: SessionUser, s: Session, target: MediaTarget, e: Evidence, checks: ReturnType<typeof runPhotoChecks>, keys: { original: string; display: string | null; thumb: string | null; converted: string | null }) {
  return inTransaction(ctx, user, async (tx, audit) => {
    await editableTarget(ctx, tx, user, target.ref);
    const at = nowIso(ctx);
    const pointer = targetColumns(target.ref);
    const column = ({ report: 'reportId', finding: 'findingId', visit: 'visitId' } as const)[target.ref.kind];
    const last = await tx.selectFrom('media').select((eb) => eb.fn.max('sort').as('sort')).where(column, '=', target.ref.id).executeTakeFirst();
    const taken = placeOf(e);
    const { id } = await tx.insertInto('media').values({
      projectId: target.projectId, regionCode: target.regionCode, ...pointer, period: target.period,
      kind: e.sniffed.kind, format: e.sniffed.format, mime: e.sniffed.mime, filename: s.filename,
      size: e.size, sha256: e.sha256, phash: phashOf(e), originalKey: keys.original, displayKey: keys.display,
      thumbKey: keys.thumb, convertedKey: keys.converted,
      width: e.photo?.width ?? e.video?.width ?? null, height: e.photo?.height ?? e.video?.height ?? null,
      durationMs: e.video?.durationSeconds != null ? Math.round(e.video.durationSeconds * 1000) : null,
      capturedAt: capturedAtOf(e), lng: taken?.[0] ?? null, lat: taken?.[1] ?? null, camera: e.sniffed.kind === 'photo' ? e.photo!.camera : null,
      caption: s.caption, shootingPointId: s.shootingPointId, checks: JSON.stringify(checks), checkStatus: overallCheckStatus(checks),
      sort: Number(last?.sort ?? 0) + 1, uploadedBy: user.id, createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow();
    const finished = await tx.updateTable('uploadSession').set({ status: 'done', mediaId: id, updatedAt: at }).where('id', '=', s.id).where('status', '=', 'processing').executeTakeFirst();
    if (Number(finished.numUpdatedRows) === 0) throw new AppError('conflict', '上传任务已被取消');
    await audit({
      action: 'upload', objectType: 'media', objectId: id, projectId: target.projectId,
      after: { ...pointer, kind: e.sniffed.kind, filename: s.filename, size: e.size, sha256: e.sha256, checkStatus: overallCheckStatus(checks) },
    });
    return id;
  });
}

/** Best effort: chunks left behind are the sweeper's. */
async function removeChunks(ctx: AppContext, id: string) {
  await chunkKeys(ctx, id).then((keys) => ctx.storage.deleteMany(keys)).catch(() => undefined);
}

async function mediaById(ctx: AppContext, id: number) {
  const [row] = await findMediaOf(ctx.db, { id });
  if (!row) throw new AppError('not_found', '照片不存在');
  return row;
}
