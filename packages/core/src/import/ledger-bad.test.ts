import { describe, expect, it } from 'vitest';
import { parseLedger, parseWorkbook } from './ledger';
import { sheet } from './test-grids';
import type { CellValue, ImportField, SheetGrid } from './types';

// Sheets that are not ledgers, and cells written to break a parser that keys objects by text.

const notes = sheet('填表说明', [
  ['填表说明'],
  ['1. 金额单位为万元；'],
  ['2. 项目名称请填写全称。'],
]);

const ledgerRows: CellValue[][] = [
  ['2023年重点项目表'],
  ['项目名称', '项目单位', '总投资（万元）', '所属行业'],
  ['甲项目', '甲公司', 100, '食品'],
];

describe('a sheet with no ledger table', () => {
  it('is an error in Chinese naming the sheet', () => {
    const ledger = parseLedger(notes);
    expect(ledger.records).toEqual([]);
    expect(ledger.columns).toEqual([]);
    expect(ledger.problems).toEqual([{
      level: 'error', sheet: '填表说明',
      message: '工作表“填表说明”中没有找到台账表头：表头应有“项目名称”一列，以及“总投资”“项目单位”“计划投资”等列中的至少两列',
    }]);
  });

  it('is an error when the only column known is the name', () => {
    const ledger = parseLedger(sheet('名单', [['项目名称', '甲', '乙'], ['某项目', 1, 2]]));
    expect(ledger.problems[0]).toMatchObject({ level: 'error', message: expect.stringContaining('没有找到台账表头') });
  });

  it('says so when the sheet is empty', () => {
    expect(parseLedger(sheet('Sheet3', [[], [null, '  ']])).problems).toEqual([{ level: 'error', sheet: 'Sheet3', message: '工作表“Sheet3”是空的' }]);
  });

  it('beside a real ledger in the workbook, is only a warning that it was skipped', () => {
    const [first, second] = parseWorkbook([notes, sheet('台账', ledgerRows)]);
    expect(first!.problems).toEqual([{
      level: 'warning', sheet: '填表说明',
      message: '工作表“填表说明”中没有找到台账表头：表头应有“项目名称”一列，以及“总投资”“项目单位”“计划投资”等列中的至少两列；该表已跳过',
    }]);
    expect(second!.records.map((r) => [r.name, r.totalInvestment, r.industry])).toEqual([['甲项目', 1_000_000, 'food']]);
    expect(second!.problems).toEqual([]);
  });

  it('is an error on every sheet when no sheet has a ledger', () => {
    const ledgers = parseWorkbook([notes, sheet('空表', [])]);
    expect(ledgers.map((l) => l.problems.map((p) => p.level))).toEqual([['error'], ['error']]);
  });
});

describe('the year', () => {
  it('is an error when neither the sheet nor the caller names one', () => {
    const ledger = parseLedger(sheet('无年份', ledgerRows.slice(1)));
    expect(ledger.year).toBe(0);
    expect(ledger.problems).toEqual([{ level: 'error', sheet: '无年份', message: '无法确定台账所属年度：标题和表头中都没有年份，请指定导入年度' }]);
    expect(parseLedger(sheet('无年份', ledgerRows.slice(1)), { year: 2024 })).toMatchObject({ year: 2024, problems: [] });
  });
});

describe('the same project on two sheets of one period', () => {
  it('is an error naming both sheets and rows', () => {
    const ledgers = parseWorkbook([sheet('工业', ledgerRows), sheet('服务业', ledgerRows)]);
    expect(ledgers[0]!.problems).toEqual([]);
    expect(ledgers[1]!.problems).toEqual([{
      level: 'error', sheet: '服务业', row: 3, field: 'name',
      message: '工作表“服务业”第 3 行与工作表“工业”第 3 行是同一个项目“甲项目”，项目单位同为“甲公司”：请删除重复行，或在名称中加以区分',
    }]);
  });

  it('reports a duplicate inside one sheet once, not again as a cross-sheet one', () => {
    const twice = [...ledgerRows, ['甲项目', '甲公司', 50, '食品']];
    const ledgers = parseWorkbook([sheet('工业', twice), sheet('服务业', [ledgerRows[0]!, ledgerRows[1]!, ['乙项目', '乙公司', 10, '物流']])]);
    expect(ledgers.flatMap((l) => l.problems).map((p) => p.message)).toEqual([
      '第 4 行与第 3 行是同一个项目“甲项目”，项目单位同为“甲公司”：请删除重复行，或在名称中加以区分',
    ]);
  });

  it('is not a duplicate when the sheets are different years (monthly or yearly snapshots)', () => {
    const lastYear = ledgerRows.map((row, i) => (i === 0 ? ['2022年重点项目表'] : row));
    const ledgers = parseWorkbook([sheet('2023', ledgerRows), sheet('2022', lastYear)]);
    expect(ledgers.flatMap((l) => l.problems)).toEqual([]);
  });
});

