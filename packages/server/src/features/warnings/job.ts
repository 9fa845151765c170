import type { AppContext, SessionUser } from '../../lib/context';
import type { AuditRecord } from '../../lib/audit';
import { claimJob, finishJob } from '../../lib/jobs/claim';
import { scopePrefix } from '../../lib/permissions';
import { regionPrefix } from '@tuijin/core';
import { systemUser } from '../../lib/system-user';
import { recomputeWarnings, type RecomputeResult } from './recompute';

// When warnings are recomputed: every hour for the whole deployment (once across all app
// processes: the first to claim the hour runs it), within a minute for a county where something
// was written, and when an office asks for its region. Each run leaves a job_run row, which the
// summary reads as "computed at".

export const HOURLY_PREFIX = 'warnings:hourly:';
export const manualKey = (prefix: string) => `warnings:manual:${prefix || 'all'}`;

export async function hourlyWarnings(ctx: AppContext): Promise<RecomputeResult | { error: string } | null> {
  const now = ctx.clock.now();
  const key = `${HOURLY_PREFIX}${now.toISOString().slice(0, 13)}`;
  if (!(await claimJob(ctx.db, key, now.toISOString()))) return null;
  const result = await recomputeWarnings(ctx, systemUser('office'), '').catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }));
  await finishJob(ctx.db, key, ctx.clock.now().toISOString(), result);
  return result;
}

/** The office's own recompute of its region, audited as one 'recompute' beside the changes it made. */
export async function recomputeForOffice(ctx: AppContext, user: SessionUser): Promise<RecomputeResult> {
  const prefix = scopePrefix(user);
  const record = (r: Omit<RecomputeResult, 'ms'>): AuditRecord => ({ action: 'recompute', objectType: 'warning', objectId: null, after: { regionCode: user.regionCode, ...r } });
  const result = await recomputeWarnings(ctx, user, prefix, record);
  const at = ctx.clock.now().toISOString();
  const key = manualKey(prefix);
  await ctx.db.insertInto('jobRun').values({ key, startedAt: at, finishedAt: at, result: JSON.stringify(result) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ startedAt: at, finishedAt: at, result: JSON.stringify(result) })).execute();
  return result;
}

export const CHANGES_KEY = 'warnings:changes';

/**
 * Within a minute of a change: the counties where something was written since the last pass (a
 * report approved, a plan saved, an obstacle moved, a finding recorded — anything audited against
 * a project) get their warnings again, without waiting for the hour. The pass remembers the last
 * audit record it saw in one job_run row, taken by compare-and-swap, so across processes each
 * change is looked at once. The first pass only sets the mark (the hourly run covers the rest).
 */
export async function recomputeAfterChanges(ctx: AppContext): Promise<{ regions: string[] } | null> {
  const at = ctx.clock.now().toISOString();
  const head = await ctx.db.selectFrom('auditHead').select('lastId').where('id', '=', 1).executeTakeFirst();
  const last = Number(head?.lastId ?? 0);
  const mark = await ctx.db.selectFrom('jobRun').select('result').where('key', '=', CHANGES_KEY).executeTakeFirst();
  const result = JSON.stringify({ auditId: last });
  if (!mark) {
    await ctx.db.insertInto('jobRun').values({ key: CHANGES_KEY, startedAt: at, finishedAt: at, result }).onConflict((oc) => oc.column('key').doNothing()).execute();
    return null;
  }
  const seen = Number((JSON.parse(mark.result ?? '{}') as { auditId?: number }).auditId ?? 0);
  if (last <= seen) return null;
  const taken = await ctx.db.updateTable('jobRun').set({ startedAt: at, result }).where('key', '=', CHANGES_KEY).where('result', '=', mark.result).executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) return null;
  const rows = await ctx.db.selectFrom('auditEvent').innerJoin('project', 'project.id', 'auditEvent.projectId').select('project.regionCode').distinct()
    .where('auditEvent.id', '>', seen).where('auditEvent.id', '<=', last).where('auditEvent.objectType', '!=', 'warning').execute();
  const regions = [...new Set(rows.map((r) => regionPrefix(r.regionCode)))].sort();
  for (const prefix of regions) {
    await recomputeWarnings(ctx, systemUser('office'), prefix);
    const done = ctx.clock.now().toISOString();
    await ctx.db.insertInto('jobRun').values({ key: manualKey(prefix), startedAt: at, finishedAt: done, result: JSON.stringify({ after: 'changes' }) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ startedAt: at, finishedAt: done, result: JSON.stringify({ after: 'changes' }) })).execute();
  }
  await ctx.db.updateTable('jobRun').set({ finishedAt: ctx.clock.now().toISOString() }).where('key', '=', CHANGES_KEY).execute();
  return regions.length ? { regions } : null;
}

/** When the warnings a user reads were last computed (the hourly run, or their office's own). */
export async function lastComputedAt(ctx: AppContext, user: SessionUser): Promise<string | null> {
  const row = await ctx.db.selectFrom('jobRun').select((eb) => eb.fn.max('finishedAt').as('at'))
    .where((eb) => eb.or([eb('key', 'like', `${HOURLY_PREFIX}%`), eb('key', '=', manualKey(scopePrefix(user)))]))
    .where('finishedAt', 'is not', null).where('result', 'not like', '{"error"%').executeTakeFirst();
  return row?.at ?? null;
}
