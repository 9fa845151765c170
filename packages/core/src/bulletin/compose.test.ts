import { describe, expect, it } from 'vitest';
import { composeBulletin, sectionKeys } from './compose';
import { composeFigures, lastYearTotal } from './figures';
import { bulletinTitle, defaultIssuer, monthInstants, monthEnd, movementText, paceText, scopeWord } from './format';
import type { BulletinInput, BulletinProjectFacts, BulletinRankings } from './input';
import { ytdThrough } from './input';

const YI = 100_000_000;
const WAN = 10_000;

function project(id: number, fields: Partial<BulletinProjectFacts> = {}): BulletinProjectFacts {
  return {
    id, name: `项目${id}`, category: 'industrial', nature: 'continued', regionCode: '370102', regionName: '测试县', departmentName: '县发改局',
    totalInvestment: 10 * YI, plan: 2 * YI, completedYtd: YI, thisMonth: 1000 * WAN, lastYearYtd: 8000 * WAN, level: null, ...fields,
  };
}

function input(fields: Partial<BulletinInput> = {}): BulletinInput {
  return {
    period: '2026-10', regionName: '测试县', regionLevel: 'county', generatedAt: '2026-11-03T02:00:00.000Z',
    projects: [project(1), project(2, { category: 'services', departmentName: '县商务局' })],
    milestones: [], warnings: [], obstacles: [], escalations: { supervised: 0, interviewed: 0 }, findings: [], rankings: null, photos: [], ...fields,
  };
}

const section = (i: BulletinInput, key: string) => composeBulletin(i).sections.find((s) => s.key === key)!;

describe('the words of a bulletin', () => {
  it.each([
    ['测试县', 'county', '全县'], ['历下区', 'county', '全区'], ['龙口市', 'county', '全市'], ['某某', 'county', '全县'],
    ['济南市', 'city', '全市'], ['山东省', 'province', '全省'],
  ] as const)('%s (%s) is %s', (name, level, word) => expect(scopeWord(name, level)).toBe(word));

  it.each([
    ['2026-10', '测试县', 'county', '关于2026年10月份全县重点项目建设情况的通报'],
    ['2026-03', '济南市', 'city', '关于2026年3月份全市重点项目建设情况的通报'],
  ] as const)('titles %s of %s', (period, name, level, title) => expect(bulletinTitle(period, name, level)).toBe(title));

  it('issues from the region’s office', () => expect(defaultIssuer('测试县')).toBe('测试县重点项目推进办公室'));

  it.each([[4.8, '高于序时进度4.8个百分点'], [-12.25, '低于序时进度12.3个百分点'], [0, '与序时进度持平']])('gap %s reads %s', (gap, text) => expect(paceText(gap)).toBe(text));
  it.each([[2, '↑2'], [-3, '↓3'], [0, '持平'], [null, '—']] as const)('movement %s reads %s', (m, text) => expect(movementText(m)).toBe(text));

  it.each([['2026-02', '2026-02-28'], ['2028-02', '2028-02-29'], ['2026-12', '2026-12-31']])('%s ends on %s', (p, d) => expect(monthEnd(p)).toBe(d));
  it('bounds a China month in UTC', () => expect(monthInstants('2026-10')).toEqual({ start: '2026-09-30T16:00:00.000Z', end: '2026-10-31T16:00:00.000Z' }));
});

describe('a project’s figure through the month', () => {
  it.each([
    ['the month’s approved report', [{ period: '2026-10', ytd: 500 }, { period: '2026-09', ytd: 400 }], null, { ytd: 500, through: '2026-10' }],
    ['an earlier report when the month has none', [{ period: '2026-08', ytd: 300 }], null, { ytd: 300, through: '2026-08' }],
    ['a later report is not the month’s', [{ period: '2026-11', ytd: 900 }], null, { ytd: 0, through: null }],
    ['last year’s report is not this year’s', [{ period: '2025-12', ytd: 900 }], null, { ytd: 0, through: null }],
    ['an imported figure newer than the reports', [{ period: '2026-07', ytd: 300 }], { completed: 450, completedThrough: '2026-09' }, { ytd: 450, through: '2026-09' }],
    ['an imported figure past the month is ignored', [{ period: '2026-07', ytd: 300 }], { completed: 950, completedThrough: '2026-11' }, { ytd: 300, through: '2026-07' }],
    ['nothing known', [], null, { ytd: 0, through: null }],
  ] as const)('%s', (_name, reports, plan, expected) => {
    expect(ytdThrough('2026-10', { reports: [...reports], plan })).toEqual(expected);
  });
});

