import { describe, expect, it } from 'vitest';
import { buildBasicSituation } from './basic-situation';
import { checkSummaryText } from './text-checks';
import type { BasicSituationInput, SummaryProject } from './types';

// A county's year worked out by hand: five projects carried out (three 工业, one 服务业, one
// 基础设施), sizes around 1亿/10亿/100亿, three strategic, three on the city list (one also
// provincial), plans, completions and last year's figures; one reserve project and one
// terminated this year are in the ledger but not counted.

const YI = 100_000_000;
const WAN = 10_000;
let nextId = 1;
function project(fields: Partial<SummaryProject> & Pick<SummaryProject, 'name'>): SummaryProject {
  return {
    id: nextId++, regionCode: '370102', category: 'industrial', industry: 'equipment', stage: 'under_construction', stageDate: '2026-01-10',
    totalInvestment: 2 * YI, actualStartDate: '2025-06-01', actualCompletionDate: null, completionNodeDate: null, completedTransitionDate: null,
    keyLevels: ['county'], plan: { plan: YI, target: YI, completed: 0, completedLastYear: 0 }, previousYearCompleted: null, ...fields,
  };
}
const plan = (p: number, target: number, completed: number, completedLastYear: number | null) => ({ plan: p, target, completed, completedLastYear });

const county: SummaryProject[] = [
  project({ name: '装备制造产业园', totalInvestment: 120 * YI, plan: plan(10 * YI, 11 * YI, 9 * YI, 8 * YI), keyLevels: ['county', 'city', 'province'] }),
  project({ name: '心脏支架产业化', industry: 'biomedicine', stage: 'signed', totalInvestment: 420_000_000, plan: plan(2 * YI, 220_000_000, 0, 0), keyLevels: ['county', 'city'] }),
  project({ name: '欢乐世界', category: 'services', industry: 'tourism', stage: 'completed', totalInvestment: 118 * YI, actualCompletionDate: '2026-05-20', plan: plan(30 * YI, 33 * YI, 30 * YI, 26 * YI), keyLevels: ['county', 'city'] }),
  project({ name: '城区道路提升', category: 'infrastructure', industry: 'transport', totalInvestment: 5000 * WAN, plan: plan(5000 * WAN, 5000 * WAN, 4000 * WAN, 4000 * WAN) }),
  // Finished last year by its 竣工 node: carried out this year, not a completion of this year.
  project({ name: '光伏组件', industry: 'new_energy', stage: 'operating', totalInvestment: 15 * YI, completionNodeDate: '2025-11-30', plan: plan(3 * YI, 3 * YI, 250_000_000, 3 * YI) }),
  project({ name: '储备物流园', category: 'services', industry: 'logistics', stage: 'reserve', totalInvestment: 9 * YI }),
  project({ name: '已终止化工项目', industry: 'chemicals', stage: 'terminated', stageDate: '2026-03-01', totalInvestment: 3 * YI }),
];

const base: BasicSituationInput = { year: 2026, isCurrentYear: true, area: { name: '测试县', level: 'county' }, subRegions: [], projects: county };
const figure = (s: ReturnType<typeof buildBasicSituation>, key: string) => s.figures.find((f) => f.key === key);
const codes = (s: ReturnType<typeof buildBasicSituation>) => s.inconsistencies.map((i) => i.code);

