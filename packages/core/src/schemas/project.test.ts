import { describe, expect, it } from 'vitest';
import { MAX_YUAN } from '../money';
import { describeIssues } from './labels';
import { annualPlanInput, approvalInput, ledgerQuery, nodeInput, projectCreate, projectUpdate, stageTransition } from './project';
import { CATEGORY_CHOICES, dataOf, messagesOf, project } from './test-helpers';

describe('projectCreate', () => {
  it('accepts a minimal project, trimming the name and defaulting the stage to 签约', () => {
    expect(dataOf(projectCreate, project)).toEqual({ ...project, name: '年产10万吨新型建材项目', stage: 'signed' });
  });

  it('accepts a full project and normalises blank optional text to null', () => {
    const full = {
      ...project,
      code: '2024-371425-30-03-012345',
      stage: 'under_construction',
      stageDate: '2024-03-18',
      address: '   ',
      lng: 117.2,
      lat: 36.6,
      sitePolygon: [[117.2, 36.6], [117.21, 36.6], [117.21, 36.61]],
      foreign: { amount: 20_000_000, currency: 'USD', rate: '7.1' },
      fundingSources: [
        { source: 'enterprise', amount: 1_000_000_000 },
        { source: 'bank_loan', amount: 250_000_000 },
      ],
      tags: ['招商引资', '省重点'],
      commitStartDate: '2024-04-01',
      commitCompletionDate: '2024-04-01',
      team: '',
      leaderId: 7,
      townshipId: null,
    };
    const data = dataOf(projectCreate, full);
    expect(data.address).toBeNull();
    expect(data.team).toBeNull();
    expect(data.stage).toBe('under_construction');
    expect(data.fundingSources).toEqual(full.fundingSources);
    expect(data.foreign).toEqual({ amount: 20_000_000, currency: 'USD', rate: '7.1' });
    expect(data.code).toBe('2024-371425-30-03-012345');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['fractional total investment', { totalInvestment: 1.5 }, ['总投资：必须是整数元，不能有小数']],
    ['total investment as text', { totalInvestment: '1250000000' }, ['总投资：必须是金额（整数元）']],
    ['negative total investment', { totalInvestment: -1 }, ['总投资：不能为负数']],
    ['total investment beyond the exact range', { totalInvestment: MAX_YUAN + 1 }, ['总投资：必须是整数元，不能有小数', '总投资：金额过大']],
    ['unknown key', { budget: 1 }, ['不认识的字段：budget']],
    ['two unknown keys', { budget: 1, owner: 'x' }, ['不认识的字段：budget、owner']],
    ['completion before start', { commitStartDate: '2024-06-01', commitCompletionDate: '2024-05-31' }, ['保竣工日期：保竣工日期不能早于保开工日期']],
    ['longitude without latitude', { lng: 117.2 }, ['纬度：经度和纬度必须同时填写']],
    ['latitude without longitude', { lat: 36.6 }, ['纬度：经度和纬度必须同时填写']],
    ['longitude with a null latitude', { lng: 117.2, lat: null }, ['纬度：经度和纬度必须同时填写']],
    ['a zero point', { lng: 0, lat: 0 }, ['经度：经度超出中国范围', '纬度：纬度超出中国范围']],
    ['latitude and longitude swapped', { lng: 36.6, lat: 117.2 }, ['经度：经度超出中国范围', '纬度：纬度超出中国范围']],
    ['unknown category', { category: 'farm' }, [`项目类别：${CATEGORY_CHOICES}`]],
    ['unknown stage', { stage: 'done' }, ['项目阶段：取值无效，可选：谋划、储备、签约、前期、在建、竣工、投产、达产、停缓建、终止']],
    ['blank name', { name: '   ' }, ['名称：不能为空']],
    ['name too long', { name: '项'.repeat(201) }, ['名称：不能超过 200 个字']],
    ['name as a number', { name: 5 }, ['名称：必须是文字']],
    ['five-digit region code', { regionCode: '37142' }, ['所属地区：必须是 6 位行政区划代码']],
    ['29 February in a common year', { commitStartDate: '2021-02-29' }, ['保开工日期：必须是有效日期（YYYY-MM-DD）']],
    ['stage date without padding', { stageDate: '2024-3-1' }, ['阶段日期：必须是有效日期（YYYY-MM-DD）']],
    ['project code with Chinese', { code: '鲁-2024-01' }, ['项目代码：项目代码只能包含数字、字母和连字符']],
    ['zero township id', { townshipId: 0 }, ['所在乡镇（园区）：必须是编号（正整数）']],
    ['township id as text', { townshipId: '3' }, ['所在乡镇（园区）：必须是编号（正整数）']],
    ['funding above the total', { fundingSources: [{ source: 'enterprise', amount: 1_000_000_000 }, { source: 'bank_loan', amount: 250_000_001 }] }, ['资金来源：资金来源合计不能超过总投资']],
    ['unknown funding source', { fundingSources: [{ source: 'gift', amount: 1 }] }, ['资金来源第 1 项的类别：取值无效，可选：企业自筹、银行贷款、政府投资、专项债券、外资、其他']],
    ['fractional funding amount', { fundingSources: [{ source: 'enterprise', amount: 0.5 }] }, ['资金来源第 1 项的金额：必须是整数元，不能有小数']],
    ['funding sources not a list', { fundingSources: 'enterprise' }, ['资金来源：资金来源必须是列表']],
    ['more than 20 funding sources', { fundingSources: Array.from({ length: 21 }, () => ({ source: 'other', amount: 1 })) }, ['资金来源：资金来源最多 20 项']],
    ['exchange rate with a comma', { foreign: { amount: 1000, currency: 'USD', rate: '7,1' } }, ['汇率：汇率格式应为数字，如 7.1']],
    ['unknown currency', { foreign: { amount: 1000, currency: 'RMB', rate: '1' } }, ['币种：取值无效，可选：美元、欧元、港元、日元、英镑']],
    ['zero foreign amount', { foreign: { amount: 0, currency: 'USD', rate: '7.1' } }, ['金额：外币金额必须大于 0']],
    ['foreign investment as text', { foreign: '2000万美元' }, ['外币投资：外币投资必须包含金额、币种和汇率']],
    ['a site of two points', { sitePolygon: [[117.2, 36.6], [117.21, 36.6]] }, ['用地范围：用地范围至少需要 3 个点']],
    ['a site point without latitude', { sitePolygon: [[117.2, 36.6], [117.21, 36.6], [117.21]] }, ['用地范围第 3 项：坐标点必须是 [经度, 纬度]']],
    ['21 tags', { tags: Array.from({ length: 21 }, (_, i) => `标签${i}`) }, ['标签：标签最多 20 个']],
    ['a blank tag', { tags: ['省重点', ' '] }, ['标签第 2 项：不能为空']],
    ['tags as text', { tags: '省重点' }, ['标签：标签必须是列表']],
  ])('refuses %s', (_case, patch, messages) => {
    expect(messagesOf(projectCreate, { ...project, ...patch })).toEqual(messages);
  });

  it('names every missing required field', () => {
    // With the input reported, a missing value reads 必须填写.
    expect(messagesOf(projectCreate, {}, { reportInput: true })).toEqual([
      '名称：必须填写',
      '所属地区：必须填写',
      `项目类别：${CATEGORY_CHOICES}`,
      expect.stringMatching(/^所属行业：取值无效，可选：装备制造、/),
      '建设性质：取值无效，可选：新建、续建、扩建、改建',
      '总投资：必须填写',
    ]);
    // Without it zod drops the input, so the field's own type message is the honest answer.
    expect(messagesOf(projectCreate, {})).toEqual([
      '名称：必须是文字',
      '所属地区：必须是 6 位行政区划代码',
      `项目类别：${CATEGORY_CHOICES}`,
      expect.stringMatching(/^所属行业：取值无效，可选：装备制造、/),
      '建设性质：取值无效，可选：新建、续建、扩建、改建',
      '总投资：必须是金额（整数元）',
    ]);
  });

  it('reports the field path of each problem', () => {
    const result = projectCreate.safeParse({ ...project, totalInvestment: 1.5, fundingSources: [{ source: 'x', amount: 1 }] });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!.issues).map((i) => i.field)).toEqual(['totalInvestment', 'fundingSources.0.source']);
  });
});

