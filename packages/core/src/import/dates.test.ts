import { describe, expect, it } from 'vitest';
import { findAsOf, readDate, readDateRange, throughMonthIn, yearIn, type DateSpan } from './dates';
import type { CellValue } from './types';

const span = (from: string, to = from): DateSpan => ({ from, to });

describe('readDate', () => {
  it.each<[CellValue, DateSpan]>([
    ['2021-03-15', span('2021-03-15')],
    ['2021/3/5', span('2021-03-05')],
    ['2021.03.15', span('2021-03-15')],
    ['2021年3月15日', span('2021-03-15')],
    ['20210315', span('2021-03-15')],
    ['2021.3', span('2021-03-01', '2021-03-31')],
    ['2021年3月', span('2021-03-01', '2021-03-31')],
    ['2024年2月', span('2024-02-01', '2024-02-29')],
    ['２０２１．１２', span('2021-12-01', '2021-12-31')],
    ['2021-3', span('2021-03-01', '2021-03-31')],
    ['2021', span('2021-01-01', '2021-12-31')],
    ['2021年', span('2021-01-01', '2021-12-31')],
    ['2023年底', span('2023-12-01', '2023-12-31')],
    ['2023年上半年', span('2023-01-01', '2023-06-30')],
    ['2023年三季度', span('2023-07-01', '2023-09-30')],
    ['2023年9月底', span('2023-09-21', '2023-09-30')],
    [2021, span('2021-01-01', '2021-12-31')],
    [2021.3, span('2021-03-01', '2021-03-31')],
    [20210315, span('2021-03-15')],
    // Excel serial numbers (1900 system): 44621 is 2022-03-01, 45291 is 2023-12-31.
    [44621, span('2022-03-01')],
    [45291, span('2023-12-31')],
    [45000.75, span('2023-03-15')],
    [new Date(Date.UTC(2022, 5, 1)), span('2022-06-01')],
    ['2021/3/5 0:00:00', span('2021-03-05')],
    ['2021-03-05T00:00:00', span('2021-03-05')],
    // A reader in China time gives local midnight, 16:00 UTC the day before.
    [new Date(Date.UTC(2022, 4, 31, 16)), span('2022-06-01')],
  ])('%j → %j', (value, expected) => {
    expect(readDate(value)).toMatchObject({ kind: 'date', span: expected });
  });

  it('warns that a number 2021.1 may have been October', () => {
    expect(readDate(2021.1)).toMatchObject({ kind: 'date', span: span('2021-01-01', '2021-01-31'), note: expect.stringContaining('10 月') });
    expect(readDate('2021.10')).toMatchObject({ kind: 'date', span: span('2021-10-01', '2021-10-31') });
    expect(readDate('2021.10')).not.toHaveProperty('note');
  });

  it.each<[CellValue]>([['待定'], ['未定'], [' 暂定 ']])('%j is undecided', (value) => {
    expect(readDate(value)).toMatchObject({ kind: 'undecided' });
  });

  it.each<[CellValue]>([[null], [''], ['—'], ['/']])('%j is empty', (value) => {
    expect(readDate(value)).toEqual({ kind: 'empty' });
  });

  it.each<[CellValue]>([['2021-13-01'], ['2021-02-30'], ['1850'], ['明年'], ['2年'], [12], [true]])('%j is not a date', (value) => {
    expect(readDate(value).kind).toBe('invalid');
  });
});

describe('readDateRange', () => {
  it.each<[CellValue, string, string]>([
    ['2021-2023', '2021-01-01', '2023-12-31'],
    ['2021—2023', '2021-01-01', '2023-12-31'],
    ['2021.3—2023.6', '2021-03-01', '2023-06-30'],
    ['2022.11-2024.3', '2022-11-01', '2024-03-31'],
    ['2021年3月至2023年6月', '2021-03-01', '2023-06-30'],
    ['2021年-2023年', '2021-01-01', '2023-12-31'],
    ['2021～2023', '2021-01-01', '2023-12-31'],
    ['２０２１．３－２０２３．６', '2021-03-01', '2023-06-30'],
    ['2021-03-15至2022-06-30', '2021-03-15', '2022-06-30'],
    ['2021.3-6', '2021-03-01', '2021-06-30'],
    ['2021年3月-12月', '2021-03-01', '2021-12-31'],
    ['2023', '2023-01-01', '2023-12-31'],
  ])('%j → %s … %s', (value, from, to) => {
    const read = readDateRange(value);
    expect(read.kind).toBe('range');
    if (read.kind !== 'range') return;
    expect(read.start).toMatchObject({ kind: 'date', span: { from } });
    expect(read.end).toMatchObject({ kind: 'date', span: { to } });
  });

  it('gives up on a long text at once instead of trying every dash in it', () => {
    const started = performance.now();
    expect(readDateRange('2021-'.repeat(5000)).kind).toBe('invalid');
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('keeps an undecided end', () => {
    expect(readDateRange('2023-待定')).toMatchObject({ kind: 'range', start: { kind: 'date' }, end: { kind: 'undecided', text: '待定' } });
  });

  it.each<[CellValue]>([['两年'], ['2021-明年'], ['24个月']])('%j is not a period', (value) => {
    expect(readDateRange(value).kind).toBe('invalid');
  });
});

describe('as-of date, through month and year in titles and headers', () => {
  it.each<[string, string | null]>([
    ['（截至2023年9月30日）', '2023-09-30'],
    ['填报单位：XX县发改委　截止时间：2021年8月31日　金额单位：亿元', '2021-08-31'],
    ['数据截至2023年9月底', '2023-09-30'],
    ['截止到2022年11月', '2022-11-30'],
    ['截至 2023.6.30', '2023-06-30'],
    ['XX县2023年县级重点建设项目推进情况表', null],
  ])('findAsOf(%j) → %s', (text, date) => {
    expect(findAsOf(text)).toBe(date);
  });

  it.each<[string, number | null]>([['1-9月', 9], ['1-8月完成', 8], ['１－８月', 8], ['2021年1至8月完成投资', 8], ['1～12月', 12], ['11-12月', null], ['完成投资', null]])(
    'throughMonthIn(%j) → %s', (text, month) => {
      expect(throughMonthIn(text)).toBe(month);
    },
  );

  it.each<[string, number | null]>([['2023年', 2023], ['2021年度投资（亿元）', 2021], ['XX县2023年县级重点建设项目推进情况表', 2023], ['计划投资', null], ['12023年', null]])(
    'yearIn(%j) → %s', (text, year) => {
      expect(yearIn(text)).toBe(year);
    },
  );
});
