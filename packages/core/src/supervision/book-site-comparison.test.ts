import { describe, expect, it } from 'vitest';
import type { Stage } from '../stages';
import {
  booksAheadSummary, compareBooksAndSite, isBooksAhead, stageGap, type Books, type ComparisonDirection, type SiteObservation,
} from './book-site-comparison';

const W = 10_000;
const books: Books = {
  report: { id: 7, period: '2026-05', progress: '主体结构封顶', cumulative: 10_000 * W },
  stage: 'under_construction',
  nodes: [
    { id: 1, name: '开工建设', plannedDate: '2026-03-01', reportedMetOn: '2026-03-05' },
    { id: 2, name: '主体封顶', plannedDate: '2026-05-31', reportedMetOn: '2026-05-28' },
    { id: 3, name: '设备安装', plannedDate: '2026-06-10', reportedMetOn: null },
    { id: 4, name: '竣工验收', plannedDate: '2026-12-31', reportedMetOn: null },
  ],
};
const site: SiteObservation = {
  visitedOn: '2026-06-12', progress: '主体结构封顶，正在砌筑', progressVerdict: 'matches', stage: 'under_construction', nodesMet: [1, 2], investmentEstimate: 10_000 * W,
};
const byField = (s: Partial<SiteObservation>, b: Partial<Books> = {}) => compareBooksAndSite({ ...books, ...b }, { ...site, ...s });

describe('the 账面地面 comparison', () => {
  it('sets the books beside the site, field by field, with nothing different when they agree', () => {
    const rows = byField({});
    expect(rows.map((r) => r.label)).toEqual(['形象进度', '项目阶段', '节点：开工建设', '节点：主体封顶', '节点：设备安装', '开工以来累计完成投资']);
    expect(rows.every((r) => !r.differs)).toBe(true);
    expect(rows[0]).toMatchObject({ reported: '主体结构封顶', observed: '主体结构封顶，正在砌筑' });
    expect(rows[1]).toMatchObject({ reported: '在建', observed: '在建' });
    expect(rows[4]).toMatchObject({ reported: '未完成（计划 2026-06-10）', observed: '现场未完成', note: '一致（节点已逾期未完成）' });
    expect(rows[5]).toMatchObject({ reported: '1.00 亿元', observed: '约 1.00 亿元' });
    expect(isBooksAhead(rows)).toBe(false);
    expect(booksAheadSummary(rows)).toBeNull();
  });

  it('says which rows could not be compared (nothing observed, or nothing in the books)', () => {
    const rows = byField({ progressVerdict: null, stage: null, investmentEstimate: null });
    expect(rows.filter((r) => !r.compared).map((r) => r.label)).toEqual(['形象进度', '项目阶段', '开工以来累计完成投资']);
    expect(byField({}).every((r) => r.compared)).toBe(true);
  });

  it.each<[string, Partial<SiteObservation>, Partial<Books>, string, boolean, ComparisonDirection | null]>([
    ['a node reported met but not seen', { nodesMet: [1] }, {}, '节点：主体封顶', true, 'books_ahead'],
    ['a node seen met but not reported', { nodesMet: [1, 2, 3] }, {}, '节点：设备安装', true, 'site_ahead'],
    ['a node not due, not met', { nodesMet: [1, 2, 4] }, {}, '节点：竣工验收', true, 'site_ahead'],
    ['progress judged behind the report', { progressVerdict: 'behind' }, {}, '形象进度', true, 'books_ahead'],
    ['progress judged ahead of the report', { progressVerdict: 'ahead' }, {}, '形象进度', true, 'site_ahead'],
    ['progress not judged', { progressVerdict: null }, {}, '形象进度', false, null],
    ['a verdict without a report to judge', { progressVerdict: 'behind' }, { report: null }, '形象进度', false, null],
    ['an earlier stage on site', { stage: 'preparing' }, {}, '项目阶段', true, 'books_ahead'],
    ['a stopped site', { stage: 'suspended' }, {}, '项目阶段', true, 'books_ahead'],
    ['a later stage on site', { stage: 'completed' }, {}, '项目阶段', true, 'site_ahead'],
    ['no stage observed', { stage: null }, {}, '项目阶段', false, null],
    ['the ledger stopped, the site working', { stage: 'under_construction' }, { stage: 'suspended' }, '项目阶段', true, 'site_ahead'],
    ['an estimate a fifth below', { investmentEstimate: 8_000 * W }, {}, '开工以来累计完成投资', true, 'books_ahead'],
    ['an estimate 15% below: differs, within doubt', { investmentEstimate: 8_500 * W }, {}, '开工以来累计完成投资', true, null],
    ['an estimate 5% below: the eye’s error', { investmentEstimate: 9_500 * W }, {}, '开工以来累计完成投资', false, null],
    ['an estimate 30% above', { investmentEstimate: 13_000 * W }, {}, '开工以来累计完成投资', true, 'site_ahead'],
    ['no estimate', { investmentEstimate: null }, {}, '开工以来累计完成投资', false, null],
    ['an estimate without a reported figure', { investmentEstimate: 5_000 * W }, { report: { id: 7, period: '2026-05', progress: null, cumulative: null } }, '开工以来累计完成投资', false, null],
  ])('%s', (_, s, b, label, differs, direction) => {
    const rows = byField(s, b);
    const r = rows.find((x) => x.label === label);
    expect(r).toMatchObject({ differs, direction });
    expect(isBooksAhead(rows)).toBe(direction === 'books_ahead');
  });

  it('says which fields put the books ahead, with why', () => {
    const rows = byField({ nodesMet: [1], investmentEstimate: 6_000 * W });
    expect(booksAheadSummary(rows)).toBe('账面超前：节点：主体封顶（账面已完成，现场未完成）；开工以来累计完成投资（现场估算比月报低 40%）');
    expect(rows.find((r) => r.key === 2)?.note).toBe('账面已完成，现场未完成');
  });

  it('compares against the ledger when no report was ever sent', () => {
    const rows = byField({ stage: 'signed' }, { report: null });
    expect(rows[0]).toMatchObject({ reported: '（无已报送月报）', differs: false, note: '无月报可对照' });
    expect(rows.at(-1)).toMatchObject({ reported: '（月报未填写）', differs: false });
    expect(isBooksAhead(rows)).toBe(true);
  });

  it.each<[Stage, Stage, number]>([
    ['under_construction', 'under_construction', 0],
    ['under_construction', 'preparing', -1],
    ['under_construction', 'signed', -2],
    ['preparing', 'operating', 3],
    ['operating', 'terminated', -1],
    ['suspended', 'preparing', 1],
    ['suspended', 'terminated', 0],
  ])('stage gap from %s (ledger) to %s (site) is %d', (ledger, observed, gap) => {
    expect(stageGap(ledger, observed)).toBe(gap);
  });
});
