import { addMonths, chinaDate, type SiteVisitCreateInput, type SiteVisitListQuery, type SiteVisitUpdateInput } from '@tuijin/core';
import type { Executor, Tx } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, forbidden, notFound, versionConflict } from '../../lib/errors';
import { scopePrefix } from '../../lib/permissions';
import { diff, inTransaction, nowIso } from '../../lib/records';
import { presentMedia } from '../media/present';
import { findProject } from '../projects/queries';
import { loadReportSettings } from '../settings/report-settings';
import { presentVisit } from './present';
import { findVisit, isVisitMonthOpen, visitEditRefusal, visitsBase, type VisitRow } from './queries';

// 领导走访: a leader (or the office for a leader) records a day or half a day at a project, what
// was found and what was decided; photos follow through the upload pipeline (target 'visit').

const invalid = (field: string, message: string) => new AppError('validation_failed', message, [{ field, message }]);

function visitMedia(db: Executor, visitIds: number[]) {
  if (!visitIds.length) return Promise.resolve([]);
  return db.selectFrom('media')
    .leftJoin('shootingPoint', 'shootingPoint.id', 'media.shootingPointId')
    .leftJoin('appUser', 'appUser.id', 'media.uploadedBy')
    .selectAll('media')
    .select(['shootingPoint.name as shootingPointName', 'appUser.displayName as uploadedByName'])
    .where('media.visitId', 'in', visitIds).where('media.deletedAt', 'is', null)
    .orderBy('media.sort').orderBy('media.id')
    .execute();
}

export async function loadVisit(ctx: AppContext, db: Executor, user: SessionUser, id: number) {
  const v = await findVisit(db, user, id);
  if (!v) throw notFound('走访记录');
  const [media, settings] = await Promise.all([visitMedia(db, [id]), loadReportSettings(db, v.projectRegionCode)]);
  return {
    ...presentVisit(v, { canEdit: visitEditRefusal(ctx, user, v) == null, photoCount: media.length, media: media.map(presentMedia) }),
    limits: { maxImageMb: settings.maxImageMb, maxVideoMb: settings.maxVideoMb },
  };
}

