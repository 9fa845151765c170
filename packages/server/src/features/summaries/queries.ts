import type { ExpressionBuilder } from 'kysely';
import type { SummaryProject } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { DB } from '../../db/types';

// What the annual summary reads of a region's ledger: every project that may count in the
// year (core decides which do), with its plan, key lists and completion evidence. The summary
// is the region's document, so it is scoped by region (code prefix), not by the reader's
// department: everyone who may read it reads the same text.

const COMPLETED_STAGES = ['completed', 'operating', 'full_production'];

function inRegion(prefix: string) {
  return (eb: ExpressionBuilder<DB, 'project'>) =>
    eb.and([
      prefix.length === 6 ? eb('project.regionCode', '=', prefix) : eb('project.regionCode', 'like', `${prefix}%`),
      eb('project.deletedAt', 'is', null),
    ]);
}

/**
 * Projects in the year's ledger (a plan or a key-list entry for the year), and those being built
 * by their dates during the year without either (for the data checks).
 */
function candidates(db: Executor, prefix: string, year: number) {
  return db
    .selectFrom('project')
    .leftJoin('annualPlan as ap', (join) => join.onRef('ap.projectId', '=', 'project.id').on('ap.year', '=', year))
    .leftJoin('annualPlan as prev', (join) => join.onRef('prev.projectId', '=', 'project.id').on('prev.year', '=', year - 1))
    .where(inRegion(prefix))
    .where((eb) => eb.or([
      eb('ap.id', 'is not', null),
      eb.exists(eb.selectFrom('projectKeyList as kl').select('kl.id').whereRef('kl.projectId', '=', 'project.id').where('kl.year', '=', year)),
      eb.and([eb('project.stage', 'in', ['under_construction', 'suspended']), eb('project.actualStartDate', '<=', `${year}-12-31`)]),
    ]))
    .select([
      'project.id', 'project.name', 'project.regionCode', 'project.category', 'project.industry', 'project.stage', 'project.stageDate',
      'project.totalInvestment', 'project.actualStartDate', 'project.actualCompletionDate',
      'ap.id as planId', 'ap.plan', 'ap.target', 'ap.completed', 'ap.completedLastYear', 'prev.completed as previousYearCompleted',
    ])
    .orderBy('project.id');
}

export async function readSummaryProjects(db: Executor, prefix: string, year: number): Promise<SummaryProject[]> {
  const [rows, levels, nodes, transitions] = await Promise.all([
    candidates(db, prefix, year).execute(),
    db.selectFrom('projectKeyList as kl').innerJoin('project', 'project.id', 'kl.projectId').where(inRegion(prefix)).where('kl.year', '=', year)
      .select(['kl.projectId', 'kl.level']).orderBy('kl.projectId').orderBy('kl.level').execute(),
    // A project built in phases has several 竣工 nodes: it is finished at the last.
    db.selectFrom('projectNode as n').innerJoin('project', 'project.id', 'n.projectId').where(inRegion(prefix))
      .where('n.kind', '=', 'completion').where('n.actualDate', 'is not', null)
      .select((eb) => ['n.projectId', eb.fn.max('n.actualDate').as('date')]).groupBy('n.projectId').execute(),
    // The first real move into 竣工 or beyond (the filing row has no from-stage).
    db.selectFrom('stageTransition as t').innerJoin('project', 'project.id', 't.projectId').where(inRegion(prefix))
      .where('t.toStage', 'in', COMPLETED_STAGES).where('t.fromStage', 'is not', null)
      .select((eb) => ['t.projectId', eb.fn.min('t.date').as('date')]).groupBy('t.projectId').execute(),
  ]);
  const levelsOf = new Map<number, string[]>();
  for (const l of levels) levelsOf.set(Number(l.projectId), [...(levelsOf.get(Number(l.projectId)) ?? []), l.level]);
  const nodeDate = new Map(nodes.map((n) => [Number(n.projectId), n.date as string | null]));
  const movedDate = new Map(transitions.map((t) => [Number(t.projectId), t.date as string | null]));
  const amount = (v: unknown) => (v == null ? null : Number(v));
  return rows.map((r) => ({
    id: Number(r.id), name: r.name, regionCode: r.regionCode, category: r.category, industry: r.industry, stage: r.stage, stageDate: r.stageDate,
    totalInvestment: Number(r.totalInvestment), actualStartDate: r.actualStartDate, actualCompletionDate: r.actualCompletionDate,
    completionNodeDate: nodeDate.get(Number(r.id)) ?? null, completedTransitionDate: movedDate.get(Number(r.id)) ?? null,
    keyLevels: levelsOf.get(Number(r.id)) ?? [],
    plan: r.planId == null ? null : {
      plan: Number(r.plan), target: Number(r.target), completed: Number(r.completed), completedLastYear: amount(r.completedLastYear),
    },
    previousYearCompleted: amount(r.previousYearCompleted),
  }));
}

/** The regions one level down whose standing a city's (or province's) summary gives. */
export function readSubRegions(db: Executor, regionCode: string) {
  return db.selectFrom('region').select(['code', 'name']).where('parentCode', '=', regionCode).orderBy('code').execute();
}

export function findSavedSummary(db: Executor, regionCode: string, year: number) {
  return db
    .selectFrom('annualSummary as s')
    .leftJoin('appUser as u', 'u.id', 's.updatedBy')
    .selectAll('s')
    .select('u.displayName as updatedByName')
    .where('s.regionCode', '=', regionCode)
    .where('s.year', '=', year)
    .executeTakeFirst();
}
export type SavedSummaryRow = NonNullable<Awaited<ReturnType<typeof findSavedSummary>>>;
