import { sql } from 'kysely';
import { SIZE_THRESHOLD, type LedgerQuery } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { SessionUser } from '../../lib/context';
import { contains, startsWith } from '../../lib/search';
import { projectScope } from './policy';

// The ledger list: one filtered, sorted page and the totals of all filtered rows.

const PLAN_SORTS = new Set(['plan', 'target', 'completed']);

/**
 * The filtered rows. With a year chosen, only that year's ledger. The join is written so
 * SQLite's planner finds the fast path: a left join driven by the project table (its
 * investment index gives the default order and the totals scan it once), or, when the
 * page is ordered by a plan figure, an inner join driven by that figure's index.
 */
function filtered(db: Executor, user: SessionUser, f: LedgerFilter, options: { forPage: boolean }) {
  const base = db.selectFrom('project');
  const left = base.leftJoin('annualPlan as ap', (join) => join.onRef('ap.projectId', '=', 'project.id').on('ap.year', '=', f.year));
  const byPlan = options.forPage && f.yearOnly && PLAN_SORTS.has(f.sort);
  // The inner join has the same columns, merely never null.
  const joined = byPlan
    ? (base.innerJoin('annualPlan as ap', (join) => join.onRef('ap.projectId', '=', 'project.id').on('ap.year', '=', f.year)) as unknown as typeof left)
    : left;
  let q = joined.where(projectScope(user));
  if (f.yearOnly && !byPlan) q = q.where('ap.id', 'is not', null);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([contains('project.name', text), startsWith('project.code', text)]));
  }
  if (f.category?.length) q = q.where('project.category', 'in', f.category);
  if (f.industry?.length) q = q.where('project.industry', 'in', f.industry);
  if (f.stage?.length) q = q.where('project.stage', 'in', f.stage);
  if (f.size) q = q.where('project.totalInvestment', '>=', SIZE_THRESHOLD[f.size]);
  if (f.leaderId) q = q.where('project.leaderId', '=', f.leaderId);
  if (f.responsibleOrgId) q = q.where('project.responsibleOrgId', '=', f.responsibleOrgId);
  if (f.townshipId) q = q.where('project.townshipId', '=', f.townshipId);
  if (f.ownerOrgId) q = q.where('project.ownerOrgId', '=', f.ownerOrgId);
  if (f.regionCode) q = q.where('project.regionCode', 'like', `${f.regionCode.replace(/(00)+$/, '')}%`);
  if (f.level?.length) {
    const levels = f.level;
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('projectKeyList as kl').select('kl.id').whereRef('kl.projectId', '=', 'project.id').where('kl.year', '=', f.year).where('kl.level', 'in', levels),
      ),
    );
  }
  return q;
}

const SORT_COLUMNS = {
  name: sql`project.name`,
  code: sql`project.code`,
  totalInvestment: sql`project.total_investment`,
  stage: sql`project.stage`,
  category: sql`project.category`,
  industry: sql`project.industry`,
  plan: sql`ap.plan`,
  target: sql`ap.target`,
  completed: sql`ap.completed`,
  completionRate: sql`case when ap.plan > 0 then ap.completed * 1.0 / ap.plan end`,
  commitStartDate: sql`project.commit_start_date`,
  commitCompletionDate: sql`project.commit_completion_date`,
  updatedAt: sql`project.updated_at`,
} as const;

export type LedgerFilter = LedgerQuery & { year: number; yearOnly: boolean };

