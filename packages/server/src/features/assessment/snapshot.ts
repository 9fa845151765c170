import { addMonths, type SubjectKind } from '@tuijin/core';
import type { Executor } from '../../db/kysely';

// What other features (the monthly bulletin) read of a month's scores: the rankings as they
// stand, and the freeze that publishing a bulletin applies to them.

export interface RankingRow {
  subjectId: number | string;
  name: string;
  total: number;
  rank: number;
  /** Last month's rank under its own run, when it was scored. */
  previousRank: number | null;
  flag: 'red' | 'yellow' | null;
  /** For groups: how many projects their mean is taken over. */
  projects: number | null;
}

export interface RankingSnapshot {
  period: string;
  status: 'draft' | 'published';
  computedAt: string;
  scheme: { name: string; version: number; effectiveFrom: string };
  rankings: Partial<Record<SubjectKind, RankingRow[]>>;
}

/** A region's code from its code or its prefix (a city's '1101' is 110100): runs are kept by code. */
const asRegionCode = (region: string) => region.padEnd(6, '0');

/** The month's rankings for a region (its office's region code or prefix), or null when the month has not been scored. */
export async function rankingSnapshot(db: Executor, region: string, period: string): Promise<RankingSnapshot | null> {
  const regionCode = asRegionCode(region);
  const run = await db.selectFrom('scoreRun').select(['id', 'status', 'computedAt', 'schemeName', 'schemeVersion', 'schemeEffectiveFrom'])
    .where('regionCode', '=', regionCode).where('period', '=', period).executeTakeFirst();
  if (!run) return null;
  const previous = await db.selectFrom('scoreRun').select('id')
    .where('regionCode', '=', regionCode).where('period', '=', addMonths(period, -1)).executeTakeFirst();
  const [rows, before] = await Promise.all([
    db.selectFrom('score').select(['subjectKind', 'subjectKey', 'name', 'total', 'rank', 'flag', 'projects'])
      .where('runId', '=', run.id).orderBy('subjectKind').orderBy('rank').orderBy('id').execute(),
    previous ? db.selectFrom('score').select(['subjectKind', 'subjectKey', 'rank']).where('runId', '=', previous.id).execute() : Promise.resolve([]),
  ]);
  const earlier = new Map(before.map((r) => [`${r.subjectKind}:${r.subjectKey}`, r.rank]));
  const rankings: Partial<Record<SubjectKind, RankingRow[]>> = {};
  for (const r of rows) {
    const kind = r.subjectKind as SubjectKind;
    (rankings[kind] ??= []).push({
      subjectId: kind === 'region' ? r.subjectKey : Number(r.subjectKey), name: r.name, total: Number(r.total), rank: r.rank,
      previousRank: earlier.get(`${kind}:${r.subjectKey}`) ?? null, flag: r.flag as RankingRow['flag'], projects: r.projects,
    });
  }
  return {
    period, status: run.status as RankingSnapshot['status'], computedAt: run.computedAt,
    scheme: { name: run.schemeName, version: run.schemeVersion, effectiveFrom: run.schemeEffectiveFrom }, rankings,
  };
}

/** Freezes the month's scores of a region (publishing its bulletin does); false when none were computed. */
export async function freezeScores(db: Executor, region: string, period: string, at: string): Promise<boolean> {
  const regionCode = asRegionCode(region);
  const run = await db.selectFrom('scoreRun').select(['id', 'status', 'version']).where('regionCode', '=', regionCode).where('period', '=', period).executeTakeFirst();
  if (!run) return false;
  if (run.status !== 'published') {
    await db.updateTable('scoreRun').set({ status: 'published', publishedAt: at, version: run.version + 1, updatedAt: at }).where('id', '=', run.id).execute();
  }
  return true;
}
