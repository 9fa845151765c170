import { describe, expect, it } from 'vitest';
import { parseLedger } from './ledger';
import { sheet } from './test-grids';
import type { CellValue, ParsedRecord } from './types';

// A ledger kept in 亿元, as a development-and-reform bureau sends it: the unit only in the note
// line under the title, an annual block 2021年度投资（亿元） over 计划投资 | 力争投资 | 1-8月完成 |
// 上年同期完成, no category column (the group rows say it, and carry their own sums), a
// project invested in dollars, several key-list levels in one cell, undecided dates and
// full-width digits.

const rows: CellValue[][] = [
  ['XX县2021年重点项目建设进展情况表'],
  ['填报单位：XX县发展和改革委员会　截止时间：2021年8月31日　金额单位：亿元'],
  ['序号', '项目名称', '建设单位', '建设地点', '建设性质', '建设内容及规模', '总投资', '2021年度投资（亿元）', null, null, null, '项目级别', '开工时间', '竣工时间', '包保县级领导', '联系电话'],
  [null, null, null, null, null, null, null, '计划投资', '力争投资', '1-8月完成', '上年同期完成', null, null, null, null, null],
  ['一、工业项目（3个）', '', '', '', '', '', '55.28', 10.3, 11.9, 5.2, 1.9],
  [1, '中外合资精密轴承项目', 'XX精密机械有限公司', '经开区', '新建', '年产轴承500万套', '1.8亿美元', 3.2, 3.5, '１．２５', 0.8, '市级；省级', '2021.3', '2023年6月', '王县长', '0371-6123 4567'],
  [2, '  绿色食品  产业园 ', 'XX食品有限公司', '城关镇', '续建', '标准化厂房12万平方米', 12.5, 2.1, 2.4, 1.6, 1.1, '县级', '待定', '未定', '李副县长', '138 0000 1111'],
  [3, '新能源电池项目', 'XX新能源科技有限公司', '经开区', '新建', '年产2GWh电池', 30, 5, 6, 2.35, '—', '省重点', '2021年4月', '2022年底', '王县长', '13900002222'],
  ['二、服务业项目（1个）', '', '', '', '', '', 8.6, 1.5, 1.8, 0.96, 0.5],
  [4, '县城商贸物流中心', 'XX物流有限公司', '城关镇', '新建', '仓储10万平方米', 8.6, 1.5, 1.8, 0.96, 0.5, '县、市', '2021年3月', '2022年12月', '赵副县长', ''],
  ['三、基础设施和民生项目（1个）', '', '', '', '', '', 6.3, 2, 2.2, 1.45, 1.2],
  [5, '县人民医院新院区', '县卫生健康委员会', '城南新区', '续建', '床位800张', 6.3, 2, 2.2, 1.45, 1.2, '县级重点', '2020.6', '2022.12', '钱副县长', '0371-61234567'],
  ['', '合计', '', '', '', '', 70.18, 13.8, 15.9, 7.61, 3.6],
  ['填表人：张三　　审核人：李四'],
];
const merges = ['A1:P1', 'A2:P2', 'H3:K3', ...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'L', 'M', 'N', 'O', 'P'].map((c) => `${c}3:${c}4`)];
const grid = sheet('2021年', rows, { merges });

type Figures = Pick<ParsedRecord, 'row' | 'name' | 'category' | 'nature' | 'levels' | 'totalInvestment' | 'plan' | 'target' | 'completed' | 'completedLastYear' | 'commitStartDate' | 'commitCompletionDate' | 'contactPhone'>;