describe('the figures', () => {
  it('sums the plan and the completed investment and measures them against 序时进度', () => {
    const f = composeFigures(input());
    expect(f).toMatchObject({ projects: 2, annualPlan: 4 * YI, completedYtd: 2 * YI, completionRate: 0.5, asOf: '2026-10-31', thisMonthInvestment: 2000 * WAN });
    expect(f.pace).toBeCloseTo(10 / 12);
    expect(f.paceGap).toBe(-33.3);
    expect(f.lastYearYtd).toBe(16000 * WAN);
    expect(f.growth).toBeCloseTo(0.25);
  });

  it.each([
    ['a continued project without last year’s figure makes it incomplete', [project(1), project(2, { lastYearYtd: null })], null],
    ['a new project counts as zero last year', [project(1), project(2, { lastYearYtd: null, nature: 'new' })], 8000 * WAN],
    ['no projects, no figure', [], null],
  ] as const)('%s', (_name, projects, expected) => expect(lastYearTotal([...projects])).toBe(expected));

  it('counts a project at its worst warning, obstacles by month, inspections by visit', () => {
    const f = composeFigures(input({
      projects: [project(1, { level: 'red' }), project(2, { level: 'yellow' }), project(3, { level: 'yellow' })],
      obstacles: [
        { id: 1, projectName: 'A', kind: 'land', title: '用地', ownerName: null, raisedOn: '2026-10-05', closedOn: null, dueOn: '2026-10-20', stage: 'supervised' },
        { id: 2, projectName: 'A', kind: 'funds', title: '资金', ownerName: null, raisedOn: '2026-09-05', closedOn: '2026-10-10', dueOn: null, stage: 'assigned' },
        { id: 3, projectName: 'B', kind: 'funds', title: '资金', ownerName: null, raisedOn: '2026-08-05', closedOn: '2026-11-02', dueOn: '2026-12-01', stage: 'assigned' },
      ],
      findings: [
        { inspectionId: 7, projectName: 'A', visitedOn: '2026-10-12', booksAhead: true, rating: 'poor', demands: ['x'] },
        { inspectionId: 7, projectName: 'B', visitedOn: '2026-10-12', booksAhead: false, rating: 'good', demands: [] },
      ],
    }));
    expect(f.warnings).toEqual({ red: 1, yellow: 2 });
    expect(f.obstacles).toEqual({ opened: 1, closed: 1, open: 2, overdue: 1 });
    expect(f.inspections).toEqual({ count: 1, findings: 2, booksAhead: 1, poor: 1 });
  });
});