describe('buildBasicSituation on a county worked out by hand', () => {
  const s = buildBasicSituation(base);

  it('writes 一是…四是 and the key-list paragraph in the office’s words', () => {
    expect(s.paragraphs).toEqual([
      '一是数量多。今年以来全县共实施重点项目5个，其中，工业项目3个，总投资139.2亿元；服务业项目1个，总投资118亿元；基础设施和民生项目1个，总投资5000万元。',
      '二是规模大。从总体规模看，项目总投资达到257.7亿元；从单体规模看，4个项目过亿元，3个项目过10亿元，2个项目过百亿元。',
      '三是层次高。装备制造项目1个，生物医药项目1个，新能源项目1个，战略性新兴产业项目合计3个，占到项目总数60%。',
      '四是进展快。今年计划年度投资45.5亿元，力争49.7亿元，已完成投资41.9亿元，同比增长12%。竣工项目达到1个，占到项目总数的20%。',
      '今年，全县有3个项目被列入市级重点项目（其中1个省级），总投资242.2亿元，年度计划投资42亿元，当年已完成投资39亿元，占年度计划的92.9%。',
    ]);
  });

  it('lists every number with its label', () => {
    expect(figure(s, 'projects')).toEqual({ key: 'projects', group: '数量', label: '实施重点项目', value: 5, unit: 'count', text: '5个' });
    expect(figure(s, 'totalInvestment')?.value).toBe(25_770_000_000);
    expect(figure(s, 'category.industrial.totalInvestment')).toMatchObject({ value: 13_920_000_000, text: '139.2亿元' });
    expect(figure(s, 'size.atLeast10b')?.value).toBe(2);
    expect(figure(s, 'strategic.share')).toMatchObject({ value: 0.6, text: '60%' });
    expect(figure(s, 'annual.lastYear')).toMatchObject({ value: 3_740_000_000, label: '上年同期完成投资' });
    expect(figure(s, 'annual.growth')).toMatchObject({ value: 450_000_000 / 3_740_000_000, text: '12%' });
    expect(figure(s, 'keyList.completionRate')).toMatchObject({ value: 39 / 42, text: '92.9%' });
    expect(figure(s, 'completions')?.value).toBe(1);
  });

  it('gives the table by category with the total', () => {
    expect(s.byCategory).toEqual([
      { category: 'industrial', label: '工业', count: 3, totalInvestment: 13_920_000_000, plan: 15 * YI, completed: 1_150_000_000 },
      { category: 'services', label: '服务业', count: 1, totalInvestment: 118 * YI, plan: 30 * YI, completed: 30 * YI },
      { category: 'infrastructure', label: '基础设施和民生', count: 1, totalInvestment: 5000 * WAN, plan: 5000 * WAN, completed: 4000 * WAN },
      { category: 'total', label: '合计', count: 5, totalInvestment: 25_770_000_000, plan: 4_550_000_000, completed: 4_190_000_000 },
    ]);
  });

  it('names the ledger projects it did not count, and nothing else', () => {
    expect(s.inconsistencies).toEqual([
      { code: 'not_counted_unsigned', message: '本年台账中有1个项目仍处于谋划或储备阶段（「储备物流园」），未计入实施项目。' },
      { code: 'not_counted_terminated', message: '本年台账中有1个项目已终止（「已终止化工项目」），未计入实施项目。' },
    ]);
  });

  it('writes text its own checks find nothing wrong with', () => {
    expect(checkSummaryText(s.paragraphs.join('\n'), { projects: 5 })).toEqual([]);
  });

  it('writes a past year by its number and counts a project terminated after it', () => {
    const past = buildBasicSituation({ ...base, isCurrentYear: false, projects: county.map((p) => (p.stage === 'terminated' ? { ...p, stageDate: '2027-02-01' } : p)) });
    expect(past.paragraphs[0]).toMatch(/^一是数量多。2026年全县共实施重点项目6个/);
    expect(past.paragraphs[3]).toMatch(/^四是进展快。2026年计划年度投资/);
    expect(past.paragraphs[4]).toMatch(/^2026年，全县有3个项目/);
  });
});

