import { ACTIVE_STAGES, addMonths, monthInstants, monthEnd } from '@tuijin/core';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/kysely';
import type { DB } from '../../db/types';
import { inRegion } from '../warnings/facts';

// The facts of a month's bulletin for every project of a region at once: a fixed handful of
// set-based queries whatever the number of projects (the design size drafts a county of 200
// projects in well under 3 s), nothing read per project, no photo file opened.

const active = (eb: ExpressionBuilder<DB, 'project'>) => eb.and([eb('project.deletedAt', 'is', null), eb('project.stage', 'in', ACTIVE_STAGES)]);

/** How far back a photo comparison looks for the earlier shot of a point. */
export const PHOTO_MONTHS_BACK = 12;

/** `asOf` is the drafting moment: the warnings are those standing then (a month drafted late reads its own). */
export function bulletinFactQueries(db: Executor, prefix: string, period: string, asOf: string = new Date().toISOString()) {
  const year = Number(period.slice(0, 4));
  const { start, end } = monthInstants(period);
  const first = `${period}-01`;
  const last = monthEnd(period);
  const region = inRegion('project.regionCode', prefix);
  return {
    projects: db.selectFrom('project')
      .innerJoin('region', 'region.code', 'project.regionCode')
      .leftJoin('annualPlan as ap', (j) => j.onRef('ap.projectId', '=', 'project.id').on('ap.year', '=', year))
      .leftJoin('org as dept', 'dept.id', 'project.responsibleOrgId')
      .select([
        'project.id', 'project.name', 'project.category', 'project.nature', 'project.regionCode', 'region.name as regionName',
        'dept.name as departmentName', 'project.totalInvestment', 'ap.plan', 'ap.completed', 'ap.completedThrough', 'ap.completedLastYear',
        'project.actualStartDate', 'project.actualCompletionDate', 'project.actualProductionDate',
      ])
      .where(region).where(active),
    // This year's approved figures up to the month, and last year's same month (同期).
    reports: db.selectFrom('monthlyReport as mr')
      .innerJoin('project', 'project.id', 'mr.projectId')
      .select(['mr.projectId', 'mr.period', 'mr.ytd', 'mr.thisMonth'])
      .where(region).where(active).where('mr.status', '=', 'approved')
      .where((eb) => eb.or([eb.and([eb('mr.period', '>=', `${year}-01`), eb('mr.period', '<=', period)]), eb('mr.period', '=', addMonths(period, -12))])),
    // Standing when the bulletin is drafted (the office drafts after the month's reports are in
    // and its warnings recomputed on them): raised by then, cleared (if at all) after.
    warnings: db.selectFrom('warning')
      .innerJoin('project', 'project.id', 'warning.projectId')
      .leftJoin('org as dept', 'dept.id', 'project.responsibleOrgId')
      .select(['warning.id', 'warning.projectId', 'project.name as projectName', 'dept.name as departmentName', 'warning.rule', 'warning.level', 'warning.reason', 'warning.updatedAt'])
      .where(inRegion('warning.regionCode', prefix)).where(active)
      .where('warning.since', '<=', asOf)
      .where((eb) => eb.or([eb('warning.clearedAt', 'is', null), eb('warning.clearedAt', '>', asOf)])),
    // A warning changed since then reads as it stood: its level and words at its last event by then.
    warningEvents: db.selectFrom('warningEvent as e')
      .innerJoin('warning', 'warning.id', 'e.warningId')
      .select(['e.warningId', 'e.toLevel', 'e.reason', 'e.at', 'e.id'])
      .where(inRegion('warning.regionCode', prefix))
      .where('warning.updatedAt', '>', asOf).where('e.at', '<=', asOf).where('e.toLevel', 'is not', null),
    // Raised by the month's end and not closed before it began.
    obstacles: db.selectFrom('obstacle')
      .innerJoin('project', 'project.id', 'obstacle.projectId')
      .leftJoin('org as owner', 'owner.id', 'obstacle.ownerOrgId')
      .select([
        'obstacle.id', 'project.name as projectName', 'obstacle.kind', 'obstacle.title', 'obstacle.description', 'owner.name as ownerName',
        'obstacle.raisedAt', 'obstacle.closedAt', 'obstacle.status', 'obstacle.dueOn', 'obstacle.deadline', 'obstacle.stage',
      ])
      .where(inRegion('obstacle.regionCode', prefix)).where('project.deletedAt', 'is', null)
      .where('obstacle.raisedAt', '<', end)
      .where((eb) => eb.or([eb('obstacle.closedAt', 'is', null), eb('obstacle.closedAt', '>=', start)])),
    escalations: db.selectFrom('obstacleStep as s')
      .innerJoin('obstacle', 'obstacle.id', 's.obstacleId')
      .select(['s.toStage', sql<number>`count(distinct ${sql.ref('s.obstacleId')})`.as('n')])
      .where(inRegion('obstacle.regionCode', prefix))
      .where('s.step', '=', 'escalated').where('s.toStage', 'in', ['supervised', 'interviewed'])
      .where('s.at', '>=', start).where('s.at', '<', end)
      .groupBy('s.toStage'),
    findings: db.selectFrom('finding')
      .innerJoin('inspection', 'inspection.id', 'finding.inspectionId')
      .innerJoin('project', 'project.id', 'finding.projectId')
      .select(['finding.inspectionId', 'project.name as projectName', 'finding.visitedOn', 'finding.booksAhead', 'finding.rating', 'finding.demands'])
      .where(region).where('project.deletedAt', 'is', null)
      .where('finding.visitedOn', '>=', first).where('finding.visitedOn', '<=', last),
    // Real moves in the month (a record made at 建档 or by an import has no from-stage).
    transitions: db.selectFrom('stageTransition as t')
      .innerJoin('project', 'project.id', 't.projectId')
      .select(['t.projectId', 't.toStage', 't.date'])
      .where(region).where(active)
      .where('t.fromStage', 'is not', null).where('t.toStage', 'in', ['under_construction', 'completed', 'operating'])
      .where('t.date', '>=', first).where('t.date', '<=', last),
    // Photos of fixed points, in the month and the year before it, that can be printed. Read
    // from media alone (its region-and-month index), matched to the points below in memory: a
    // join here is at the planner's mercy on a table of millions.
    photos: db.selectFrom('media')
      .select(['media.id as mediaId', 'media.projectId', 'media.shootingPointId', 'media.period', 'media.capturedAt'])
      .where(inRegion('media.regionCode', prefix))
      .where('media.kind', '=', 'photo').where('media.deletedAt', 'is', null).where('media.displayKey', 'is not', null)
      .where('media.checkStatus', '!=', 'failed').where('media.shootingPointId', 'is not', null)
      .where('media.period', '>=', addMonths(period, -PHOTO_MONTHS_BACK)).where('media.period', '<=', period),
    points: db.selectFrom('shootingPoint as sp')
      .innerJoin('project', 'project.id', 'sp.projectId')
      .select(['sp.id', 'sp.name', 'sp.projectId', 'project.name as projectName'])
      .where(region).where(active).where('sp.deletedAt', 'is', null),
  };
}

