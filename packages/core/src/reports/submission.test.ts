import { describe, expect, it } from 'vitest';
import { isReportingStage } from './catalog';
import type { PreviousFigures } from './figures';
import { noChangeFigures, submissionProblems, type ReportContent } from './submission';

const W = 10_000;
const full: ReportContent = { thisMonth: 300 * W, ytd: 1500 * W, cumulative: 5300 * W, explanation: null, progress: '主体封顶', noChange: false, noChangeReason: null };
const context: { previous: PreviousFigures; totalInvestment: number; photoCount: number; minPhotos: number } = { previous: { ytd: 1200 * W, cumulative: 5000 * W }, totalInvestment: 10_000 * W, photoCount: 3, minPhotos: 1 };

describe('what blocks a submission', () => {
  it.each<[string, Partial<ReportContent>, Partial<typeof context>, string[]]>([
    ['a complete report', {}, {}, []],
    ['no 形象进度', { progress: '  ' }, {}, ['progress']],
    ['figures left empty', { thisMonth: null, ytd: null }, {}, ['thisMonth', 'ytd']],
    ['too few photos', {}, { photoCount: 0 }, ['media']],
    ['a cumulative going down, unexplained', { cumulative: 4900 * W }, {}, ['cumulative']],
    ['a negative month, even explained', { thisMonth: -1, ytd: 1200 * W - 1, explanation: '冲减' }, {}, ['thisMonth']],
    ['无变化 without its reason', { noChange: true, progress: null, thisMonth: null }, { photoCount: 0 }, ['noChangeReason']],
    ['无变化 with its reason, no photos or figures needed', { noChange: true, noChangeReason: '冬季停工', progress: null, thisMonth: null }, { photoCount: 0 }, []],
    ['a first report (nothing before it to compare)', { ytd: 999 * W, cumulative: 10 * W + 999 * W }, { previous: { ytd: null, cumulative: null } }, []],
  ])('%s', (_label, report, ctx, fields) => {
    const { problems } = submissionProblems({ ...full, ...report }, { ...context, ...ctx });
    expect(problems.map((p) => p.field)).toEqual(fields);
    for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('lets an explained figure through and keeps it as a note for the reviewer', () => {
    const { problems, notes } = submissionProblems({ ...full, cumulative: 4900 * W, explanation: '审计调减' }, context);
    expect(problems).toEqual([]);
    expect(notes.map((n) => n.code)).toEqual(['cumulative_down']);
  });

  it('tells the reporter how to explain a figure the system doubts', () => {
    const { problems } = submissionProblems({ ...full, cumulative: 20_000 * W }, context);
    expect(problems[0]!.message).toMatch(/超过项目总投资.*请在「情况说明」中说明原因/);
  });

  it('carries the sums through a month without change, and keeps the unknown unknown', () => {
    expect(noChangeFigures({ ytd: 1200 * W, cumulative: 5000 * W })).toEqual({ thisMonth: 0, ytd: 1200 * W, cumulative: 5000 * W });
    expect(noChangeFigures({ ytd: null, cumulative: null })).toEqual({ thisMonth: 0, ytd: null, cumulative: null });
  });

  it.each([['signed', true], ['under_construction', true], ['suspended', true], ['reserve', false], ['full_production', false], ['terminated', false]] as const)(
    'a project in %s reports: %s', (stage, expected) => expect(isReportingStage(stage)).toBe(expected),
  );
});
