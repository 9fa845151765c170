import { buildAgenda, planAgendaRebuild, type AgendaSource, type MeetingItemCreateInput, type MeetingItemUpdateInput } from '@tuijin/core';
import type { Tx } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { scopePrefix } from '../../lib/permissions';
import { diff, inTransaction, nowIso } from '../../lib/records';
import { findProject } from '../projects/queries';
import { gatherAgendaInputs } from './agenda-inputs';
import { presentMeetingItem } from './present';
import { findMeetingItems } from './queries';
import { editableMeeting, insertAgendaItems, loadMeeting } from './service';

// The agenda between builds: rebuilt on demand (keeping the office's edits), put in order,
// an item added, reworded, given its minutes, or taken off.

const invalid = (field: string, message: string) => new AppError('validation_failed', message, [{ field, message }]);

export async function rebuildAgenda(ctx: AppContext, user: SessionUser, id: number, version: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const m = await editableMeeting(ctx, tx, user, id, version);
    if (m.status !== 'draft') throw new AppError('unprocessable', '会议已召开，议程不再自动生成，可手工添加议题');
    const [items, withActions] = await Promise.all([
      findMeetingItems(tx, id),
      tx.selectFrom('actionItem').select('meetingItemId').distinct().where('meetingId', '=', id).where('meetingItemId', 'is not', null).execute(),
    ]);
    const hasActions = new Set(withActions.map((a) => a.meetingItemId));
    const fresh = buildAgenda(await gatherAgendaInputs(tx, scopePrefix(user), m.heldOn, id));
    const plan = planAgendaRebuild(items.map((i) => ({
      id: i.id, source: i.source as AgendaSource, sourceId: i.sourceId, sort: i.sort, isEdited: i.isEdited === 1, isRemoved: i.removedAt != null,
      hasMinutes: i.reported != null || i.decided != null || hasActions.has(i.id),
    })), fresh);
    const at = nowIso(ctx);
    await insertAgendaItems(tx, id, plan.add, at);
    let refreshed = 0;
    for (const r of plan.refresh) {
      const now = items.find((i) => i.id === r.id)!;
      if (now.title === r.title && now.background === r.background) continue;
      await tx.updateTable('meetingItem').set({ title: r.title, background: r.background, version: now.version + 1, updatedAt: at }).where('id', '=', r.id).execute();
      refreshed++;
    }
    if (plan.drop.length) await tx.deleteFrom('meetingItem').where('id', 'in', plan.drop).execute();
    await tx.updateTable('meeting').set({ version: m.version + 1, updatedAt: at }).where('id', '=', id).execute();
    await audit({ action: 'rebuild_agenda', objectType: 'meeting', objectId: id, after: { added: plan.add.map((d) => `${d.source}:${d.sourceId}`), refreshed, dropped: plan.drop } });
    return loadMeeting(ctx, tx, user, id);
  });
}

export async function reorderAgenda(ctx: AppContext, user: SessionUser, id: number, input: { version: number; itemIds: number[] }) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const m = await editableMeeting(ctx, tx, user, id, input.version);
    const live = (await findMeetingItems(tx, id)).filter((i) => i.removedAt == null);
    const ids = new Set(input.itemIds);
    if (ids.size !== input.itemIds.length || ids.size !== live.length || live.some((i) => !ids.has(i.id))) {
      throw invalid('itemIds', '议题顺序：必须列出本次会议的全部议题，且每项只出现一次');
    }
    const at = nowIso(ctx);
    for (const [index, itemId] of input.itemIds.entries()) {
      const item = live.find((i) => i.id === itemId)!;
      if (item.sort !== index + 1) await tx.updateTable('meetingItem').set({ sort: index + 1, updatedAt: at }).where('id', '=', itemId).execute();
    }
    await tx.updateTable('meeting').set({ version: m.version + 1, updatedAt: at }).where('id', '=', id).execute();
    await audit({ action: 'reorder_agenda', objectType: 'meeting', objectId: id, before: { order: live.map((i) => i.id) }, after: { order: input.itemIds } });
    return loadMeeting(ctx, tx, user, id);
  });
}

