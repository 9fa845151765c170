import { describe, expect, it } from 'vitest';
import { parseLedger } from './ledger';
import { sheet } from './test-grids';
import type { CellValue, ParsedRecord } from './types';

// The layout of a real county ledger (the county-ledger-2023 sample): a title merged across
// A1:V1, an as-of line, a two-row header whose 2023年 and 1-9月 parents span their columns,
// amounts in 万元 with a 万美元 foreign column, group rows, subtotals, a total and a sign-off.

const H1 = ['序号', '项目名称', '项目类型', '产业类别', '项目单位', '统一社会信用代码', '所在乡镇（园区）', '建设规模及内容', '总投资（万元）', '其中：外资（万美元）', '建设年限', '2023年', null, null, '1-9月', null, '当前进展', '形象进度', '县级包抓领导', '牵头单位', '项目联系人', '存在问题'];
const H2 = [null, null, null, null, null, null, null, null, null, null, null, '计划投资', '目标投资', '计划开工（竣工）节点', '完成投资', '占年计划%', null, null, null, null, null, null];
const CONTENT = '新建厂房及配套设施';

const rows: CellValue[][] = [
  ['XX县2023年县级重点建设项目推进情况表'],
  ['（截至2023年9月30日）'],
  H1,
  H2,
  ['一、工业项目'],
  [1, '正大高端装备项目', '工业', '新能源', '江苏正大实业有限公司', '91371580ABFG1XLRR7', '李集镇', CONTENT, 108963, '', '2023.3—2025.3', 44108, 48519, '', 15925, 36.1, '投产', '主体施工', '李四', '县工信局', '刘工 15893847894', '无'],
  [2, '正大新材料项目', '工业', '生物医药', '江苏恒通实业有限公司', '91371705ANQBP8575C', '物流园区', CONTENT, 167334, '', '2021-2023', 73745, 81120, '计划10月开工', 34610, 46.9, '前期', '办理前期手续', '李四', '县发改局', '刘工 15837287414', '无'],
  [3, '华盛新能源项目', '工业', '食品加工', '河南华盛实业有限公司', '91370000MA3C5XK21Q', '开发区', CONTENT, 79039, '', '2022.8—2024.4', 22860, 25146, '', 12046, 52.7, '竣工', '主体施工', '张三', '开发区管委会', '刘工 13915956214', '无'],
  [4, '盛源生物医药项目', '工业', '高端装备', '江苏华盛实业有限公司', '91371705E42L86BWA8', '城关镇', CONTENT, 90107, '', '2022-2024', 36483, 40131, '', 12976, 35.6, '续建', '主体施工', '李四', '县住建局', '陈工 13910786807', '无'],
  ['', '工业项目小计', '', '', '', '', '', '', 445443, '', '', 177196, 194916, '', 75557],
  ['二、服务业项目'],
  [5, '盛源现代物流项目', '服务业', '文化旅游', '江苏华盛实业有限公司', '', '开发区', CONTENT, 60316, '', '2021.3—2023.7', 11461, 12607, '', 10798, 94.2, '新开工', '主体施工', '王五', '县发改局', '刘工 15899839627', '无'],
  [6, '东方现代物流项目', '服务业', '现代物流', '江苏正大实业有限公司', '913711351TTDTNYPC0', '物流园区', CONTENT, 38845, 3283, '2022-2024', 12920, 14212, '', 12953, 100.3, '续建', '主体施工', '张三', '开发区管委会', '刘工 15805651497', '融资困难'],
  ['', '服务业项目小计', '', '', '', '', '', '', 99161, '', '', 24381, 26819, '', 23751],
  ['三、基础设施及社会民生项目'],
  [7, '正大水利工程', '基础设施及社会民生', '市政道路', '江苏正大实业有限公司', '91371469CH97CP4XBK', '开发区', CONTENT, 61472, '', '2021.11—2023.3', 23459, 25805, '计划11月开工', 25351, 108.1, '前期', '办理前期手续', '李四', '开发区管委会', '刘工 13977249670', '无'],
  [8, '盛源市政道路工程', '基础设施及社会民生', '医疗卫生', '河南恒通实业有限公司', '91371405HT03U0KL8N', '物流园区', CONTENT, 18590, '', '2022-2024', 4854, 5339, '', 5319, 109.6, '续建', '主体施工', '张三', '县发改局', '刘工 13928726387', '电力接入未完成'],
  ['', '基础设施及社会民生项目小计', '', '', '', '', '', '', 80062, '', '', 28313, 31144, '', 30670],
  ['', '总计', '', '', '', '', '', '', 624666, '', '', 229890, 252879, '', 129978],
  ['填表人：　　　　　审核人：　　　　　填报日期：2023年10月8日'],
];
// The service group title is merged across the row, as some offices print it.
const merges = ['A1:V1', 'A2:V2', 'A11:V11', 'L3:N3', 'O3:P3', ...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'Q', 'R', 'S', 'T', 'U', 'V'].map((c) => `${c}3:${c}4`)];

