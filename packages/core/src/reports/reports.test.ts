import { describe, expect, it } from 'vitest';
import { blockingProblems, checkFigures, proposeFigures } from './figures';
import { defaultDeadline, punctuality } from './deadline';
import { reportActionRefusal, statusAfter, type ReportAction, type ReportActor, type ReportStatus } from './status';

const W = 10_000;

describe('report status', () => {
  const company: ReportActor = { side: 'company', userId: 1 };
  const reviewer: ReportActor = { side: 'reviewer', userId: 2 };
  it.each<[ReportStatus, ReportAction, ReportActor, number | null, string | null]>([
    ['draft', 'save', company, null, null],
    ['draft', 'submit', company, null, null],
    ['returned', 'submit', company, 1, null],
    ['submitted', 'save', company, 1, '月报当前为「已报送」，不能保存草稿'],
    ['submitted', 'submit', company, 1, '月报当前为「已报送」，不能报送'],
    ['submitted', 'approve', reviewer, 1, null],
    ['submitted', 'return', reviewer, 1, null],
    ['submitted', 'approve', company, 1, '只有责任单位或重点项目办可以审核月报'],
    ['submitted', 'approve', reviewer, 2, '不能审核自己报送的月报'],
    ['approved', 'return', reviewer, 1, '月报当前为「已审核」，不能退回'],
    ['draft', 'approve', reviewer, null, '月报当前为「草稿」，不能审核通过'],
  ])('%s + %s by %o (submitted by %s) → %s', (status, action, actor, submittedBy, refusal) => {
    expect(reportActionRefusal(status, action, actor, submittedBy)).toBe(refusal);
  });

  it.each<[ReportAction, ReportStatus]>([['save', 'draft'], ['submit', 'submitted'], ['return', 'returned'], ['approve', 'approved']])(
    '%s leads to %s', (action, status) => expect(statusAfter(action)).toBe(status),
  );
});

describe('report figures', () => {
  it('proposes the sums from the previous month', () => {
    expect(proposeFigures(300 * W, { ytd: 1200 * W, cumulative: 5000 * W })).toEqual({ thisMonth: 300 * W, ytd: 1500 * W, cumulative: 5300 * W });
  });

  it.each<[string, { thisMonth: number; ytd: number; cumulative: number }, string[]]>([
    ['consistent figures', { thisMonth: 300 * W, ytd: 1500 * W, cumulative: 5300 * W }, []],
    ['a year-to-date that does not add up', { thisMonth: 300 * W, ytd: 1400 * W, cumulative: 5300 * W }, ['ytd_mismatch']],
    ['a cumulative going down', { thisMonth: 0, ytd: 1200 * W, cumulative: 4900 * W }, ['cumulative_down']],
    ['a cumulative above the total investment', { thisMonth: 5000 * W, ytd: 6200 * W, cumulative: 10_001 * W }, ['above_total']],
    ['a negative month', { thisMonth: -1, ytd: 1200 * W - 1, cumulative: 5000 * W - 1 }, ['negative', 'cumulative_down']],
    ['a year-to-date above the cumulative', { thisMonth: 300 * W, ytd: 1500 * W, cumulative: 1000 * W }, ['cumulative_down', 'ytd_above_cumulative']],
    ['yuan typed as 万元: a month above the whole project', { thisMonth: 5_000_000 * W, ytd: 5_001_200 * W, cumulative: 5_005_000 * W }, ['month_above_total', 'above_total']],
  ])('%s', (_label, figures, codes) => {
    const problems = checkFigures(figures, { ytd: 1200 * W, cumulative: 5000 * W }, 10_000 * W);
    expect(problems.map((p) => p.code)).toEqual(codes);
    for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('names the amounts in 万元', () => {
    const [p] = checkFigures({ thisMonth: 0, ytd: 1200 * W, cumulative: 4900 * W }, { ytd: 1200 * W, cumulative: 5000 * W }, 10_000 * W);
    expect(p!.message).toBe('开工以来累计 4,900 万元 比上月的 5,000 万元 还少');
  });

  it('lets an explanation through for what can be explained, never for what cannot', () => {
    const problems = checkFigures({ thisMonth: -5, ytd: 1200 * W, cumulative: 4900 * W }, { ytd: 1200 * W, cumulative: 5000 * W }, 10_000 * W);
    expect(blockingProblems(problems, false).map((p) => p.code)).toEqual(['negative', 'ytd_mismatch', 'cumulative_down']);
    expect(blockingProblems(problems, true).map((p) => p.code)).toEqual(['negative']);
  });
});

describe('deadlines', () => {
  it.each<[string, string | null, string, string]>([
    ['2026-04-05', '2026-04-05T15:59:00Z', '2026-04-10T00:00:00Z', 'on_time'], // 23:59 in China
    ['2026-04-05', '2026-04-05T16:00:00Z', '2026-04-10T00:00:00Z', 'late'], // 00:00 the next day in China
    ['2026-04-05', null, '2026-04-05T15:00:00Z', 'not_due'],
    ['2026-04-05', null, '2026-04-05T16:01:00Z', 'missing'],
  ])('deadline %s, sent %s, now %s → %s', (deadline, sent, now, expected) => {
    expect(punctuality(deadline, sent, new Date(now))).toBe(expected);
  });

  it.each([['2026-03', 5, '2026-04-05'], ['2026-12', 5, '2027-01-05'], ['2026-01', 10, '2026-02-10']] as const)(
    '%s due on day %i → %s', (period, day, expected) => expect(defaultDeadline(period, day)).toBe(expected),
  );
});
