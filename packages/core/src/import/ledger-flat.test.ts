import { describe, expect, it } from 'vitest';
import { parseLedger } from './ledger';
import { sheet } from './test-grids';
import type { CellValue } from './types';

// A flat ledger with a one-row header, amounts in 元 with thousands separators, Excel date
// cells (serial numbers and a Date), a bad credit code, a stage word nobody uses, a subtotal
// that does not add up, and, below it, a project listed twice and a row without a name.

const HEADER = ['序号', '项目名称', '项目类别', '所属行业', '项目单位', '统一社会信用代码', '总投资（元）', '年度计划投资（元）', '累计完成（元）', '开工日期', '竣工日期', '项目进展', '联系人', '联系电话', '责任人'];
const rows: CellValue[][] = [
  ['2022年重大项目推进台账'],
  HEADER,
  [1, '食品加工项目', '工业', '食品', '甲食品有限公司', '91371580ABFG1XLRR7', '12,500,000', '3,000,000', 1200000, 44621, 45291, '新开工', '王五', '139 1234 5678', '赵六'],
  [2, '文旅综合体项目', '服务业', '旅游', '乙文旅有限公司', '91370000MA3C5XK21Q', '8,000,000', '2,000,000', '500,000', new Date(Date.UTC(2022, 5, 1)), '', '拿地', '孙七', '0371-61234567', ''],
  [3, '城区道路提升工程', '基础设施', '市政道路', '县城投公司', '', 20000000, '6,000,000', '7,500,000', 44562, 44926, '在建', '周八', '', ''],
  ['', '小计', '', '', '', '', '41,000,000', '11,000,000', '9,200,000'],
  [4, '食品加工项目', '工业', '食品', '甲食品有限公司', '', '1,000,000', '', '', '', '', '', '', '', ''],
  [5, '', '工业', '食品', '丙公司', '', '2,000,000', '', '', '', '', '', '', '', ''],
];
const grid = sheet('Sheet1', rows, { formulaCells: ['I5', 'G6'] });

describe('a flat ledger in 元', () => {
  const ledger = parseLedger(grid);

  it('takes the year from the title, and has no month or as-of date', () => {
    expect(ledger).toMatchObject({ title: '2022年重大项目推进台账', asOf: null, year: 2022, throughMonth: null, headerRows: [2, 2] });
  });

  it('reads 元 amounts with thousands separators and Excel dates', () => {
    expect(ledger.records.map((r) => [r.row, r.name, r.totalInvestment, r.plan, r.completed, r.commitStartDate, r.commitCompletionDate])).toEqual([
      [3, '食品加工项目', 12_500_000, 3_000_000, 1_200_000, '2022-03-01', '2023-12-31'],
      [4, '文旅综合体项目', 8_000_000, 2_000_000, 500_000, '2022-06-01', undefined],
      [5, '城区道路提升工程', 20_000_000, 6_000_000, 7_500_000, '2022-01-01', '2022-12-31'],
      [7, '食品加工项目', 1_000_000, undefined, undefined, undefined, undefined],
    ]);
    expect(ledger.records.map((r) => [r.category, r.industry, r.stage, r.nature, r.uscc, r.contactName, r.contactPhone])).toEqual([
      ['industrial', 'food', 'under_construction', 'new', '91371580ABFG1XLRR7', '王五', '13912345678'],
      ['services', 'tourism', undefined, undefined, undefined, '孙七', '0371-61234567'],
      ['infrastructure', 'municipal', 'under_construction', undefined, undefined, '周八', undefined],
      ['industrial', 'food', undefined, undefined, undefined, undefined, undefined],
    ]);
  });

  it('reports a subtotal that does not add up, and confirms the ones that do', () => {
    expect(ledger.checks.map((c) => [c.row, c.label, c.field, c.sheetValue, c.computed, c.matches])).toEqual([
      [6, '小计', 'totalInvestment', 41_000_000, 40_500_000, false],
      [6, '小计', 'plan', 11_000_000, 11_000_000, true],
      [6, '小计', 'completed', 9_200_000, 9_200_000, true],
    ]);
  });

  it('names every problem by row and column, in Chinese', () => {
    expect(ledger.problems.map((p) => [p.level, p.row ?? null, p.column ?? null, p.message])).toEqual([
      ['warning', 4, 'F', '第 4 行 F 列「统一社会信用代码」：统一社会信用代码“91370000MA3C5XK21Q”校验不通过，已忽略该代码，请核对'],
      ['warning', 4, 'L', '第 4 行 L 列「项目进展」：无法识别的项目进展“拿地”（如：签约、前期、新开工、续建、在建、竣工、投产），未设置阶段'],
      ['error', 8, 'B', '第 8 行：缺少项目名称（B 列「项目名称」为空），请补填或删除该行'],
      ['error', 7, null, '第 7 行与第 3 行是同一个项目“食品加工项目”，项目单位同为“甲食品有限公司”：请删除重复行，或在名称中加以区分'],
      ['warning', 6, 'G', '第 6 行「小计」总投资：表中为 41000000 元，所含 3 个项目逐行相加为 40500000 元，相差 500000 元，请核对'],
      ['warning', 6, 'G', 'G 列「总投资（元）」第 6 行是公式，已使用文件中保存的计算结果；若表中数据有改动，请在 Excel 中重新计算并保存'],
      ['warning', 5, 'I', 'I 列「累计完成（元）」第 5 行是公式，已使用文件中保存的计算结果；若表中数据有改动，请在 Excel 中重新计算并保存'],
    ]);
  });

  it('does not flag completed above the year’s plan (offices exceed plans)', () => {
    // Row 5 completed 7,500,000 against a plan of 6,000,000: only its formula cell is mentioned.
    expect(ledger.problems.filter((p) => p.row === 5).map((p) => p.message)).toEqual([
      'I 列「累计完成（元）」第 5 行是公式，已使用文件中保存的计算结果；若表中数据有改动，请在 Excel 中重新计算并保存',
    ]);
  });

  it('lists the column it did not recognise', () => {
    expect(ledger.unusedColumns.map((c) => [c.letter, c.header, c.field, c.source])).toEqual([['O', '责任人', null, 'none']]);
  });
});

