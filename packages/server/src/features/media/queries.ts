import type { Executor } from '../../db/kysely';
import type { SessionUser } from '../../lib/context';
import { projectScope } from '../projects/policy';

/** Media of reports (or of a project, or one by id), with their point and uploader names, in the order shown. */
export function findMediaOf(db: Executor, where: { reportIds?: number[]; projectId?: number; id?: number }) {
  let q = db
    .selectFrom('media')
    .leftJoin('shootingPoint', 'shootingPoint.id', 'media.shootingPointId')
    .leftJoin('appUser', 'appUser.id', 'media.uploadedBy')
    .selectAll('media')
    .select(['shootingPoint.name as shootingPointName', 'appUser.displayName as uploadedByName'])
    .where('media.deletedAt', 'is', null);
  if (where.reportIds) {
    if (!where.reportIds.length) return Promise.resolve([]);
    q = q.where('media.reportId', 'in', where.reportIds);
  }
  if (where.projectId != null) q = q.where('media.projectId', '=', where.projectId);
  if (where.id != null) q = q.where('media.id', '=', where.id);
  return q.orderBy('media.period', 'desc').orderBy('media.sort').orderBy('media.id').execute();
}

/** One media row the user may see (through its project), or undefined. */
export function findMediaInScope(db: Executor, user: SessionUser, id: number) {
  return db
    .selectFrom('media')
    .innerJoin('project', 'project.id', 'media.projectId')
    .leftJoin('monthlyReport', 'monthlyReport.id', 'media.reportId')
    .leftJoin('reportingPeriod as rp', 'rp.id', 'monthlyReport.periodId')
    .selectAll('media')
    .select(['monthlyReport.status as reportStatus', 'monthlyReport.version as reportVersion', 'rp.status as periodStatus'])
    .where(projectScope(user))
    .where('media.id', '=', id)
    .where('media.deletedAt', 'is', null)
    .executeTakeFirst();
}
