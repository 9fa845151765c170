import { describe, expect, it } from 'vitest';
import type { RegionLevel } from './catalog';
import { COUNTRY_CODE, isRegionCode, isWithinRegion, levelOfCode, parentCode, regionPrefix } from './region';

describe('isRegionCode', () => {
  it.each<[string, boolean]>([
    ['371425', true], ['100000', true], ['37142', false], ['3714250', false], ['37142a', false], ['', false], [' 371425', false],
  ])('%j → %s', (code, expected) => {
    expect(isRegionCode(code)).toBe(expected);
  });
});

describe('levelOfCode', () => {
  it.each<[string, RegionLevel]>([
    ['100000', 'country'],
    ['370000', 'province'],
    ['110000', 'province'],
    ['371400', 'city'],
    ['110100', 'city'],
    ['371425', 'county'],
    ['371402', 'county'],
    ['110105', 'county'],
  ])('%s is a %s', (code, level) => {
    expect(levelOfCode(code)).toBe(level);
  });
});

describe('regionPrefix', () => {
  it.each<[string, RegionLevel | undefined, string]>([
    ['100000', undefined, ''],
    ['370000', undefined, '37'],
    ['371400', undefined, '3714'],
    ['371425', undefined, '371425'],
    ['371425', 'city', '3714'],
    ['371425', 'province', '37'],
    ['371400', 'province', '37'],
    ['371425', 'country', ''],
  ])('%s at %s → %j', (code, level, prefix) => {
    expect(regionPrefix(code, level)).toBe(prefix);
  });
});

describe('isWithinRegion', () => {
  it.each<[string, string, RegionLevel | undefined, boolean]>([
    ['371425', '371425', undefined, true],
    ['371425', '371400', undefined, true],
    ['371425', '370000', undefined, true],
    ['371425', COUNTRY_CODE, undefined, true],
    ['110105', COUNTRY_CODE, undefined, true],
    ['371400', '371400', undefined, true],
    ['371426', '371425', undefined, false],
    ['371525', '371400', undefined, false],
    ['381425', '370000', undefined, false],
    // a region is not inside one of its own parts
    ['371400', '371425', undefined, false],
    ['370000', '371400', undefined, false],
    ['100000', '370000', undefined, false],
    // an explicit level widens the scope
    ['371525', '371425', 'province', true],
    ['371426', '371425', 'city', true],
  ])('%s within %s (%s): %s', (code, scope, level, expected) => {
    expect(isWithinRegion(code, scope, level)).toBe(expected);
  });
});

describe('parentCode', () => {
  it.each<[string, string | null]>([
    ['371425', '371400'],
    ['371400', '370000'],
    ['370000', COUNTRY_CODE],
    [COUNTRY_CODE, null],
  ])('%s → %s', (code, parent) => {
    expect(parentCode(code)).toBe(parent);
  });

  it('walks from a county up to the country', () => {
    const chain: string[] = [];
    for (let code: string | null = '371425'; code != null; code = parentCode(code)) chain.push(code);
    expect(chain).toEqual(['371425', '371400', '370000', '100000']);
    expect(chain.map(levelOfCode)).toEqual(['county', 'city', 'province', 'country']);
  });
});
