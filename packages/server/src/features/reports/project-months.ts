import { REPORT_STATUS_LABEL, type ReportStatus } from '@tuijin/core';
import type { AppContext, SessionUser } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { can } from '../../lib/permissions';
import { parseJson } from '../../lib/records';
import { findMediaOf } from '../media/queries';
import { presentMedia } from '../media/present';
import { findProject } from '../projects/queries';
import { findPoints } from '../shooting-points/service';

// A project's months side by side (账面): figures of every report against the year's plan, and
// the photos of each shooting point month by month (地面) — the 递进比较 the office does by hand.

/** Reports others may rely on; a company and the office also see their drafts. */
function visibleStatuses(user: SessionUser): ReportStatus[] {
  return can(user, 'fillReports') ? ['draft', 'submitted', 'returned', 'approved'] : ['submitted', 'approved'];
}

export async function projectMonths(ctx: AppContext, user: SessionUser, projectId: number) {
  const project = await findProject(ctx.db, user, projectId);
  if (!project) throw notFound('项目');
  const [reports, plans] = await Promise.all([
    ctx.db.selectFrom('monthlyReport').innerJoin('reportingPeriod as rp', 'rp.id', 'monthlyReport.periodId')
      .select(['monthlyReport.id', 'monthlyReport.period', 'monthlyReport.status', 'monthlyReport.startedAt', 'monthlyReport.thisMonth', 'monthlyReport.ytd', 'monthlyReport.cumulative', 'monthlyReport.noChange', 'monthlyReport.progress', 'monthlyReport.submittedAt', 'monthlyReport.firstSubmittedAt', 'rp.deadline'])
      .where('monthlyReport.projectId', '=', projectId).orderBy('monthlyReport.period').execute(),
    ctx.db.selectFrom('annualPlan').select(['year', 'plan', 'target', 'monthly', 'completed', 'completedThrough']).where('projectId', '=', projectId).orderBy('year').execute(),
  ]);
  const visible = new Set<string>(visibleStatuses(user));
  return {
    projectId, totalInvestment: project.totalInvestment,
    reports: reports.map((r) => {
      const isShown = visible.has(r.status);
      return {
        id: r.id, period: r.period, status: r.status, deadline: r.deadline,
        statusLabel: r.status === 'draft' && !r.startedAt ? '未填报' : REPORT_STATUS_LABEL[r.status as ReportStatus],
        // Figures of a report not yet sent are the company's draft, not yet the month's word.
        thisMonth: isShown ? r.thisMonth : null, ytd: isShown ? r.ytd : null, cumulative: isShown ? r.cumulative : null,
        noChange: r.noChange === 1, progress: isShown ? r.progress : null, submittedAt: r.submittedAt,
        isLate: r.firstSubmittedAt != null && r.firstSubmittedAt >= `${r.deadline}T16:00:00.000Z`,
      };
    }),
    plans: plans.map((p) => ({ ...p, monthly: parseJson<number[] | null>(p.monthly, null) })),
  };
}

/** Every photo and video of the project by shooting point and month, for comparing months. */
export async function projectMedia(ctx: AppContext, user: SessionUser, projectId: number) {
  if (!(await findProject(ctx.db, user, projectId))) throw notFound('项目');
  const statuses = visibleStatuses(user);
  const reports = await ctx.db.selectFrom('monthlyReport').select(['id', 'period']).where('projectId', '=', projectId).where('status', 'in', statuses).execute();
  const [media, points] = await Promise.all([findMediaOf(ctx.db, { reportIds: reports.map((r) => r.id) }), findPoints(ctx.db, projectId)]);
  return { points, periods: [...new Set(reports.map((r) => r.period))].sort(), items: media.map(presentMedia) };
}
