import {
  actionTransitionRefusal, chinaDate, type ActionItemCreateInput, type ActionItemListQuery, type ActionItemUpdateInput, type ActionStatus,
} from '@tuijin/core';
import { sql } from 'kysely';
import type { Executor, Tx } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, forbidden, notFound, versionConflict } from '../../lib/errors';
import { scopePrefix } from '../../lib/permissions';
import { diff, inTransaction, nowIso } from '../../lib/records';
import { notify, officeUsersFor, usersOfOrgs } from '../notifications/service';
import { regionLine } from '../settings/report-settings';
import { projectForMeeting } from './agenda-service';
import { actionRights, presentActionItem } from './present';
import { actionItemsBase, actionScope, findActionItem } from './queries';
import { editableMeeting, loadMeeting } from './service';

// 督办事项: assigned at a meeting (to a unit and/or a person, with a deadline, on a project),
// then tracked across meetings to closure by the unit that owns it and the office.

const invalid = (field: string, message: string) => new AppError('validation_failed', message, [{ field, message }]);

/** An owner must be a unit or a person of the region the user works in. */
async function assertOwners(tx: Executor, user: SessionUser, input: { ownerOrgId?: number | null; ownerPersonId?: number | null }) {
  const prefix = `${scopePrefix(user)}%`;
  if (input.ownerOrgId != null) {
    const org = await tx.selectFrom('org').select('id').where('id', '=', input.ownerOrgId).where('deletedAt', 'is', null).where('regionCode', 'like', prefix).executeTakeFirst();
    if (!org) throw invalid('ownerOrgId', '责任单位：不存在或不在本地区');
  }
  if (input.ownerPersonId != null) {
    const person = await tx.selectFrom('person').select('id').where('id', '=', input.ownerPersonId).where('deletedAt', 'is', null).where('regionCode', 'like', prefix).executeTakeFirst();
    if (!person) throw invalid('ownerPersonId', '责任人：不存在或不在本地区');
  }
}

function assertDeadline(deadline: string | null | undefined, heldOn: string | null) {
  if (deadline && heldOn && deadline < heldOn) throw invalid('deadline', `完成时限：不能早于会议日期（${heldOn}）`);
}

export async function createActionItem(ctx: AppContext, user: SessionUser, meetingId: number, input: ActionItemCreateInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const m = await editableMeeting(ctx, tx, user, meetingId, null);
    let projectId = input.projectId;
    if (input.meetingItemId != null) {
      const item = await tx.selectFrom('meetingItem').select(['id', 'projectId']).where('id', '=', input.meetingItemId).where('meetingId', '=', meetingId).where('removedAt', 'is', null).executeTakeFirst();
      if (!item) throw invalid('meetingItemId', '议题：不是本次会议的议题');
      // An action decided on a project's item is on that project unless said otherwise.
      if (projectId === undefined) projectId = item.projectId;
    }
    await projectForMeeting(tx, user, projectId);
    await assertOwners(tx, user, input);
    assertDeadline(input.deadline, m.heldOn);
    const at = nowIso(ctx);
    const { id } = await tx.insertInto('actionItem').values({
      meetingId, meetingItemId: input.meetingItemId ?? null, projectId: projectId ?? null, regionCode: m.regionCode, description: input.description,
      ownerOrgId: input.ownerOrgId ?? null, ownerPersonId: input.ownerPersonId ?? null, deadline: input.deadline ?? null, status: 'open',
      createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow();
    await audit({ action: 'create', objectType: 'action_item', objectId: id, projectId: projectId ?? null, after: { meetingId, ...input, projectId: projectId ?? null } });
    return loadMeeting(ctx, tx, user, meetingId);
  });
}

export async function listActionItems(ctx: AppContext, user: SessionUser, query: ActionItemListQuery) {
  const today = chinaDate(ctx.clock.now());
  let base = actionItemsBase(ctx.db).where(actionScope(user));
  if (query.ownerOrgId) base = base.where('actionItem.ownerOrgId', '=', query.ownerOrgId);
  if (query.meetingId) base = base.where('actionItem.meetingId', '=', query.meetingId);
  if (query.projectId) base = base.where('actionItem.projectId', '=', query.projectId);
  const counted = base;
  if (query.status) base = base.where('actionItem.status', '=', query.status);
  if (query.overdue === true) base = base.where('actionItem.status', '=', 'open').where('actionItem.deadline', '<', today);
  if (query.overdue === false) base = base.where((eb) => eb.or([eb('actionItem.status', '!=', 'open'), eb('actionItem.deadline', 'is', null), eb('actionItem.deadline', '>=', today)]));
  const [rows, total, counts] = await Promise.all([
    base
      // Open ones first, the longest overdue at the top; then by deadline.
      .orderBy(sql`case ${sql.ref('actionItem.status')} when 'open' then 0 when 'done' then 1 else 2 end`)
      .orderBy(sql`case when ${sql.ref('actionItem.deadline')} is null then 1 else 0 end`)
      .orderBy('actionItem.deadline').orderBy('actionItem.id')
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize)
      .execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    counted.clearSelect().select((eb) => [
      sql<number>`sum(case when ${eb.ref('actionItem.status')} = 'open' then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when ${eb.ref('actionItem.status')} = 'open' and ${eb.ref('actionItem.deadline')} < ${today} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when ${eb.ref('actionItem.status')} = 'done' then 1 else 0 end)`.as('done'),
      sql<number>`sum(case when ${eb.ref('actionItem.status')} = 'cancelled' then 1 else 0 end)`.as('cancelled'),
    ]).executeTakeFirst(),
  ]);
  const n = (v: unknown) => Number(v ?? 0);
  return {
    items: rows.map((a) => presentActionItem(user, a, today)), total: n(total?.n), page: query.page, pageSize: query.pageSize,
    counts: { open: n(counts?.open), overdue: n(counts?.overdue), done: n(counts?.done), cancelled: n(counts?.cancelled) },
  };
}