describe('the default paragraphs', () => {
  it.each([
    ['behind the pace', [project(1, { plan: 2 * YI, completedYtd: 1.5 * YI })], '截至10月末，全县1个重点项目（工业项目1个）累计完成投资1.50亿元，占年度计划2.00亿元的75.0%，低于序时进度8.3个百分点（序时进度83.3%）；同比增长87.5%。10月份完成投资1000万元。'],
    ['ahead of the pace', [project(1, { plan: 2 * YI, completedYtd: 1.8 * YI })], '占年度计划2.00亿元的90.0%，高于序时进度6.7个百分点'],
    ['no plan yet', [project(1, { plan: null })], '累计完成投资1.00亿元（年度计划尚未下达）'],
    ['last year unknown', [project(1, { lastYearYtd: null })], '上年同期数据不全，暂不作同比'],
    ['down on last year', [project(1, { completedYtd: 0.4 * YI })], '同比下降50.0%'],
  ] as const)('overview: %s', (_name, projects, sentence) => {
    expect(section(input({ projects: [...projects] }), 'overview').text).toContain(sentence);
  });

  it('names the projects started and completed in the month', () => {
    const text = section(input({ milestones: [{ projectId: 1, name: '甲项目', kind: 'start', date: '2026-10-08' }, { projectId: 2, name: '乙项目', kind: 'completion', date: '2026-10-20' }] }), 'overview').text;
    expect(text).toContain('10月份，新开工项目1个（甲项目），竣工投产项目1个（乙项目）。');
    expect(section(input(), 'overview').text).toContain('10月份无新开工、竣工投产项目。');
  });

  it('tables the categories and the departments with a total row', () => {
    const i = input({ projects: [project(1, { level: 'red' }), project(2, { category: 'services', departmentName: '县商务局', completedYtd: 1.8 * YI })] });
    const categories = section(i, 'categories').tables[0]!;
    expect(categories.columns).toEqual(['项目类别', '项目数', '年度计划（万元）', '累计完成（万元）', '完成率', '红色预警', '黄色预警']);
    expect(categories.rows).toEqual([
      ['工业', '1', '20,000', '10,000', '50.0%', '1', '0'],
      ['服务业', '1', '20,000', '18,000', '90.0%', '0', '0'],
      ['基础设施和民生', '0', '0', '0', '—', '0', '0'],
      ['合计', '2', '40,000', '28,000', '70.0%', '1', '0'],
    ]);
    const departments = section(i, 'departments');
    expect(departments.tables[0]!.rows.map((r) => r[0])).toEqual(['县商务局', '县发改局', '合计']);
    expect(departments.text).toContain('县商务局（90.0%）完成率较高');
    expect(departments.text).toContain('县发改局完成率低于序时进度');
  });

  it('lists red projects with why, and says so when there are none', () => {
    const i = input({
      projects: [project(1, { level: 'red' }), project(2, { level: 'yellow' })],
      warnings: [
        { projectId: 2, projectName: '乙项目', departmentName: '县商务局', rule: 'report_late', level: 'yellow', reason: '10月月报逾期未报' },
        { projectId: 1, projectName: '甲项目', departmentName: '县发改局', rule: 'investment_behind', level: 'red', reason: '完成率落后序时进度30.0个百分点' },
        { projectId: 1, projectName: '甲项目', departmentName: '县发改局', rule: 'node_overdue', level: 'yellow', reason: '关键节点「主体封顶」逾期15天' },
      ],
    });
    const s = section(i, 'warnings');
    expect(s.text).toContain('共有红色预警项目1个、黄色预警项目1个');
    expect(s.text).toContain('红色预警项目：甲项目（投资滞后序时进度、关键节点逾期），具体原因见下表。');
    expect(s.tables[0]!.rows).toEqual([
      ['1', '甲项目', '县发改局', '红色预警', '投资滞后序时进度；关键节点逾期', '完成率落后序时进度30.0个百分点；关键节点「主体封顶」逾期15天'],
      ['2', '乙项目', '县商务局', '黄色预警', '月报逾期未报', '10月月报逾期未报'],
    ]);
    expect(section(input(), 'warnings')).toMatchObject({ text: '截至10月末，全县无红色、黄色预警项目。', tables: [] });
  });

  it('counts obstacles by kind and escalation, and inspections by rating', () => {
    const i = input({
      obstacles: [
        { id: 1, projectName: '甲项目', kind: 'land', title: '二期用地未批', ownerName: '县自然资源局', raisedOn: '2026-10-05', closedOn: null, dueOn: '2026-10-20', stage: 'supervised' },
        { id: 2, projectName: '乙项目', kind: 'land', title: '土地调规', ownerName: null, raisedOn: '2026-10-07', closedOn: '2026-10-25', dueOn: null, stage: 'assigned' },
      ],
      escalations: { supervised: 1, interviewed: 0 },
      findings: [{ inspectionId: 3, projectName: '甲项目', visitedOn: '2026-10-12', booksAhead: true, rating: 'poor', demands: ['如实填报投资', '加快主体施工'] }],
    });
    expect(section(i, 'obstacles').text).toBe('10月份，新增项目建设问题2个（用地2个），办结销号1个；对1个问题启动督办、0个问题约谈责任单位。截至月末，尚有1个问题未解决，其中逾期1个。\n\n请各责任单位对逾期问题逐一研究解决办法，能解决的限期解决，需提请联席会议研究的及时报县重点项目推进办公室。');
    expect(section(i, 'obstacles').tables[0]!.rows.map((r) => r[5])).toEqual(['办理中（督办）', '已销号']);
    const ins = section(i, 'inspections');
    expect(ins.text).toContain('开展督导检查1次，实地检查项目1个次；评价为好的0个、一般的0个、差的1个；1个项目账面进度超前于现场（甲项目），已要求如实更正；共提出整改要求2条。');
    expect(ins.tables[0]!.rows).toEqual([['1', '甲项目', '2026-10-12', '差', '账面超前于现场', '1.如实填报投资\n2.加快主体施工']]);
    expect(section(input(), 'inspections').text).toBe('10月份未开展督导检查。');
  });

  const scored: BulletinRankings = {
    schemeName: '重点项目考核办法',
    rankings: {
      project: [
        { subjectId: 1, name: '甲项目', rank: 1, total: 96.5, previousRank: 3, flag: 'red' },
        { subjectId: 2, name: '乙项目', rank: 2, total: 80, previousRank: 1, flag: 'yellow' },
      ],
      department: [{ subjectId: 9, name: '县发改局', rank: 1, total: 90, previousRank: null, flag: null }],
    },
  };
  it.each([
    ['not scored', null, '本月考核尚未计分，10月份考核排名待计分后另行通报。', 0],
    ['scored', scored, '按照《重点项目考核办法》，对10月份2个重点项目进行考核计分。得分前2名的项目依次为：甲项目（96.5分）、乙项目（80.0分）。', 2],
  ] as const)('rankings when %s', (_name, rankings, first, tables) => {
    const s = section(input({ rankings }), 'rankings');
    expect(s.text.split('\n\n')[0]).toBe(first);
    expect(s.tables).toHaveLength(tables);
    if (rankings) {
      expect(s.tables[0]!.rows).toEqual([['1', '甲项目', '96.5', '↑2', '红旗'], ['2', '乙项目', '80.0', '↓1', '黄旗']]);
      expect(s.tables[1]!.rows).toEqual([['1', '县发改局', '90.0', '—', '']]);
      expect(s.text).toContain('授予甲项目红旗；对乙项目亮黄旗。');
    }
  });

  it('shows the first and last ten of a long ranking', () => {
    const project = Array.from({ length: 25 }, (_, k) => ({ subjectId: k + 1, name: `项目${k + 1}`, rank: k + 1, total: 100 - k, previousRank: k + 1, flag: null }));
    const s = section(input({ rankings: { schemeName: '办法', rankings: { project } } }), 'rankings');
    expect(s.tables.map((t) => [t.title, t.rows.length, t.rows[0]![0]])).toEqual([['项目考核排名（前10名）', 10, '1'], ['项目考核排名（后10名）', 10, '16']]);
  });
});

