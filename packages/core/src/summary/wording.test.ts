import { describe, expect, it } from 'vitest';
import { amountText, chineseNumeral, joinWithAnd, nameList, percentText } from './wording';

describe('amountText: amounts as the office writes them', () => {
  it.each<[number, string]>([
    [97_000_000_000, '970亿元'],
    [11_850_000_000, '118.5亿元'],
    [11_849_999_999, '118.5亿元'],
    [11_844_999_999, '118.4亿元'],
    [10_000_000_000, '100亿元'],
    // Just under 100亿: two decimals would print 100, so it is 100亿元, not 99.99.
    [9_999_600_000, '100亿元'],
    [9_999_400_000, '99.99亿元'],
    [7_690_000_000, '76.9亿元'],
    [3_962_000_000, '39.62亿元'],
    [3_962_500_000, '39.63亿元'],
    [240_000_000, '2.4亿元'],
    [100_000_000, '1亿元'],
    // Below 1亿 in 万元; a figure that rounds up to 10000万 is 1亿元.
    [99_999_999, '1亿元'],
    [99_990_000, '9999万元'],
    [50_000_000, '5000万元'],
    [12_345_000, '1234.5万元'],
    [12_345_678, '1234.57万元'],
    [5_000, '0.5万元'],
    [49, '0万元'],
    [0, '0万元'],
    [-250_000_000, '-2.5亿元'],
  ])('%d yuan → %s', (yuan, text) => {
    expect(amountText(yuan)).toBe(text);
  });
});

describe('percentText', () => {
  it.each<[number, number, string | null]>([
    [52, 105, '49.5%'],
    [383, 396, '96.7%'],
    [13, 100, '13%'],
    [1, 4, '25%'],
    [1, 3, '33.3%'],
    [2, 3, '66.7%'],
    [1, 8, '12.5%'],
    [0, 5, '0%'],
    [5, 0, null],
    // Money-sized parts stay exact: 4,190,000,000 / 3,740,000,000.
    [450_000_000, 3_740_000_000, '12%'],
  ])('%d / %d → %s', (part, whole, text) => {
    expect(percentText(part, whole)).toBe(text);
  });
});

describe('numerals and lists', () => {
  it.each<[number, string]>([[1, '一'], [2, '二'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'], [99, '九十九']])('%d → %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it('names up to five projects, then says how many', () => {
    expect(nameList(['甲', '乙'])).toBe('「甲」、「乙」');
    expect(nameList(['1', '2', '3', '4', '5', '6', '7'])).toBe('「1」、「2」、「3」、「4」、「5」等7个');
  });

  it('joins measures with 及 before the last', () => {
    expect(joinWithAnd(['项目总投资'])).toBe('项目总投资');
    expect(joinWithAnd(['项目总投资', '项目个数', '当年完成投资'])).toBe('项目总投资、项目个数及当年完成投资');
  });
});
