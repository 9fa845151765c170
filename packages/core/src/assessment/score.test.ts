import { describe, expect, it } from 'vitest';
import { explainItem, formulaText } from './explain';
import type { ScoreFacts } from './measure';
import { DEFAULT_SCHEME, scoringSchemeSchema, type Formula, type ScoringScheme, type SchemeItem } from './scheme';
import { applyFormula, gradeOf, rankTotals, schemeInForce, scoreGroups, scoreProject, yearAverages } from './score';

const YI = 100_000_000;

function facts(over: Partial<ScoreFacts> = {}): ScoreFacts {
  return {
    projectId: 1, name: '甲项目', stage: 'under_construction',
    plan: null, nodes: [], commitStartDate: null, actualStartDate: '2025-03-01', commitCompletionDate: null, actualCompletionDate: null,
    commitProductionDate: null, actualProductionDate: null, report: null, obstacles: [], findings: [], ...over,
  };
}
const report = (over: Partial<NonNullable<ScoreFacts['report']>> = {}): NonNullable<ScoreFacts['report']> => ({
  id: 7, status: 'approved', deadline: '2026-11-05', sentOn: '2026-11-03', returnCount: 0, noChange: false, photos: 4, failedPhotos: 0, ...over,
});
const only = (item: SchemeItem): ScoringScheme => ({ ...DEFAULT_SCHEME, items: [item] });
const itemOf = (metric: SchemeItem['metric'], formula: Formula, weight = 100): SchemeItem => ({ key: 'k', label: 'x', metric, weight, formula });

describe('applyFormula', () => {
  it.each([
    ['ratio below full', { kind: 'ratio', full: 1 }, 40, { value: 0.75, events: 0 }, 30],
    ['ratio above full is capped', { kind: 'ratio', full: 1 }, 40, { value: 1.4, events: 0 }, 40],
    ['ratio with full at 90%', { kind: 'ratio', full: 0.9 }, 40, { value: 0.45, events: 0 }, 20],
    ['ratio of nothing', { kind: 'ratio', full: 1 }, 40, { value: null, events: 0 }, 0],
    ['bands top', { kind: 'bands', bands: [{ atLeast: 1, share: 1 }, { atLeast: 0.8, share: 0.6 }] }, 20, { value: 1.2, events: 0 }, 20],
    ['bands middle (at the floor)', { kind: 'bands', bands: [{ atLeast: 1, share: 1 }, { atLeast: 0.8, share: 0.6 }] }, 20, { value: 0.8, events: 0 }, 12],
    ['bands below all', { kind: 'bands', bands: [{ atLeast: 1, share: 1 }, { atLeast: 0.8, share: 0.6 }] }, 20, { value: 0.79, events: 0 }, 0],
    ['deduction none', { kind: 'deduction', per: 5 }, 15, { value: null, events: 0 }, 15],
    ['deduction two', { kind: 'deduction', per: 5 }, 15, { value: null, events: 2 }, 5],
    ['deduction to zero, never below', { kind: 'deduction', per: 5 }, 15, { value: null, events: 9 }, 0],
    ['deduction capped by max', { kind: 'deduction', per: 5, max: 8 }, 15, { value: null, events: 9 }, 7],
    ['bonus', { kind: 'bonus', per: 2, max: 5 }, 0, { value: null, events: 2 }, 4],
    ['bonus capped', { kind: 'bonus', per: 2, max: 5 }, 0, { value: null, events: 4 }, 5],
  ] as const)('%s', (_name, formula, weight, measure, expected) => {
    expect(applyFormula(formula as Formula, weight, measure)).toBeCloseTo(expected, 9);
  });
});

