import { sql, type ExpressionBuilder } from 'kysely';
import { ACTIVE_STAGES, chinaDate, monthBounds, type ScoreFacts, type Stage } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { DB } from '../../db/types';
import { inRegion } from '../warnings/facts';

// What scoring a month reads, for every project of a region at once: seven set-based queries
// whatever the number of projects, shaped per project in memory. The month's roster is every
// project asked for the month's report, and every project in play that was not.

export interface ScoredProject extends ScoreFacts {
  regionCode: string;
  responsibleOrgId: number | null;
  leaderId: number | null;
  townshipId: number | null;
}

const toChinaDate = (iso: string | null) => (iso ? chinaDate(new Date(iso)) : null);

/** The queries, unexecuted: the benchmark runs their compiled SQL as its bare baseline. */
export function scoreFactQueries(db: Executor, prefix: string, period: string) {
  const m = monthBounds(period);
  const region = inRegion('project.regionCode', prefix);
  const monthReport = (eb: ExpressionBuilder<DB, 'project'>) => eb.exists(eb.selectFrom('monthlyReport as r').select('r.id').whereRef('r.projectId', '=', 'project.id').where('r.period', '=', period));
  return {
    projects: db
      .selectFrom('project')
      .select([
        'project.id', 'project.name', 'project.regionCode', 'project.stage', 'project.responsibleOrgId', 'project.leaderId', 'project.townshipId',
        'project.commitStartDate', 'project.actualStartDate', 'project.commitCompletionDate', 'project.actualCompletionDate',
        'project.commitProductionDate', 'project.actualProductionDate',
      ])
      .where(region).where('project.deletedAt', 'is', null)
      .where((eb) => eb.or([eb('project.stage', 'in', ACTIVE_STAGES), monthReport(eb)])),
    plans: db
      .selectFrom('annualPlan as ap')
      .innerJoin('project', 'project.id', 'ap.projectId')
      .select(['ap.projectId', 'ap.plan', 'ap.completed', 'ap.completedThrough'])
      .where(region).where('ap.year', '=', m.year),
    // The year-to-date of the latest approved report up to the month: what the books say then.
    ytd: db
      .selectFrom('monthlyReport as mr')
      .innerJoin('project', 'project.id', 'mr.projectId')
      .select(['mr.id', 'mr.projectId', 'mr.period', 'mr.ytd'])
      .where(region)
      .where('mr.period', '>=', `${m.year}-01`).where('mr.period', '<=', period)
      .where('mr.status', '=', 'approved').where('mr.ytd', 'is not', null),
    nodes: db
      .selectFrom('projectNode as n')
      .innerJoin('project', 'project.id', 'n.projectId')
      .select(['n.id', 'n.projectId', 'n.name', 'n.plannedDate', 'n.actualDate'])
      .where(region)
      .where('n.plannedDate', '>=', m.yearStart).where('n.plannedDate', '<=', m.last),
    reports: db
      .selectFrom('monthlyReport as mr')
      .innerJoin('project', 'project.id', 'mr.projectId')
      .innerJoin('reportingPeriod as rp', 'rp.id', 'mr.periodId')
      .select(['mr.id', 'mr.projectId', 'mr.status', 'mr.firstSubmittedAt', 'mr.returnCount', 'mr.noChange', 'rp.deadline'])
      .where(region).where('mr.period', '=', period),
    photos: db
      .selectFrom('media')
      .select([
        'media.reportId',
        sql<number>`count(*)`.as('n'),
        sql<number>`sum(case when ${sql.ref('media.checkStatus')} = 'failed' then 1 else 0 end)`.as('failed'),
      ])
      .where(inRegion('media.regionCode', prefix))
      .where('media.period', '=', period).where('media.kind', '=', 'photo').where('media.deletedAt', 'is', null).where('media.reportId', 'is not', null)
      .groupBy('media.reportId'),
    obstacles: db
      .selectFrom('obstacle')
      .select(['obstacle.id', 'obstacle.projectId', 'obstacle.title', 'obstacle.description', 'obstacle.dueOn', 'obstacle.deadline', 'obstacle.resolvedAt', 'obstacle.closedAt'])
      .where(inRegion('obstacle.regionCode', prefix))
      .where(sql<boolean>`coalesce(${sql.ref('obstacle.dueOn')}, ${sql.ref('obstacle.deadline')}) <= ${m.last}`)
      // Resolved before the month began, and due before it: nothing to do with this month.
      .where((eb) => eb.or([
        eb('obstacle.resolvedAt', 'is', null),
        eb('obstacle.resolvedAt', '>=', new Date(`${m.first}T00:00:00+08:00`).toISOString()),
        sql<boolean>`coalesce(${sql.ref('obstacle.dueOn')}, ${sql.ref('obstacle.deadline')}) >= ${m.first}`,
      ])),
    findings: db
      .selectFrom('finding')
      .innerJoin('inspection', 'inspection.id', 'finding.inspectionId')
      .innerJoin('project', 'project.id', 'finding.projectId')
      .select(['finding.id', 'finding.inspectionId', 'finding.projectId', 'finding.visitedOn', 'finding.booksAhead', 'finding.rating', 'inspection.title'])
      .where(region)
      .where('finding.visitedOn', '>=', m.first).where('finding.visitedOn', '<=', m.last),
  };
}