describe('corrections from the preview', () => {
  it('uses the user’s mapping over the dictionary, column by column', () => {
    const ledger = parseLedger(grid, { mapping: { 14: 'firstResponsibleName', 5: null } });
    expect(ledger.records[0]!.firstResponsibleName).toBe('赵六');
    expect(ledger.records.every((r) => r.uscc === undefined)).toBe(true);
    expect(ledger.problems.some((p) => p.field === 'uscc')).toBe(false);
    expect(ledger.columns.find((c) => c.letter === 'O')).toMatchObject({ field: 'firstResponsibleName', source: 'user' });
    expect(ledger.unusedColumns.map((c) => [c.letter, c.field, c.source])).toEqual([['F', null, 'user']]);
  });

  it('reads a column the user maps to an amount in the unit its header names', () => {
    const ledger = parseLedger(grid, { mapping: { 8: 'completedLastYear' } });
    expect(ledger.columns.find((c) => c.letter === 'I')).toMatchObject({ field: 'completedLastYear', unit: { kind: 'cny', unit: 'yuan' } });
    expect(ledger.records[0]).toMatchObject({ completedLastYear: 1_200_000 });
    expect(ledger.records[0]!.completed).toBeUndefined();
  });

  it('warns when two columns claim the same field and uses the first', () => {
    const ledger = parseLedger(grid, { mapping: { 14: 'name' } });
    expect(ledger.records[0]!.name).toBe('食品加工项目');
    expect(ledger.problems.map((p) => p.message)).toContain('O 列「责任人」与 B 列「项目名称」都对应“项目名称”，只使用 B 列');
  });
});

describe('cells merged down and columns without a header', () => {
  const ledger = parseLedger(sheet('合并', [
    ['2023年项目表'],
    ['项目名称', '项目单位', '总投资（万元）', '计划投资（万元）', '责任单位'],
    ['甲一期', '甲公司', 100, 40, '县发改局', '补充说明'],
    ['甲二期', null, 50, null, '县工信局'],
    ['合计', '', 150, 40],
  ], { merges: ['B3:B4', 'D3:D4'] }));

  it('gives a text merged over two projects to both, and an amount merged over two only to the first', () => {
    expect(ledger.records.map((r) => [r.name, r.ownerName, r.totalInvestment, r.plan, r.responsibleOrgName])).toEqual([
      ['甲一期', '甲公司', 1_000_000, 400_000, '县发改局'],
      ['甲二期', '甲公司', 500_000, undefined, '县工信局'],
    ]);
    expect(ledger.checks.map((c) => [c.field, c.matches])).toEqual([['totalInvestment', true], ['plan', true]]);
  });

  it('lists a column that holds data under no header as unused', () => {
    expect(ledger.unusedColumns.map((c) => [c.letter, c.header, c.field, c.source])).toEqual([['F', '', null, 'none']]);
  });
});