// [row, name, category, industry, stage, nature, total, plan, target, completed, start, end, contact, phone]
type Expected = [number, string, ParsedRecord['category'], ParsedRecord['industry'], ParsedRecord['stage'], ParsedRecord['nature'], number, number, number, number, string, string, string, string];
const EXPECTED: Expected[] = [
  [6, '正大高端装备项目', 'industrial', 'new_energy', 'operating', undefined, 1_089_630_000, 441_080_000, 485_190_000, 159_250_000, '2023-03-01', '2025-03-31', '刘工', '15893847894'],
  [7, '正大新材料项目', 'industrial', 'biomedicine', 'preparing', undefined, 1_673_340_000, 737_450_000, 811_200_000, 346_100_000, '2021-01-01', '2023-12-31', '刘工', '15837287414'],
  [8, '华盛新能源项目', 'industrial', 'food', 'completed', undefined, 790_390_000, 228_600_000, 251_460_000, 120_460_000, '2022-08-01', '2024-04-30', '刘工', '13915956214'],
  [9, '盛源生物医药项目', 'industrial', 'equipment', 'under_construction', 'continued', 901_070_000, 364_830_000, 401_310_000, 129_760_000, '2022-01-01', '2024-12-31', '陈工', '13910786807'],
  [12, '盛源现代物流项目', 'services', 'tourism', 'under_construction', 'new', 603_160_000, 114_610_000, 126_070_000, 107_980_000, '2021-03-01', '2023-07-31', '刘工', '15899839627'],
  [13, '东方现代物流项目', 'services', 'logistics', 'under_construction', 'continued', 388_450_000, 129_200_000, 142_120_000, 129_530_000, '2022-01-01', '2024-12-31', '刘工', '15805651497'],
  [16, '正大水利工程', 'infrastructure', 'municipal', 'preparing', undefined, 614_720_000, 234_590_000, 258_050_000, 253_510_000, '2021-11-01', '2023-03-31', '刘工', '13977249670'],
  [17, '盛源市政道路工程', 'infrastructure', 'health', 'under_construction', 'continued', 185_900_000, 48_540_000, 53_390_000, 53_190_000, '2022-01-01', '2024-12-31', '刘工', '13928726387'],
];

