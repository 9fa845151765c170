import { addMonths, chinaDate, leaderCommitments, REPORTING_STAGES } from '@tuijin/core';
import type { AppContext, SessionUser } from '../../lib/context';
import { projectScope } from '../projects/policy';
import { supervisionSettings } from '../settings/report-settings';

// Each responsible leader's month at the projects against the commitment (settings:
// visitDaysPerMonth; the summary asks a third of the month), with the 包保 projects not yet
// visited this year. The rule is core's; this gathers its inputs in three queries.

export async function loadCommitment(ctx: AppContext, user: SessionUser, month: string) {
  const today = chinaDate(ctx.clock.now());
  const yearStart = `${month.slice(0, 4)}-01-01`;
  const nextMonth = `${addMonths(month, 1)}-01`;
  const [settings, projects, visits] = await Promise.all([
    supervisionSettings.load(ctx.db, user.regionCode),
    ctx.db.selectFrom('project').select(['project.id', 'project.name', 'project.leaderId'])
      .where(projectScope(user)).where('project.leaderId', 'is not', null).where('project.stage', 'in', [...REPORTING_STAGES])
      .execute(),
    ctx.db.selectFrom('siteVisit').innerJoin('project', 'project.id', 'siteVisit.projectId')
      .select(['siteVisit.leaderId', 'siteVisit.projectId', 'project.name as projectName', 'siteVisit.visitedOn', 'siteVisit.days'])
      .where(projectScope(user)).where('siteVisit.visitedOn', '>=', yearStart).where('siteVisit.visitedOn', '<', nextMonth)
      .execute(),
  ]);
  const leaderIds = [...new Set([...projects.map((p) => p.leaderId!), ...visits.filter((v) => v.visitedOn >= `${month}-01`).map((v) => v.leaderId)])];
  const leaders = leaderIds.length
    ? await ctx.db.selectFrom('person').select(['id', 'name', 'title']).where('id', 'in', leaderIds).where('deletedAt', 'is', null).execute()
    : [];
  const rows = leaderCommitments({
    month, today, commitmentDays: settings.visitDaysPerMonth, leaders,
    projects: projects.map((p) => ({ id: p.id, name: p.name, leaderId: p.leaderId! })),
    visits: visits.map((v) => ({ ...v, days: Number(v.days) })),
  });
  return {
    month, today, commitmentDays: settings.visitDaysPerMonth,
    totals: { leaders: rows.length, met: rows.filter((r) => r.isMet).length, days: rows.reduce((s, r) => s + r.days, 0) },
    leaders: rows,
  };
}
