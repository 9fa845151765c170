import { describe, expect, it } from 'vitest';
import {
  MAX_YUAN, formatAmount, formatAmountAuto, formatPercent, isYuan, parseAmount, ratio, sumYuan, toUnitString,
  type MoneyUnit,
} from './money';

describe('parseAmount', () => {
  it.each<[string, MoneyUnit, number]>([
    ['12.5', 'wan', 125_000],
    ['0.0001', 'wan', 1],
    ['1', 'wan', 10_000],
    ['3.2', 'yi', 320_000_000],
    ['0.00000001', 'yi', 1],
    ['1,234.5', 'wan', 12_345_000],
    ['1,234', 'yuan', 1234],
    ['  12.5  ', 'wan', 125_000],
    ['+7', 'yuan', 7],
    ['0', 'yuan', 0],
    ['007', 'yuan', 7],
    ['-12.5', 'wan', -125_000],
    ['-0', 'yuan', 0],
  ])('%j %s → %d yuan', (text, unit, yuan) => {
    expect(parseAmount(text, unit)).toBe(yuan);
  });

  it('defaults to yuan', () => {
    expect(parseAmount('42')).toBe(42);
  });

  // Rounding happens at the first digit below one yuan and goes half away from zero.
  it.each<[string, MoneyUnit, number]>([
    ['1,234.5', 'yuan', 1235],
    ['1,234.49', 'yuan', 1234],
    ['1,234.4999999', 'yuan', 1234],
    ['0.5', 'yuan', 1],
    ['0.4', 'yuan', 0],
    ['0.00005', 'wan', 1],
    ['0.00004999', 'wan', 0],
    ['0.000049', 'wan', 0],
    ['12.34565', 'wan', 123_457],
    ['0.000000005', 'yi', 1],
    ['0.000000004', 'yi', 0],
    ['-0.5', 'yuan', -1],
    ['-0.00005', 'wan', -1],
    ['-0.00004', 'wan', 0],
  ])('rounds %j %s → %d', (text, unit, yuan) => {
    expect(parseAmount(text, unit)).toBe(yuan);
  });

  it.each([
    '', ' ', 'abc', '12.5万', '1e5', '.5', '5.', '1.2.3', '--1', '1 234', 'NaN', 'Infinity', '0x10', '12,5.',
  ])('refuses %j', (text) => {
    expect(parseAmount(text, 'wan')).toBeNull();
  });

  it.each<[string, MoneyUnit, number | null]>([
    [String(MAX_YUAN), 'yuan', MAX_YUAN],
    [`-${MAX_YUAN}`, 'yuan', -MAX_YUAN],
    ['9007199254740992', 'yuan', null],
    ['-9007199254740992', 'yuan', null],
    ['900719925474.0991', 'wan', MAX_YUAN],
    ['900719925474.0992', 'wan', null],
    ['90071992.54740991', 'yi', MAX_YUAN],
    ['90071993', 'yi', null],
    ['1' + '0'.repeat(40), 'yuan', null],
  ])('at the edge of the exact range: %s %s → %s', (text, unit, yuan) => {
    expect(parseAmount(text, unit)).toBe(yuan);
  });
});

describe('toUnitString', () => {
  it.each<[number, MoneyUnit, string]>([
    [125_000, 'wan', '12.5'],
    [1, 'yi', '0.00000001'],
    [1, 'wan', '0.0001'],
    [10_000, 'wan', '1'],
    [0, 'wan', '0'],
    [0, 'yi', '0'],
    [0, 'yuan', '0'],
    [1234, 'yuan', '1234'],
    [100_000_000, 'yi', '1'],
    [123_456_789, 'yi', '1.23456789'],
    [120_000_000, 'yi', '1.2'],
    [-125_000, 'wan', '-12.5'],
    [-1, 'yi', '-0.00000001'],
    // 0.1 + 0.2 style artefacts would show here if the conversion went through floats.
    [3, 'wan', '0.0003'],
    [30_000_003, 'wan', '3000.0003'],
    [MAX_YUAN, 'wan', '900719925474.0991'],
    [MAX_YUAN, 'yi', '90071992.54740991'],
  ])('%d yuan in %s → %s', (yuan, unit, text) => {
    expect(toUnitString(yuan, unit)).toBe(text);
  });

  it.each<[number, MoneyUnit]>([
    [1, 'yi'], [125_000, 'wan'], [-987_654_321, 'yi'], [MAX_YUAN, 'wan'], [10_000_000_001, 'yi'], [5, 'yuan'],
  ])('round-trips %d through %s', (yuan, unit) => {
    expect(parseAmount(toUnitString(yuan, unit), unit)).toBe(yuan);
  });
});