/** A project named on an item or an action item: one the user sees, in the meeting's region. */
export async function projectForMeeting(tx: Tx, user: SessionUser, projectId: number | null | undefined) {
  if (projectId == null) return null;
  const p = await findProject(tx, user, projectId);
  if (!p || !p.regionCode.startsWith(scopePrefix(user))) throw notFound('项目');
  return p;
}

export async function addMeetingItem(ctx: AppContext, user: SessionUser, id: number, input: MeetingItemCreateInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    await editableMeeting(ctx, tx, user, id, null);
    await projectForMeeting(tx, user, input.projectId);
    const last = await tx.selectFrom('meetingItem').select((eb) => eb.fn.max('sort').as('sort')).where('meetingId', '=', id).executeTakeFirst();
    const at = nowIso(ctx);
    const { id: itemId } = await tx.insertInto('meetingItem').values({
      meetingId: id, sort: Number(last?.sort ?? 0) + 1, source: 'other', sourceId: null, projectId: input.projectId ?? null,
      title: input.title, background: input.background ?? null, isEdited: 1, createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow();
    await audit({ action: 'create', objectType: 'meeting_item', objectId: itemId, projectId: input.projectId ?? null, after: { meetingId: id, ...input } });
    return loadMeeting(ctx, tx, user, id);
  });
}

async function itemOf(ctx: AppContext, tx: Tx, user: SessionUser, meetingId: number, itemId: number, version: number) {
  const m = await editableMeeting(ctx, tx, user, meetingId, null);
  const items = await findMeetingItems(tx, meetingId);
  const item = items.find((i) => i.id === itemId && i.removedAt == null);
  if (!item) throw notFound('议题');
  if (item.version !== version) throw versionConflict(presentMeetingItem(item, []));
  return { m, item };
}

export async function updateMeetingItem(ctx: AppContext, user: SessionUser, meetingId: number, itemId: number, input: MeetingItemUpdateInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const { m, item } = await itemOf(ctx, tx, user, meetingId, itemId, input.version);
    const { version, ...fields } = input;
    // Minutes are what was said at the meeting: written once it is held, not before.
    if (m.status === 'draft' && ((fields.reported ?? null) !== null || (fields.decided ?? null) !== null)) {
      throw new AppError('unprocessable', '会议尚未召开，不能记录汇报情况和会议议定；请先将会议标记为已召开');
    }
    const { before, after } = diff(item as unknown as Record<string, unknown>, fields as Record<string, unknown>);
    if (Object.keys(after).length === 0) return loadMeeting(ctx, tx, user, meetingId);
    const isReworded = 'title' in after || 'background' in after;
    await tx.updateTable('meetingItem')
      .set({ ...fields, ...(isReworded ? { isEdited: 1 } : {}), version: version + 1, updatedAt: nowIso(ctx) })
      .where('id', '=', itemId).execute();
    await audit({ action: 'update', objectType: 'meeting_item', objectId: itemId, projectId: item.projectId, before, after });
    return loadMeeting(ctx, tx, user, meetingId);
  });
}

/** Takes an item off; one the agenda built is remembered as taken off, so a rebuild leaves it off. */
export async function removeMeetingItem(ctx: AppContext, user: SessionUser, meetingId: number, itemId: number, version: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const { item } = await itemOf(ctx, tx, user, meetingId, itemId, version);
    const actions = await tx.selectFrom('actionItem').select('id').where('meetingItemId', '=', itemId).execute();
    if (actions.length) throw new AppError('unprocessable', `该议题下有 ${actions.length} 项督办事项，请先删除督办事项再移除议题`);
    if (item.source === 'other') await tx.deleteFrom('meetingItem').where('id', '=', itemId).execute();
    else await tx.updateTable('meetingItem').set({ removedAt: nowIso(ctx), version: version + 1, updatedAt: nowIso(ctx) }).where('id', '=', itemId).execute();
    await audit({ action: 'delete', objectType: 'meeting_item', objectId: itemId, projectId: item.projectId, before: { meetingId, source: item.source, sourceId: item.sourceId, title: item.title } });
    return loadMeeting(ctx, tx, user, meetingId);
  });
}
