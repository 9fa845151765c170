import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { ACTIVE_STAGES, addMonths, chinaDate, type ObstacleStage, type Stage, type WarningFacts } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { DB } from '../../db/types';
import { parseJson } from '../../lib/records';

// The facts every warning rule reads, for all projects of a region (or of the whole deployment)
// at once: six set-based queries whatever the number of projects, shaped per project in memory.
// Nothing here decides anything; the rules are core's (supervision/warning-rules.ts).

/** How far back a report still counts as "the month's": the current month and three before. */
const REPORT_MONTHS_BACK = 3;
const SENT = new Set(['submitted', 'approved']);

/** A region by its code prefix ('' is everything); a county is an equality so its index serves. */
export function inRegion(column: `${'project' | 'media' | 'obstacle' | 'warning'}.regionCode`, prefix: string): Expression<SqlBool> {
  if (prefix.length === 6) return sql<SqlBool>`${sql.ref(column)} = ${prefix}`;
  return prefix ? sql<SqlBool>`${sql.ref(column)} like ${`${prefix}%`}` : sql<SqlBool>`1 = 1`;
}

/** The queries, unexecuted: the benchmark runs their compiled SQL as its bare baseline. */
export function warningFactQueries(db: Executor, prefix: string, today: string) {
  const year = Number(today.slice(0, 4));
  const since = addMonths(today.slice(0, 7), -REPORT_MONTHS_BACK);
  const region = inRegion('project.regionCode', prefix);
  const active = (eb: ExpressionBuilder<DB, 'project'>) => eb.and([eb('project.deletedAt', 'is', null), eb('project.stage', 'in', ACTIVE_STAGES)]);
  return {
    projects: db
      .selectFrom('project')
      .leftJoin('annualPlan as ap', (j) => j.onRef('ap.projectId', '=', 'project.id').on('ap.year', '=', year))
      .select([
        'project.id', 'project.regionCode', 'project.stage', 'project.totalInvestment',
        'project.commitStartDate', 'project.commitCompletionDate', 'project.commitProductionDate',
        'project.actualStartDate', 'project.actualCompletionDate', 'project.actualProductionDate',
        'ap.plan', 'ap.completed', 'ap.completedThrough',
      ])
      .where(region).where(active),
    nodes: db
      .selectFrom('projectNode as n')
      .innerJoin('project', 'project.id', 'n.projectId')
      .select(['n.projectId', 'n.name', 'n.plannedDate'])
      .where(region).where(active)
      .where('n.actualDate', 'is', null).where('n.plannedDate', '<', today)
      // 开工/竣工/投产 nodes of a project with its 四定两保 date: the date rules already speak of them.
      .where((eb) => eb.not(eb.or([
        eb.and([eb('n.kind', '=', 'start'), eb('project.commitStartDate', 'is not', null)]),
        eb.and([eb('n.kind', '=', 'completion'), eb('project.commitCompletionDate', 'is not', null)]),
        eb.and([eb('n.kind', '=', 'production'), eb('project.commitProductionDate', 'is not', null)]),
      ]))),
    reports: db
      .selectFrom('monthlyReport as mr')
      .innerJoin('project', 'project.id', 'mr.projectId')
      .innerJoin('reportingPeriod as rp', 'rp.id', 'mr.periodId')
      .select(['mr.id', 'mr.projectId', 'mr.period', 'mr.status', 'mr.returnCount', 'mr.thisMonth', 'mr.cumulative', 'mr.figureNotes', 'rp.deadline'])
      .where(region).where(active)
      .where('mr.period', '>=', since),
    failedPhotos: db
      .selectFrom('media')
      .select(['media.reportId', sql<number>`count(*)`.as('n')])
      .where(inRegion('media.regionCode', prefix))
      .where('media.period', '>=', since).where('media.checkStatus', '=', 'failed').where('media.deletedAt', 'is', null).where('media.reportId', 'is not', null)
      .groupBy('media.reportId'),
    obstacles: db
      .selectFrom('obstacle')
      .select(['obstacle.id', 'obstacle.projectId', 'obstacle.kind', 'obstacle.title', 'obstacle.description', 'obstacle.deadline', 'obstacle.dueOn', 'obstacle.raisedAt', 'obstacle.stage'])
      .where(inRegion('obstacle.regionCode', prefix))
      .where('obstacle.status', '!=', 'closed'),
    findings: db
      .selectFrom('finding')
      .innerJoin('inspection', 'inspection.id', 'finding.inspectionId')
      .innerJoin('project', 'project.id', 'finding.projectId')
      .select(['finding.id', 'finding.projectId', 'finding.visitedOn', 'finding.booksAhead', 'inspection.title'])
      .where(region).where(active),
  };
}

