import type { AppContext, SessionUser } from '../../lib/context';
import type { AuditRecord } from '../../lib/audit';
import { claimJob, finishJob } from '../../lib/jobs/claim';
import { scopePrefix } from '../../lib/permissions';
import { systemUser } from '../../lib/system-user';
import { recomputeWarnings, type RecomputeResult } from './recompute';

// When warnings are recomputed: every hour for the whole deployment (once across all app
// processes: the first to claim the hour runs it), and when an office asks for its region.
// Each run leaves a job_run row, which the summary reads as "computed at".

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

/** When the warnings a user reads were last computed (the hourly run, or their office's own). */
export async function lastComputedAt(ctx: AppContext, user: SessionUser): Promise<string | null> {
  const row = await ctx.db.selectFrom('jobRun').select((eb) => eb.fn.max('finishedAt').as('at'))
    .where((eb) => eb.or([eb('key', 'like', `${HOURLY_PREFIX}%`), eb('key', '=', manualKey(scopePrefix(user)))]))
    .where('finishedAt', 'is not', null).where('result', 'not like', '{"error"%').executeTakeFirst();
  return row?.at ?? null;
}
