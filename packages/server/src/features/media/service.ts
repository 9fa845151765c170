import type { MediaUpdateInput } from '@tuijin/core';
import type { Tx } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { diff, inTransaction, nowIso } from '../../lib/records';
import { editableTarget, targetOf } from './targets';
import { presentMedia } from './present';
import { findMediaInScope, findMediaOf } from './queries';
import { assertPointOfProject } from './uploads';

// A photo's caption, shooting point and order may change, and a photo may be taken out, while
// its report is still the company's to edit; once sent, the evidence stays as it was sent.

async function editableMedia(ctx: AppContext, tx: Tx, user: SessionUser, id: number, version: number) {
  const m = await findMediaInScope(tx, user, id);
  if (!m) throw notFound('照片或视频');
  const ref = targetOf(m);
  if (!ref) throw new AppError('unprocessable', '该文件不能在此修改');
  await editableTarget(ctx, tx, user, ref);
  if (m.version !== version) throw versionConflict(presentMedia(m));
  return m;
}

export async function updateMedia(ctx: AppContext, user: SessionUser, id: number, input: MediaUpdateInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const m = await editableMedia(ctx, tx, user, id, input.version);
    await assertPointOfProject(tx, m.projectId, input.shootingPointId);
    const { version, ...fields } = input;
    const { before, after } = diff(m as unknown as Record<string, unknown>, fields as Record<string, unknown>);
    if (Object.keys(after).length === 0) return presentMedia(m);
    await tx.updateTable('media').set({ ...fields, version: version + 1, updatedAt: nowIso(ctx) }).where('id', '=', id).where('version', '=', version).execute();
    await audit({ action: 'update', objectType: 'media', objectId: id, projectId: m.projectId, before, after });
    const [fresh] = await findMediaOf(tx, { id });
    return presentMedia(fresh!);
  });
}

/** Taken out of the report; the file stays (the trail may point at it) until retention removes it. */
export async function deleteMedia(ctx: AppContext, user: SessionUser, id: number, version: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const m = await editableMedia(ctx, tx, user, id, version);
    await tx.updateTable('media').set({ deletedAt: nowIso(ctx), version: version + 1, updatedAt: nowIso(ctx) }).where('id', '=', id).execute();
    await audit({ action: 'delete', objectType: 'media', objectId: id, projectId: m.projectId, before: { filename: m.filename, sha256: m.sha256, reportId: m.reportId, findingId: m.findingId, visitId: m.visitId } });
    return { ok: true };
  });
}