/** Every project of the region (code prefix) on the month's roster, with its facts. */
export async function gatherScoreFacts(db: Executor, prefix: string, period: string): Promise<ScoredProject[]> {
  const q = scoreFactQueries(db, prefix, period);
  // One at a time: on SQLite a transaction has one connection, and on PostgreSQL the pool is small.
  const projects = await q.projects.execute();
  const plans = await q.plans.execute();
  const ytd = await q.ytd.execute();
  const nodes = await q.nodes.execute();
  const reports = await q.reports.execute();
  const photos = await q.photos.execute();
  const obstacles = await q.obstacles.execute();
  const findings = await q.findings.execute();

  const facts = new Map<number, ScoredProject>();
  for (const p of projects) {
    facts.set(p.id, {
      projectId: p.id, name: p.name, regionCode: p.regionCode, stage: p.stage as Stage,
      responsibleOrgId: p.responsibleOrgId, leaderId: p.leaderId, townshipId: p.townshipId,
      commitStartDate: p.commitStartDate, actualStartDate: p.actualStartDate,
      commitCompletionDate: p.commitCompletionDate, actualCompletionDate: p.actualCompletionDate,
      commitProductionDate: p.commitProductionDate, actualProductionDate: p.actualProductionDate,
      plan: null, nodes: [], report: null, obstacles: [], findings: [],
    });
  }
  const latest = new Map<number, { period: string; ytd: number; id: number }>();
  for (const r of ytd) {
    const seen = latest.get(r.projectId);
    if (!seen || r.period > seen.period) latest.set(r.projectId, { period: r.period, ytd: Number(r.ytd), id: r.id });
  }
  for (const p of plans) {
    const f = facts.get(p.projectId);
    if (!f) continue;
    const fromReport = latest.get(p.projectId);
    // Without an approved report this year, the ledger's figure counts when it is not later than the month.
    const completed = fromReport ? fromReport.ytd : p.completedThrough != null && p.completedThrough <= period ? Number(p.completed) : 0;
    f.plan = { plan: Number(p.plan), completed, reportId: fromReport?.id ?? null };
  }
  for (const n of nodes) facts.get(n.projectId)?.nodes.push({ id: n.id, name: n.name, plannedDate: n.plannedDate, actualDate: n.actualDate });
  const photoCount = new Map(photos.map((x) => [Number(x.reportId), { n: Number(x.n), failed: Number(x.failed) }]));
  for (const r of reports) {
    const f = facts.get(r.projectId);
    if (!f) continue;
    const ph = photoCount.get(r.id);
    f.report = {
      id: r.id, status: r.status, deadline: r.deadline, sentOn: toChinaDate(r.firstSubmittedAt), returnCount: Number(r.returnCount),
      noChange: Number(r.noChange) === 1, photos: ph?.n ?? 0, failedPhotos: ph?.failed ?? 0,
    };
  }
  for (const o of obstacles) {
    const due = o.dueOn ?? o.deadline;
    if (!due) continue;
    facts.get(o.projectId)?.obstacles.push({ id: o.id, title: o.title ?? o.description, dueOn: due, resolvedOn: toChinaDate(o.resolvedAt ?? o.closedAt) });
  }
  for (const x of findings) {
    facts.get(x.projectId)?.findings.push({
      id: x.id, inspectionId: x.inspectionId, inspection: x.title, visitedOn: x.visitedOn, booksAhead: Number(x.booksAhead) === 1, rating: x.rating,
    });
  }
  return [...facts.values()];
}
