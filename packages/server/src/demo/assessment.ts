import { addMonths } from '@tuijin/core';
import { computeScores } from '../features/assessment/compute';
import { publishScores } from '../features/assessment/service';
import { publishBulletin } from '../features/bulletins/publish';
import { createBulletin, updateBulletin } from '../features/bulletins/service';
import type { AppContext, SessionUser } from '../lib/context';
import { at } from './clock';

// The demo county's 考核: each closed month scored on the day after its reports were closed (the
// 11th), under the built-in scheme, and published — except the last, left as the office's draft
// so the first thing a visitor can do is look at why each project scored what it did, then publish.
// The month before last has its bulletin published (drafted on the 12th, numbered, issued); last
// month's is left for the visitor to draft.

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
  const bulletined = months.at(-2);
  if (bulletined) {
    const on = `${addMonths(bulletined, 1)}-12`;
    const draft = await createBulletin(at(ctx, on, 9), office, bulletined);
    const numbered = await updateBulletin(at(ctx, on, 10), office, draft.id, { version: draft.version, docNo: `县重点办〔${on.slice(0, 4)}〕${Number(bulletined.slice(5))}号` });
    await publishBulletin(at(ctx, on, 16), office, draft.id, numbered.version);
  }
  return months;
}
