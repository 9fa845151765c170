import { isReportingStage } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { AuditRecord } from '../../lib/audit';
import { regionLine } from '../settings/report-settings';

/**
 * A project that comes to report while a month is open (created, imported, or moved into a
 * reporting stage) gets its report for that month at once, as if it had been there when the
 * month was opened. The month is its own county's, else the nearest region's above it.
 */
export async function joinOpenMonths(tx: Executor, projectIds: number[], at: string, audit: (record: AuditRecord) => Promise<void>): Promise<number> {
  if (!projectIds.length) return 0;
  const open = await tx.selectFrom('reportingPeriod').select(['id', 'regionCode', 'period']).where('status', '=', 'open').execute();
  if (!open.length) return 0;
  let made = 0;
  for (let i = 0; i < projectIds.length; i += 500) {
    const projects = await tx.selectFrom('project').select(['id', 'regionCode', 'stage']).where('id', 'in', projectIds.slice(i, i + 500)).where('deletedAt', 'is', null).execute();
    for (const p of projects.filter((x) => isReportingStage(x.stage))) {
      const line = regionLine(p.regionCode);
      const byMonth = new Map<string, { id: number; rank: number }>();
      for (const o of open) {
        const rank = line.indexOf(o.regionCode);
        const best = byMonth.get(o.period);
        if (rank >= 0 && (!best || rank < best.rank)) byMonth.set(o.period, { id: o.id, rank });
      }
      for (const [period, { id: periodId }] of byMonth) {
        const row = await tx.insertInto('monthlyReport').values({ projectId: p.id, periodId, period, status: 'draft', createdAt: at, updatedAt: at })
          .onConflict((oc) => oc.columns(['projectId', 'period']).doNothing()).returning('id').executeTakeFirst();
        if (!row) continue;
        made++;
        await audit({ action: 'create', objectType: 'monthly_report', objectId: row.id, projectId: p.id, after: { period, joined: true } });
      }
    }
  }
  return made;
}
