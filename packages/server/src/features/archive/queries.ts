import { CATEGORIES, punctuality, type Category } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { SessionUser } from '../../lib/context';
import { findMediaOf } from '../media/queries';
import { projectScope } from '../projects/policy';

// What the archive of a month reads: the period, the list of its reports (light, for the
// contents page), and, a batch of reports at a time, everything a report's page shows.

/** The period with its region's name; callers have checked the user's scope already. */
export function findArchivePeriod(db: Executor, periodId: number) {
  return db
    .selectFrom('reportingPeriod')
    .innerJoin('region', 'region.code', 'reportingPeriod.regionCode')
    .selectAll('reportingPeriod')
    .select('region.name as regionName')
    .where('reportingPeriod.id', '=', periodId)
    .executeTakeFirst();
}
export type ArchivePeriod = NonNullable<Awaited<ReturnType<typeof findArchivePeriod>>>;

/**
 * Every report of the period the period's own office sees (the same set its counts are of),
 * in the ledger's order: by category, then the largest investment first.
 */
export async function listArchiveReports(db: Executor, office: SessionUser, periodId: number) {
  const rows = await db
    .selectFrom('monthlyReport')
    .innerJoin('project', 'project.id', 'monthlyReport.projectId')
    .leftJoin('org as owner', 'owner.id', 'project.ownerOrgId')
    .leftJoin('org as resp', 'resp.id', 'project.responsibleOrgId')
    .select([
      'monthlyReport.id', 'monthlyReport.projectId', 'monthlyReport.status', 'monthlyReport.startedAt',
      'monthlyReport.firstSubmittedAt', 'monthlyReport.submittedAt', 'monthlyReport.thisMonth', 'monthlyReport.ytd',
      'monthlyReport.cumulative', 'monthlyReport.noChange', 'project.name as projectName', 'project.code as projectCode',
      'project.category', 'project.totalInvestment', 'owner.name as ownerOrgName', 'resp.name as responsibleOrgName',
    ])
    .where(projectScope(office))
    .where('monthlyReport.periodId', '=', periodId)
    .execute();
  const rank = (c: string) => {
    const i = CATEGORIES.ids.indexOf(c as Category);
    return i < 0 ? CATEGORIES.ids.length : i;
  };
  return rows.sort((a, b) => rank(a.category) - rank(b.category) || b.totalInvestment - a.totalInvestment || a.projectId - b.projectId);
}
export type ArchiveReportSummary = Awaited<ReturnType<typeof listArchiveReports>>[number];

/** The full reports of a batch, with their history, photos and videos, and their projects' key nodes. */
export async function loadReportDetails(db: Executor, reportIds: number[]) {
  if (!reportIds.length) return [];
  const [reports, events, media] = await Promise.all([
    db
      .selectFrom('monthlyReport')
      .innerJoin('project', 'project.id', 'monthlyReport.projectId')
      .leftJoin('person as leader', 'leader.id', 'project.leaderId')
      .leftJoin('appUser as submitter', 'submitter.id', 'monthlyReport.submittedBy')
      .leftJoin('appUser as reviewer', 'reviewer.id', 'monthlyReport.reviewedBy')
      .selectAll('monthlyReport')
      .select([
        'project.stage', 'project.address', 'project.lng as projectLng', 'project.lat as projectLat',
        'leader.name as leaderName', 'submitter.displayName as submittedByName', 'reviewer.displayName as reviewedByName',
      ])
      .where('monthlyReport.id', 'in', reportIds)
      .execute(),
    db
      .selectFrom('reportEvent')
      .leftJoin('appUser', 'appUser.id', 'reportEvent.userId')
      .select(['reportEvent.reportId', 'reportEvent.action', 'reportEvent.fromStatus', 'reportEvent.toStatus', 'reportEvent.comment', 'reportEvent.at', 'appUser.displayName as userName'])
      .where('reportEvent.reportId', 'in', reportIds)
      .orderBy('reportEvent.id')
      .execute(),
    findMediaOf(db, { reportIds }),
  ]);
  const projectIds = [...new Set(reports.map((r) => r.projectId))];
  const nodes = projectIds.length
    ? await db.selectFrom('projectNode').select(['id', 'projectId', 'name']).where('projectId', 'in', projectIds).execute()
    : [];
  return reports.map((r) => ({
    report: r,
    events: events.filter((e) => e.reportId === r.id),
    media: media.filter((m) => m.reportId === r.id).sort((a, b) => a.sort - b.sort || a.id - b.id),
    nodeNames: new Map(nodes.filter((n) => n.projectId === r.projectId).map((n) => [n.id, n.name])),
  }));
}
export type ArchiveReportDetail = Awaited<ReturnType<typeof loadReportDetails>>[number];

/** A closed month is over: what was not sent by then is 未报送, whatever its deadline said. */
export function archivedPunctuality(period: Pick<ArchivePeriod, 'deadline' | 'status'>, firstSubmittedAt: string | null, now: Date) {
  const p = punctuality(period.deadline, firstSubmittedAt, now);
  return p === 'not_due' && period.status === 'closed' ? 'missing' : p;
}
