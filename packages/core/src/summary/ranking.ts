import { sumYuan } from '../money';
import { regionPrefix } from '../region';
import type { SummaryProject } from './types';
import { chineseNumeral, joinWithAnd } from './wording';

// A city's summary ranks its counties (a province's, its cities) on their key-list projects —
// 项目总投资, 项目个数, 当年完成投资 — as the office's own summary says 「在全市各县（市、区）中，
// 项目总投资、项目个数及当年完成投资均居第一」. Equal values share a rank (1, 1, 3).

export const RANK_MEASURES = [
  ['totalInvestment', '项目总投资'],
  ['count', '项目个数'],
  ['completed', '当年完成投资'],
] as const;
export type RankMeasure = (typeof RANK_MEASURES)[number][0];

export interface RegionRanking {
  code: string;
  name: string;
  count: number;
  totalInvestment: number;
  completed: number;
  /** Rank on each measure among the sub-regions; null for a region with no key-list project. */
  ranks: Record<RankMeasure, number> | null;
  /** How many share each of its ranks (for 并列). */
  ties: Record<RankMeasure, number> | null;
}

export function rankSubRegions(subRegions: readonly { code: string; name: string }[], listed: readonly SummaryProject[]): RegionRanking[] {
  const rows = subRegions.map((r) => {
    const prefix = regionPrefix(r.code);
    const own = listed.filter((p) => p.regionCode.startsWith(prefix));
    return {
      code: r.code, name: r.name, count: own.length,
      totalInvestment: sumYuan(own.map((p) => p.totalInvestment)),
      completed: sumYuan(own.map((p) => p.plan?.completed ?? 0)),
    };
  });
  const ranked = rows.filter((r) => r.count > 0);
  return rows.map((row) => {
    if (row.count === 0) return { ...row, ranks: null, ties: null };
    const ranks = {} as Record<RankMeasure, number>;
    const ties = {} as Record<RankMeasure, number>;
    for (const [measure] of RANK_MEASURES) {
      ranks[measure] = 1 + ranked.filter((o) => o[measure] > row[measure]).length;
      ties[measure] = ranked.filter((o) => o[measure] === row[measure]).length;
    }
    return { ...row, ranks, ties };
  });
}

/** 「A县项目总投资、项目个数及当年完成投资均居第一」, or 「B县项目个数并列第一，项目总投资居第三」. */
export function rankingClause(r: RegionRanking): string {
  if (!r.ranks || !r.ties) return `${r.name}暂无项目列入市级及以上重点项目`;
  // Measures that share a place are named together, best place first.
  const groups = new Map<string, { rank: number; labels: string[] }>();
  for (const [measure, label] of RANK_MEASURES) {
    const place = `${r.ties[measure] > 1 ? '并列' : '居'}第${chineseNumeral(r.ranks[measure])}`;
    const group = groups.get(place) ?? { rank: r.ranks[measure], labels: [] };
    group.labels.push(label);
    groups.set(place, group);
  }
  const parts = [...groups].sort(([, a], [, b]) => a.rank - b.rank).map(([place, { labels }]) =>
    labels.length > 1 ? `${joinWithAnd(labels)}均${place}` : `${labels[0]!}${place}`);
  return `${r.name}${parts.join('，')}`;
}

/** Sub-regions in the order the sentence names them: best total-investment rank first, those without key projects last. */
export function rankingOrder(rows: readonly RegionRanking[]): RegionRanking[] {
  return [...rows].sort((a, b) => (a.ranks?.totalInvestment ?? 1e9) - (b.ranks?.totalInvestment ?? 1e9) || a.code.localeCompare(b.code));
}