describe('projectUpdate', () => {
  it.each<[string, Record<string, unknown>]>([
    ['only a version', { version: 3 }],
    ['a new total', { version: 3, totalInvestment: 1_300_000_000 }],
    ['clearing the location', { version: 3, lng: null, lat: null }],
    ['a new location', { version: 3, lng: 117.2, lat: 36.6 }],
    ['dates in order', { version: 3, commitStartDate: '2024-01-01', commitCompletionDate: '2025-12-31' }],
  ])('accepts %s', (_case, input) => {
    expect(dataOf(projectUpdate, input)).toEqual(input);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['no version', {}, ['版本号：必须填写']],
    ['version 0', { version: 0 }, ['版本号：版本号必须是正整数']],
    ['fractional version', { version: 1.5 }, ['版本号：版本号必须是整数']],
    ['fractional total', { version: 3, totalInvestment: 1.5 }, ['总投资：必须是整数元，不能有小数']],
    ['longitude alone', { version: 3, lng: 117.2 }, ['纬度：经度和纬度必须同时填写']],
    ['completion before start', { version: 3, commitStartDate: '2024-06-01', commitCompletionDate: '2024-01-01' }, ['保竣工日期：保竣工日期不能早于保开工日期']],
    ['the stage (moved only by a transition)', { version: 3, stage: 'completed' }, ['不认识的字段：stage']],
    ['a blank name', { version: 3, name: '' }, ['名称：不能为空']],
  ])('refuses %s', (_case, input, messages) => {
    expect(messagesOf(projectUpdate, input)).toEqual(messages);
  });

  it.each([false, true])('says 必须填写 for a missing version (reportInput %s)', (reportInput) => {
    expect(messagesOf(projectUpdate, {}, { reportInput })).toEqual(['版本号：必须填写']);
  });

});