type Queries = ReturnType<typeof bulletinFactQueries>;
export type FactRows = { [K in keyof Queries]: Awaited<ReturnType<Queries[K]['execute']>> };

export async function runBulletinFactQueries(db: Executor, prefix: string, period: string, asOf?: string): Promise<FactRows> {
  const q = bulletinFactQueries(db, prefix, period, asOf);
  const [projects, reports, current, warningEvents, obstacles, escalations, findings, transitions, photos, points] = await Promise.all([
    q.projects.execute(), q.reports.execute(), q.warnings.execute(), q.warningEvents.execute(), q.obstacles.execute(), q.escalations.execute(),
    q.findings.execute(), q.transitions.execute(), q.photos.execute(), q.points.execute(),
  ]);
  const latest = new Map<number, (typeof warningEvents)[number]>();
  for (const e of warningEvents) {
    const seen = latest.get(e.warningId);
    if (!seen || e.at > seen.at || (e.at === seen.at && e.id > seen.id)) latest.set(e.warningId, e);
  }
  const warnings = current.map((w) => {
    const then = latest.get(w.id);
    return then ? { ...w, level: then.toLevel!, reason: then.reason ?? w.reason } : w;
  });
  return { projects, reports, warnings, warningEvents, obstacles, escalations, findings, transitions, photos, points };
}
