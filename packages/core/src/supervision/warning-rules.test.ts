import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPERVISION_SETTINGS as S } from './settings';
import {
  evaluateWarnings, obstacleDeadline, projectLevel, rollUpLevels, countLevels, WARNING_RULE_FUNCTIONS, WARNING_RULE_LABEL, WARNING_RULES,
  type WarningFacts, type WarningRule,
} from './warning-rules';

const W = 10_000;
const TODAY = '2026-07-01'; // 序时进度 on 1 July: 182/365 = 49.9%

/** A project with nothing wrong: started on time, on pace, reported, nothing open. */
const fine: WarningFacts = {
  projectId: 1, stage: 'under_construction', totalInvestment: 50_000 * W,
  commitStartDate: '2026-03-01', commitCompletionDate: '2027-12-31', commitProductionDate: null,
  actualStartDate: '2026-02-20', actualCompletionDate: null, actualProductionDate: null,
  plan: { year: 2026, plan: 10_000 * W, completed: 5_000 * W, completedThrough: '2026-06' },
  openNodes: [{ name: '主体封顶', plannedDate: '2026-09-30' }],
  dueReport: { period: '2026-05', deadline: '2026-06-05', status: 'approved' },
  latestReport: { period: '2026-06', returnCount: 0 },
  sentReport: { period: '2026-05', thisMonth: 800 * W, cumulative: 9_000 * W, figureNoteCodes: [], failedPhotos: 0 },
  obstacles: [],
  finding: null,
};

type Case = [label: string, change: Partial<WarningFacts>, level: 'red' | 'yellow' | null, reason?: RegExp];

const run = (rule: WarningRule, change: Partial<WarningFacts>, today = TODAY, settings = S) => WARNING_RULE_FUNCTIONS[rule]({ ...fine, ...change }, today, settings);
const plan = (completed: number, planned = 10_000 * W) => ({ plan: { year: 2026, plan: planned, completed, completedThrough: '2026-06' } });
const obstacle = (o: Partial<WarningFacts['obstacles'][number]>) => ({ id: 7, kind: 'land', title: '二期用地指标未落实', deadline: '2026-06-20', raisedOn: '2026-05-10', stage: 'assigned' as const, ...o });