describe('edge cases', () => {
  it('says there is nothing yet for a year with no projects', () => {
    const s = buildBasicSituation({ ...base, projects: [] });
    expect(s.paragraphs).toEqual(['今年以来全县暂无实施中的重点项目（本年台账中没有已签约的项目），本部分待台账录入后生成。']);
    expect(s.inconsistencies).toEqual([]);
    expect(s.byCategory.at(-1)).toMatchObject({ category: 'total', count: 0, totalInvestment: 0 });
    expect(figure(s, 'strategic.share')).toMatchObject({ value: null, text: '无法计算' });
  });

  it('writes a year with no plan entered and key-list projects without plans', () => {
    const s = buildBasicSituation({ ...base, projects: [
      project({ name: '甲', plan: null, keyLevels: ['city'], totalInvestment: 12 * YI }),
      project({ name: '乙', plan: plan(0, 0, 0, 0), keyLevels: ['county'], industry: 'food' }),
    ] });
    expect(s.paragraphs[3]).toBe('四是进展快。今年年度计划投资尚未填报，已完成投资0万元，上年同期完成投资为0，无法计算同比增长。今年暂无竣工项目。');
    expect(s.paragraphs[4]).toBe('今年，全县有1个项目被列入市级重点项目，总投资12亿元，年度计划投资尚未填报，当年已完成投资0万元。');
    expect(s.inconsistencies.map((i) => i.code)).toEqual(['key_list_without_plan', 'plan_missing', 'last_year_partial']);
    expect(s.inconsistencies[0]!.message).toBe('1个市级及以上重点项目没有填报本年度计划投资（「甲」），重点项目「占年度计划」的比例无法计算。');
  });

  it('does not invent a growth when last year is missing', () => {
    const s = buildBasicSituation({ ...base, projects: county.map((p) => ({ ...p, plan: p.plan && { ...p.plan, completedLastYear: null } })) });
    expect(s.paragraphs[3]).toContain('已完成投资41.9亿元，上年同期完成投资无数据，暂不计算同比增长。');
    expect(figure(s, 'annual.growth')).toMatchObject({ value: null, text: '上年同期无数据' });
    expect(codes(s)).toContain('last_year_missing');
  });

  it('takes last year from last year’s plan row, and compares like with like when some are missing', () => {
    const withRows = county.map((p) => ({ ...p, previousYearCompleted: p.plan?.completedLastYear ?? null, plan: p.plan && { ...p.plan, completedLastYear: null } }));
    expect(buildBasicSituation({ ...base, projects: withRows }).paragraphs[3]).toContain('同比增长12%');
    // Without 欢乐世界's figure: 9 + 0 + 0.4 + 2.5 = 11.9亿 against 8 + 0 + 0.4 + 3 = 11.4亿.
    const partial = county.map((p) => (p.name === '欢乐世界' ? { ...p, plan: p.plan && { ...p.plan, completedLastYear: null } } : p));
    const s = buildBasicSituation({ ...base, projects: partial });
    expect(s.paragraphs[3]).toContain('已完成投资41.9亿元，按有上年同期数据的4个项目计算，同比增长4.4%。');
    expect(s.inconsistencies.find((i) => i.code === 'last_year_partial')?.message).toMatch(/^1个项目没有上年同期完成投资，同比增长只按有数据的4个项目计算/);
  });

  it('says 下降 when the year fell behind the last', () => {
    const s = buildBasicSituation({ ...base, projects: [project({ name: '甲', plan: plan(YI, YI, 8000 * WAN, YI) })] });
    expect(s.paragraphs[3]).toContain('已完成投资8000万元，同比下降20%。');
  });

  it('shows, and does not hide, projects whose category is missing or unknown', () => {
    const s = buildBasicSituation({ ...base, projects: [...county, project({ name: '无类别项目', category: '', totalInvestment: 3 * YI }), project({ name: '采矿项目', category: 'mining', totalInvestment: 2 * YI })] });
    expect(s.paragraphs[0]).toBe('一是数量多。今年以来全县共实施重点项目7个，其中，工业项目3个，总投资139.2亿元；服务业项目1个，总投资118亿元；基础设施和民生项目1个，总投资5000万元；类别不明的项目2个，总投资5亿元。');
    expect(s.byCategory.map((r) => r.category)).toEqual(['industrial', 'services', 'infrastructure', 'unknown', 'total']);
    expect(s.inconsistencies[0]).toEqual({
      code: 'category_unknown',
      message: '2个项目的项目类别缺失或不在「工业、服务业、基础设施和民生」之列（「无类别项目」、「采矿项目」）：三类项目合计5个、总投资257.7亿元，比实施项目总数7个少2个，比项目总投资262.7亿元少5亿元。请在台账中补正项目类别。',
    });
  });

  it('flags implausible completions and completion dates that disagree with the stage', () => {
    const s = buildBasicSituation({ ...base, projects: [
      project({ name: '多录一位', plan: plan(1000 * WAN, 1000 * WAN, 10_000 * WAN, 0) }),
      project({ name: '超总投资', totalInvestment: 5000 * WAN, plan: plan(4000 * WAN, 4000 * WAN, 6000 * WAN, 0) }),
      project({ name: '无计划有完成', plan: plan(0, 0, 300 * WAN, 0) }),
      project({ name: '投产无日期', stage: 'operating' }),
      project({ name: '在建有竣工日期', actualCompletionDate: '2026-04-01' }),
      project({ name: '跳到投产', stage: 'operating', completedTransitionDate: '2026-08-08' }),
      project({ name: '无行业', industry: null }),
    ] });
    expect(codes(s)).toEqual(['industry_unknown', 'plan_missing', 'completed_without_plan', 'completed_far_above_plan', 'completed_above_total', 'completion_date_missing', 'completion_stage_mismatch']);
    expect(s.inconsistencies.find((i) => i.code === 'completed_far_above_plan')?.message).toBe('「多录一位」已完成投资1亿元，是年度计划投资1000万元的10倍，请核实是否单位或位数录错。');
    expect(s.inconsistencies.find((i) => i.code === 'completion_stage_mismatch')?.message).toBe('1个项目填有本年竣工日期，但项目阶段仍为「在建」（「在建有竣工日期」），未计入本年竣工项目。');
    expect(figure(s, 'completions')?.value).toBe(1);
  });

  it('names a project being built during the year that has no plan for it', () => {
    const s = buildBasicSituation({ ...base, projects: [...county, project({ name: '漏报在建', plan: null, keyLevels: [] }), project({ name: '明年开工', plan: null, keyLevels: [], actualStartDate: '2027-03-01' })] });
    expect(s.inconsistencies.find((i) => i.code === 'active_without_plan')?.message).toBe('1个项目本年处于在建或停缓建状态，但没有本年度计划、也未列入本年重点项目（「漏报在建」），未计入实施项目。');
    expect(figure(s, 'projects')?.value).toBe(5);
  });
});