describe('formatAmount', () => {
  it.each<[number | null | undefined, MoneyUnit | undefined, number | undefined, string]>([
    [12_345_678, undefined, undefined, '1,234.57'],
    [12_345_678, 'wan', 2, '1,234.57'],
    [123_456_789, 'yi', 2, '1.23'],
    [123_456_789, 'yi', 4, '1.2346'],
    [1, 'yi', 8, '0.00000001'],
    [0, 'wan', 2, '0.00'],
    [1234, 'yuan', 0, '1,234'],
    [125_000, 'wan', 1, '12.5'],
    [150, 'wan', 2, '0.02'],
    [1250, 'wan', 2, '0.13'],
    [-150, 'wan', 2, '-0.02'],
    [MAX_YUAN, 'yuan', 0, '9,007,199,254,740,991'],
    [null, 'wan', 2, '—'],
    [undefined, 'wan', 2, '—'],
  ])('%s yuan in %s with %s decimals → %s', (yuan, unit, decimals, text) => {
    expect(formatAmount(yuan, unit, decimals)).toBe(text);
  });
});

describe('formatAmountAuto', () => {
  it.each<[number | null | undefined, string]>([
    [99_999_999, '10,000.00 万元'],
    [100_000_000, '1.00 亿元'],
    [1_234_567_890, '12.35 亿元'],
    [125_000, '12.50 万元'],
    [-200_000_000, '-2.00 亿元'],
    [0, '0.00 万元'],
    [null, '—'],
  ])('%s → %s', (yuan, text) => {
    expect(formatAmountAuto(yuan)).toBe(text);
  });
});

describe('sumYuan', () => {
  it.each<[(number | null | undefined)[], number]>([
    [[], 0],
    [[1, 2, 3], 6],
    [[null, 5, undefined, 7], 12],
    [[MAX_YUAN - 1, 1], MAX_YUAN],
    [[MAX_YUAN, -MAX_YUAN], 0],
    // 0.1 + 0.2 in 万元 as integer yuan stays exact.
    [[1000, 2000], 3000],
    [[4_503_599_627_370_496, 4_503_599_627_370_495], MAX_YUAN],
  ])('%j → %d', (values, total) => {
    expect(sumYuan(values)).toBe(total);
  });

  it('accepts any iterable', () => {
    expect(sumYuan(new Set([10, 20, 30]))).toBe(60);
  });

  it.each<[string, number[]]>([
    ['one past the exact range', [MAX_YUAN, 1]],
    ['two maxima', [MAX_YUAN, MAX_YUAN]],
    ['below the negative range', [-MAX_YUAN, -1]],
    // MAX + 2 is not representable and rounds to 2^53; subtracting 2 again would return a
    // plausible but wrong total (2^53 − 2) instead of failing.
    ['a running total that passes outside the exact range', [MAX_YUAN, 2, -2]],
  ])('throws on %s', (_case, values) => {
    expect(() => sumYuan(values)).toThrow(RangeError);
    expect(() => sumYuan(values)).toThrow('金额合计超出可精确表示的范围');
  });
});

describe('ratio', () => {
  it.each<[number, number | null | undefined, number | null]>([
    [50, 100, 0.5],
    [0, 100, 0],
    [150, 100, 1.5],
    [-30, 120, -0.25],
    [5, 0, null],
    [0, 0, null],
    [5, null, null],
    [5, undefined, null],
  ])('ratio(%d, %s) → %s', (part, whole, share) => {
    expect(ratio(part, whole)).toBe(share);
  });
});

describe('formatPercent', () => {
  it.each<[number | null | undefined, number | undefined, string]>([
    [0.967, undefined, '96.7%'],
    [0.5, 0, '50%'],
    [1.23456, 2, '123.46%'],
    [0, undefined, '0.0%'],
    [null, undefined, '—'],
    [undefined, undefined, '—'],
    [Number.NaN, undefined, '—'],
    [Number.POSITIVE_INFINITY, undefined, '—'],
  ])('%s with %s decimals → %s', (value, decimals, text) => {
    expect(formatPercent(value, decimals)).toBe(text);
  });
});

describe('isYuan', () => {
  it.each<[unknown, boolean]>([
    [0, true], [125_000, true], [-5, true], [MAX_YUAN, true],
    [MAX_YUAN + 1, false], [0.5, false], [Number.NaN, false], ['100', false], [null, false], [100n, false],
  ])('%s → %s', (value, expected) => {
    expect(isYuan(value)).toBe(expected);
  });
});

describe('parseAmount with a Chinese input method', () => {
  it.each([['１２', 'yuan', 12], ['１２．５', 'wan', 125_000], ['１，２３４', 'yuan', 1234]] as const)('%s %s → %i', (text, unit, yuan) => {
    expect(parseAmount(text, unit)).toBe(yuan);
  });
});