describe('stageTransition', () => {
  it('accepts a move with a date', () => {
    expect(dataOf(stageTransition, { to: 'suspended', date: '2024-07-01', note: ' 资金未到位 ', version: 4 }))
      .toEqual({ to: 'suspended', date: '2024-07-01', note: '资金未到位', version: 4 });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['unknown stage', { to: 'paused', date: '2024-07-01', version: 4 }, [expect.stringMatching(/^目标阶段：取值无效/) as unknown as string]],
    ['bad date', { to: 'suspended', date: '2024-07-32', version: 4 }, ['日期：必须是有效日期（YYYY-MM-DD）']],
  ])('refuses %s', (_case, input, messages) => {
    expect(messagesOf(stageTransition, input)).toEqual(messages);
  });
});

describe('annualPlanInput', () => {
  const monthly = [100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000];
  const plan = { year: 2024, plan: 1_200_000, target: 1_500_000 };

  it.each<[string, Record<string, unknown>]>([
    ['a plan alone', plan],
    ['target equal to plan', { ...plan, target: 1_200_000 }],
    ['a monthly breakdown that sums to the plan', { ...plan, monthly }],
    ['no monthly breakdown', { ...plan, monthly: null }],
    ['completion through a month of the year', { ...plan, completed: 300_000, completedThrough: '2024-03', completedLastYear: 250_000 }],
    ['a zero plan', { year: 2024, plan: 0, target: 0 }],
  ])('accepts %s', (_case, input) => {
    expect(dataOf(annualPlanInput, input)).toEqual(input);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['target below plan', { ...plan, target: 1_199_999 }, ['力争投资：力争投资不能低于计划投资']],
    ['monthly not summing to the plan', { ...plan, monthly: [...monthly.slice(0, 11), 99_999] }, ['月度计划：月度计划合计必须等于年度计划投资']],
    ['eleven months', { ...plan, monthly: [200_000, ...monthly.slice(0, 10)] }, ['月度计划：月度计划必须是 12 个月']],
    ['a fractional month', { ...plan, monthly: [100_000.5, ...monthly.slice(0, 10), 99_999.5] }, ['月度计划第 1 项：必须是整数元，不能有小数', '月度计划第 12 项：必须是整数元，不能有小数']],
    ['a negative month', { ...plan, monthly: [-100_000, 300_000, ...monthly.slice(0, 10)] }, ['月度计划第 1 项：不能为负数']],
    ['completion through a month of another year', { ...plan, completedThrough: '2023-12' }, ['完成投资截止月份：完成投资的截止月份必须在计划年度内']],
    ['month 13', { ...plan, completedThrough: '2024-13' }, ['完成投资截止月份：必须是有效月份（YYYY-MM）']],
    ['year 1999', { ...plan, year: 1999 }, ['年度：年份不能早于 2000']],
    ['fractional plan', { year: 2024, plan: 1.5, target: 2 }, ['计划投资：必须是整数元，不能有小数']],
    ['unknown key', { ...plan, budget: 1 }, ['不认识的字段：budget']],
  ])('refuses %s', (_case, input, messages) => {
    expect(messagesOf(annualPlanInput, input)).toEqual(messages);
  });

  it('refuses a monthly breakdown given as text', () => {
    // zod also runs the length check on the string, so a second message may follow.
    expect(messagesOf(annualPlanInput, { ...plan, monthly: '100000' })[0]).toBe('月度计划：月度计划必须是 12 个月的金额列表');
  });
});