describe('the metrics on a November', () => {
  const P = '2026-11';
  it.each([
    ['pace: 8亿 of a 12亿 plan by November (11/12 = 11亿 due)', 'investment_pace', facts({ plan: { plan: 12 * YI, completed: 8 * YI, reportId: 7 } }), true, 8 / 11, 0],
    ['pace: no plan, not applicable', 'investment_pace', facts(), false, null, 0],
    ['nodes: one met on time, one met late this month, one open', 'nodes_on_time', facts({ nodes: [
      { id: 1, name: '主体封顶', plannedDate: '2026-06-30', actualDate: '2026-06-20' },
      { id: 2, name: '设备进场', plannedDate: '2026-10-31', actualDate: '2026-11-10' },
      { id: 3, name: '竣工验收', plannedDate: '2026-11-20', actualDate: null },
      { id: 4, name: '投产', plannedDate: '2026-12-20', actualDate: null },
    ] }), true, 1 / 3, 2],
    ['nodes: a node met late in an earlier month counts once, then only in the ratio', 'nodes_on_time', facts({ nodes: [
      { id: 2, name: '设备进场', plannedDate: '2026-08-31', actualDate: '2026-09-10' },
    ] }), true, 0, 0],
    ['start: due and met on time', 'start_on_time', facts({ commitStartDate: '2026-04-01', actualStartDate: '2026-03-28' }), true, 1, 0],
    ['start: due and not started', 'start_on_time', facts({ commitStartDate: '2026-04-01', actualStartDate: null }), true, 0, 1],
    ['start: not yet due', 'start_on_time', facts({ commitStartDate: '2026-12-15', actualStartDate: null }), false, null, 0],
    ['start: started before this year', 'start_on_time', facts({ commitStartDate: '2025-04-01', actualStartDate: '2025-05-01' }), false, null, 0],
    ['completion: production date stands in for completion', 'completion_on_time', facts({ commitProductionDate: '2026-09-30', actualProductionDate: '2026-10-15' }), true, 0, 1],
    ['report: sent by the deadline', 'report_on_time', facts({ report: report() }), true, 1, 0],
    ['report: sent late', 'report_on_time', facts({ report: report({ sentOn: '2026-11-08' }) }), true, 0, 1],
    ['report: not sent', 'report_on_time', facts({ report: report({ sentOn: null, status: 'draft' }) }), true, 0, 1],
    ['report: not asked for', 'report_on_time', facts(), false, null, 0],
    ['quality: returned twice and no photos', 'report_complete', facts({ report: report({ returnCount: 2, photos: 0 }) }), true, null, 3],
    ['quality: 本月无变化 needs no photos', 'report_complete', facts({ report: report({ photos: 0, noChange: true }) }), true, null, 0],
    ['photos: one of four failed', 'photos_pass', facts({ report: report({ failedPhotos: 1 }) }), true, 0.75, 1],
    ['obstacles: one solved on time, one late in the month, one still overdue from before', 'obstacles_resolved', facts({ obstacles: [
      { id: 1, title: '用地指标', dueOn: '2026-11-10', resolvedOn: '2026-11-08' },
      { id: 2, title: '环评批复', dueOn: '2026-11-15', resolvedOn: '2026-11-25' },
      { id: 3, title: '电力增容', dueOn: '2026-09-30', resolvedOn: null },
      { id: 4, title: '旧问题', dueOn: '2026-08-30', resolvedOn: '2026-08-20' },
    ] }), true, 1 / 3, 1],
    ['findings: books ahead and a poor rating count, a good one does not', 'inspection_findings', facts({ findings: [
      { id: 1, inspectionId: 3, inspection: '11月督导', visitedOn: '2026-11-12', booksAhead: true, rating: 'fair' },
      { id: 2, inspectionId: 3, inspection: '11月督导', visitedOn: '2026-11-12', booksAhead: false, rating: 'poor' },
      { id: 3, inspectionId: 4, inspection: '专项督导', visitedOn: '2026-11-20', booksAhead: false, rating: 'good' },
    ] }), true, null, 2],
    ['milestones: completed and in production this month', 'milestones', facts({ actualCompletionDate: '2026-11-02', actualProductionDate: '2026-11-28' }), true, null, 2],
  ] as const)('%s', (_name, metric, f, applicable, value, events) => {
    const formula: Formula = metric === 'milestones' ? { kind: 'bonus', per: 1, max: 10 } : metric === 'report_complete' || metric === 'inspection_findings' ? { kind: 'deduction', per: 1 } : { kind: 'ratio', full: 1 };
    const s = scoreProject(f, only(itemOf(metric, formula, metric === 'milestones' ? 0 : 100)), P).items[0]!;
    expect(s.applicable).toBe(applicable);
    if (value == null) expect(s.value).toBeNull(); else expect(s.value).toBeCloseTo(value, 9);
    expect(s.events).toBe(events);
  });
});

