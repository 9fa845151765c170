import { sql } from 'kysely';
import type { ReportListQuery } from '@tuijin/core';
import type { AppContext, SessionUser } from '../../lib/context';
import { figuresFor, presentReportSummary } from './present';
import { reportListQuery } from './queries';

/** A page of reports with their photo counts and check results, most urgent first. */
export async function findReportList(ctx: AppContext, user: SessionUser, query: ReportListQuery) {
  const now = ctx.clock.now();
  const base = reportListQuery(ctx.db, user, { ...query, now });
  const [rows, total] = await Promise.all([
    base
      .leftJoin('org as owner', 'owner.id', 'project.ownerOrgId')
      .leftJoin('org as resp', 'resp.id', 'project.responsibleOrgId')
      .selectAll('monthlyReport')
      .select((eb) => [
        'project.name as projectName', 'project.code as projectCode', 'owner.name as ownerOrgName', 'resp.name as responsibleOrgName', 'rp.deadline',
        eb.selectFrom('media').select(eb.fn.countAll<number>().as('n')).whereRef('media.reportId', '=', 'monthlyReport.id').where('media.deletedAt', 'is', null).as('photoCount'),
        eb.selectFrom('media').select(eb.fn.countAll<number>().as('n')).whereRef('media.reportId', '=', 'monthlyReport.id').where('media.deletedAt', 'is', null).where('media.checkStatus', '=', 'failed').as('failedCount'),
        eb.selectFrom('media').select(eb.fn.countAll<number>().as('n')).whereRef('media.reportId', '=', 'monthlyReport.id').where('media.deletedAt', 'is', null).where('media.checkStatus', '=', 'flagged').as('flaggedCount'),
      ])
      // Waiting on the reader first: returned, then sent and not yet reviewed, then not sent.
      .orderBy(sql`case ${sql.ref('monthlyReport.status')} when 'returned' then 0 when 'submitted' then 1 when 'draft' then 2 else 3 end`)
      .orderBy('monthlyReport.period', 'desc')
      .orderBy('project.name')
      .orderBy('monthlyReport.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return {
    items: rows.map((r) => presentReportSummary({ ...r, ...figuresFor(user, r), photoCount: Number(r.photoCount ?? 0), failedCount: Number(r.failedCount ?? 0), flaggedCount: Number(r.flaggedCount ?? 0) }, now)),
    total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize,
  };
}