describe('the sections of a county and a city', () => {
  it('numbers the headings in order and ends with 下步工作要求', () => {
    const { sections } = composeBulletin(input());
    expect(sections.map((s) => s.heading)).toEqual([
      '一、总体情况', '二、分类推进情况', '三、责任单位推进情况', '四、红黄预警项目情况', '五、问题协调解决情况', '六、督导检查情况', '七、考核排名情况', '八、影像资料对比', '九、下步工作要求',
    ]);
    expect(sections.at(-1)!.text).toContain('（一）加快项目建设进度。');
  });

  it('ranks a city’s counties', () => {
    const i = input({
      regionName: '某市', regionLevel: 'city',
      projects: [
        project(1, { regionCode: '370102', regionName: '甲县', completedYtd: 1.9 * YI }),
        project(2, { regionCode: '370103', regionName: '乙区', completedYtd: 1.0 * YI }),
        project(3, { regionCode: '370103', regionName: '乙区', completedYtd: 1.2 * YI }),
      ],
    });
    expect(sectionKeys('city')).toContain('counties');
    expect(sectionKeys('county')).not.toContain('counties');
    const s = section(i, 'counties');
    expect(s.heading).toBe('四、各县（市、区）推进情况');
    expect(s.text).toBe('在全市各县（市、区）中，乙区累计完成投资2.20亿元，居第一；甲县完成率95.0%，居第一；乙区完成率55.0%，居末位。');
    expect(s.tables[0]!.rows).toEqual([['乙区', '2', '40,000', '22,000', '55.0%', '1'], ['甲县', '1', '20,000', '19,000', '95.0%', '2']]);
    expect(section(i, 'overview').text).toContain('截至10月末，全市3个重点项目');
  });
});