describe('a project scored under the default scheme', () => {
  it('scales the applicable items to a hundred, adds bonuses, and explains each item with its figures', () => {
    const f = facts({
      plan: { plan: 12 * YI, completed: 9 * YI, reportId: 7 },
      report: report({ sentOn: '2026-11-07' }),
      actualCompletionDate: '2026-11-20',
    });
    const s = scoreProject(f, DEFAULT_SCHEME, '2026-11');
    // Applicable: investment (35 × 9/11), nodes none → out, start (started before the year) → out,
    // completion no commitment → out, report late (10 − 10), quality (5), photos (5), obstacles none → out, inspection (5).
    const earned = 35 * (9 / 11) + 0 + 5 + 5 + 5;
    expect(s.applicableWeight).toBe(35 + 10 + 5 + 5 + 5);
    expect(s.base).toBeCloseTo(Math.round((earned / 60) * 10_000) / 100, 2);
    expect(s.bonus).toBe(2);
    expect(s.total).toBeCloseTo(s.base + 2, 9);
    const say = (key: string) => explainItem(DEFAULT_SCHEME.items.find((i) => i.key === key)!, s.items.find((i) => i.key === key)!);
    expect(say('investment')).toBe('本年累计完成9.00 亿元，年度计划12.00 亿元，按序时（11/12）应完成11.00 亿元，完成序时进度的81.8%；得28.64分（满分35分）');
    expect(say('report')).toBe('报送截止2026-11-05，2026-11-07报送，逾期；1次×10分，扣10分，得0分');
    expect(say('nodes')).toBe('关键节点按期完成：本月不适用，不计入（其余适用项折算为百分制）');
    expect(say('milestones')).toBe('本月竣工；加2分');
  });

  it('gives a project with nothing to score a full base rather than a zero', () => {
    const scheme = only(itemOf('report_on_time', { kind: 'ratio', full: 1 }));
    expect(scoreProject(facts(), scheme, '2026-11')).toMatchObject({ base: 100, bonus: 0, total: 100, applicableWeight: 0 });
  });

  it('says each formula in words', () => {
    expect(formulaText({ kind: 'deduction', per: 5, max: 8 }, 15)).toBe('满分15分，每次扣5分，最多扣8分');
    expect(formulaText({ kind: 'bands', bands: [{ atLeast: 1, share: 1 }, { atLeast: 0.8, share: 0.5 }] }, 20)).toBe('满分20分，分档：达100%得20分，达80%得10分，不足80%不得分');
    expect(formulaText({ kind: 'bonus', per: 2, max: 5 }, 0)).toBe('每次加2分，最多加5分');
  });
});