describe.each([
  ['merged values only in the top-left cell', merges, false],
  ['merged values repeated in every cell (as exceljs reads them)', merges, true],
  ['no merges at all (each parent written once, the cells beside and below it left blank)', [], false],
  ['read from a CSV (every cell text, no merges)', [], false, true],
])('the county 2023 ledger, %s', (_label, merged, repeatMerged, asText = false) => {
  const cellsAsRead = asText ? rows.map((row) => row.map((v) => (v == null ? null : String(v)))) : rows;
  const grid = sheet('台账', cellsAsRead, { merges: merged, repeatMerged });
  const ledger = parseLedger(grid, { rates: { USD: '7.1' } });

  it('finds the title, the as-of date, the year and the month figures run through', () => {
    expect(ledger.title).toBe('XX县2023年县级重点建设项目推进情况表');
    expect(ledger.asOf).toBe('2023-09-30');
    expect(ledger.year).toBe(2023);
    expect(ledger.throughMonth).toBe(9);
    expect(ledger.headerRows).toEqual([3, 4]);
  });

  it('maps every column by meaning, with the units of the money columns', () => {
    const byLetter = Object.fromEntries(ledger.columns.map((c) => [c.letter, [c.header, c.field, c.unit ?? null]]));
    expect(byLetter).toEqual({
      A: ['序号', 'seq', null], B: ['项目名称', 'name', null], C: ['项目类型', 'category', null], D: ['产业类别', 'industry', null],
      E: ['项目单位', 'ownerName', null], F: ['统一社会信用代码', 'uscc', null], G: ['所在乡镇（园区）', 'township', null],
      H: ['建设规模及内容', 'contentScale', null], I: ['总投资（万元）', 'totalInvestment', { kind: 'cny', unit: 'wan' }],
      J: ['其中：外资（万美元）', 'foreignInvestment', { kind: 'foreign', currency: 'USD', unit: 'wan' }], K: ['建设年限', 'period', null],
      L: ['2023年 / 计划投资', 'plan', { kind: 'cny', unit: 'wan' }], M: ['2023年 / 目标投资', 'target', { kind: 'cny', unit: 'wan' }],
      N: ['2023年 / 计划开工（竣工）节点', 'nodes', null], O: ['1-9月 / 完成投资', 'completed', { kind: 'cny', unit: 'wan' }],
      P: ['1-9月 / 占年计划%', 'completionRate', null], Q: ['当前进展', 'stage', null], R: ['形象进度', 'progress', null],
      S: ['县级包抓领导', 'leaderName', null], T: ['牵头单位', 'responsibleOrgName', null], U: ['项目联系人', 'contactName', null],
      V: ['存在问题', 'problems', null],
    });
    expect(ledger.columns.every((c) => c.source === 'dictionary')).toBe(true);
    expect(ledger.unusedColumns).toEqual([]);
  });

  it('reads every project, figure by figure, in yuan', () => {
    const got = ledger.records.map((r): Expected => [
      r.row, r.name, r.category, r.industry, r.stage, r.nature, r.totalInvestment!, r.plan!, r.target!, r.completed!,
      r.commitStartDate!, r.commitCompletionDate!, r.contactName!, r.contactPhone!,
    ]);
    expect(got).toEqual(EXPECTED);
  });

  it('keeps the text columns, trims placeholders and the foreign part at the confirmed rate', () => {
    const first = ledger.records[0]!;
    expect(first).toMatchObject({
      sheet: '台账', ownerName: '江苏正大实业有限公司', uscc: '91371580ABFG1XLRR7', township: '李集镇', contentScale: CONTENT,
      progress: '主体施工', leaderName: '李四', responsibleOrgName: '县工信局',
    });
    expect(first.problems).toBeUndefined();
    expect(ledger.records[1]!.nodes).toBe('计划10月开工');
    expect(ledger.records[5]!.foreign).toEqual({ amount: 32_830_000, currency: 'USD', rate: '7.1' });
    expect(ledger.records[5]!.problems).toBe('融资困难');
    expect(ledger.records.filter((r) => r.foreign)).toHaveLength(1);
    expect(ledger.currencies).toEqual(['USD']);
  });

  it('drops a 统一社会信用代码 that fails its checksum with a warning on that row, and an empty one silently', () => {
    expect(ledger.records[2]!.uscc).toBeUndefined();
    expect(ledger.records[4]!.uscc).toBeUndefined();
    expect(ledger.problems).toEqual([
      { level: 'warning', sheet: '台账', row: 8, column: 'F', field: 'uscc', message: '第 8 行 F 列「统一社会信用代码」：统一社会信用代码“91370000MA3C5XK21Q”校验不通过，已忽略该代码，请核对' },
    ]);
  });

  it('passes over the rows around the projects, saying why', () => {
    expect(ledger.skipped).toEqual([
      { row: 5, kind: 'group', text: '一、工业项目' },
      { row: 10, kind: 'subtotal', text: '工业项目小计' },
      { row: 11, kind: 'group', text: '二、服务业项目' },
      { row: 14, kind: 'subtotal', text: '服务业项目小计' },
      { row: 15, kind: 'group', text: '三、基础设施及社会民生项目' },
      { row: 18, kind: 'subtotal', text: '基础设施及社会民生项目小计' },
      { row: 19, kind: 'total', text: '总计' },
      { row: 20, kind: 'signoff', text: '填表人：　　　　　审核人：　　　　　填报日期：2023年10月8日' },
    ]);
  });

  it('checks each subtotal and the total against the projects they cover', () => {
    const checks = ledger.checks.map((c) => [c.row, c.field, c.sheetValue, c.computed, c.matches]);
    expect(checks).toEqual([
      [10, 'totalInvestment', 4_454_430_000, 4_454_430_000, true],
      [10, 'plan', 1_771_960_000, 1_771_960_000, true],
      [10, 'target', 1_949_160_000, 1_949_160_000, true],
      [10, 'completed', 755_570_000, 755_570_000, true],
      [14, 'totalInvestment', 991_610_000, 991_610_000, true],
      [14, 'plan', 243_810_000, 243_810_000, true],
      [14, 'target', 268_190_000, 268_190_000, true],
      [14, 'completed', 237_510_000, 237_510_000, true],
      [18, 'totalInvestment', 800_620_000, 800_620_000, true],
      [18, 'plan', 283_130_000, 283_130_000, true],
      [18, 'target', 311_440_000, 311_440_000, true],
      [18, 'completed', 306_700_000, 306_700_000, true],
      [19, 'totalInvestment', 6_246_660_000, 6_246_660_000, true],
      [19, 'plan', 2_298_900_000, 2_298_900_000, true],
      [19, 'target', 2_528_790_000, 2_528_790_000, true],
      [19, 'completed', 1_299_780_000, 1_299_780_000, true],
    ]);
    expect(ledger.checks.map((c) => c.label)).toContain('基础设施及社会民生项目小计');
  });
});

describe('the county 2023 ledger without a confirmed dollar rate', () => {
  const ledger = parseLedger(sheet('台账', rows, { merges }));

  it('asks for the rate of the foreign amount and lists the currency', () => {
    expect(ledger.currencies).toEqual(['USD']);
    expect(ledger.problems.filter((p) => p.level === 'error')).toEqual([
      { level: 'error', sheet: '台账', row: 13, column: 'J', field: 'foreignInvestment', message: '第 13 行 J 列「其中：外资（万美元）」：外币金额“3283”需要确认美元兑人民币汇率后才能导入' },
    ]);
    expect(ledger.records[5]!.foreign).toBeUndefined();
    // The yuan figures do not depend on the rate.
    expect(ledger.records[5]!.totalInvestment).toBe(388_450_000);
    expect(ledger.checks.every((c) => c.matches)).toBe(true);
  });

  it('reports a rate the schema would refuse', () => {
    const bad = parseLedger(sheet('台账', rows, { merges }), { rates: { USD: '七点一' } });
    expect(bad.problems.map((p) => p.message)).toContain('美元汇率“七点一”格式不正确，应为数字，如 7.1');
    expect(bad.currencies).toEqual(['USD']);
  });
});
