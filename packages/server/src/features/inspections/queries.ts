import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/kysely';
import type { DB } from '../../db/types';
import type { SessionUser } from '../../lib/context';
import { contains } from '../../lib/search';
import { projectScope } from '../projects/policy';

// An inspection is seen through its projects: whoever may see one of them sees the inspection
// (and, in it, only the projects they may see). Another scope's inspection is simply not found.

export function inspectionScope(user: SessionUser) {
  return (eb: ExpressionBuilder<DB, 'inspection'>) =>
    eb.exists(
      eb.selectFrom('inspectionProject as ip').innerJoin('project', 'project.id', 'ip.projectId')
        .select('ip.id').whereRef('ip.inspectionId', '=', 'inspection.id').where(projectScope(user)),
    );
}

export function findInspection(db: Executor, user: SessionUser, id: number) {
  return db
    .selectFrom('inspection')
    .leftJoin('appUser as creator', 'creator.id', 'inspection.createdBy')
    .selectAll('inspection')
    .select('creator.displayName as createdByName')
    .where('inspection.id', '=', id)
    .where(inspectionScope(user))
    .executeTakeFirst();
}
export type InspectionRow = NonNullable<Awaited<ReturnType<typeof findInspection>>>;

/** The inspection's projects the user may see, each with its finding (if recorded) and photo count. */
export function findInspectionProjects(db: Executor, user: SessionUser, inspectionId: number) {
  return db
    .selectFrom('inspectionProject as ip')
    .innerJoin('project', 'project.id', 'ip.projectId')
    .leftJoin('org as resp', 'resp.id', 'project.responsibleOrgId')
    .leftJoin('finding', (join) => join.onRef('finding.inspectionId', '=', 'ip.inspectionId').onRef('finding.projectId', '=', 'ip.projectId'))
    .select((eb) => [
      'project.id as projectId', 'project.name', 'project.code', 'project.stage', 'resp.name as responsibleOrgName',
      'finding.id as findingId', 'finding.visitedOn', 'finding.rating', 'finding.booksAhead', 'finding.demands', 'finding.updatedAt as findingUpdatedAt',
      eb.selectFrom('media').select((m) => m.fn.countAll<number>().as('n')).whereRef('media.findingId', '=', 'finding.id').where('media.deletedAt', 'is', null).as('photoCount'),
    ])
    .where('ip.inspectionId', '=', inspectionId)
    .where(projectScope(user))
    .orderBy('ip.id')
    .execute();
}
export type InspectionProjectRow = Awaited<ReturnType<typeof findInspectionProjects>>[number];

export interface InspectionListFilter { status?: 'planned' | 'ongoing' | 'finished'; q?: string }

/** Inspections in scope, newest first, with how many of their (visible) projects have a finding. */
export function inspectionListQuery(db: Executor, user: SessionUser, f: InspectionListFilter) {
  let q = db.selectFrom('inspection').where(inspectionScope(user));
  if (f.q) q = q.where(contains('inspection.title', f.q));
  const hasFindings = (eb: ExpressionBuilder<DB, 'inspection'>) => eb.exists(eb.selectFrom('finding').select('finding.id').whereRef('finding.inspectionId', '=', 'inspection.id'));
  if (f.status === 'finished') q = q.where('inspection.status', '=', 'finished');
  if (f.status === 'planned') q = q.where('inspection.status', '=', 'planned').where((eb) => eb.not(hasFindings(eb)));
  if (f.status === 'ongoing') q = q.where('inspection.status', '=', 'planned').where(hasFindings);
  return q;
}

/** Per inspection: projects in scope, those visited, and those where the books were ahead. */
export async function inspectionCounts(db: Executor, user: SessionUser, ids: number[]) {
  const counts = new Map<number, { total: number; visited: number; booksAhead: number }>();
  if (!ids.length) return counts;
  const rows = await db
    .selectFrom('inspectionProject as ip')
    .innerJoin('project', 'project.id', 'ip.projectId')
    .leftJoin('finding', (join) => join.onRef('finding.inspectionId', '=', 'ip.inspectionId').onRef('finding.projectId', '=', 'ip.projectId'))
    .select((eb) => [
      'ip.inspectionId',
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('finding.id').as('visited'),
      eb.fn.sum<number>(eb.case().when('finding.booksAhead', '=', 1).then(1).else(0).end()).as('booksAhead'),
    ])
    .where('ip.inspectionId', 'in', ids)
    .where(projectScope(user))
    .groupBy('ip.inspectionId')
    .execute();
  for (const r of rows) counts.set(r.inspectionId, { total: Number(r.total), visited: Number(r.visited), booksAhead: Number(r.booksAhead ?? 0) });
  return counts;
}

export function findFindingRow(db: Executor, inspectionId: number, projectId: number) {
  return db
    .selectFrom('finding')
    .leftJoin('appUser as inspector', 'inspector.id', 'finding.inspectorId')
    .selectAll('finding')
    .select('inspector.displayName as inspectorName')
    .where('finding.inspectionId', '=', inspectionId)
    .where('finding.projectId', '=', projectId)
    .executeTakeFirst();
}
export type FindingRow = NonNullable<Awaited<ReturnType<typeof findFindingRow>>>;

/** A finding the user may see (through its inspection and project), with its inspection's state. */
export function findFindingInScope(db: Executor, user: SessionUser, id: number) {
  return db
    .selectFrom('finding')
    .innerJoin('inspection', 'inspection.id', 'finding.inspectionId')
    .innerJoin('project', 'project.id', 'finding.projectId')
    .select([
      'finding.id', 'finding.inspectionId', 'finding.projectId', 'finding.visitedOn', 'inspection.status as inspectionStatus',
      'inspection.regionCode as inspectionRegionCode', 'project.regionCode', 'project.ownerOrgId', 'project.lng', 'project.lat', 'project.sitePolygon',
    ])
    .where('finding.id', '=', id)
    .where(projectScope(user))
    .executeTakeFirst();
}

/** Photos and videos of findings, in the order they were taken up. */
export function findFindingMedia(db: Executor, findingIds: number[]) {
  if (!findingIds.length) return Promise.resolve([]);
  return db
    .selectFrom('media')
    .leftJoin('shootingPoint', 'shootingPoint.id', 'media.shootingPointId')
    .leftJoin('appUser', 'appUser.id', 'media.uploadedBy')
    .selectAll('media')
    .select(['shootingPoint.name as shootingPointName', 'appUser.displayName as uploadedByName'])
    .where('media.findingId', 'in', findingIds)
    .where('media.deletedAt', 'is', null)
    .orderBy('media.sort').orderBy('media.id')
    .execute();
}
