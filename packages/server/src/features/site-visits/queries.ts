import { addMonths, chinaDate } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { can, isInScope } from '../../lib/permissions';
import { projectScope } from '../projects/policy';

// A leader's visit is seen through its project: whoever may see the project may see the visit.

export function visitsBase(db: Executor, user: SessionUser) {
  return db
    .selectFrom('siteVisit')
    .innerJoin('project', 'project.id', 'siteVisit.projectId')
    .innerJoin('person as leader', 'leader.id', 'siteVisit.leaderId')
    .leftJoin('appUser as creator', 'creator.id', 'siteVisit.createdBy')
    .selectAll('siteVisit')
    .select([
      'project.name as projectName', 'project.regionCode as projectRegionCode', 'project.lng as projectLng', 'project.lat as projectLat',
      'project.sitePolygon', 'project.ownerOrgId', 'leader.name as leaderName', 'leader.title as leaderTitle', 'creator.displayName as createdByName',
    ])
    .where(projectScope(user));
}

export function findVisit(db: Executor, user: SessionUser, id: number) {
  return visitsBase(db, user).where('siteVisit.id', '=', id).executeTakeFirst();
}
export type VisitRow = NonNullable<Awaited<ReturnType<typeof findVisit>>>;

/**
 * A visit stays open to changes (and photos) until the end of the month after it: late enough
 * to add what the phone could not send on site, early enough that a month's figures settle.
 */
export const VISIT_OPEN_MONTHS = 1;

export function isVisitMonthOpen(visitedOn: string, today: string): boolean {
  return visitedOn.slice(0, 7) >= addMonths(today.slice(0, 7), -VISIT_OPEN_MONTHS);
}

/** The office of the visit's region, the leader who went, or whoever recorded it may change it. */
export function mayChangeVisit(user: SessionUser, v: Pick<VisitRow, 'regionCode' | 'leaderId' | 'createdBy'>): boolean {
  if (!can(user, 'recordVisits')) return false;
  if (user.role === 'office') return isInScope(user, v.regionCode);
  return (user.personId != null && user.personId === v.leaderId) || v.createdBy === user.id;
}

export function visitEditRefusal(ctx: AppContext, user: SessionUser, v: VisitRow): { status: 403 | 422; message: string } | null {
  if (!mayChangeVisit(user, v)) return { status: 403, message: '只能修改本人的走访记录' };
  if (!isVisitMonthOpen(v.visitedOn, chinaDate(ctx.clock.now()))) return { status: 422, message: '走访记录已过修改期限（走访次月底前可修改），不能再修改' };
  return null;
}