describe('cells that name object properties', () => {
  const hostile: SheetGrid = sheet('台账', [
    ['2023年项目表'],
    ['项目名称', '项目单位', '总投资（万元）', '__proto__', 'constructor', '所属行业', '项目级别', 'toString'],
    ['甲项目', '甲公司', 100, 'x', 'y', 'toString', '__proto__', 'z'],
    ['__proto__', '乙公司', 50, '', '', 'hasOwnProperty', '县级', ''],
  ]);
  const before = Object.getOwnPropertyNames(Object.prototype).sort();

  it('leaves them as unknown headers and words, and Object.prototype untouched', () => {
    const ledger = parseLedger(hostile);
    expect(ledger.unusedColumns.map((c) => [c.letter, c.header, c.field])).toEqual([['D', '__proto__', null], ['E', 'constructor', null], ['H', 'toString', null]]);
    expect(ledger.records.map((r) => [r.name, r.industry, r.levels])).toEqual([['甲项目', undefined, undefined], ['__proto__', undefined, ['county']]]);
    expect(ledger.problems.map((p) => p.message)).toEqual([
      '第 3 行 F 列「所属行业」：无法识别的行业“toString”，未设置；请改为系统中的行业名称',
      '第 3 行 G 列「项目级别」：无法识别的项目级别“__proto__”（可用：县级、市级、省级、国家级），未设置',
      '第 4 行 F 列「所属行业」：无法识别的行业“hasOwnProperty”，未设置；请改为系统中的行业名称',
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('reads a mapping parsed from JSON with a "__proto__" key without reaching the prototype', () => {
    const mapping = JSON.parse('{"__proto__": "name", "3": "remarks", "4": null}') as Record<number, ImportField | null>;
    const ledger = parseLedger(hostile, { mapping });
    expect(ledger.columns.find((c) => c.letter === 'D')).toMatchObject({ field: 'remarks', source: 'user' });
    expect(ledger.records[0]).toMatchObject({ name: '甲项目', remarks: 'x' });
    expect(ledger.problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.getPrototypeOf(ledger.columns[0])).toBe(Object.prototype);
  });

  it('reports a mapping to a field that does not exist', () => {
    const ledger = parseLedger(hostile, { mapping: { 3: 'evil' as ImportField } });
    expect(ledger.problems.filter((p) => p.level === 'error')).toEqual([{ level: 'error', sheet: '台账', column: 'D', message: 'D 列的对应字段“evil”不存在，请重新选择' }]);
  });
});

describe('amounts that cannot be read', () => {
  it('are errors naming row, column and header, and never become a number', () => {
    const ledger = parseLedger(sheet('台账', [
      ['2023年项目表'],
      ['序号', '项目名称', '项目单位', '总投资（万元）', '计划投资'],
      [1, '甲项目', '甲公司', '约1亿', '-5'],
    ]));
    expect(ledger.records[0]!.totalInvestment).toBeUndefined();
    expect(ledger.records[0]!.plan).toBeUndefined();
    expect(ledger.problems).toEqual([
      { level: 'error', sheet: '台账', row: 3, column: 'D', field: 'totalInvestment', message: '第 3 行 D 列「总投资（万元）」：无法识别的金额“约1亿”' },
      { level: 'error', sheet: '台账', row: 3, column: 'E', field: 'plan', message: '第 3 行 E 列「计划投资」：金额不能为负数“-5”' },
    ]);
  });
});
