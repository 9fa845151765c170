import { chinaDate, formatPeriod } from '@tuijin/core';
import type { AppContext } from '../context';
import { systemUser } from '../system-user';
import { AppError } from '../errors';
import { openPeriod } from '../../features/periods/service';
import { escalateDueObstacles } from '../../features/obstacles/escalation-job';
import { regionsWithSettings } from '../../features/settings/report-settings';
import { hourlyWarnings, recomputeAfterChanges } from '../../features/warnings/job';
import { claimJob, finishJob } from './claim';
import { sweep } from './sweep';

// The office's clock: each month's period opens by itself where the office asked for it, and
// the sweeper runs every hour. Every process runs the scheduler; each slot runs once.

/** Opens this month's period for every region whose settings say so, once its open day has come. */
export async function autoOpenPeriods(ctx: AppContext): Promise<string[]> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const period = formatPeriod(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
  const opened: string[] = [];
  for (const { regionCode, settings } of await regionsWithSettings(ctx.db)) {
    if (!settings.autoOpen || Number(today.slice(8, 10)) < settings.openDay) continue;
    const key = `auto-open:${regionCode}:${period}`;
    if (!(await claimJob(ctx.db, key, now.toISOString()))) continue;
    let result: unknown;
    try {
      const region = await ctx.db.selectFrom('region').select(['code', 'name', 'level']).where('code', '=', regionCode).executeTakeFirst();
      if (!region) throw new AppError('not_found', '地区不存在');
      const office = { ...systemUser('office', regionCode), regionName: region.name };
      const p = await openPeriod(ctx, office, { period }, null);
      result = { opened: p.id };
      opened.push(`${regionCode}:${period}`);
    } catch (err) {
      // Already opened by hand is fine; anything else is kept in the job's record.
      result = { error: err instanceof Error ? err.message : String(err) };
    }
    await finishJob(ctx.db, key, ctx.clock.now().toISOString(), result);
  }
  return opened;
}

export async function hourlySweep(ctx: AppContext): Promise<unknown> {
  const now = ctx.clock.now();
  const key = `sweep:${now.toISOString().slice(0, 13)}`;
  if (!(await claimJob(ctx.db, key, now.toISOString()))) return null;
  const result = await sweep(ctx).catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }));
  await finishJob(ctx.db, key, ctx.clock.now().toISOString(), result);
  return result;
}

/** 自动升级: overdue obstacles climb the ladder, once an hour across all processes. */
export async function hourlyObstacleEscalation(ctx: AppContext): Promise<unknown> {
  const now = ctx.clock.now();
  const key = `obstacle-escalation:${now.toISOString().slice(0, 13)}`;
  if (!(await claimJob(ctx.db, key, now.toISOString()))) return null;
  const result = await escalateDueObstacles(ctx).catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }));
  await finishJob(ctx.db, key, ctx.clock.now().toISOString(), result);
  return result;
}

export function startScheduler(ctx: AppContext, log: (message: string, err?: unknown) => void, everyMs = 60_000): () => void {
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      const opened = await autoOpenPeriods(ctx);
      if (opened.length) log(`自动开启月报：${opened.join('、')}`);
      await hourlySweep(ctx);
      await hourlyObstacleEscalation(ctx);
      // After the ladder moved, so an obstacle that just reached 约谈 is red this hour.
      await hourlyWarnings(ctx);
      // And within a minute of a change, for the counties it touched.
      await recomputeAfterChanges(ctx);
    } catch (err) {
      log('定时任务失败', err);
    } finally {
      isRunning = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