export async function listVisits(ctx: AppContext, user: SessionUser, query: SiteVisitListQuery) {
  let base = visitsBase(ctx.db, user);
  if (query.leaderId) base = base.where('siteVisit.leaderId', '=', query.leaderId);
  if (query.projectId) base = base.where('siteVisit.projectId', '=', query.projectId);
  if (query.month) base = base.where('siteVisit.visitedOn', '>=', `${query.month}-01`).where('siteVisit.visitedOn', '<', `${addMonths(query.month, 1)}-01`);
  const [rows, total] = await Promise.all([
    base.orderBy('siteVisit.visitedOn', 'desc').orderBy('siteVisit.id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  const media = await visitMedia(ctx.db, rows.map((r) => r.id));
  return {
    items: rows.map((v) => {
      const own = media.filter((m) => m.visitId === v.id).map(presentMedia);
      return presentVisit(v, { canEdit: visitEditRefusal(ctx, user, v) == null, photoCount: own.length, media: own.slice(0, 4) });
    }),
    total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize,
  };
}

/** Whose visit it is: a leader records their own (their account names the person); the office names the leader. */
async function leaderOf(tx: Executor, user: SessionUser, leaderId: number | undefined): Promise<number> {
  if (user.role === 'leader') {
    if (user.personId == null) throw new AppError('unprocessable', '您的账号未关联人员信息，无法登记走访；请联系管理员在「用户管理」中设置对应人员');
    if (leaderId != null && leaderId !== user.personId) throw forbidden('只能登记本人的走访');
    return user.personId;
  }
  if (leaderId == null) throw invalid('leaderId', '走访领导：必须填写');
  const person = await tx.selectFrom('person').select('id').where('id', '=', leaderId).where('deletedAt', 'is', null).where('regionCode', 'like', `${scopePrefix(user)}%`).executeTakeFirst();
  if (!person) throw invalid('leaderId', '走访领导：不存在或不在本地区');
  return leaderId;
}

function assertVisitDate(visitedOn: string, today: string) {
  if (visitedOn > today) throw invalid('visitedOn', `走访日期：不能晚于今天（${today}）`);
  if (!isVisitMonthOpen(visitedOn, today)) throw invalid('visitedOn', '走访日期：只能登记本月和上月的走访');
}

async function assertNoTwin(tx: Tx, v: { leaderId: number; projectId: number; visitedOn: string }, exceptId: number | null) {
  const twin = await tx.selectFrom('siteVisit').select('id').where('leaderId', '=', v.leaderId).where('projectId', '=', v.projectId).where('visitedOn', '=', v.visitedOn)
    .where('id', '!=', exceptId ?? -1).executeTakeFirst();
  if (twin) throw new AppError('conflict', `该领导 ${v.visitedOn} 已登记过对该项目的走访，请修改原记录`, { visitId: twin.id });
}

export async function createVisit(ctx: AppContext, user: SessionUser, input: SiteVisitCreateInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const leaderId = await leaderOf(tx, user, input.leaderId);
    const project = await findProject(tx, user, input.projectId);
    if (!project) throw notFound('项目');
    assertVisitDate(input.visitedOn, chinaDate(ctx.clock.now()));
    await assertNoTwin(tx, { leaderId, projectId: project.id, visitedOn: input.visitedOn }, null);
    const at = nowIso(ctx);
    const { id } = await tx.insertInto('siteVisit').values({
      regionCode: project.regionCode, leaderId, projectId: project.id, visitedOn: input.visitedOn, days: input.days,
      found: input.found ?? null, decided: input.decided ?? null, createdBy: user.id, createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow();
    await audit({ action: 'create', objectType: 'site_visit', objectId: id, projectId: project.id, after: { ...input, leaderId } });
    return loadVisit(ctx, tx, user, id);
  });
}

async function changeableVisit(ctx: AppContext, tx: Tx, user: SessionUser, id: number, version: number): Promise<VisitRow> {
  const v = await findVisit(tx, user, id);
  if (!v) throw notFound('走访记录');
  if (v.version !== version) throw versionConflict(await loadVisit(ctx, tx, user, id));
  const refusal = visitEditRefusal(ctx, user, v);
  if (refusal) throw refusal.status === 403 ? forbidden(refusal.message) : new AppError('unprocessable', refusal.message);
  return v;
}

export async function updateVisit(ctx: AppContext, user: SessionUser, id: number, input: SiteVisitUpdateInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const v = await changeableVisit(ctx, tx, user, id, input.version);
    const { version, ...fields } = input;
    if (fields.visitedOn !== undefined && fields.visitedOn !== v.visitedOn) {
      assertVisitDate(fields.visitedOn, chinaDate(ctx.clock.now()));
      // Each photo's time check was made against the old day: moving it would leave them vouching for another.
      if ((await visitMedia(tx, [id])).length) {
        throw new AppError('unprocessable', '走访日期：已上传现场照片（照片按走访日期核验拍摄时间），如需修改日期请先删除照片', [{ field: 'visitedOn', message: '已有照片，不能修改走访日期' }]);
      }
      await assertNoTwin(tx, { leaderId: v.leaderId, projectId: v.projectId, visitedOn: fields.visitedOn }, id);
    }
    const { before, after } = diff({ ...v, days: Number(v.days) } as unknown as Record<string, unknown>, fields as Record<string, unknown>);
    if (Object.keys(after).length === 0) return loadVisit(ctx, tx, user, id);
    await tx.updateTable('siteVisit').set({ ...fields, version: version + 1, updatedAt: nowIso(ctx) }).where('id', '=', id).execute();
    await audit({ action: 'update', objectType: 'site_visit', objectId: id, projectId: v.projectId, before, after });
    return loadVisit(ctx, tx, user, id);
  });
}

/** A visit recorded in error goes, and its photos with it (the files stay for retention, as a report's do). */
export async function deleteVisit(ctx: AppContext, user: SessionUser, id: number, version: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const v = await changeableVisit(ctx, tx, user, id, version);
    const at = nowIso(ctx);
    const photos = await tx.updateTable('media').set({ deletedAt: at, updatedAt: at }).where('visitId', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
    await tx.updateTable('uploadSession').set({ status: 'aborted', updatedAt: at }).where('visitId', '=', id).where('status', '=', 'receiving').execute();
    await tx.deleteFrom('siteVisit').where('id', '=', id).execute();
    await audit({ action: 'delete', objectType: 'site_visit', objectId: id, projectId: v.projectId, before: { leaderId: v.leaderId, visitedOn: v.visitedOn, days: Number(v.days), found: v.found, decided: v.decided, photos: Number(photos.numUpdatedRows) } });
    return { ok: true };
  });
}