async function editableAction(ctx: AppContext, tx: Tx, user: SessionUser, id: number, version: number) {
  const a = await findActionItem(tx, user, id);
  if (!a) throw notFound('督办事项');
  if (a.version !== version) throw versionConflict(presentActionItem(user, a, chinaDate(ctx.clock.now())));
  return a;
}

export async function updateActionItem(ctx: AppContext, user: SessionUser, id: number, input: ActionItemUpdateInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const a = await editableAction(ctx, tx, user, id, input.version);
    const rights = actionRights(user, a);
    const { version, status, doneNote, ...wording } = input;
    const isRewording = Object.values(wording).some((v) => v !== undefined);
    if (isRewording) {
      if (!rights.isOffice) throw forbidden('只有重点项目办可以修改督办事项的内容');
      if (!rights.canEdit) throw new AppError('unprocessable', '会议纪要已定稿，督办事项的内容不能再修改');
      await assertOwners(tx, user, { ownerOrgId: wording.ownerOrgId, ownerPersonId: wording.ownerPersonId });
      assertDeadline(wording.deadline, a.meetingHeldOn);
      await projectForMeeting(tx, user, wording.projectId);
      const owners = { ownerOrgId: wording.ownerOrgId === undefined ? a.ownerOrgId : wording.ownerOrgId, ownerPersonId: wording.ownerPersonId === undefined ? a.ownerPersonId : wording.ownerPersonId };
      if (owners.ownerOrgId == null && owners.ownerPersonId == null) throw invalid('ownerOrgId', '责任单位：请指定责任单位或责任人');
    }
    if (!rights.canSetStatus) throw forbidden('只有责任单位或重点项目办可以办理该督办事项');
    const row: Record<string, unknown> = { ...wording };
    const at = nowIso(ctx);
    let verb = isRewording ? 'update' : 'note';
    if (status !== undefined && status !== a.status) {
      const refusal = actionTransitionRefusal(a.status as ActionStatus, status, { isOffice: rights.isOffice, doneNote: doneNote ?? null });
      if (refusal) throw new AppError('unprocessable', refusal);
      Object.assign(row, status === 'open' ? { status, doneAt: null, doneBy: null, doneNote: null } : { status, doneAt: at, doneBy: user.id, doneNote });
      verb = status === 'done' ? 'complete' : status === 'cancelled' ? 'cancel' : 'reopen';
    } else if (doneNote !== undefined) {
      if (a.status === 'open') throw invalid('doneNote', '办结说明：办结或取消时填写');
      row.doneNote = doneNote;
    }
    const { before, after } = diff(a as unknown as Record<string, unknown>, row);
    if (Object.keys(after).length === 0) return presentActionItem(user, a, chinaDate(ctx.clock.now()));
    await tx.updateTable('actionItem').set({ ...row, version: version + 1, updatedAt: at }).where('id', '=', id).execute();
    await audit({ action: verb, objectType: 'action_item', objectId: id, projectId: a.projectId, before, after });
    if (verb === 'complete') {
      await notify(tx, await officeUsersFor(tx, regionLine(a.regionCode)), { kind: 'action_done', title: `督办事项已办结：${a.description.slice(0, 40)}`, body: doneNote ?? null, link: a.meetingId ? `/meetings/${a.meetingId}` : '/meetings?tab=actions' }, at);
    }
    if (verb === 'reopen') {
      await notify(tx, await usersOfOrgs(tx, [a.ownerOrgId], 'department'), { kind: 'action_reopened', title: `督办事项退回重办：${a.description.slice(0, 40)}`, link: '/meetings?tab=actions' }, at);
    }
    return presentActionItem(user, (await findActionItem(tx, user, id))!, chinaDate(ctx.clock.now()));
  });
}

export async function deleteActionItem(ctx: AppContext, user: SessionUser, id: number, version: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const a = await editableAction(ctx, tx, user, id, version);
    const rights = actionRights(user, a);
    if (!rights.isOffice) throw forbidden('只有重点项目办可以删除督办事项');
    if (!rights.canEdit) throw new AppError('unprocessable', '会议纪要已定稿，督办事项不能删除，可改为「已取消」');
    // One an inspection demanded is that finding's record of the demand: it is cancelled, not deleted.
    if (a.meetingId == null) throw new AppError('unprocessable', '该督办事项由督导检查交办，不能删除，可改为「已取消」');
    await editableMeeting(ctx, tx, user, a.meetingId, null);
    await tx.deleteFrom('actionItem').where('id', '=', id).execute();
    await audit({ action: 'delete', objectType: 'action_item', objectId: id, projectId: a.projectId, before: { meetingId: a.meetingId, description: a.description, ownerOrgId: a.ownerOrgId, deadline: a.deadline } });
    return { ok: true };
  });
}