/** The page query itself, unexecuted (the benchmark runs its compiled SQL as the bare baseline). */
export function ledgerPageQuery(db: Executor, user: SessionUser, f: LedgerFilter) {
  const order = f.order === 'asc' ? sql`asc` : sql`desc`;
  return filtered(db, user, f, { forPage: true })
    .leftJoin('org as township', 'township.id', 'project.townshipId')
    .leftJoin('org as owner', 'owner.id', 'project.ownerOrgId')
    .leftJoin('org as resp', 'resp.id', 'project.responsibleOrgId')
    .leftJoin('person as leader', 'leader.id', 'project.leaderId')
    .innerJoin('region', 'region.code', 'project.regionCode')
    .select([
      'project.id', 'project.code', 'project.name', 'project.regionCode', 'region.name as regionName',
      'project.category', 'project.industry', 'project.nature', 'project.stage', 'project.totalInvestment',
      'project.townshipId', 'township.name as townshipName', 'project.ownerOrgId', 'owner.name as ownerOrgName',
      'project.leaderId', 'leader.name as leaderName', 'project.responsibleOrgId', 'resp.name as responsibleOrgName',
      'project.commitStartDate', 'project.commitCompletionDate', 'project.updatedAt', 'project.version',
      'ap.plan', 'ap.target', 'ap.completed',
    ])
    // Nulls last whichever the direction (total investment is never null, and leaving the
    // test out lets its index deliver rows in order), then a stable tie-break.
    .$if(f.sort !== 'totalInvestment', (qb) => qb.orderBy(sql`${SORT_COLUMNS[f.sort]} is null`))
    .orderBy(sql`${SORT_COLUMNS[f.sort]} ${order}`)
    .orderBy('project.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}

export function ledgerLevelsQuery(db: Executor, year: number, ids: number[]) {
  return db.selectFrom('projectKeyList').select(['projectId', 'level']).where('year', '=', year).where('projectId', 'in', ids);
}

export async function findLedgerPage(db: Executor, user: SessionUser, f: LedgerFilter) {
  const rows = await ledgerPageQuery(db, user, f).execute();
  const ids = rows.map((r) => r.id);
  const levels = ids.length ? await ledgerLevelsQuery(db, f.year, ids).execute() : [];
  return rows.map((r) => ({ ...r, levels: levels.filter((l) => l.projectId === r.id).map((l) => l.level) }));
}

export function ledgerTotalsQuery(db: Executor, user: SessionUser, f: LedgerFilter) {
  return filtered(db, user, f, { forPage: false })
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      eb.fn.coalesce(eb.fn.sum<number>('project.totalInvestment'), sql<number>`0`).as('totalInvestment'),
      eb.fn.coalesce(eb.fn.sum<number>('ap.plan'), sql<number>`0`).as('plan'),
      eb.fn.coalesce(eb.fn.sum<number>('ap.target'), sql<number>`0`).as('target'),
      eb.fn.coalesce(eb.fn.sum<number>('ap.completed'), sql<number>`0`).as('completed'),
    ]);
}

export async function findLedgerTotals(db: Executor, user: SessionUser, f: LedgerFilter) {
  const row = await ledgerTotalsQuery(db, user, f).executeTakeFirstOrThrow();
  return {
    count: Number(row.count),
    totalInvestment: Number(row.totalInvestment),
    plan: Number(row.plan),
    target: Number(row.target),
    completed: Number(row.completed),
  };
}

/** Every filtered row with what the printed ledger shows, grouped by category for export. */
export function ledgerExportQuery(db: Executor, user: SessionUser, f: LedgerFilter) {
  const order = f.order === 'asc' ? sql`asc` : sql`desc`;
  return filtered(db, user, f, { forPage: false })
    .leftJoin('org as township', 'township.id', 'project.townshipId')
    .leftJoin('org as owner', 'owner.id', 'project.ownerOrgId')
    .leftJoin('org as resp', 'resp.id', 'project.responsibleOrgId')
    .leftJoin('person as leader', 'leader.id', 'project.leaderId')
    .leftJoin('person as first', 'first.id', 'project.firstResponsibleId')
    .leftJoin('person as contact', 'contact.id', 'project.contactId')
    .select([
      'project.id', 'project.code', 'project.name', 'project.category', 'project.industry', 'project.nature', 'project.stage',
      'project.totalInvestment', 'project.contentScale', 'project.address', 'project.commitStartDate', 'project.commitCompletionDate',
      'owner.name as ownerName', 'owner.uscc as uscc', 'township.name as townshipName', 'resp.name as responsibleOrgName',
      'leader.name as leaderName', 'first.name as firstResponsibleName', 'contact.name as contactName', 'contact.phoneEnc as contactPhoneEnc',
      'ap.plan', 'ap.target', 'ap.completed', 'ap.completedThrough', 'ap.completedLastYear',
    ])
    .orderBy('project.category')
    .orderBy(sql`${SORT_COLUMNS[f.sort]} ${order}`)
    .orderBy('project.id');
}
