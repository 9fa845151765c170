import { sql } from 'kysely';
import { SIZE_THRESHOLD, type OverviewInput } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { SessionUser } from '../../lib/context';
import { projectScope } from '../projects/policy';

// The overview's raw sums in two grouped queries over the year's ledger (projects with an
// annual plan for the year) inside the user's scope; the shaping is core's buildOverview.

// Written as a left join driven by the project table: SQLite's planner then scans the
// scoped projects once instead of walking a plan index and looking each project up.
function yearLedger(db: Executor, user: SessionUser, year: number) {
  return db
    .selectFrom('project')
    .leftJoin('annualPlan as ap', (join) => join.onRef('ap.projectId', '=', 'project.id').on('ap.year', '=', year))
    .where(projectScope(user))
    .where('ap.id', 'is not', null);
}

const sum = (expr: ReturnType<typeof sql>) => sql<number>`coalesce(sum(${expr}), 0)`;

/** The two grouped queries, unexecuted (the benchmark runs their compiled SQL as the baseline). */
export function overviewQueries(db: Executor, user: SessionUser, year: number) {
  const groups = yearLedger(db, user, year)
    .select([
      'project.category', 'project.industry', 'project.stage',
      sql<number>`count(*)`.as('count'),
      sum(sql`project.total_investment`).as('totalInvestment'),
      sum(sql`case when project.total_investment >= ${SIZE_THRESHOLD.atLeast100m} then 1 else 0 end`).as('atLeast100m'),
      sum(sql`case when project.total_investment >= ${SIZE_THRESHOLD.atLeast1b} then 1 else 0 end`).as('atLeast1b'),
      sum(sql`case when project.total_investment >= ${SIZE_THRESHOLD.atLeast10b} then 1 else 0 end`).as('atLeast10b'),
      sum(sql`ap.plan`).as('plan'),
      sum(sql`ap.target`).as('target'),
      sum(sql`ap.completed`).as('completed'),
      sum(sql`ap.completed_last_year`).as('completedLastYear'),
    ])
    .groupBy(['project.category', 'project.industry', 'project.stage']);
  const levels = yearLedger(db, user, year)
    .innerJoin('projectKeyList as kl', (join) => join.onRef('kl.projectId', '=', 'project.id').on('kl.year', '=', year))
    .select([
      'kl.level',
      sql<number>`count(*)`.as('count'),
      sum(sql`project.total_investment`).as('totalInvestment'),
      sum(sql`ap.plan`).as('plan'),
      sum(sql`ap.completed`).as('completed'),
    ])
    .groupBy('kl.level');
  return { groups, levels };
}

export async function readOverviewInput(db: Executor, user: SessionUser, year: number): Promise<OverviewInput> {
  const queries = overviewQueries(db, user, year);
  const [groups, levels] = await Promise.all([queries.groups.execute(), queries.levels.execute()]);

  const add = (map: Map<string, { count: number; totalInvestment: number }>, key: string, count: number, total: number) => {
    const e = map.get(key) ?? { count: 0, totalInvestment: 0 };
    map.set(key, { count: e.count + count, totalInvestment: e.totalInvestment + total });
  };
  const byCategory = new Map<string, { count: number; totalInvestment: number }>();
  const byIndustry = new Map<string, { count: number; totalInvestment: number }>();
  const byStage = new Map<string, { count: number; totalInvestment: number }>();
  const bySize = { atLeast100m: 0, atLeast1b: 0, atLeast10b: 0 };
  const annual = { plan: 0, target: 0, completed: 0, completedLastYear: 0 };
  for (const g of groups) {
    const count = Number(g.count);
    const total = Number(g.totalInvestment);
    add(byCategory, g.category, count, total);
    add(byIndustry, g.industry, count, total);
    add(byStage, g.stage, count, total);
    bySize.atLeast100m += Number(g.atLeast100m);
    bySize.atLeast1b += Number(g.atLeast1b);
    bySize.atLeast10b += Number(g.atLeast10b);
    annual.plan += Number(g.plan);
    annual.target += Number(g.target);
    annual.completed += Number(g.completed);
    annual.completedLastYear += Number(g.completedLastYear);
  }
  return {
    year,
    byCategory: [...byCategory].map(([category, v]) => ({ category, ...v })),
    byIndustry: [...byIndustry].map(([industry, v]) => ({ industry, count: v.count })),
    byStage: [...byStage].map(([stage, v]) => ({ stage, count: v.count })),
    bySize,
    annual,
    byLevel: levels.map((l) => ({
      level: l.level, count: Number(l.count), totalInvestment: Number(l.totalInvestment), plan: Number(l.plan), completed: Number(l.completed),
    })),
  };
}
