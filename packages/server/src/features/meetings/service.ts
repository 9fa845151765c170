import {
  buildAgenda, chinaDate, meetingTransitionRefusal, type Attendee, type MeetingCreateInput, type MeetingListQuery,
  type MeetingStatus, type MeetingUpdateInput,
} from '@tuijin/core';
import { sql } from 'kysely';
import type { Executor, Tx } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { scopePrefix } from '../../lib/permissions';
import { diff, inTransaction, nowIso, parseJson } from '../../lib/records';
import { gatherAgendaInputs } from './agenda-inputs';
import { linkDiscussedObstacles, notifyActionOwners } from './closing';
import { managesMeeting, presentActionItem, presentMeeting, presentMeetingSummary } from './present';
import { actionItemsBase, findMeeting, findMeetingItems, meetingScope, type MeetingRow } from './queries';

// The office's joint meeting: created with an agenda that builds itself, edited, held (the
// minutes written), then closed (the minutes final and locked).

export async function loadMeeting(ctx: AppContext, db: Executor, user: SessionUser, id: number) {
  const m = await findMeeting(db, user, id);
  if (!m) throw notFound('会议');
  return presentLoaded(ctx, db, user, m);
}

async function presentLoaded(ctx: AppContext, db: Executor, user: SessionUser, m: MeetingRow) {
  const today = chinaDate(ctx.clock.now());
  const [items, actions] = await Promise.all([
    findMeetingItems(db, m.id),
    actionItemsBase(db).where('actionItem.meetingId', '=', m.id).orderBy('actionItem.id').execute(),
  ]);
  return presentMeeting(user, m, items, actions.map((a) => presentActionItem(user, a, today)));
}

/** The meeting if this office may change it now (its own region, not final), else why not. */
export async function editableMeeting(ctx: AppContext, tx: Executor, user: SessionUser, id: number, version: number | null) {
  const m = await findMeeting(tx, user, id);
  if (!m || !managesMeeting(user, m)) throw notFound('会议');
  if (version != null && m.version !== version) throw versionConflict(await presentLoaded(ctx, tx, user, m));
  if (m.status === 'closed') throw new AppError('unprocessable', '会议纪要已定稿，不能再修改');
  return m;
}

