import type { SubjectKind } from '@tuijin/core';
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

/** The month's rankings for a region (code prefix), or null when the month has not been scored. */
export async function rankingSnapshot(_db: Executor, _regionCode: string, _period: string): Promise<RankingSnapshot | null> {
  return null; // filled in by the assessment feature (scores are computed and stored per region and month)
}

/** Freezes the month's scores of a region (publishing its bulletin does); false when none were computed. */
export async function freezeScores(_db: Executor, _regionCode: string, _period: string, _at: string): Promise<boolean> {
  return false;
}