describe('nodeInput', () => {
  it('accepts a node', () => {
    expect(dataOf(nodeInput, { kind: 'start', name: '正式开工', plannedDate: '2024-04-01', actualDate: null, responsibleOrgId: 12 }))
      .toEqual({ kind: 'start', name: '正式开工', plannedDate: '2024-04-01', actualDate: null, responsibleOrgId: 12 });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['unknown kind', { kind: 'party', name: '庆典', plannedDate: '2024-04-01' }, ['类型：取值无效，可选：签约、土地摘牌、手续办结、开工、主体完工、设备安装、竣工、试生产、投产、其他']],
    ['blank name', { kind: 'start', name: '', plannedDate: '2024-04-01' }, ['名称：不能为空']],
    ['no planned date', { kind: 'start', name: '开工' }, ['计划日期：必须是日期（YYYY-MM-DD）']],
    ['impossible actual date', { kind: 'start', name: '开工', plannedDate: '2024-04-01', actualDate: '2023-02-29' }, ['实际日期：必须是有效日期（YYYY-MM-DD）']],
    ['note too long', { kind: 'other', name: '其他', plannedDate: '2024-04-01', note: '注'.repeat(501) }, ['备注：不能超过 500 个字']],
  ])('refuses %s', (_case, input, messages) => {
    expect(messagesOf(nodeInput, input)).toEqual(messages);
  });
});

describe('approvalInput', () => {
  it.each<[string, Record<string, unknown>]>([
    ['done with a date', { status: 'done', doneDate: '2024-03-01', docNo: '济发改投资〔2024〕12号', authority: '县发改局' }],
    ['pending without a date', { status: 'pending' }],
    ['not required', { status: 'not_required', note: '不涉及' }],
  ])('accepts %s', (_case, input) => {
    expect(dataOf(approvalInput, input)).toEqual(input);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['done without a date', { status: 'done' }, ['办结日期：已办结的手续必须填写办结日期']],
    ['done with a null date', { status: 'done', doneDate: null }, ['办结日期：已办结的手续必须填写办结日期']],
    ['unknown status', { status: 'finished' }, ['状态：取值无效，可选：未办理、办理中、已办结、无需办理']],
    ['bad date', { status: 'in_progress', doneDate: '2024-02-30' }, ['办结日期：必须是有效日期（YYYY-MM-DD）']],
  ])('refuses %s', (_case, input, messages) => {
    expect(messagesOf(approvalInput, input)).toEqual(messages);
  });
});

describe('ledgerQuery', () => {
  it('defaults sort, order, page and page size', () => {
    expect(dataOf(ledgerQuery, {})).toEqual({ sort: 'totalInvestment', order: 'desc', page: 1, pageSize: 50 });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['comma-separated categories', { category: 'industrial,services' }, { category: ['industrial', 'services'] }],
    ['repeated keys', { category: ['industrial', 'services'] }, { category: ['industrial', 'services'] }],
    ['spaces and empty items', { stage: ' signed , under_construction ,' }, { stage: ['signed', 'under_construction'] }],
    ['numbers from the query string', { year: '2024', page: '3', pageSize: '100', leaderId: '7' }, { year: 2024, page: 3, pageSize: 100, leaderId: 7 }],
    ['a chosen sort', { sort: 'completionRate', order: 'asc' }, { sort: 'completionRate', order: 'asc' }],
    ['levels and size', { level: 'province,national', size: 'atLeast1b' }, { level: ['province', 'national'], size: 'atLeast1b' }],
  ])('parses %s', (_case, query, parsed) => {
    expect(dataOf(ledgerQuery, query)).toEqual({ sort: 'totalInvestment', order: 'desc', page: 1, pageSize: 50, ...parsed });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown category in the list', { category: 'industrial,farm' }, [`项目类别第 2 项：${CATEGORY_CHOICES}`]],
    ['an unknown sort', { sort: 'price' }, ['排序字段：排序字段无效']],
    ['an unknown order', { order: 'up' }, ['排序方向：排序方向只能是 asc 或 desc']],
    ['page 0', { page: '0' }, ['页码：页码从 1 开始']],
    ['a page that is not a number', { page: 'abc' }, ['页码：必须是正整数']],
    ['a fractional page', { page: '1.5' }, ['页码：必须是正整数']],
    ['page size 0', { pageSize: '0' }, ['每页行数：每页至少 1 行']],
    ['page size 501', { pageSize: '501' }, ['每页行数：每页最多 500 行']],
    ['year 1999', { year: '1999' }, ['年度：年份不能早于 2000']],
    ['a leader id that is not a number', { leaderId: 'abc' }, ['包保县级领导：必须是编号（正整数）']],
    ['a bad region code', { regionCode: '3714' }, ['所属地区：必须是 6 位行政区划代码']],
    ['an unknown size', { size: '1亿' }, ['投资规模：取值无效，可选：1亿元以上、10亿元以上、100亿元以上']],
    ['an unknown parameter', { foo: '1' }, ['不认识的字段：foo']],
  ])('refuses %s', (_case, query, messages) => {
    expect(messagesOf(ledgerQuery, query)).toEqual(messages);
  });
});