describe('a 亿元 ledger with group rows for categories and a dollar investment', () => {
  const ledger = parseLedger(grid, { rates: { USD: '7.1' } });

  it('reads the period from 截止时间 and the 1-8月 header, and the unit from the note line', () => {
    expect(ledger).toMatchObject({ title: 'XX县2021年重点项目建设进展情况表', asOf: '2021-08-31', year: 2021, throughMonth: 8, headerRows: [3, 4] });
    const units = Object.fromEntries(ledger.columns.filter((c) => c.unit).map((c) => [`${c.letter} ${c.field}`, c.unit]));
    expect(units).toEqual({
      'G totalInvestment': { kind: 'cny', unit: 'yi' }, 'H plan': { kind: 'cny', unit: 'yi' }, 'I target': { kind: 'cny', unit: 'yi' },
      'J completed': { kind: 'cny', unit: 'yi' }, 'K completedLastYear': { kind: 'cny', unit: 'yi' },
    });
    expect(ledger.columns.map((c) => c.field)).toEqual([
      'seq', 'name', 'ownerName', 'address', 'nature', 'contentScale', 'totalInvestment', 'plan', 'target', 'completed',
      'completedLastYear', 'level', 'startDate', 'completionDate', 'leaderName', 'contactPhone',
    ]);
  });

  it('reads every figure exactly in yuan, categories from the group rows', () => {
    const figures = ledger.records.map((r): Figures => ({
      row: r.row, name: r.name, category: r.category, nature: r.nature, levels: r.levels, totalInvestment: r.totalInvestment, plan: r.plan,
      target: r.target, completed: r.completed, completedLastYear: r.completedLastYear, commitStartDate: r.commitStartDate,
      commitCompletionDate: r.commitCompletionDate, contactPhone: r.contactPhone,
    }));
    expect(figures).toEqual<Figures[]>([
      { row: 6, name: '中外合资精密轴承项目', category: 'industrial', nature: 'new', levels: ['city', 'province'], totalInvestment: 1_278_000_000, plan: 320_000_000, target: 350_000_000, completed: 125_000_000, completedLastYear: 80_000_000, commitStartDate: '2021-03-01', commitCompletionDate: '2023-06-30', contactPhone: '0371-61234567' },
      { row: 7, name: '绿色食品 产业园', category: 'industrial', nature: 'continued', levels: ['county'], totalInvestment: 1_250_000_000, plan: 210_000_000, target: 240_000_000, completed: 160_000_000, completedLastYear: 110_000_000, commitStartDate: undefined, commitCompletionDate: undefined, contactPhone: '13800001111' },
      { row: 8, name: '新能源电池项目', category: 'industrial', nature: 'new', levels: ['province'], totalInvestment: 3_000_000_000, plan: 500_000_000, target: 600_000_000, completed: 235_000_000, completedLastYear: undefined, commitStartDate: '2021-04-01', commitCompletionDate: '2022-12-31', contactPhone: '13900002222' },
      { row: 10, name: '县城商贸物流中心', category: 'services', nature: 'new', levels: ['county', 'city'], totalInvestment: 860_000_000, plan: 150_000_000, target: 180_000_000, completed: 96_000_000, completedLastYear: 50_000_000, commitStartDate: '2021-03-01', commitCompletionDate: '2022-12-31', contactPhone: undefined },
      { row: 12, name: '县人民医院新院区', category: 'infrastructure', nature: 'continued', levels: ['county'], totalInvestment: 630_000_000, plan: 200_000_000, target: 220_000_000, completed: 145_000_000, completedLastYear: 120_000_000, commitStartDate: '2020-06-01', commitCompletionDate: '2022-12-31', contactPhone: '0371-61234567' },
    ]);
  });

  it('keeps the dollar amount beside its yuan value, at the confirmed rate', () => {
    expect(ledger.records[0]!.foreign).toEqual({ amount: 180_000_000, currency: 'USD', rate: '7.1' });
    // Still listed, so the preview keeps showing the rate it was given.
    expect(ledger.currencies).toEqual(['USD']);
  });

  it('checks the sums each group row and the total row carry', () => {
    const checks = ledger.checks.map((c) => [c.row, c.label, c.field, c.sheetValue, c.computed, c.matches]);
    expect(checks).toEqual([
      [5, '一、工业项目（3个）', 'totalInvestment', 5_528_000_000, 5_528_000_000, true],
      [5, '一、工业项目（3个）', 'plan', 1_030_000_000, 1_030_000_000, true],
      [5, '一、工业项目（3个）', 'target', 1_190_000_000, 1_190_000_000, true],
      [5, '一、工业项目（3个）', 'completed', 520_000_000, 520_000_000, true],
      [5, '一、工业项目（3个）', 'completedLastYear', 190_000_000, 190_000_000, true],
      [9, '二、服务业项目（1个）', 'totalInvestment', 860_000_000, 860_000_000, true],
      [9, '二、服务业项目（1个）', 'plan', 150_000_000, 150_000_000, true],
      [9, '二、服务业项目（1个）', 'target', 180_000_000, 180_000_000, true],
      [9, '二、服务业项目（1个）', 'completed', 96_000_000, 96_000_000, true],
      [9, '二、服务业项目（1个）', 'completedLastYear', 50_000_000, 50_000_000, true],
      [11, '三、基础设施和民生项目（1个）', 'totalInvestment', 630_000_000, 630_000_000, true],
      [11, '三、基础设施和民生项目（1个）', 'plan', 200_000_000, 200_000_000, true],
      [11, '三、基础设施和民生项目（1个）', 'target', 220_000_000, 220_000_000, true],
      [11, '三、基础设施和民生项目（1个）', 'completed', 145_000_000, 145_000_000, true],
      [11, '三、基础设施和民生项目（1个）', 'completedLastYear', 120_000_000, 120_000_000, true],
      [13, '合计', 'totalInvestment', 7_018_000_000, 7_018_000_000, true],
      [13, '合计', 'plan', 1_380_000_000, 1_380_000_000, true],
      [13, '合计', 'target', 1_590_000_000, 1_590_000_000, true],
      [13, '合计', 'completed', 761_000_000, 761_000_000, true],
      [13, '合计', 'completedLastYear', 360_000_000, 360_000_000, true],
    ]);
  });

  it('warns about the undecided dates and nothing else', () => {
    expect(ledger.problems).toEqual([
      { level: 'warning', sheet: '2021年', row: 7, column: 'M', field: 'startDate', message: '第 7 行 M 列「开工时间」：日期写的是“待定”，未设置开工时间' },
      { level: 'warning', sheet: '2021年', row: 7, column: 'N', field: 'completionDate', message: '第 7 行 N 列「竣工时间」：日期写的是“未定”，未设置竣工时间' },
    ]);
    expect(ledger.skipped.map((s) => [s.row, s.kind])).toEqual([[5, 'group'], [9, 'group'], [11, 'group'], [13, 'total'], [14, 'signoff']]);
  });
});

