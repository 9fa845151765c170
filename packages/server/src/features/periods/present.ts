import { chinaDate, PERIOD_STATUS_LABEL, type PeriodStatus } from '@tuijin/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { can, isInScope } from '../../lib/permissions';
import { projectScope } from '../projects/policy';
import type { PeriodRow } from './queries';

export interface PeriodCounts {
  total: number; notStarted: number; draft: number; submitted: number; returned: number; approved: number;
  /** Sent for the first time after the deadline day. */
  late: number;
  /** Not sent at all, and the deadline has passed. */
  missing: number;
}

/** Report counts of one period as this user may see them (a department sees its own projects). */
export async function countPeriodReports(db: Executor, user: SessionUser, p: Pick<PeriodRow, 'id' | 'deadline'>, now: Date): Promise<PeriodCounts> {
  const lateAfter = `${p.deadline}T16:00:00.000Z`;
  const isPast = chinaDate(now) > p.deadline;
  const row = await db
    .selectFrom('monthlyReport')
    .innerJoin('project', 'project.id', 'monthlyReport.projectId')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      sql<number>`sum(case when ${eb.ref('monthlyReport.status')} = 'draft' and ${eb.ref('monthlyReport.startedAt')} is null then 1 else 0 end)`.as('notStarted'),
      sql<number>`sum(case when ${eb.ref('monthlyReport.status')} = 'draft' and ${eb.ref('monthlyReport.startedAt')} is not null then 1 else 0 end)`.as('draft'),
      sql<number>`sum(case when ${eb.ref('monthlyReport.status')} = 'submitted' then 1 else 0 end)`.as('submitted'),
      sql<number>`sum(case when ${eb.ref('monthlyReport.status')} = 'returned' then 1 else 0 end)`.as('returned'),
      sql<number>`sum(case when ${eb.ref('monthlyReport.status')} = 'approved' then 1 else 0 end)`.as('approved'),
      sql<number>`sum(case when ${eb.ref('monthlyReport.firstSubmittedAt')} >= ${lateAfter} then 1 else 0 end)`.as('late'),
      sql<number>`sum(case when ${eb.ref('monthlyReport.firstSubmittedAt')} is null then 1 else 0 end)`.as('unsent'),
    ])
    .where(projectScope(user))
    .where('monthlyReport.periodId', '=', p.id)
    .executeTakeFirst();
  const n = (v: unknown) => Number(v ?? 0);
  return {
    total: n(row?.total), notStarted: n(row?.notStarted), draft: n(row?.draft), submitted: n(row?.submitted),
    returned: n(row?.returned), approved: n(row?.approved), late: n(row?.late), missing: isPast ? n(row?.unsent) : 0,
  };
}

export async function presentPeriod(ctx: AppContext, db: Executor, user: SessionUser, p: PeriodRow) {
  const counts = await countPeriodReports(db, user, p, ctx.clock.now());
  const isOwn = p.regionCode === user.regionCode && can(user, 'managePeriods');
  return {
    id: p.id, regionCode: p.regionCode, regionName: p.regionName, period: p.period, deadline: p.deadline,
    status: p.status as PeriodStatus, statusLabel: PERIOD_STATUS_LABEL[p.status as PeriodStatus] ?? p.status,
    note: p.note, openedAt: p.openedAt, isAutoOpened: p.openedBy == null, closedAt: p.closedAt,
    archive: p.archiveKey ? { at: p.archivedAt, size: p.archiveSize, sha256: p.archiveSha256, url: `/api/v1/periods/${p.id}/archive` } : null,
    counts, canManage: isOwn, version: p.version,
    // The archive holds the whole region's month: for region-wide readers of this region or above it.
    canDownloadArchive: p.archiveKey != null && can(user, 'readArchives') && isInScope(user, p.regionCode),
  };
}
export type PeriodView = Awaited<ReturnType<typeof presentPeriod>>;
