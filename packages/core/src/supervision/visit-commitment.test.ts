import { describe, expect, it } from 'vitest';
import { actionDaysOverdue, actionTransitionRefusal, isActionOverdue } from './action-items';
import type { ActionStatus } from './catalog';
import { daysAtProjects, leaderCommitments, type CommitmentInput, type VisitDay } from './visit-commitment';

const v = (visitedOn: string, days = 1, projectId = 1, leaderId = 1): VisitDay => ({ leaderId, projectId, visitedOn, days });

describe('days at the projects', () => {
  it.each<[string, VisitDay[], number]>([
    ['none', [], 0],
    ['a whole day and a half day', [v('2026-11-02'), v('2026-11-03', 0.5)], 1.5],
    ['two half days on one date make a day', [v('2026-11-02', 0.5, 1), v('2026-11-02', 0.5, 2)], 1],
    ['two whole days on one date are still one day', [v('2026-11-02', 1, 1), v('2026-11-02', 1, 2)], 1],
    ['three half days on one date are one day', [v('2026-11-02', 0.5, 1), v('2026-11-02', 0.5, 2), v('2026-11-02', 0.5, 3)], 1],
  ])('%s → %s', (_l, visits, days) => {
    expect(daysAtProjects(visits)).toBe(days);
  });
});

describe('each leader’s month against the commitment', () => {
  const base: CommitmentInput = {
    month: '2026-11', today: '2026-12-05', commitmentDays: 10,
    leaders: [{ id: 1, name: '王建国', title: '县委副书记' }, { id: 2, name: '李明', title: '常务副县长' }],
    projects: [{ id: 1, name: '甲项目', leaderId: 1 }, { id: 2, name: '乙项目', leaderId: 1 }, { id: 3, name: '丙项目', leaderId: 2 }],
    visits: [],
  };
  const tenDays = Array.from({ length: 10 }, (_, i) => v(`2026-11-${String(i + 2).padStart(2, '0')}`));

  it.each<[string, Partial<CommitmentInput>, { status: string; days: number; shortBy: number; isMet: boolean; expectedByNow: number }]>([
    ['ten days in a closed month: met', { visits: tenDays }, { status: 'met', days: 10, shortBy: 0, isMet: true, expectedByNow: 10 }],
    ['six and a half days in a closed month: short by 3.5', { visits: [...tenDays.slice(0, 6), v('2026-11-20', 0.5)] }, { status: 'short', days: 6.5, shortBy: 3.5, isMet: false, expectedByNow: 10 }],
    ['halfway through the month with five days: on track', { today: '2026-11-15', visits: tenDays.slice(0, 5) }, { status: 'on_track', days: 5, shortBy: 5, isMet: false, expectedByNow: 5 }],
    ['halfway through the month with two days: behind', { today: '2026-11-15', visits: tenDays.slice(0, 2) }, { status: 'behind', days: 2, shortBy: 8, isMet: false, expectedByNow: 5 }],
    ['a month not begun', { today: '2026-10-20' }, { status: 'upcoming', days: 0, shortBy: 10, isMet: false, expectedByNow: 0 }],
    ['no commitment set', { commitmentDays: 0 }, { status: 'met', days: 0, shortBy: 0, isMet: true, expectedByNow: 0 }],
    ['visits outside the month do not count', { visits: [v('2026-10-31'), v('2026-12-01')] }, { status: 'short', days: 0, shortBy: 10, isMet: false, expectedByNow: 10 }],
  ])('%s', (_l, change, expected) => {
    const row = leaderCommitments({ ...base, ...change }).find((r) => r.leaderId === 1)!;
    expect(row).toMatchObject(expected);
  });

  it('lists the projects visited and the 包保 projects not visited this year', () => {
    const rows = leaderCommitments({
      ...base,
      visits: [v('2026-11-03', 1, 1), v('2026-11-04', 0.5, 1), { ...v('2026-11-05', 1, 9), projectName: '外项目' }, v('2026-03-01', 1, 3, 2), v('2025-12-01', 1, 2)],
    });
    const wang = rows.find((r) => r.leaderId === 1)!;
    expect(wang.projectsVisited).toEqual([{ id: 1, name: '甲项目', days: 1.5 }, { id: 9, name: '外项目', days: 1 }]);
    expect(wang.notVisitedThisYear).toEqual([{ id: 2, name: '乙项目' }]);
    expect(wang).toMatchObject({ packagedCount: 2, visitCount: 3, days: 2.5 });
    const li = rows.find((r) => r.leaderId === 2)!;
    expect(li.notVisitedThisYear).toEqual([]);
    expect(li.days).toBe(0);
    // Least time at the projects first.
    expect(rows.map((r) => r.leaderId)).toEqual([2, 1]);
  });
});

describe('督办事项 to closure', () => {
  it.each<[string, { status: string; deadline: string | null }, boolean, number]>([
    ['open, deadline passed', { status: 'open', deadline: '2026-11-10' }, true, 10],
    ['open, due today', { status: 'open', deadline: '2026-11-20' }, false, 0],
    ['open, no deadline', { status: 'open', deadline: null }, false, 0],
    ['done late', { status: 'done', deadline: '2026-11-10' }, false, 0],
  ])('%s → overdue %s', (_l, a, overdue, days) => {
    expect(isActionOverdue(a, '2026-11-20')).toBe(overdue);
    expect(actionDaysOverdue(a, '2026-11-20')).toBe(days);
  });

  it.each<[ActionStatus, ActionStatus, boolean, string | null, RegExp | null]>([
    ['open', 'done', false, '已完成线路迁改', null],
    ['open', 'done', false, null, /^办结说明：/],
    ['open', 'cancelled', false, '不再需要', /只有重点项目办可以取消/],
    ['open', 'cancelled', true, '不再需要', null],
    ['open', 'cancelled', true, null, /^办结说明：取消/],
    ['done', 'open', false, null, /只有重点项目办可以重新启动/],
    ['done', 'open', true, null, null],
    ['cancelled', 'done', true, '已办', /请先恢复办理/],
    ['done', 'done', true, '又办了', /已完成/],
  ])('%s → %s (office %s)', (from, to, isOffice, doneNote, refusal) => {
    const r = actionTransitionRefusal(from, to, { isOffice, doneNote });
    if (refusal) expect(r).toMatch(refusal);
    else expect(r).toBeNull();
  });
});