export async function listMeetings(ctx: AppContext, user: SessionUser, query: MeetingListQuery) {
  const today = chinaDate(ctx.clock.now());
  let base = ctx.db.selectFrom('meeting').where(meetingScope(user));
  if (query.status) base = base.where('meeting.status', '=', query.status);
  if (query.year) base = base.where('meeting.heldOn', '>=', `${query.year}-01-01`).where('meeting.heldOn', '<=', `${query.year}-12-31`);
  const [rows, total] = await Promise.all([
    base.selectAll('meeting')
      .select((eb) => [
        eb.selectFrom('meetingItem').select(eb.fn.countAll<number>().as('n')).whereRef('meetingItem.meetingId', '=', 'meeting.id').where('meetingItem.removedAt', 'is', null).as('items'),
        eb.selectFrom('actionItem').select(eb.fn.countAll<number>().as('n')).whereRef('actionItem.meetingId', '=', 'meeting.id').as('actions'),
        eb.selectFrom('actionItem').select(eb.fn.countAll<number>().as('n')).whereRef('actionItem.meetingId', '=', 'meeting.id').where('actionItem.status', '=', 'open').as('openActions'),
        eb.selectFrom('actionItem').select(eb.fn.countAll<number>().as('n')).whereRef('actionItem.meetingId', '=', 'meeting.id').where('actionItem.status', '=', 'open').where('actionItem.deadline', '<', today).as('overdueActions'),
      ])
      .orderBy('meeting.heldOn', 'desc').orderBy('meeting.id', 'desc')
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return {
    items: rows.map(({ items, actions, openActions, overdueActions, ...m }) => presentMeetingSummary(user, m, {
      items: Number(items ?? 0), actions: Number(actions ?? 0), openActions: Number(openActions ?? 0), overdueActions: Number(overdueActions ?? 0),
    })),
    total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize,
  };
}

/** Inserts items of a build at the places (sort) given. */
export async function insertAgendaItems(tx: Tx, meetingId: number, items: { source: string; sourceId: number; projectId: number | null; title: string; background: string; sort: number }[], at: string) {
  for (let i = 0; i < items.length; i += 200) {
    await tx.insertInto('meetingItem').values(items.slice(i, i + 200).map((d) => ({
      meetingId, sort: d.sort, source: d.source, sourceId: d.sourceId, projectId: d.projectId, title: d.title, background: d.background,
      createdAt: at, updatedAt: at,
    }))).execute();
  }
}

export async function createMeeting(ctx: AppContext, user: SessionUser, input: MeetingCreateInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const at = nowIso(ctx);
    const { id } = await tx.insertInto('meeting').values({
      regionCode: user.regionCode, title: input.title, heldOn: input.heldOn, place: input.place ?? null, chair: input.chair ?? null,
      status: 'draft', attendees: '[]', createdBy: user.id, createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow();
    const agenda = buildAgenda(await gatherAgendaInputs(tx, scopePrefix(user), input.heldOn, id));
    await insertAgendaItems(tx, id, agenda.map((d, i) => ({ ...d, sort: i + 1 })), at);
    await audit({ action: 'create', objectType: 'meeting', objectId: id, after: { ...input, agenda: agenda.map((d) => `${d.source}:${d.sourceId}`) } });
    return loadMeeting(ctx, tx, user, id);
  });
}

export async function updateMeeting(ctx: AppContext, user: SessionUser, id: number, input: MeetingUpdateInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const m = await editableMeeting(ctx, tx, user, id, input.version);
    const { version, attendees, ...fields } = input;
    const row: Record<string, unknown> = { ...fields };
    if (attendees !== undefined) row.attendees = JSON.stringify(attendees);
    const { before, after } = diff(m as unknown as Record<string, unknown>, row);
    if (Object.keys(after).length === 0) return presentLoaded(ctx, tx, user, m);
    await tx.updateTable('meeting').set({ ...row, version: version + 1, updatedAt: nowIso(ctx) }).where('id', '=', id).execute();
    await audit({ action: 'update', objectType: 'meeting', objectId: id, before, after });
    return loadMeeting(ctx, tx, user, id);
  });
}

export async function setMeetingStatus(ctx: AppContext, user: SessionUser, id: number, version: number, to: MeetingStatus) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const m = await findMeeting(tx, user, id);
    if (!m || !managesMeeting(user, m)) throw notFound('会议');
    if (m.version !== version) throw versionConflict(await presentLoaded(ctx, tx, user, m));
    const items = await tx.selectFrom('meetingItem').select(sql<number>`count(*)`.as('n')).where('meetingId', '=', id).where('removedAt', 'is', null).executeTakeFirst();
    const refusal = meetingTransitionRefusal(m.status as MeetingStatus, to, { attendees: parseJson<Attendee[]>(m.attendees, []).length, items: Number(items?.n ?? 0) });
    if (refusal) throw new AppError('unprocessable', refusal);
    const at = nowIso(ctx);
    await tx.updateTable('meeting').set({ status: to, version: version + 1, updatedAt: at }).where('id', '=', id).execute();
    // Final minutes: the obstacles decided on are linked to the meeting (a step in their ladder),
    // and each unit given an action item is told.
    const closing = to === 'closed' ? { obstacles: await linkDiscussedObstacles(tx, user, m, at), notified: await notifyActionOwners(tx, m, at) } : {};
    await audit({ action: to === 'held' ? 'hold' : 'close', objectType: 'meeting', objectId: id, before: { status: m.status }, after: { status: to, ...closing } });
    return loadMeeting(ctx, tx, user, id);
  });
}
