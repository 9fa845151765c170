import { describe, expect, it } from 'vitest';
import {
  buildAgenda, isAgendaAction, isAgendaObstacle, meetingTransitionRefusal, planAgendaRebuild,
  type AgendaAction, type AgendaInputs, type AgendaObstacle, type AgendaWarning, type ExistingAgendaItem, type MeetingStatus,
} from './agenda';

const DATE = '2026-11-20';
const obstacle = (o: Partial<AgendaObstacle> = {}): AgendaObstacle => ({
  id: 1, projectId: 10, projectName: '年产10万吨新型建材项目', kind: 'land', title: null, description: '用地指标未落实',
  stage: 'supervised', stageAt: '2026-11-01T02:00:00.000Z', deadline: '2026-10-31', status: 'open', ownerOrgName: '县自然资源局', leaderName: '王建国', ...o,
});
const warning = (w: Partial<AgendaWarning & { level: string }> = {}): AgendaWarning & { level: string } => ({
  id: 100, projectId: 20, projectName: '智能装备产业园', rule: 'behind_pace', reason: '投资完成 40%，落后序时进度 45 个百分点', since: '2026-10-05T00:00:00.000Z', level: 'red', ...w,
});
const action = (a: Partial<AgendaAction> = {}): AgendaAction => ({
  id: 200, projectId: 30, projectName: '城区供水管网改造', description: '协调电力部门完成线路迁改', deadline: '2026-11-10', status: 'open',
  ownerOrgName: '县供电公司', ownerPersonName: '李明', meetingTitle: '2026年10月重点项目联席会议', meetingHeldOn: '2026-10-18', ...a,
});
const inputs = (i: Partial<AgendaInputs> = {}): AgendaInputs => ({ date: DATE, obstacles: [], warnings: [], actions: [], ...i });

describe('what the meeting needs to hear', () => {
  it.each<[string, Partial<AgendaObstacle>, boolean]>([
    ['at 督办', { stage: 'supervised', deadline: null }, true],
    ['at 约谈', { stage: 'interviewed', deadline: '2027-01-01' }, true],
    ['at 交办 and past its deadline', { stage: 'assigned', deadline: '2026-11-19' }, true],
    ['at 提醒, deadline the meeting day (not yet past)', { stage: 'reminded', deadline: DATE }, false],
    ['at 交办 without a deadline', { stage: 'assigned', deadline: null }, false],
    ['resolved, awaiting 销号', { status: 'resolved' }, false],
    ['closed', { status: 'closed', stage: 'interviewed' }, false],
  ])('an obstacle %s → %s', (_l, o, expected) => {
    expect(isAgendaObstacle(obstacle(o), DATE)).toBe(expected);
  });

  it.each<[string, Partial<AgendaAction>, boolean]>([
    ['overdue', { deadline: '2026-11-01' }, true],
    ['due on the day', { deadline: DATE }, true],
    ['due within the week after', { deadline: '2026-11-27' }, true],
    ['due in eight days', { deadline: '2026-11-28' }, false],
    ['without a deadline', { deadline: null }, false],
    ['done', { status: 'done', deadline: '2026-11-01' }, false],
    ['cancelled', { status: 'cancelled', deadline: '2026-11-01' }, false],
  ])('an action item %s → %s', (_l, a, expected) => {
    expect(isAgendaAction(action(a), DATE)).toBe(expected);
  });
});