const TABLE: Record<WarningRule, Case[]> = {
  investment_behind: [
    ['on pace (50% done by the end of June)', plan(5_000 * W), null],
    ['9.9 points behind: not yet', plan(4_010 * W), null],
    ['10.0 points behind: yellow', plan(4_000 * W), 'yellow', /截至6月末已完成 4,000.00 万元（40\.0%），序时进度 50\.0%，落后 10\.0 个百分点/],
    ['30.0 points behind is still yellow', plan(2_000 * W), 'yellow', /落后 30\.0 个百分点/],
    ['30.1 points behind: red', plan(1_990 * W), 'red', /年度计划投资 1\.00 亿元.*落后 30\.1 个百分点/],
    ['a figure through March is measured at the end of June (stale hides nothing)', { plan: { year: 2026, plan: 10_000 * W, completed: 2_500 * W, completedThrough: '2026-03' } }, 'yellow', /截至6月末.*序时进度 50\.0%，落后 25\.0/],
    ['no month given: measured at the end of last month', { plan: { year: 2026, plan: 10_000 * W, completed: 5_000 * W, completedThrough: null } }, null],
    ['a figure through July already: July\'s pace', { plan: { year: 2026, plan: 12_000 * W, completed: 5_500 * W, completedThrough: '2026-07' } }, 'yellow', /截至7月末已完成 5,500\.00 万元（45\.8%），序时进度 58\.3%，落后 12\.5 个百分点/],
    ['nothing done at all: red', plan(0), 'red'],
    ['no plan this year: nothing to compare', { plan: null }, null],
    ['a plan of last year: not this year', { plan: { year: 2025, plan: 100, completed: 0, completedThrough: null } }, null],
    ['a zero plan', plan(0, 0), null],
  ],
  start_overdue: [
    ['started', {}, null],
    ['date passed, not started', { stage: 'signed', actualStartDate: null }, 'red', /保开工日期 2026-03-01 已过 122 天，项目仍未开工/],
    ['date is today: not passed yet', { stage: 'signed', actualStartDate: null, commitStartDate: TODAY }, null],
    ['in construction without a recorded date counts as started', { stage: 'under_construction', actualStartDate: null }, null],
    ['no committed date', { stage: 'preparing', actualStartDate: null, commitStartDate: null }, null],
  ],
  completion_overdue: [
    ['not due', {}, null],
    ['completion date passed', { commitCompletionDate: '2026-06-30' }, 'red', /保竣工日期 2026-06-30 已过 1 天，尚未竣工/],
    ['completed on time, production overdue', { stage: 'completed', actualCompletionDate: '2026-05-01', commitCompletionDate: '2026-05-30', commitProductionDate: '2026-06-01' }, 'red', /^保投产日期 2026-06-01 已过 30 天，尚未投产$/],
    ['both overdue', { commitCompletionDate: '2026-05-01', commitProductionDate: '2026-06-01' }, 'red', /尚未竣工；保投产日期/],
    ['operating: both done', { stage: 'operating', commitCompletionDate: '2026-05-01', commitProductionDate: '2026-06-01' }, null],
  ],
  node_overdue: [
    ['nodes ahead', {}, null],
    ['one node late', { openNodes: [{ name: '主体封顶', plannedDate: '2026-06-15' }] }, 'yellow', /^关键节点「主体封顶」计划 2026-06-15 完成，已逾期 16 天$/],
    ['the earliest named, the count given', { openNodes: [{ name: '设备安装', plannedDate: '2026-06-20' }, { name: '主体封顶', plannedDate: '2026-06-15' }] }, 'yellow', /「主体封顶」.*共 2 个节点逾期/],
  ],
  report_late: [
    ['sent', {}, null],
    ['not sent after the deadline', { dueReport: { period: '2026-05', deadline: '2026-06-05', status: 'draft' } }, 'yellow', /2026年5月月报截止 2026-06-05，至今未报送（已逾期 26 天）/],
    ['returned and not sent again', { dueReport: { period: '2026-05', deadline: '2026-06-05', status: 'returned' } }, 'yellow', /退回后仍未重新报送/],
    ['the deadline is today', { dueReport: { period: '2026-06', deadline: TODAY, status: 'draft' } }, null],
    ['no month due yet', { dueReport: null }, null],
  ],
  report_returned: [
    ['returned once', { latestReport: { period: '2026-06', returnCount: 1 } }, null],
    ['returned twice', { latestReport: { period: '2026-06', returnCount: 2 } }, 'yellow', /2026年6月月报已被退回 2 次/],
  ],
  obstacle_overdue: [
    ['none open', {}, null],
    ['within its deadline', { obstacles: [obstacle({ deadline: '2026-07-10' })] }, null],
    ['past its deadline', { obstacles: [obstacle({})] }, 'yellow', /问题「二期用地指标未落实」（用地）办理期限 2026-06-20 已过 11 天，仍未销号，现处于交办/],
    ['without a deadline: 30 days after it was raised', { obstacles: [obstacle({ deadline: null, raisedOn: '2026-06-01' })] }, null],
    ['without a deadline, 31 days on', { obstacles: [obstacle({ deadline: null, raisedOn: '2026-05-31' })] }, 'yellow', /办理期限 2026-06-30 已过 1 天/],
    ['reached 约谈: red', { obstacles: [obstacle({ stage: 'interviewed' }), obstacle({ id: 8, deadline: '2026-06-01', stage: 'reminded' })] }, 'red', /办理期限 2026-06-01.*现处于提醒；共 2 个问题逾期；其中 1 个已到约谈/],
  ],
  photo_failed: [
    ['all passed', {}, null],
    ['two failed', { sentReport: { ...fine.sentReport!, failedPhotos: 2 } }, 'yellow', /2026年5月月报有 2 张照片核验未通过/],
    ['nothing sent', { sentReport: null }, null],
  ],
  figure_impossible: [
    ['plausible', {}, null],
    ['cumulative went down (explained, still impossible)', { sentReport: { ...fine.sentReport!, figureNoteCodes: ['cumulative_down'] } }, 'red', /2026年5月月报：开工以来累计完成投资比上月减少/],
    ['cumulative above the total', { sentReport: { ...fine.sentReport!, cumulative: 60_000 * W } }, 'red', /开工以来累计 6\.00 亿元 超过项目总投资 5\.00 亿元/],
    ['a total revised upwards settles an old note', { sentReport: { ...fine.sentReport!, figureNoteCodes: ['above_total'] } }, null],
    ['a month above the whole project', { sentReport: { ...fine.sentReport!, thisMonth: 60_000 * W, cumulative: 40_000 * W } }, 'red', /疑为单位填错/],
  ],
  books_ahead: [
    ['no inspection', {}, null],
    ['books agree with the site', { finding: { visitedOn: '2026-06-20', booksAhead: false, inspection: '第二次联合督导' } }, null],
    ['books ahead', { finding: { visitedOn: '2026-06-20', booksAhead: true, inspection: '第二次联合督导' } }, 'red', /2026-06-20 督导检查（第二次联合督导）发现月报所报进度超前于现场实际/],
  ],
};

