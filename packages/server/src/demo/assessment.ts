import { addMonths } from '@tuijin/core';
import { computeScores } from '../features/assessment/compute';
import { publishScores } from '../features/assessment/service';
import type { AppContext, SessionUser } from '../lib/context';
import { at } from './reports';

// The demo county's 考核: each closed month scored on the day after its reports were closed (the
// 11th), under the built-in scheme, and published — except the last, left as the office's draft
// so the first thing a visitor can do is look at why each project scored what it did, then publish.

export async function seedAssessment(ctx: AppContext, office: SessionUser): Promise<string[]> {
  const closed = await ctx.db.selectFrom('reportingPeriod').select('period')
    .where('regionCode', '=', office.regionCode).where('status', '=', 'closed').orderBy('period').execute();
  const months = closed.map((p) => p.period);
  for (const [i, period] of months.entries()) {
    const scoredOn = `${addMonths(period, 1)}-11`;
    const when = at(ctx, scoredOn, 9);
    await computeScores(when, office, period);
    if (i < months.length - 1) {
      const run = await ctx.db.selectFrom('scoreRun').select('version').where('regionCode', '=', office.regionCode).where('period', '=', period).executeTakeFirstOrThrow();
      await publishScores(at(ctx, scoredOn, 15), office, period, run.version);
    }
  }
  return months;
}