describe('the agenda as it builds itself', () => {
  it('puts the most serious first: 约谈, 督办, red warnings, overdue actions, overdue obstacles, actions due', () => {
    const agenda = buildAgenda(inputs({
      obstacles: [
        obstacle({ id: 1, stage: 'assigned', deadline: '2026-11-01', projectId: 11, projectName: '甲项目' }),
        obstacle({ id: 2, stage: 'supervised', projectId: 12, projectName: '乙项目' }),
        obstacle({ id: 3, stage: 'interviewed', projectId: 13, projectName: '丙项目' }),
      ],
      warnings: [warning()],
      actions: [action({ id: 201, deadline: '2026-11-25' }), action({ id: 202, deadline: '2026-11-02' })],
    }));
    expect(agenda.map((i) => `${i.source}:${i.sourceId}`)).toEqual(['obstacle:3', 'obstacle:2', 'warning:100', 'action:202', 'obstacle:1', 'action:201']);
  });

  it('says why each item is there, with the facts', () => {
    const [o, w, a] = buildAgenda(inputs({ obstacles: [obstacle()], warnings: [warning()], actions: [action()] }));
    expect(o).toMatchObject({ source: 'obstacle', sourceId: 1, projectId: 10, title: '年产10万吨新型建材项目：用地问题' });
    expect(o!.background).toBe('用地：用地指标未落实。责任单位：县自然资源局；包保领导：王建国。已到「督办」（2026-11-01 起）；办理期限 2026-10-31，已逾期 20 天。');
    expect(w).toMatchObject({ source: 'warning', sourceId: 100, projectId: 20, title: '智能装备产业园：红色预警' });
    expect(w!.background).toBe('投资完成 40%，落后序时进度 45 个百分点。红色预警自 2026-10-05 起。');
    // Who answers for the project, when known.
    const [named] = buildAgenda(inputs({ warnings: [warning({ responsibleOrgName: '县工业和信息化局', leaderName: null })] }));
    expect(named!.background).toBe('投资完成 40%，落后序时进度 45 个百分点。红色预警自 2026-10-05 起。责任单位：县工业和信息化局；包保领导：未指定。');
    expect(a).toMatchObject({ source: 'action', sourceId: 200, title: '督办事项：城区供水管网改造：协调电力部门完成线路迁改' });
    expect(a!.background).toBe('2026年10月重点项目联席会议（2026-10-18）议定：协调电力部门完成线路迁改。责任：县供电公司 李明；完成时限 2026-11-10，已逾期 10 天。');
  });

  it('gives a project one warning item with all its red reasons, and ignores yellow ones', () => {
    const agenda = buildAgenda(inputs({
      warnings: [
        warning({ id: 101, rule: 'start_overdue', reason: '计划开工日期 2026-06-30 已过，尚未开工', since: '2026-07-01T00:00:00.000Z' }),
        warning({ id: 100 }),
        warning({ id: 102, level: 'yellow', reason: '月报退回两次' }),
        warning({ id: 103, projectId: 21, level: 'yellow' }),
      ],
    }));
    expect(agenda).toHaveLength(1);
    expect(agenda[0]).toMatchObject({ sourceId: 101, title: '智能装备产业园：红色预警 2 项' });
    expect(agenda[0]!.background).toContain('尚未开工；投资完成 40%');
    expect(agenda[0]!.background).not.toContain('退回');
  });

  it('folds a red warning into its project’s obstacle item, lifting it to the warning’s place', () => {
    const agenda = buildAgenda(inputs({
      obstacles: [obstacle({ id: 5, projectId: 20, projectName: '智能装备产业园', stage: 'assigned', deadline: '2026-11-10' }), obstacle({ id: 6, projectId: 20, projectName: '智能装备产业园', stage: 'supervised', kind: 'funds' })],
      warnings: [warning()],
      actions: [action({ deadline: '2026-11-01' })],
    }));
    expect(agenda.map((i) => `${i.source}:${i.sourceId}`)).toEqual(['obstacle:6', 'obstacle:5', 'action:200']);
    expect(agenda[1]!.background).toContain('该项目同时有红色预警：投资完成 40%');
    expect(agenda[0]!.background).not.toContain('红色预警');
  });

  it('does not repeat an obstacle’s own overdue warning in its item, though it still lifts it', () => {
    const [item] = buildAgenda(inputs({
      obstacles: [obstacle({ projectId: 20, stage: 'assigned', deadline: '2026-11-10' })],
      warnings: [warning({ rule: 'obstacle_overdue', reason: '问题「用地指标未落实」已逾期 10 天' })],
      actions: [action({ deadline: '2026-11-01' })],
    }));
    expect(item).toMatchObject({ source: 'obstacle', rank: 2 });
    expect(item!.background).not.toContain('红色预警');
  });

  it('orders by days overdue within a rank, and writes an undated obstacle as such', () => {
    const agenda = buildAgenda(inputs({ obstacles: [obstacle({ id: 1, deadline: '2026-11-15' }), obstacle({ id: 2, deadline: null, projectId: 2 }), obstacle({ id: 3, deadline: '2026-09-01', projectId: 3 })] }));
    expect(agenda.map((i) => i.sourceId)).toEqual([3, 1, 2]);
    expect(agenda[2]!.background).toContain('未设办理期限');
  });

  it('names an inspection’s demand, a deadline still ahead, and uses a custom obstacle title', () => {
    const [o, a] = buildAgenda(inputs({
      obstacles: [obstacle({ title: '二期用地报批' })],
      actions: [action({ meetingTitle: null, meetingHeldOn: null, projectName: null, deadline: '2026-11-23', ownerPersonName: null })],
    }));
    expect(o!.title).toBe('年产10万吨新型建材项目：二期用地报批');
    expect(a!.background).toBe('督导检查交办：协调电力部门完成线路迁改。责任：县供电公司；完成时限 2026-11-23，还有 3 天。');
  });

  it('is empty when nothing needs a decision', () => {
    expect(buildAgenda(inputs({ obstacles: [obstacle({ stage: 'assigned', deadline: null })], warnings: [warning({ level: 'yellow' })], actions: [action({ status: 'done' })] }))).toEqual([]);
  });
});