describe('scheme versions', () => {
  const v = (version: number, effectiveFrom: string) => ({ version, effectiveFrom });
  it.each([
    ['before any version', [v(1, '2026-03')], '2026-02', null],
    ['the first in force', [v(1, '2026-03'), v(2, '2026-08')], '2026-05', 1],
    ['a later version from its month on', [v(1, '2026-03'), v(2, '2026-08')], '2026-08', 2],
    ['two versions from the same month: the later edit', [v(1, '2026-03'), v(2, '2026-08'), v(3, '2026-08')], '2026-11', 3],
    ['a version made later but in force earlier', [v(1, '2026-06'), v(2, '2026-03')], '2026-04', 2],
  ] as const)('%s', (_name, versions, period, expected) => {
    expect(schemeInForce(versions, period)?.version ?? null).toBe(expected);
  });

  it('scores the same facts differently under two versions, each month under its own', () => {
    const f = facts({ plan: { plan: 12 * YI, completed: 5 * YI, reportId: 7 }, report: report() });
    const v1: ScoringScheme = { ...DEFAULT_SCHEME, items: [itemOf('investment_pace', { kind: 'ratio', full: 1 }, 60), { ...itemOf('report_on_time', { kind: 'deduction', per: 40 }, 40), key: 'r' }] };
    const v2: ScoringScheme = { ...DEFAULT_SCHEME, items: [itemOf('investment_pace', { kind: 'bands', bands: [{ atLeast: 0.9, share: 1 }, { atLeast: 0.5, share: 0.5 }] }, 60), { ...itemOf('report_on_time', { kind: 'deduction', per: 40 }, 40), key: 'r' }] };
    const versions = [{ version: 1, effectiveFrom: '2026-01', doc: v1 }, { version: 2, effectiveFrom: '2026-07', doc: v2 }];
    const june = scoreProject(f, schemeInForce(versions, '2026-06')!.doc, '2026-06');
    const july = scoreProject(f, schemeInForce(versions, '2026-07')!.doc, '2026-07');
    // June: 5亿 of 6亿 due → 60 × 5/6 = 50, + 40. July: 5亿 of 7亿 due = 71% → the 50% band: 30, + 40.
    expect(june.total).toBe(90);
    expect(july.total).toBe(70);
  });

  it('validates a scheme: weights add to a hundred, formulas fit their metric, bands run down, keys unique', () => {
    expect(scoringSchemeSchema.safeParse(DEFAULT_SCHEME).success).toBe(true);
    const messages = (doc: unknown) => {
      const r = scoringSchemeSchema.safeParse(doc);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(messages({ ...DEFAULT_SCHEME, items: DEFAULT_SCHEME.items.slice(1) })).toEqual(['items: 各考核项分值合计应为100分，现为65分']);
    expect(messages({ ...DEFAULT_SCHEME, items: [{ ...itemOf('inspection_findings', { kind: 'ratio', full: 1 }) }] })).toEqual(['items.0.formula: 「督导检查发现问题」不能用「按比例」计分']);
    expect(messages({ ...DEFAULT_SCHEME, items: [itemOf('investment_pace', { kind: 'bands', bands: [{ atLeast: 0.5, share: 0.5 }, { atLeast: 0.9, share: 1 }] })] })).toEqual(['items.0.formula.bands: 分档须从高到低排列']);
    expect(messages({ ...DEFAULT_SCHEME, items: [itemOf('investment_pace', { kind: 'ratio', full: 1 }, 50), itemOf('report_on_time', { kind: 'ratio', full: 1 }, 50)] })).toEqual(['items.1.key: 项目代号「k」重复']);
    expect(messages({ ...DEFAULT_SCHEME, items: [itemOf('milestones', { kind: 'bonus', per: 1, max: 5 }, 100)] })).toContain('items.0.weight: 加分项的分值应为0（加分另计）');
    expect(messages({ ...DEFAULT_SCHEME, grades: [{ atLeast: 60, label: '合格' }, { atLeast: 90, label: '优秀' }] })).toEqual(['grades: 等次分数线须从高到低排列']);
  });
});

describe('groups, ranks and flags', () => {
  const ps = (projectId: number, total: number) => ({ projectId, base: total, bonus: 0, total, applicableWeight: 100, items: [{ key: 'a', applicable: true, score: total, max: 100, value: null, events: 0, figures: {}, refs: [] }] });

  it('scores a group as the mean of its projects, leaving out projects with no group', () => {
    const groups = scoreGroups([ps(1, 90), ps(2, 70), ps(3, 50), ps(4, 10)], (id) => ({ 1: 'A', 2: 'A', 3: 'B', 4: null } as Record<number, string | null>)[id]!, ['a']);
    expect(groups).toEqual([
      { group: 'A', base: 80, bonus: 0, total: 80, projectIds: [1, 2], items: [{ key: 'a', score: 80, applied: 2 }] },
      { group: 'B', base: 50, bonus: 0, total: 50, projectIds: [3], items: [{ key: 'a', score: 50, applied: 1 }] },
    ]);
  });

  it.each([
    ['distinct totals', [95, 90, 80, 70, 60], { red: 1, yellow: 2 }, [[1, 'red'], [2, null], [3, null], [4, 'yellow'], [5, 'yellow']]],
    ['a tie shares a rank and the next rank is skipped', [95, 90, 90, 70], { red: 2, yellow: 1 }, [[1, 'red'], [2, 'red'], [2, 'red'], [4, 'yellow']]],
    ['a tie at the bottom flags both', [95, 90, 60, 60], { red: 1, yellow: 1 }, [[1, 'red'], [2, null], [3, 'yellow'], [3, 'yellow']]],
    ['too few to flag both ends: red wins', [80, 70], { red: 1, yellow: 2 }, [[1, 'red'], [2, 'yellow']]],
    ['no flags', [80, 70], { red: 0, yellow: 0 }, [[1, null], [2, null]]],
    ['all equal: all first', [80, 80, 80], { red: 1, yellow: 1 }, [[1, 'red'], [1, 'red'], [1, 'red']]],
  ] as const)('%s', (_name, totals, flags, expected) => {
    const ranked = rankTotals(totals.map((t, i) => ({ i, t })), (x) => x.t, flags);
    expect(ranked.map((r) => [r.rank, r.flag])).toEqual(expected);
  });

  it('averages a year over the months each subject was scored, and grades it', () => {
    const year = yearAverages([
      { period: '2026-09', totals: new Map([['A', 90], ['B', 70]]) },
      { period: '2026-10', totals: new Map([['A', 80]]) },
    ]);
    expect(year.get('A')).toEqual({ average: 85, months: 2, monthly: [{ period: '2026-09', total: 90 }, { period: '2026-10', total: 80 }] });
    expect(year.get('B')?.months).toBe(1);
    expect([95, 85, 61, 10].map((a) => gradeOf(a, DEFAULT_SCHEME.grades))).toEqual(['优秀', '良好', '合格', '不合格']);
  });
});
