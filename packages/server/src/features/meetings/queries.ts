import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/kysely';
import type { DB } from '../../db/types';
import type { SessionUser } from '../../lib/context';
import { scopePrefix } from '../../lib/permissions';

// A joint meeting belongs to a region and speaks of all its projects: those who see the whole
// region (office, leaders, inspectors, readers) see its meetings; a department or a company sees
// the action items assigned to it or on its projects (actions.ts), not the meetings themselves.

export function readsMeetings(user: SessionUser): boolean {
  return user.role !== 'department' && user.role !== 'reporter';
}

/** Meetings of the user's region and the regions below it, as a WHERE clause. */
export function meetingScope(user: SessionUser) {
  return (eb: ExpressionBuilder<DB, 'meeting'>) => {
    const prefix = scopePrefix(user);
    return prefix.length === 6 ? eb('meeting.regionCode', '=', prefix) : eb('meeting.regionCode', 'like', `${prefix}%`);
  };
}

export function findMeeting(db: Executor, user: SessionUser, id: number) {
  if (!readsMeetings(user)) return Promise.resolve(undefined);
  return db.selectFrom('meeting').selectAll().where(meetingScope(user)).where('meeting.id', '=', id).executeTakeFirst();
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export function findMeetingItems(db: Executor, meetingId: number) {
  return db
    .selectFrom('meetingItem')
    .leftJoin('project', 'project.id', 'meetingItem.projectId')
    .selectAll('meetingItem')
    .select('project.name as projectName')
    .where('meetingItem.meetingId', '=', meetingId)
    .orderBy('meetingItem.sort')
    .orderBy('meetingItem.id')
    .execute();
}
export type MeetingItemRow = Awaited<ReturnType<typeof findMeetingItems>>[number];

/** Action items with the names the lists and the minutes show. */
export function actionItemsBase(db: Executor) {
  return db
    .selectFrom('actionItem')
    .leftJoin('project', 'project.id', 'actionItem.projectId')
    .leftJoin('org as owner', 'owner.id', 'actionItem.ownerOrgId')
    .leftJoin('person as ownerPerson', 'ownerPerson.id', 'actionItem.ownerPersonId')
    .leftJoin('meeting', 'meeting.id', 'actionItem.meetingId')
    .leftJoin('appUser as doneByUser', 'doneByUser.id', 'actionItem.doneBy')
    .selectAll('actionItem')
    .select([
      'project.name as projectName', 'project.responsibleOrgId as projectResponsibleOrgId', 'project.ownerOrgId as projectOwnerOrgId',
      'owner.name as ownerOrgName', 'ownerPerson.name as ownerPersonName', 'meeting.title as meetingTitle', 'meeting.heldOn as meetingHeldOn',
      'meeting.status as meetingStatus', 'doneByUser.displayName as doneByName',
    ]);
}
export type ActionItemRow = Awaited<ReturnType<ReturnType<typeof actionItemsBase>['execute']>>[number];

/**
 * Which action items a user sees: region users all of their region's; a department those it
 * owns or on projects it is responsible for; a company those on its own projects.
 */
export function actionScope(user: SessionUser) {
  return (eb: ExpressionBuilder<DB, 'actionItem' | 'project'>) => {
    const prefix = scopePrefix(user);
    const conditions = [prefix.length === 6 ? eb('actionItem.regionCode', '=', prefix) : eb('actionItem.regionCode', 'like', `${prefix}%`)];
    const org = user.orgId ?? -1;
    if (user.role === 'department') conditions.push(eb.or([eb('actionItem.ownerOrgId', '=', org), eb('project.responsibleOrgId', '=', org)]));
    if (user.role === 'reporter') conditions.push(eb('project.ownerOrgId', '=', org));
    return eb.and(conditions);
  };
}

export function findActionItem(db: Executor, user: SessionUser, id: number) {
  return actionItemsBase(db).where(actionScope(user)).where('actionItem.id', '=', id).executeTakeFirst();
}
