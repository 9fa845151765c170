import { describe, expect, it } from 'vitest';
import { overallCheckStatus, runPhotoChecks, type CheckResult, type PhotoEvidence } from './checks';

const site = { point: [116.36, 37.44] as [number, number], outline: null };
const base: PhotoEvidence = { capturedAt: '2026-05-20T02:00:00Z', taken: [116.361, 37.441], phash: '0f0f0f0f0f0f0f0f', sha256: 'a'.repeat(64), hasExif: true };
const context = { capture: { period: '2026-05', deadline: '2026-06-05' } as { period: string; deadline: string } | { day: string }, project: site, used: [] as { hash: string | null; sha256: string; label: string }[] };

describe('all the checks of one photo', () => {
  it.each<[string, Partial<PhotoEvidence>, Partial<typeof context>, [string, boolean | null][]]>([
    ['a good photo', {}, {}, [['time', true], ['location', true], ['duplicate', true]]],
    ['no EXIF at all: one flag, nothing else to check', { capturedAt: null, taken: null, hasExif: false }, {}, [['exif', null], ['duplicate', true]]],
    ['EXIF time without GPS', { taken: null }, {}, [['time', true], ['location', null], ['duplicate', true]]],
    ['taken the month before', { capturedAt: '2026-04-10T02:00:00Z' }, {}, [['time', false], ['location', true], ['duplicate', true]]],
    ['the same bytes used before', {}, { used: [{ hash: null, sha256: 'a'.repeat(64), label: '甲项目 2026-04 月报' }] }, [['time', true], ['location', true], ['duplicate', false]]],
    ['a near copy', {}, { used: [{ hash: '0f0f0f0f0f0f0f0e', sha256: 'b'.repeat(64), label: '乙项目 2026-04 月报' }] }, [['time', true], ['location', true], ['duplicate', false]]],
    ['a video without a picture: duplicates by bytes only', { phash: null }, { used: [{ hash: '0f0f0f0f0f0f0f0f', sha256: 'c'.repeat(64), label: 'x' }] }, [['time', true], ['location', true], ['duplicate', true]]],
  ])('%s', (_label, evidence, ctx, expected) => {
    const results = runPhotoChecks({ ...base, ...evidence }, { ...context, ...ctx });
    expect(results.map((r) => [r.code, r.passed])).toEqual(expected);
    for (const r of results) expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each([['2026-05-20T02:00:00Z', true], ['2026-05-21T15:00:00Z', true], ['2026-05-23T02:00:00Z', false]] as const)('a visit on 2026-05-20: a photo taken at %s passes the time check: %s', (at, passed) => {
    const [time] = runPhotoChecks({ ...base, capturedAt: at }, { ...context, capture: { day: '2026-05-20' } });
    expect(time).toMatchObject({ code: 'time', passed });
  });

  it('names the photo it duplicates', () => {
    const [, , dup] = runPhotoChecks(base, { ...context, used: [{ hash: null, sha256: 'a'.repeat(64), label: '甲项目 2026-04 月报' }] });
    expect(dup!.message).toBe('与已使用的文件完全相同（甲项目 2026-04 月报）');
  });

  it.each<[(boolean | null)[], string]>([
    [[true, true, true], 'passed'],
    [[true, null, true], 'flagged'],
    [[true, null, false], 'failed'],
    [[], 'passed'],
  ])('%j → %s', (passes, status) => {
    expect(overallCheckStatus(passes.map((passed): CheckResult => ({ code: 'x', passed, message: '' })))).toBe(status);
  });
});
