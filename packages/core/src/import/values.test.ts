import { describe, expect, it } from 'vitest';
import { numberText } from './cells';
import type { CellValue, ColumnUnit } from './types';
import { cleanText, foreignToYuan, isPlaceholder, readMoney, readPercent, readText, toHalfWidth, type MoneyRead } from './values';

const WAN: ColumnUnit = { kind: 'cny', unit: 'wan' };
const YI: ColumnUnit = { kind: 'cny', unit: 'yi' };
const YUAN: ColumnUnit = { kind: 'cny', unit: 'yuan' };
const WAN_USD: ColumnUnit = { kind: 'foreign', currency: 'USD', unit: 'wan' };

describe('readMoney', () => {
  it.each<[CellValue, ColumnUnit, number]>([
    [15925, WAN, 159_250_000],
    [36.1, WAN, 361_000],
    ['12.5', WAN, 125_000],
    ['１２．５', WAN, 125_000],
    ['1,234.5', WAN, 12_345_000],
    ['1，234.5', WAN, 12_345_000],
    ['12,500,000', YUAN, 12_500_000],
    [' 3.2 ', YI, 320_000_000],
    ['3000万', YUAN, 30_000_000],
    ['3000万', YI, 30_000_000],
    ['12.5万元', YI, 125_000],
    ['0.35亿元', WAN, 35_000_000],
    ['5000元', WAN, 5000],
    ['¥1,000', YUAN, 1000],
    ['0', WAN, 0],
    // A formula's cached double with float noise is rounded at the yuan, not carried along.
    [12.780000000000001, YI, 1_278_000_000],
    [0.1 + 0.2, WAN, 3000],
    [1e21, YUAN, NaN],
  ])('%j in %j → %d yuan', (value, unit, yuan) => {
    const read = readMoney(value, unit);
    if (Number.isNaN(yuan)) expect(read.kind).toBe('invalid');
    else expect(read).toMatchObject({ kind: 'cny', yuan });
  });

  it.each<[CellValue, ColumnUnit, MoneyRead]>([
    ['1.8亿美元', WAN, { kind: 'foreign', currency: 'USD', amount: 180_000_000, text: '1.8亿美元' }],
    [3283, WAN_USD, { kind: 'foreign', currency: 'USD', amount: 32_830_000, text: '3283' }],
    ['500万欧元', WAN, { kind: 'foreign', currency: 'EUR', amount: 5_000_000, text: '500万欧元' }],
    ['200万港币', WAN, { kind: 'foreign', currency: 'HKD', amount: 2_000_000, text: '200万港币' }],
    ['300万元', WAN_USD, { kind: 'cny', yuan: 3_000_000, tolerance: 5000 }],
  ])('%j in %j has its own currency', (value, unit, read) => {
    expect(readMoney(value, unit)).toEqual(read);
  });

  it.each<[CellValue]>([[null], [''], ['—'], ['-'], ['/'], ['无'], ['  '], ['——'], ['－']])('%j is empty', (value) => {
    expect(readMoney(value, WAN)).toEqual({ kind: 'empty' });
  });

  it.each<[CellValue, string]>([
    ['约1亿', 'format'],
    ['1.2.3', 'format'],
    ['12,5', 'format'],
    ['1亿2千万', 'format'],
    [true, 'format'],
    [new Date(Date.UTC(2023, 0, 1)), 'format'],
    ['-5', 'negative'],
    [-5, 'negative'],
  ])('%j is not an amount (%s)', (value, reason) => {
    expect(readMoney(value, WAN)).toMatchObject({ kind: 'invalid', reason });
  });

  // Tolerance is half the last digit written: 12.78 亿 is exact to 0.01 亿 = 1,000,000 元.
  it.each<[CellValue, ColumnUnit, number]>([
    ['12.78', YI, 500_000],
    ['1461496', WAN, 5000],
    ['12.5', WAN, 500],
    ['12.3456', WAN, 0],
    ['1000', YUAN, 0],
  ])('%j in %j is written to within %d yuan', (value, unit, tolerance) => {
    expect(readMoney(value, unit)).toMatchObject({ tolerance });
  });
});

describe('foreignToYuan', () => {
  it.each<[number, string, number | null]>([
    [180_000_000, '7.1', 1_278_000_000],
    [32_830_000, '7.1', 233_093_000],
    [1, '7.12345', 7],
    [1, '7.5', 8],
    [3, '0.0499', 0],
    [10, '0.05', 1],
    [1, 'abc', null],
    [1, '7.1234567', null],
  ])('%d × %s → %s', (amount, rate, yuan) => {
    expect(foreignToYuan(amount, rate)).toBe(yuan);
  });
});

describe('readPercent', () => {
  it.each<[CellValue, ReturnType<typeof readPercent>]>([
    [36.1, { kind: 'percent', value: 36.1, hasSign: false }],
    ['36.1%', { kind: 'percent', value: 36.1, hasSign: true }],
    ['１００．３％', { kind: 'percent', value: 100.3, hasSign: true }],
    [0.361, { kind: 'percent', value: 0.361, hasSign: false }],
    ['—', { kind: 'empty' }],
    ['过半', { kind: 'invalid', text: '过半' }],
  ])('%j', (value, read) => {
    expect(readPercent(value)).toEqual(read);
  });
});

describe('text helpers', () => {
  it.each<[string, string]>([
    ['１２．５％', '12.5%'],
    ['（万元）', '(万元)'],
    ['ＡＢ　１', 'AB 1'],
    ['中文不变', '中文不变'],
  ])('toHalfWidth(%j) → %j', (text, out) => {
    expect(toHalfWidth(text)).toBe(out);
  });

  it.each<[string, string]>([
    ['  正大  高端装备\n项目 ', '正大 高端装备 项目'],
    ['\u3000正大项目\u3000', '正大项目'],
  ])('cleanText(%j) → %j', (text, out) => {
    expect(cleanText(text)).toBe(out);
  });

  it.each<[string, boolean]>([['无', true], ['暂无', true], ['0', false], ['无锡项目', false], ['／', true]])('isPlaceholder(%j) → %s', (text, out) => {
    expect(isPlaceholder(text)).toBe(out);
  });

  it('reads a text cell, numbers as written and placeholders as nothing', () => {
    expect(readText(' 主体 施工 ')).toBe('主体 施工');
    expect(readText(12)).toBe('12');
    expect(readText('—')).toBeUndefined();
  });

  it.each<[number, string]>([[15925, '15925'], [36.1, '36.1'], [1e21, '1000000000000000000000'], [1.5e-7, '0.00000015'], [-2e-7, '-0.0000002']])(
    'numberText(%d) → %s', (n, text) => {
      expect(numberText(n)).toBe(text);
    },
  );
});
