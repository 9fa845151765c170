import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { UPLOAD_LABELS, type UploadCreateInput } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { kindOfName, safeFilename } from '../../lib/media/sniff';
import { inTransaction, nowIso, parseJson } from '../../lib/records';
import { editableTarget, targetColumns, type TargetRef } from './targets';

// Resumable uploads from a phone on a weak connection: the client declares the file, sends it
// in chunks (each stored as an object, so any app process can take the next one), asks how far
// it got after a broken connection, and completes. Nothing reaches the report before the whole
// file has arrived and passed the checks (ingest.ts).

/** Chunks the web app sends; a chunk may be at most MAX_CHUNK. */
export const CHUNK_SIZE = 4 * 1024 * 1024;
export const MAX_CHUNK = 8 * 1024 * 1024;
const SESSION_HOURS = 24;

/** Each attempt at a chunk writes a key of its own, so a retry racing the first try never touches its bytes. */
const chunkKey = (sessionId: string, offset: number) => `uploads/${sessionId}/${String(offset).padStart(13, '0')}-${randomBytes(4).toString('hex')}`;

/** A session as the client sees it; one past its time reads 'expired' before the sweeper has marked it. */
export function presentSession(s: { id: string; filename: string; kind: string; size: number; received: number; status: string; mediaId: number | null; expiresAt: string }, now: Date) {
  const status = s.status === 'receiving' && now.toISOString() > s.expiresAt ? 'expired' : s.status;
  return { id: s.id, filename: s.filename, kind: s.kind, size: s.size, received: s.received, status, mediaId: s.mediaId, expiresAt: s.expiresAt, chunkSize: CHUNK_SIZE };
}

export async function assertPointOfProject(db: Executor, projectId: number, pointId: number | null | undefined) {
  if (pointId == null) return;
  const point = await db.selectFrom('shootingPoint').select('id').where('id', '=', pointId).where('projectId', '=', projectId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!point) throw new AppError('validation_failed', '拍摄点位：不是本项目的点位', [{ field: 'shootingPointId', message: '拍摄点位：不是本项目的点位' }]);
}

export async function createUpload(ctx: AppContext, user: SessionUser, ref: TargetRef, input: UploadCreateInput) {
  const filename = safeFilename(input.filename);
  const kind = kindOfName(filename);
  if (!kind) throw new AppError('unsupported_media_type', `「${filename}」的文件类型不受支持。照片请用 JPG、PNG、WebP 或 HEIC，视频请用 MP4 或 MOV`);
  return inTransaction(ctx, user, async (tx, audit) => {
    const target = await editableTarget(ctx, tx, user, ref);
    const limitMb = kind === 'photo' ? target.limits.maxImageMb : target.limits.maxVideoMb;
    if (input.size > limitMb * 1024 * 1024) {
      throw new AppError('payload_too_large', `「${filename}」过大（${(input.size / 1048576).toFixed(1)} MB），${kind === 'photo' ? '照片' : '视频'}不能超过 ${limitMb} MB`, [{ field: 'size', message: `${UPLOAD_LABELS.size}：超过 ${limitMb} MB` }]);
    }
    await assertPointOfProject(tx, target.projectId, input.shootingPointId);
    const now = ctx.clock.now();
    const session = {
      id: randomBytes(16).toString('hex'), userId: user.id, projectId: target.projectId, ...targetColumns(ref), filename, kind,
      size: input.size, received: 0, chunks: 0, caption: input.caption ?? null, shootingPointId: input.shootingPointId ?? null,
      status: 'receiving', mediaId: null, createdAt: now.toISOString(), updatedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
    };
    await tx.insertInto('uploadSession').values(session).execute();
    await audit({ action: 'start_upload', objectType: 'upload', objectId: session.id, projectId: target.projectId, after: { ...targetColumns(ref), filename, size: input.size, kind } });
    return presentSession(session, now);
  });
}

/** The caller's own upload session (another user's is simply not found). */
export async function findSession(db: Executor, user: SessionUser, id: string) {
  const s = /^[0-9a-f]{32}$/.test(id) ? await db.selectFrom('uploadSession').selectAll().where('id', '=', id).where('userId', '=', user.id).executeTakeFirst() : undefined;
  if (!s) throw notFound('上传任务');
  return s;
}

/**
 * Stores one chunk at its offset. A chunk sent twice (the answer was lost) or out of order is
 * refused with the offset the server has, so the client resumes from there. Two tries of the
 * same chunk at once both store their bytes; the one that moves the offset keeps its key, the
 * other removes only its own.
 */
export async function putChunk(ctx: AppContext, user: SessionUser, id: string, offset: number, body: Readable) {
  const s = await findSession(ctx.db, user, id);
  const behind = (received: number, status: string) => new AppError('conflict', `续传位置不一致：服务器已收到 ${received} 字节`, { received, status });
  if (s.status !== 'receiving') throw new AppError('conflict', s.status === 'done' ? '文件已上传完成' : '上传任务已结束，请重新选择文件上传', { received: s.received, status: s.status });
  if (offset !== s.received) throw behind(s.received, s.status);
  if (ctx.clock.now().toISOString() > s.expiresAt) throw new AppError('conflict', '上传任务已过期，请重新选择文件上传', { received: s.received, status: 'expired' });
  const key = chunkKey(id, offset);
  const bytes = await ctx.storage.putStream(key, body, { contentType: 'application/octet-stream', maxBytes: Math.min(MAX_CHUNK, s.size - s.received) });
  if (bytes === 0) {
    await ctx.storage.delete(key);
    throw new AppError('bad_request', '上传内容为空');
  }
  // The offset has not moved since the session was read, so neither have its parts.
  const parts = JSON.stringify([...parseJson<string[]>(s.parts, []), key]);
  const done = await ctx.db.updateTable('uploadSession')
    .set((eb) => ({ received: eb('received', '+', bytes), chunks: eb('chunks', '+', 1), parts, updatedAt: nowIso(ctx) }))
    .where('id', '=', id).where('received', '=', offset).where('status', '=', 'receiving').executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) {
    await ctx.storage.delete(key);
    const now = await findSession(ctx.db, user, id);
    throw behind(now.received, now.status);
  }
  return presentSession({ ...s, received: offset + bytes }, ctx.clock.now());
}

/** Every chunk object a session's tries left, accepted or not (for removal once it has ended). */
export async function chunkKeys(ctx: AppContext, id: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const o of ctx.storage.list(`uploads/${id}/`)) keys.push(o.key);
  return keys.sort();
}

export async function abortUpload(ctx: AppContext, user: SessionUser, id: string) {
  const s = await findSession(ctx.db, user, id);
  if (s.status === 'done') throw new AppError('conflict', '文件已上传完成，如需删除请删除该照片或视频');
  await inTransaction(ctx, user, async (tx, audit) => {
    await tx.updateTable('uploadSession').set({ status: 'aborted', updatedAt: nowIso(ctx) }).where('id', '=', id).execute();
    await audit({ action: 'abort_upload', objectType: 'upload', objectId: id, projectId: s.projectId, after: { received: s.received } });
  });
  await ctx.storage.deleteMany(await chunkKeys(ctx, id));
  return presentSession({ ...s, status: 'aborted' }, ctx.clock.now());
}