type Rows<K extends keyof ReturnType<typeof warningFactQueries>> = Awaited<ReturnType<ReturnType<typeof warningFactQueries>[K]['execute']>>;

export interface ProjectFacts extends WarningFacts { regionCode: string }

/** Every in-play project of the region with its facts, in six queries. */
export async function gatherWarningFacts(db: Executor, prefix: string, today: string): Promise<ProjectFacts[]> {
  const q = warningFactQueries(db, prefix, today);
  const [projects, nodes, reports, failedPhotos, obstacles, findings] = await Promise.all([
    q.projects.execute(), q.nodes.execute(), q.reports.execute(), q.failedPhotos.execute(), q.obstacles.execute(), q.findings.execute(),
  ]);
  return shapeFacts({ projects, nodes, reports, failedPhotos, obstacles, findings }, today);
}

export function shapeFacts(rows: { projects: Rows<'projects'>; nodes: Rows<'nodes'>; reports: Rows<'reports'>; failedPhotos: Rows<'failedPhotos'>; obstacles: Rows<'obstacles'>; findings: Rows<'findings'> }, today: string): ProjectFacts[] {
  const facts = new Map<number, ProjectFacts>();
  for (const p of rows.projects) {
    facts.set(p.id, {
      projectId: p.id, regionCode: p.regionCode, stage: p.stage as Stage, totalInvestment: Number(p.totalInvestment),
      commitStartDate: p.commitStartDate, commitCompletionDate: p.commitCompletionDate, commitProductionDate: p.commitProductionDate,
      actualStartDate: p.actualStartDate, actualCompletionDate: p.actualCompletionDate, actualProductionDate: p.actualProductionDate,
      plan: p.plan == null ? null : { year: Number(today.slice(0, 4)), plan: Number(p.plan), completed: Number(p.completed ?? 0), completedThrough: p.completedThrough },
      openNodes: [], dueReport: null, latestReport: null, sentReport: null, obstacles: [], finding: null,
    });
  }
  for (const n of rows.nodes) facts.get(n.projectId)?.openNodes.push({ name: n.name, plannedDate: n.plannedDate });

  const failed = new Map(rows.failedPhotos.map((m) => [Number(m.reportId), Number(m.n)]));
  // The latest of each kind per project: any month, a month already due, a month sent.
  for (const r of rows.reports) {
    const f = facts.get(r.projectId);
    if (!f) continue;
    if (!f.latestReport || r.period > f.latestReport.period) f.latestReport = { period: r.period, returnCount: Number(r.returnCount) };
    if (r.deadline < today && (!f.dueReport || r.period > f.dueReport.period)) f.dueReport = { period: r.period, deadline: r.deadline, status: r.status };
    if (SENT.has(r.status) && (!f.sentReport || r.period > f.sentReport.period)) {
      f.sentReport = {
        period: r.period, thisMonth: r.thisMonth == null ? null : Number(r.thisMonth), cumulative: r.cumulative == null ? null : Number(r.cumulative),
        figureNoteCodes: parseJson<{ code: string }[]>(r.figureNotes, []).map((n) => n.code), failedPhotos: failed.get(r.id) ?? 0,
      };
    }
  }
  for (const o of rows.obstacles) {
    facts.get(o.projectId)?.obstacles.push({
      id: o.id, kind: o.kind, title: o.title ?? o.description, deadline: o.dueOn ?? o.deadline,
      raisedOn: chinaDate(new Date(o.raisedAt)), stage: (o.stage ?? 'assigned') as ObstacleStage,
    });
  }
  const latest = new Map<number, { visitedOn: string; id: number }>();
  for (const x of rows.findings) {
    const f = facts.get(x.projectId);
    const seen = latest.get(x.projectId);
    if (!f || (seen && (seen.visitedOn > x.visitedOn || (seen.visitedOn === x.visitedOn && seen.id > x.id)))) continue;
    latest.set(x.projectId, { visitedOn: x.visitedOn, id: x.id });
    f.finding = { visitedOn: x.visitedOn, booksAhead: x.booksAhead === 1, inspection: x.title };
  }
  return [...facts.values()];
}
