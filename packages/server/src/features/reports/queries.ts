import { addMonths, chinaDate, type PreviousFigures, type ReportListQuery } from '@tuijin/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/kysely';
import type { SessionUser } from '../../lib/context';
import { contains, startsWith } from '../../lib/search';
import { projectScope } from '../projects/policy';

// Reports are seen through their projects: whoever may see a project may see its reports.

export function findReport(db: Executor, user: SessionUser, id: number) {
  return db
    .selectFrom('monthlyReport')
    .innerJoin('project', 'project.id', 'monthlyReport.projectId')
    .innerJoin('reportingPeriod as rp', 'rp.id', 'monthlyReport.periodId')
    .leftJoin('org as owner', 'owner.id', 'project.ownerOrgId')
    .leftJoin('org as resp', 'resp.id', 'project.responsibleOrgId')
    .leftJoin('appUser as submitter', 'submitter.id', 'monthlyReport.submittedBy')
    .leftJoin('appUser as reviewer', 'reviewer.id', 'monthlyReport.reviewedBy')
    .selectAll('monthlyReport')
    .select([
      'project.name as projectName', 'project.code as projectCode', 'project.regionCode', 'project.stage',
      'project.totalInvestment', 'project.lng as projectLng', 'project.lat as projectLat', 'project.sitePolygon',
      'project.ownerOrgId', 'project.responsibleOrgId', 'project.leaderId', 'owner.name as ownerOrgName',
      'resp.name as responsibleOrgName', 'rp.deadline', 'rp.status as periodStatus', 'rp.regionCode as periodRegionCode',
      'submitter.displayName as submittedByName', 'reviewer.displayName as reviewedByName',
    ])
    .where(projectScope(user))
    .where('monthlyReport.id', '=', id)
    .executeTakeFirst();
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

/** The figures the month builds on: the project's last report sent before it (and the plan's ytd). */
export async function findPreviousFigures(db: Executor, projectId: number, period: string): Promise<PreviousFigures & { period: string | null }> {
  const prev = await db
    .selectFrom('monthlyReport')
    .select(['period', 'ytd', 'cumulative'])
    .where('projectId', '=', projectId)
    .where('period', '<', period)
    .where('status', 'in', ['submitted', 'approved'])
    .orderBy('period', 'desc')
    .limit(1)
    .executeTakeFirst();
  const year = period.slice(0, 4);
  if (prev && prev.period.slice(0, 4) === year) return { ytd: prev.ytd, cumulative: prev.cumulative, period: prev.period };
  // January starts the year at nothing; otherwise the ledger's own figure for the year, when it
  // runs through the month before (a ledger imported in May says what January–April did).
  let ytd: number | null = period.endsWith('-01') ? 0 : null;
  if (ytd == null) {
    const plan = await db.selectFrom('annualPlan').select(['completed', 'completedThrough']).where('projectId', '=', projectId).where('year', '=', Number(year)).executeTakeFirst();
    if (plan?.completedThrough === addMonths(period, -1)) ytd = plan.completed;
  }
  return { ytd, cumulative: prev?.cumulative ?? null, period: prev?.period ?? null };
}

export interface ReportListFilter extends ReportListQuery {
  now: Date;
}

/** Reports of a period (or of the user's open periods), filtered as the board and the queues need. */
export function reportListQuery(db: Executor, user: SessionUser, f: ReportListFilter) {
  const today = chinaDate(f.now);
  let q = db
    .selectFrom('monthlyReport')
    .innerJoin('project', 'project.id', 'monthlyReport.projectId')
    .innerJoin('reportingPeriod as rp', 'rp.id', 'monthlyReport.periodId')
    .where(projectScope(user));
  if (f.periodId) q = q.where('monthlyReport.periodId', '=', f.periodId);
  if (f.period) q = q.where('monthlyReport.period', '=', f.period);
  // Without a month: the open months, and for a reviewer's queue also closed months' reports still waiting.
  if (!f.periodId && !f.period && f.mine !== 'review') q = q.where('rp.status', '=', 'open');
  if (f.responsibleOrgId) q = q.where('project.responsibleOrgId', '=', f.responsibleOrgId);
  if (f.q) q = q.where((eb) => eb.or([contains('project.name', f.q!), startsWith('project.code', f.q!)]));
  if (f.mine === 'review') q = q.where('monthlyReport.status', '=', 'submitted');
  if (f.mine === 'fill') q = q.where('monthlyReport.status', 'in', ['draft', 'returned']);
  switch (f.status) {
    case 'not_started': q = q.where('monthlyReport.status', '=', 'draft').where('monthlyReport.startedAt', 'is', null); break;
    case 'draft': q = q.where('monthlyReport.status', '=', 'draft').where('monthlyReport.startedAt', 'is not', null); break;
    // The deadline day ends at midnight China time, 16:00 UTC.
    case 'late': q = q.where(sql<boolean>`${sql.ref('monthlyReport.firstSubmittedAt')} >= ${sql.ref('rp.deadline')} || 'T16:00:00.000Z'`); break;
    // Not sent now: never sent, or returned and not yet sent again (whom a reminder is for).
    case 'unsent': q = q.where('monthlyReport.status', 'in', ['draft', 'returned']); break;
    case 'missing': q = q.where('monthlyReport.firstSubmittedAt', 'is', null).where('rp.deadline', '<', today); break;
    case undefined: break;
    default: q = q.where('monthlyReport.status', '=', f.status);
  }
  return q;
}
