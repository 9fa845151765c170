import type { RegionLevel } from './catalog';

// Region codes follow GB/T 2260: PPCCXX. A province's codes share its first two digits,
// a city's its first four, so "inside a region" is a prefix test.

const PREFIX_LENGTH: Record<RegionLevel, number> = { country: 0, province: 2, city: 4, county: 6 };

/** The root of the region tree (the code used for the whole country in common datasets). */
export const COUNTRY_CODE = '100000';

export function isRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

export function levelOfCode(code: string): RegionLevel {
  if (code === COUNTRY_CODE) return 'country';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

export function regionPrefix(code: string, level: RegionLevel = levelOfCode(code)): string {
  return code.slice(0, PREFIX_LENGTH[level]);
}

export function isWithinRegion(code: string, scopeCode: string, scopeLevel?: RegionLevel): boolean {
  return code.startsWith(regionPrefix(scopeCode, scopeLevel));
}

export function parentCode(code: string): string | null {
  const level = levelOfCode(code);
  if (level === 'country') return null;
  if (level === 'province') return COUNTRY_CODE;
  if (level === 'city') return code.slice(0, 2) + '0000';
  return code.slice(0, 4) + '00';
}
