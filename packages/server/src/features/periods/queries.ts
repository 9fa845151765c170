import { REPORTING_STAGES } from '@tuijin/core';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/kysely';
import type { DB } from '../../db/types';
import type { SessionUser } from '../../lib/context';
import { scopePrefix } from '../../lib/permissions';
import { regionLine } from '../settings/report-settings';

/**
 * The periods a user works in: those opened by their own region or a region above it (a city
 * office may open the month for its counties), and, for a city or province user, those of
 * the regions below.
 */
export function periodScope(user: SessionUser) {
  return (eb: ExpressionBuilder<DB, 'reportingPeriod'>) =>
    eb.or([eb('reportingPeriod.regionCode', 'in', regionLine(user.regionCode)), eb('reportingPeriod.regionCode', 'like', `${scopePrefix(user)}%`)]);
}

function periodsOf(db: Executor, user: SessionUser) {
  return db
    .selectFrom('reportingPeriod')
    .innerJoin('region', 'region.code', 'reportingPeriod.regionCode')
    .selectAll('reportingPeriod')
    .select('region.name as regionName')
    .where(periodScope(user));
}

export function findPeriod(db: Executor, user: SessionUser, id: number) {
  return periodsOf(db, user).where('reportingPeriod.id', '=', id).executeTakeFirst();
}
export type PeriodRow = NonNullable<Awaited<ReturnType<typeof findPeriod>>>;

export function findPeriods(db: Executor, user: SessionUser) {
  return periodsOf(db, user).orderBy('reportingPeriod.period', 'desc').orderBy('reportingPeriod.regionCode').limit(240).execute();
}

/** Projects that report in a month and have no report for it yet (opening a period makes theirs). */
export function projectsToReport(db: Executor, regionCode: string, prefix: string, period: string) {
  return db
    .selectFrom('project')
    .select(['project.id'])
    .where(prefix.length === 6 ? sql<boolean>`project.region_code = ${regionCode}` : sql<boolean>`project.region_code like ${`${prefix}%`}`)
    .where('project.deletedAt', 'is', null)
    .where('project.stage', 'in', [...REPORTING_STAGES])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('monthlyReport').select('monthlyReport.id').whereRef('monthlyReport.projectId', '=', 'project.id').where('monthlyReport.period', '=', period))))
    .orderBy('project.id')
    .execute();
}
