import { describe, expect, it } from 'vitest';
import { checkCaptureTime, distanceText, checkDuplicate, checkLocation, hammingDistance, isInsidePolygon } from './checks';
import type { LngLat } from '../geo';

describe('capture time', () => {
  it.each<[string | null, boolean | null, RegExp]>([
    ['2026-03-15T02:00:00Z', true, /拍摄于 2026-03-15/],
    ['2026-02-28T15:59:00Z', false, /早于本期月报/], // 23:59 on 28 Feb in China
    ['2026-02-28T16:00:00Z', true, /2026-03-01/], // midnight 1 March in China
    ['2026-04-05T10:00:00Z', true, /2026-04-05/], // before the deadline in the next month
    ['2026-04-06T10:00:00Z', false, /晚于报送截止日 2026-04-05/],
    [null, null, /没有拍摄时间/],
  ])('%s', (taken, passed, message) => {
    const r = checkCaptureTime(taken, '2026-03', '2026-04-05');
    expect(r.passed).toBe(passed);
    expect(r.message).toMatch(message);
  });
});

describe('location', () => {
  const site: LngLat[] = [[116.80, 36.60], [116.81, 36.60], [116.81, 36.61], [116.80, 36.61]];
  it.each<[LngLat, boolean]>([
    [[116.805, 36.605], true], [[116.815, 36.605], false], [[116.80, 36.6099], true], [[116.7999, 36.605], false],
  ])('%j inside the outline: %s', (point, inside) => expect(isInsidePolygon(point, site)).toBe(inside));

  it.each<[LngLat | null, { point: LngLat | null; outline: LngLat[] | null }, boolean | null, RegExp]>([
    [[116.805, 36.605], { point: null, outline: site }, true, /用地范围内/],
    [[116.83, 36.605], { point: null, outline: site }, false, /不在项目用地范围内/],
    [[116.8, 36.6], { point: [116.805, 36.603], outline: null }, true, /距项目位置约 \d+ 米$/],
    [[116.9, 36.6], { point: [116.805, 36.603], outline: null }, false, /约 8\.5 公里，超过 1 公里$/],
    [null, { point: [116.805, 36.603], outline: null }, null, /没有 GPS/],
    [[116.8, 36.6], { point: null, outline: null }, null, /未登记位置/],
  ])('photo at %j', (taken, project, passed, message) => {
    const r = checkLocation(taken, project);
    expect(r.passed).toBe(passed);
    expect(r.message).toMatch(message);
  });
});

describe('duplicates', () => {
  it.each([['0000000000000000', '0000000000000000', 0], ['ffffffffffffffff', '0000000000000000', 64], ['8000000000000001', '0000000000000000', 2]] as const)(
    'hamming(%s, %s) = %i', (a, b, d) => expect(hammingDistance(a, b)).toBe(d),
  );

  it('refuses malformed hashes', () => expect(() => hammingDistance('xyz', '0000000000000000')).toThrow('十六进制'));

  const used = [{ hash: 'f0f0f0f0f0f0f0f0', sha256: 'aa', label: '项目甲 2026-02 照片1' }];
  it.each<[string, string, boolean, RegExp]>([
    ['0f0f0f0f0f0f0f0f', 'bb', true, /未发现/],
    ['f0f0f0f0f0f0f0f1', 'bb', false, /几乎相同（项目甲 2026-02 照片1，差异 1 位）/],
    ['0f0f0f0f0f0f0f0f', 'aa', false, /完全相同/],
  ])('%s / %s', (hash, sha, passed, message) => {
    const r = checkDuplicate(hash, sha, used);
    expect(r.passed).toBe(passed);
    expect(r.message).toMatch(message);
  });
});

describe('distances in words', () => {
  it.each([[0, '0 米'], [999, '999 米'], [1000, '1 公里'], [8_345, '8.3 公里'], [123_456, '123 公里']])('%i m → %s', (m, text) => {
    expect(distanceText(m)).toBe(text);
  });
});