describe('rebuilding the agenda keeps the office’s work', () => {
  const fresh = buildAgenda(inputs({ obstacles: [obstacle({ id: 1 }), obstacle({ id: 2, projectId: 2 })], warnings: [warning()] }));
  const existing = (e: Partial<ExistingAgendaItem> & Pick<ExistingAgendaItem, 'id' | 'source' | 'sourceId'>): ExistingAgendaItem => ({ sort: e.id, isEdited: false, isRemoved: false, hasMinutes: false, ...e });

  it.each<[string, ExistingAgendaItem[], { add: string[]; refresh: number[]; drop: number[] }]>([
    ['a new meeting takes everything', [], { add: ['obstacle:1', 'obstacle:2', 'warning:100'], refresh: [], drop: [] }],
    ['untouched items are refreshed', [existing({ id: 7, source: 'obstacle', sourceId: 1 })], { add: ['obstacle:2', 'warning:100'], refresh: [7], drop: [] }],
    ['a reworded item keeps its words', [existing({ id: 7, source: 'obstacle', sourceId: 1, isEdited: true })], { add: ['obstacle:2', 'warning:100'], refresh: [], drop: [] }],
    ['an item taken off stays off', [existing({ id: 7, source: 'obstacle', sourceId: 1, isRemoved: true })], { add: ['obstacle:2', 'warning:100'], refresh: [], drop: [] }],
    ['an item whose reason has gone is dropped', [existing({ id: 8, source: 'action', sourceId: 300 })], { add: ['obstacle:1', 'obstacle:2', 'warning:100'], refresh: [], drop: [8] }],
    ['…unless minutes were written against it', [existing({ id: 8, source: 'action', sourceId: 300, hasMinutes: true })], { add: ['obstacle:1', 'obstacle:2', 'warning:100'], refresh: [], drop: [] }],
    ['…or the office reworded it', [existing({ id: 8, source: 'warning', sourceId: 999, isEdited: true })], { add: ['obstacle:1', 'obstacle:2', 'warning:100'], refresh: [], drop: [] }],
    ['the office’s own items stay', [existing({ id: 9, source: 'other', sourceId: null })], { add: ['obstacle:1', 'obstacle:2', 'warning:100'], refresh: [], drop: [] }],
  ])('%s', (_l, before, expected) => {
    const plan = planAgendaRebuild(before, fresh);
    expect(plan.add.map((i) => `${i.source}:${i.sourceId}`)).toEqual(expected.add);
    expect(plan.refresh.map((r) => r.id)).toEqual(expected.refresh);
    expect(plan.drop).toEqual(expected.drop);
  });

  it('puts new items after the office’s order', () => {
    const plan = planAgendaRebuild([existing({ id: 9, source: 'other', sourceId: null, sort: 4 }), existing({ id: 7, source: 'obstacle', sourceId: 1, sort: 1 })], fresh);
    expect(plan.add.map((i) => i.sort)).toEqual([5, 6]);
  });
});

describe('the meeting’s status', () => {
  it.each<[MeetingStatus, MeetingStatus, { attendees: number; items: number }, RegExp | null]>([
    ['draft', 'held', { attendees: 0, items: 3 }, null],
    ['draft', 'held', { attendees: 5, items: 0 }, /没有议题/],
    ['draft', 'closed', { attendees: 5, items: 3 }, /尚未召开/],
    ['held', 'closed', { attendees: 5, items: 3 }, null],
    ['held', 'closed', { attendees: 0, items: 3 }, /^参会人员：/],
    ['held', 'draft', { attendees: 5, items: 3 }, /不能退回/],
    ['closed', 'held', { attendees: 5, items: 3 }, /已定稿/],
    ['held', 'held', { attendees: 5, items: 3 }, /已经是「已召开」/],
  ])('%s → %s', (from, to, facts, refusal) => {
    const r = meetingTransitionRefusal(from, to, facts);
    if (refusal) expect(r).toMatch(refusal);
    else expect(r).toBeNull();
  });
});
