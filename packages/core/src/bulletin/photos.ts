import { parsePeriod } from '../period';
import type { BulletinPhoto } from './types';

// 影像资料对比: the same shooting point (点位) photographed in the month and in an earlier one,
// side by side — 月度影像资料递进比较, as the office's 考核 does it. Candidates are every point with
// both; the draft picks a few, one per project, red-warned and top-ranked projects first.

export interface PointPhoto {
  mediaId: number;
  projectId: number;
  projectName: string;
  pointId: number;
  pointName: string;
  period: string;
  capturedAt: string | null;
}

/** How many comparisons a draft picks by itself (the office may print up to eight). */
export const DEFAULT_PHOTO_PICKS = 4;
/** How many candidates the office is offered. */
export const MAX_PHOTO_CANDIDATES = 60;

const monthText = (period: string) => {
  const { year, month } = parsePeriod(period);
  return `${year}年${month}月`;
};

/** 「项目名称——点位」: a point's own name often carries brackets already (1号点位（大门正对）). */
export const photoCaption = (projectName: string, pointName: string | null) => (pointName ? `${projectName}——${pointName}` : projectName);

/** 「左：2026年9月，右：2026年10月」 (an ideographic space between), printed under a pair. */
export const photoPeriodsText = (p: Pick<BulletinPhoto, 'before' | 'after'>) => `左：${monthText(p.before.period)}\u3000右：${monthText(p.after.period)}`;

/** The later of two shots of a month: by capture time, then the later upload. */
const later = (a: PointPhoto, b: PointPhoto) => ((a.capturedAt ?? '') > (b.capturedAt ?? '') || ((a.capturedAt ?? '') === (b.capturedAt ?? '') && a.mediaId > b.mediaId) ? a : b);

/**
 * One comparison per point that has a photo in the month and one in an earlier month: the
 * month's latest against the latest of the nearest earlier month, so each bulletin shows what
 * changed since the last. `rank` orders them (lower first).
 */
export function photoCandidates(rows: readonly PointPhoto[], period: string, rank: (projectId: number) => number): BulletinPhoto[] {
  const points = new Map<number, { after: PointPhoto | null; before: PointPhoto | null }>();
  for (const r of rows) {
    if (r.period > period) continue;
    const p = points.get(r.pointId) ?? { after: null, before: null };
    if (r.period === period) p.after = p.after ? later(p.after, r) : r;
    else if (!p.before || r.period > p.before.period) p.before = r;
    else if (r.period === p.before.period) p.before = later(p.before, r);
    points.set(r.pointId, p);
  }
  const shot = (r: PointPhoto) => ({ mediaId: r.mediaId, period: r.period, capturedAt: r.capturedAt });
  return [...points.values()]
    .filter((p): p is { after: PointPhoto; before: PointPhoto } => p.after != null && p.before != null)
    .sort((a, b) => rank(a.after.projectId) - rank(b.after.projectId) || a.after.projectName.localeCompare(b.after.projectName, 'zh-CN') || a.after.pointId - b.after.pointId)
    .slice(0, MAX_PHOTO_CANDIDATES)
    .map(({ after, before }) => ({
      projectId: after.projectId, projectName: after.projectName, pointName: after.pointName,
      caption: photoCaption(after.projectName, after.pointName), before: shot(before), after: shot(after),
    }));
}

/** The draft's own picks: the first candidates, one per project. */
export function pickPhotos(candidates: readonly BulletinPhoto[], count = DEFAULT_PHOTO_PICKS): BulletinPhoto[] {
  const seen = new Set<number>();
  const picked: BulletinPhoto[] = [];
  for (const c of candidates) {
    if (picked.length >= count) break;
    if (seen.has(c.projectId)) continue;
    seen.add(c.projectId);
    picked.push(c);
  }
  return picked;
}

/** Red-warned projects first, then by their place in the month's ranking, then the rest. */
export function photoRank(red: ReadonlySet<number>, ranks: ReadonlyMap<number, number>) {
  return (projectId: number) => (red.has(projectId) ? 0 : 1_000_000) + (ranks.get(projectId) ?? 500_000);
}
