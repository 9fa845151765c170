import { describe, expect, it } from 'vitest';
import { distanceMetres, gcj02ToWgs84, parseCoordinateList, toWgs84, wgs84ToGcj02, type LngLat } from './geo';

describe('GCJ-02 and WGS-84', () => {
  // Reference pairs: the forward transform moves points in eastern China by roughly 300–700 m.
  it.each<[string, LngLat]>([
    ['Beijing, Tiananmen', [116.3912757, 39.906217]],
    ['Dezhou', [116.3575, 37.4341]],
    ['Shanghai', [121.4737, 31.2304]],
    ['Urumqi', [87.6168, 43.8256]],
  ])('round-trips %s to within a centimetre', (_name, wgs) => {
    const gcj = wgs84ToGcj02(wgs);
    const shift = distanceMetres(wgs, gcj);
    expect(shift).toBeGreaterThan(50);
    expect(shift).toBeLessThan(1000);
    expect(distanceMetres(gcj02ToWgs84(gcj), wgs)).toBeLessThan(0.01);
  });

  it('matches the published forward value for Tiananmen', () => {
    const [lng, lat] = wgs84ToGcj02([116.3912757, 39.906217]);
    expect(lng).toBeCloseTo(116.397520, 5);
    expect(lat).toBeCloseTo(39.907621, 5);
  });

  it('leaves points outside China alone', () => {
    expect(wgs84ToGcj02([2.3522, 48.8566])).toEqual([2.3522, 48.8566]);
    expect(gcj02ToWgs84([151.2093, -33.8688])).toEqual([151.2093, -33.8688]);
  });

  it('converts only what is declared GCJ-02', () => {
    expect(toWgs84([116.4, 39.9], 'wgs84')).toEqual([116.4, 39.9]);
    expect(toWgs84([116.4, 39.9], 'gcj02')[0]).not.toBe(116.4);
  });
});

describe('distanceMetres', () => {
  it.each<[LngLat, LngLat, number]>([
    [[116.4, 39.9], [116.4, 39.9], 0],
    [[116.4, 39.9], [116.4, 40.9], 111_195],
    [[0, 0], [1, 0], 111_195],
  ])('%j → %j ≈ %d m', (a, b, metres) => {
    expect(distanceMetres(a, b)).toBeCloseTo(metres, -1);
  });
});

describe('parseCoordinateList', () => {
  it.each<[string, unknown]>([
    ['116.1,36.2\n116.2,36.2\n116.2,36.3', { points: [[116.1, 36.2], [116.2, 36.2], [116.2, 36.3]] }],
    ['116.1，36.2；116.2,36.2;116.2 36.3', { points: [[116.1, 36.2], [116.2, 36.2], [116.2, 36.3]] }],
    ['  \n', { points: [] }],
    ['116.1,36.2\nabc\n116.2,36.3', { badLine: 2 }],
  ])('%j', (text, expected) => {
    expect(parseCoordinateList(text)).toEqual(expected);
  });
});
