import { describe, expect, it } from 'vitest';
import {
  addMonths, chinaDate, chinaYear, daysBetween, formatPeriod, isDate, isPeriod, monthPace, parsePeriod, yearElapsedShare,
} from './period';

describe('isPeriod / parsePeriod', () => {
  it.each<[string, { year: number; month: number }]>([
    ['2024-01', { year: 2024, month: 1 }],
    ['2024-12', { year: 2024, month: 12 }],
    ['1999-09', { year: 1999, month: 9 }],
  ])('%s is a period: %j', (text, parsed) => {
    expect(isPeriod(text)).toBe(true);
    expect(parsePeriod(text)).toEqual(parsed);
  });

  it.each(['2024-00', '2024-13', '2024-1', '24-01', '2024/01', '2024-01-01', ' 2024-01', '2024-01 ', '', '202401'])(
    '%j is not a period',
    (text) => {
      expect(isPeriod(text)).toBe(false);
      expect(() => parsePeriod(text)).toThrow(`不是有效的月份：${text}`);
    },
  );
});

describe('formatPeriod', () => {
  it.each<[number, number, string]>([
    [2024, 1, '2024-01'],
    [2024, 10, '2024-10'],
  ])('%d, %d → %s', (year, month, text) => {
    expect(formatPeriod(year, month)).toBe(text);
  });
});

describe('addMonths', () => {
  it.each<[string, number, string]>([
    ['2024-05', 0, '2024-05'],
    ['2024-05', 1, '2024-06'],
    ['2021-12', 1, '2022-01'],
    ['2021-01', -1, '2020-12'],
    ['2021-06', 25, '2023-07'],
    ['2021-06', -25, '2019-05'],
    ['2021-12', -12, '2020-12'],
    ['2021-01', 12, '2022-01'],
    ['2021-01', 11, '2021-12'],
    ['2021-12', -11, '2021-01'],
    ['2021-03', -27, '2018-12'],
    ['2000-01', -1, '1999-12'],
  ])('%s %+d → %s', (period, months, expected) => {
    expect(addMonths(period, months)).toBe(expected);
  });

  it('refuses a malformed period', () => {
    expect(() => addMonths('2021-13', 1)).toThrow(RangeError);
  });
});

describe('isDate', () => {
  it.each<[string, boolean]>([
    ['2024-05-17', true],
    ['2020-02-29', true],
    ['2021-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2021-02-28', true],
    ['2021-13-01', false],
    ['2021-00-10', false],
    ['2021-04-31', false],
    ['2021-04-30', true],
    ['2021-12-31', true],
    ['2021-12-32', false],
    ['2021-01-00', false],
    ['2021-1-01', false],
    ['2021-01-1', false],
    ['2021/01/01', false],
    ['2021-01-01T00:00:00Z', false],
    ['', false],
    ['20210101', false],
  ])('%j → %s', (text, expected) => {
    expect(isDate(text)).toBe(expected);
  });
});

describe('chinaDate / chinaYear', () => {
  // China is UTC+8 all year: the calendar date flips at 16:00 UTC.
  it.each<[string, string]>([
    ['2024-03-10T15:59:59.999Z', '2024-03-10'],
    ['2024-03-10T16:00:00.000Z', '2024-03-11'],
    ['2024-03-10T00:00:00.000Z', '2024-03-10'],
    ['2023-12-31T15:59:59.999Z', '2023-12-31'],
    ['2023-12-31T16:00:00.000Z', '2024-01-01'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
    ['2024-06-30T23:59:59.999Z', '2024-07-01'],
  ])('%s → %s', (iso, date) => {
    expect(chinaDate(new Date(iso))).toBe(date);
  });

  it.each<[string, number]>([
    ['2023-12-31T15:59:59.999Z', 2023],
    ['2023-12-31T16:00:00.000Z', 2024],
  ])('chinaYear at %s → %d', (iso, year) => {
    expect(chinaYear(new Date(iso))).toBe(year);
  });
});

describe('yearElapsedShare', () => {
  it.each<[string, number]>([
    ['2023-12-31', 1],
    ['2024-12-31', 1],
    ['2023-01-01', 1 / 365],
    ['2024-01-01', 1 / 366],
    ['2023-07-02', 183 / 365],
    ['2024-02-29', 60 / 366],
    ['2023-03-01', 60 / 365],
  ])('end of %s → %f', (date, share) => {
    expect(yearElapsedShare(date)).toBeCloseTo(share, 12);
  });
});

describe('monthPace', () => {
  it.each<[string | null, string, number, string | null]>([
    ['2026-10', '2026-11-30', 10 / 12, '2026-10'],
    ['2026-11', '2026-11-30', 11 / 12, '2026-11'],
    ['2026-12', '2026-11-30', 11 / 12, '2026-11'], // ahead of today: this month
    ['2026-03', '2026-11-30', 10 / 12, '2026-10'], // stale: last month's end
    [null, '2026-11-30', 10 / 12, '2026-10'],
    ['2025-12', '2026-11-30', 10 / 12, '2026-10'],
    [null, '2026-01-20', 0, null], // nothing of the year has ended
    ['2026-01', '2026-01-20', 1 / 12, '2026-01'],
    ['2025-12', '2026-01-20', 0, null],
    ['2026-13', '2026-06-01', 5 / 12, '2026-05'], // not a month
  ])('%s on %s → %f through %s', (through, today, share, month) => {
    expect(monthPace(through, today)).toEqual({ share, through: month });
  });
});

describe('daysBetween', () => {
  it.each<[string, string, number]>([
    ['2024-01-01', '2024-01-01', 0],
    ['2024-01-01', '2024-01-02', 1],
    ['2024-01-02', '2024-01-01', -1],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2023-12-31', '2024-01-01', 1],
    ['2023-01-01', '2024-01-01', 365],
    ['2024-01-01', '2025-01-01', 366],
  ])('%s → %s is %d days', (a, b, days) => {
    expect(daysBetween(a, b)).toBe(days);
  });
});