describe('years and months in single-row headers', () => {
  const ledger = parseLedger(sheet('同比', [
    ['项目名称', '项目单位', '2023年计划投资（万元）', '2023年1-9月完成（万元）', '2022年1-9月完成（万元）'],
    ['甲项目', '甲公司', 100, 80, 60],
    ['填表人：王五', null, null, null, null],
    ['张三', '联系电话：13912345678'],
  ]));

  it('reads a completed column headed with the year before as the same period last year', () => {
    expect(ledger).toMatchObject({ year: 2023, throughMonth: 9 });
    expect(ledger.columns.map((c) => c.field)).toEqual(['name', 'ownerName', 'plan', 'completed', 'completedLastYear']);
    expect(ledger.records).toEqual([{ sheet: '同比', row: 2, name: '甲项目', ownerName: '甲公司', plan: 1_000_000, completed: 800_000, completedLastYear: 600_000 }]);
  });

  it('takes nothing below the sign-off line as a project', () => {
    expect(ledger.skipped).toEqual([{ row: 3, kind: 'signoff', text: '填表人：王五' }, { row: 4, kind: 'note', text: '张三' }]);
    expect(ledger.problems).toEqual([]);
  });
});

describe('group rows', () => {
  it('give their category, or stage, to the projects under them, and their counts are checked; 栏次 rows are skipped', () => {
    const ledger = parseLedger(sheet('分组', [
      ['2023年项目表'],
      ['序号', '项目名称', '项目单位', '总投资（万元）', '项目进展'],
      [1, 2, 3, 4, 5],
      ['一、工业项目（3个）'],
      ['（一）续建项目'],
      [1, '甲项目', '甲公司', 100, ''],
      [2, '乙项目', '乙公司', 100, '竣工'],
      ['二、农业项目'],
      [3, '丙项目', '丙公司', 100, ''],
    ]));
    expect(ledger.records.map((r) => [r.name, r.category, r.stage, r.nature])).toEqual([
      ['甲项目', 'industrial', 'under_construction', 'continued'],
      ['乙项目', 'industrial', 'completed', 'continued'],
      ['丙项目', undefined, undefined, undefined],
    ]);
    expect(ledger.problems.map((p) => p.message)).toEqual([
      '第 8 行分组“二、农业项目”无法识别为项目类别（工业、服务业、基础设施和民生），其下项目未设置类别',
      '第 4 行「一、工业项目（3个）」写明 3 个项目，其下实际有 2 个，请核对',
    ]);
    // The row of column numbers (栏次) under the header is furniture.
    expect(ledger.skipped[0]).toEqual({ row: 3, kind: 'note', text: '1 2 3 4 5' });
  });
});

describe('other placements of sums', () => {
  it('a total printed above the projects covers those below it; a formula never calculated is an error', () => {
    const ledger = parseLedger(sheet('汇总在上', [
      ['项目名称', '项目单位', '总投资（万元）', '计划投资（万元）'],
      ['全县合计', '', 300, null],
      ['甲项目', '甲公司', 100, 40],
      ['乙项目', '乙公司', '２００', 60],
    ], { formulaCells: ['D2'] }), { year: 2023 });
    expect(ledger.year).toBe(2023);
    expect(ledger.checks).toEqual([{ sheet: '汇总在上', row: 2, label: '全县合计', field: 'totalInvestment', sheetValue: 3_000_000, computed: 3_000_000, matches: true }]);
    expect(ledger.problems.filter((p) => p.level === 'error').map((p) => p.message)).toEqual([
      '第 2 行 D 列「计划投资（万元）」：公式没有保存计算结果，请在 Excel 中打开、保存后再导入',
    ]);
  });
});