describe('the same 亿元 ledger before the dollar rate is confirmed', () => {
  const ledger = parseLedger(grid);

  it('is an error asking for the rate, and the sums over that project are not checked', () => {
    expect(ledger.currencies).toEqual(['USD']);
    expect(ledger.problems.filter((p) => p.level === 'error')).toEqual([
      { level: 'error', sheet: '2021年', row: 6, column: 'G', field: 'totalInvestment', message: '第 6 行 G 列「总投资」：外币金额“1.8亿美元”需要确认美元兑人民币汇率后才能导入' },
    ]);
    expect(ledger.records[0]!.totalInvestment).toBeUndefined();
    expect(ledger.records[0]!.foreign).toBeUndefined();
    const totalChecks = ledger.checks.filter((c) => c.field === 'totalInvestment').map((c) => c.row);
    expect(totalChecks).toEqual([9, 11]);
    expect(ledger.checks.every((c) => c.matches)).toBe(true);
  });

  it('files the figures under the sheet’s year even when the caller names another, with a warning', () => {
    const other = parseLedger(grid, { year: 2022, rates: { USD: '7.1' } });
    expect(other.year).toBe(2021);
    expect(other.problems.map((p) => p.message)).toContain('表中年度为 2021 年，与指定的 2022 年不一致，按表中年度导入');
  });
});