describe('a city ranks its counties', () => {
  const inCounty = (code: string) => (p: SummaryProject) => ({ ...p, id: nextId++, regionCode: code });
  const cityInput: BasicSituationInput = {
    ...base,
    area: { name: '测试市', level: 'city' },
    subRegions: [{ code: '370102', name: '甲县' }, { code: '370103', name: '乙县' }, { code: '370104', name: '丙县' }],
    projects: [
      ...county,
      // 乙县: more city-listed projects than 甲县 (4 against 3), less money.
      ...[1, 2, 3, 4].map((n) => project({ name: `乙县项目${n}`, regionCode: '370103', totalInvestment: 12 * YI, keyLevels: ['city'], plan: plan(2 * YI, 2 * YI, YI, YI) })),
      // 丙县: nothing on the city list.
      inCounty('370104')(project({ name: '丙县项目' })),
    ],
  };
  const s = buildBasicSituation(cityInput);

  it('writes 全市 and where each county stands', () => {
    expect(s.paragraphs[0]).toMatch(/^一是数量多。今年以来全市共实施重点项目10个/);
    expect(s.paragraphs[4]).toMatch(/^今年，全市有7个项目被列入市级重点项目（其中1个省级）/);
    expect(s.paragraphs[5]).toBe('在全市各县（市、区）中，甲县项目总投资及当年完成投资均居第一，项目个数居第二；乙县项目个数居第一，项目总投资及当年完成投资均居第二；丙县暂无项目列入市级及以上重点项目。');
    expect(figure(s, 'ranking.370103.count')).toMatchObject({ value: 1, text: '第一', label: '乙县项目个数' });
  });

  it('says 并列 when counties tie', () => {
    const tied = buildBasicSituation({ ...cityInput, projects: cityInput.projects.filter((p) => p.name !== '乙县项目4') });
    expect(tied.paragraphs[5]).toContain('乙县项目个数并列第一，项目总投资及当年完成投资均居第二');
    expect(tied.paragraphs[5]).toContain('甲县项目总投资及当年完成投资均居第一，项目个数并列第一');
  });

  it('writes text its own checks find nothing wrong with', () => {
    expect(checkSummaryText(s.paragraphs.join('\n'), { projects: 10 })).toEqual([]);
  });
});
