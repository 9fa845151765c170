import { describe, expect, it } from 'vitest';
import { photoCandidates, photoPeriodsText, photoRank, pickPhotos, type PointPhoto } from './photos';

const shot = (mediaId: number, projectId: number, pointId: number, period: string, capturedAt: string | null = null): PointPhoto => ({
  mediaId, projectId, projectName: `项目${projectId}`, pointId, pointName: `点位${pointId}`, period, capturedAt,
});

describe('photo comparisons', () => {
  it.each([
    ['the month against the nearest earlier month', [shot(1, 1, 1, '2026-08'), shot(2, 1, 1, '2026-09'), shot(3, 1, 1, '2026-10')], [[2, 3]]],
    ['the latest shot of each month', [shot(1, 1, 1, '2026-09', '2026-09-02T01:00:00Z'), shot(2, 1, 1, '2026-09', '2026-09-20T01:00:00Z'), shot(3, 1, 1, '2026-10', '2026-10-28T01:00:00Z'), shot(4, 1, 1, '2026-10', '2026-10-03T01:00:00Z')], [[2, 3]]],
    ['a point with no photo this month is no candidate', [shot(1, 1, 1, '2026-08'), shot(2, 1, 1, '2026-09')], []],
    ['a point photographed only this month is no candidate', [shot(1, 1, 1, '2026-10'), shot(2, 1, 2, '2026-09')], []],
    ['a later month is not used', [shot(1, 1, 1, '2026-11'), shot(2, 1, 1, '2026-10')], []],
  ] as const)('%s', (_name, rows, pairs) => {
    expect(photoCandidates([...rows], '2026-10', () => 0).map((c) => [c.before.mediaId, c.after.mediaId])).toEqual(pairs);
  });

  it('puts red-warned projects first, then the best ranked, and picks one per project', () => {
    const rows = [1, 2, 3, 4].flatMap((p) => [shot(p * 10, p, p * 10, '2026-09'), shot(p * 10 + 1, p, p * 10, '2026-10'), shot(p * 10 + 2, p, p * 10 + 1, '2026-09'), shot(p * 10 + 3, p, p * 10 + 1, '2026-10')]);
    const candidates = photoCandidates(rows, '2026-10', photoRank(new Set([3]), new Map([[4, 1], [2, 2]])));
    expect(candidates.map((c) => c.projectId)).toEqual([3, 3, 4, 4, 2, 2, 1, 1]);
    expect(pickPhotos(candidates, 3).map((c) => [c.projectId, c.caption])).toEqual([[3, '项目3——点位30'], [4, '项目4——点位40'], [2, '项目2——点位20']]);
    expect(photoPeriodsText(candidates[0]!)).toBe('左：2026年9月\u3000右：2026年10月');
  });
});