describe.each(WARNING_RULES)('rule %s', (rule) => {
  it.each(TABLE[rule])('%s', (_label, change, level, reason) => {
    const w = run(rule, change);
    expect(w?.level ?? null).toBe(level);
    if (w) {
      expect(w.rule).toBe(rule);
      expect(w.reason).toMatch(/[\u4e00-\u9fa5]/);
      if (reason) expect(w.reason).toMatch(reason);
    }
  });
});

describe('evaluating a project', () => {
  it('finds nothing wrong with a project on track', () => {
    expect(evaluateWarnings(fine, TODAY, S)).toEqual([]);
    expect(projectLevel([])).toBe('green');
  });

  it('lists every warning, each labelled, and colours the project by the worst', () => {
    const bad = { ...fine, ...plan(3_900 * W), stage: 'signed' as const, actualStartDate: null };
    const warnings = evaluateWarnings(bad, TODAY, S);
    expect(warnings.map((w) => [w.rule, w.level])).toEqual([['investment_behind', 'yellow'], ['start_overdue', 'red']]);
    expect(projectLevel(warnings)).toBe('red');
    expect(projectLevel(warnings.slice(0, 1))).toBe('yellow');
    for (const r of WARNING_RULES) expect(WARNING_RULE_LABEL[r]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each(['planning', 'reserve', 'terminated'] as const)('says nothing of a project in %s', (stage) => {
    expect(evaluateWarnings({ ...fine, stage, actualStartDate: null, ...plan(0) }, TODAY, S)).toEqual([]);
  });

  it('follows the settings for the pace thresholds', () => {
    const strict = { ...S, behindYellow: 5, behindRed: 8 };
    expect(run('investment_behind', plan(4_000 * W), TODAY, strict)?.level).toBe('red');
    expect(run('investment_behind', plan(4_400 * W), TODAY, strict)?.level).toBe('yellow');
  });

  it('holds an obstacle without a deadline to the default number of days', () => {
    expect(obstacleDeadline({ deadline: null, raisedOn: '2026-12-15' }, { defaultDeadlineDays: 30 })).toBe('2027-01-14');
    expect(obstacleDeadline({ deadline: '2026-08-01', raisedOn: '2026-07-01' }, { defaultDeadlineDays: 30 })).toBe('2026-08-01');
  });
});

describe('roll-ups', () => {
  const rows = [
    { projectId: 1, level: 'yellow', group: 'a' }, { projectId: 1, level: 'red', group: 'a' },
    { projectId: 2, level: 'yellow', group: 'a' }, { projectId: 2, level: 'yellow', group: 'a' },
    { projectId: 3, level: 'yellow', group: 'b' }, { projectId: 4, level: 'red', group: null },
  ];

  it('counts a project once at its worst level, and its warnings', () => {
    expect(countLevels(rows)).toEqual({ red: 2, yellow: 2, warnings: { red: 2, yellow: 4 } });
  });

  it('rolls up per group, green from the group size, most red first', () => {
    const sizes = new Map<string | null, number>([['a', 5], ['b', 1], ['c', 3], [null, 1]]);
    expect(rollUpLevels(rows, sizes)).toEqual([
      { group: 'a', red: 1, yellow: 1, projects: 5, green: 3, warnings: 4 },
      { group: null, red: 1, yellow: 0, projects: 1, green: 0, warnings: 1 },
      { group: 'b', red: 0, yellow: 1, projects: 1, green: 0, warnings: 1 },
      { group: 'c', red: 0, yellow: 0, projects: 3, green: 3, warnings: 0 },
    ]);
  });
});
