import { describe, expect, it } from 'vitest';
import type { ObstacleStage, ObstacleStatus } from './catalog';
import {
  checkTransition, effectiveDeadline, medianDaysToClose, needsDocNo, nextEscalation, nextStageOf, obstacleActions, overdueDays,
  type LadderActor, type LadderObstacle, type ObstacleAction, type TimedObstacle,
} from './obstacle-ladder';
import { DEFAULT_SUPERVISION_SETTINGS, type SupervisionSettings } from './settings';

const office: LadderActor = { userId: 1, isOffice: true, isOwner: false };
const otherOffice: LadderActor = { userId: 9, isOffice: true, isOwner: false };
const owner: LadderActor = { userId: 2, isOffice: false, isOwner: true };
const stranger: LadderActor = { userId: 3, isOffice: false, isOwner: false };

const o = (status: ObstacleStatus, stage: ObstacleStage = 'assigned', resolvedBy: number | null = null): LadderObstacle => ({ status, stage, resolvedBy });

describe('the ladder transitions', () => {
  it.each<[string, LadderObstacle, ObstacleAction, LadderActor, ObstacleStage | undefined, string]>([
    ['escalates to the next stage', o('open'), 'escalate', office, undefined, 'open/reminded'],
    ['escalates straight to 督办', o('open'), 'escalate', office, 'supervised', 'open/supervised'],
    ['escalates 督办 to 约谈', o('open', 'supervised'), 'escalate', office, undefined, 'open/interviewed'],
    ['refuses a department escalating', o('open'), 'escalate', owner, undefined, '只有重点项目办可以升级督办'],
    ['refuses escalating a closed one', o('closed', 'reminded'), 'escalate', office, undefined, '问题已销号，不能升级'],
    ['refuses escalating a resolved one', o('resolved'), 'escalate', office, undefined, '责任单位已报告办结，待销号确认；如未解决，请先退回重办再升级'],
    ['refuses going above 约谈', o('open', 'interviewed'), 'escalate', office, undefined, '已到「约谈」，是最高一级，不能再升级'],
    ['refuses going down', o('open', 'supervised'), 'escalate', office, 'reminded', '已处于「督办」，只能升级到更高一级'],
    ['refuses escalating to the same stage', o('open', 'reminded'), 'escalate', office, 'reminded', '已处于「提醒」，只能升级到更高一级'],
    ['lets the owner resolve', o('open', 'supervised'), 'resolve', owner, undefined, 'resolved/supervised'],
    ['lets the office resolve', o('open'), 'resolve', office, undefined, 'resolved/assigned'],
    ['refuses another department resolving', o('open'), 'resolve', stranger, undefined, '只有责任单位或重点项目办可以报告办结'],
    ['refuses resolving twice', o('resolved'), 'resolve', owner, undefined, '已报告办结，正在等待销号确认'],
    ['refuses resolving a closed one', o('closed'), 'resolve', owner, undefined, '问题已销号'],
    ['closes a resolved one', o('resolved', 'supervised', 2), 'close', office, undefined, 'closed/supervised'],
    ['refuses closing what nobody resolved', o('open'), 'close', office, undefined, '责任单位尚未报告办结，不能销号'],
    ['refuses closing twice', o('closed', 'assigned', 2), 'close', office, undefined, '问题已销号'],
    ['refuses a department closing', o('resolved', 'assigned', 2), 'close', owner, undefined, '只有重点项目办可以销号'],
    ['refuses the resolver confirming (四眼)', o('resolved', 'assigned', 1), 'close', office, undefined, '报告办结的人不能自己销号（四眼原则），请由重点项目办其他人员确认'],
    ['lets another office user confirm the office\'s own resolution', o('resolved', 'assigned', 1), 'close', otherOffice, undefined, 'closed/assigned'],
    ['reopens a resolved one keeping its stage', o('resolved', 'supervised', 2), 'reopen', office, undefined, 'open/supervised'],
    ['refuses reopening an open one', o('open'), 'reopen', office, undefined, '问题正在办理中，没有可退回的办结报告'],
    ['refuses reopening a closed one', o('closed'), 'reopen', office, undefined, '问题已销号，不能退回'],
    ['refuses a department reopening', o('resolved'), 'reopen', owner, undefined, '只有重点项目办可以退回重办'],
    ['lets the office edit an open one', o('open', 'reminded'), 'edit', office, undefined, 'open/reminded'],
    ['refuses editing a closed one', o('closed'), 'edit', office, undefined, '问题已销号，不能修改'],
    ['refuses a department editing', o('open'), 'edit', owner, undefined, '只有重点项目办可以修改问题'],
  ])('%s', (_name, obstacle, action, actor, to, expected) => {
    const r = checkTransition(obstacle, action, actor, to);
    expect(r.ok ? `${r.status}/${r.stage}` : r.reason).toBe(expected);
  });

  it('lists every action with its reason for the page', () => {
    const actions = obstacleActions(o('open', 'reminded'), owner);
    expect(actions.map((a) => [a.action, a.allowed])).toEqual([['edit', false], ['escalate', false], ['resolve', true], ['close', false], ['reopen', false]]);
    expect(actions.find((a) => a.action === 'close')?.reason).toBe('只有重点项目办可以销号');
  });

  it.each<[ObstacleStage, ObstacleStage | null]>([['assigned', 'reminded'], ['reminded', 'supervised'], ['supervised', 'interviewed'], ['interviewed', null]])(
    'after %s comes %s', (stage, next) => expect(nextStageOf(stage)).toBe(next),
  );

  it('asks a notice number for 督办 only', () => {
    expect(['assigned', 'reminded', 'supervised', 'interviewed'].filter((s) => needsDocNo(s as ObstacleStage))).toEqual(['supervised']);
  });
});

describe('the ladder timers', () => {
  const s: SupervisionSettings = { ...DEFAULT_SUPERVISION_SETTINGS, remindAfterDays: 0, superviseAfterDays: 7, interviewAfterDays: 14, defaultDeadlineDays: 30 };
  const t = (fields: Partial<TimedObstacle>): TimedObstacle => ({ status: 'open', stage: 'assigned', deadline: '2026-06-10', raisedOn: '2026-06-01', stageOn: '2026-06-01', ...fields });
  const brief = (e: ReturnType<typeof nextEscalation>) => [e.stage, e.steps.map((x) => `${x.stage}@${x.on}`).join(','), e.nextStage, e.nextOn];

  it.each<[string, Partial<TimedObstacle>, string, Partial<SupervisionSettings>, (string | null)[]]>([
    ['waits until the deadline has passed', {}, '2026-06-10', {}, ['assigned', '', 'reminded', '2026-06-11']],
    ['reminds the day after the deadline', {}, '2026-06-11', {}, ['reminded', 'reminded@2026-06-11', 'supervised', '2026-06-18']],
    ['waits remindAfterDays more when set', {}, '2026-06-11', { remindAfterDays: 3 }, ['assigned', '', 'reminded', '2026-06-14']],
    ['supervises 7 days after the reminder', { stage: 'reminded', stageOn: '2026-06-11' }, '2026-06-18', {}, ['supervised', 'supervised@2026-06-18', 'interviewed', '2026-07-02']],
    ['is not yet supervised the day before', { stage: 'reminded', stageOn: '2026-06-11' }, '2026-06-17', {}, ['reminded', '', 'supervised', '2026-06-18']],
    ['interviews 14 days after 督办', { stage: 'supervised', stageOn: '2026-06-18' }, '2026-07-02', {}, ['interviewed', 'interviewed@2026-07-02', null, null]],
    ['stops at 约谈', { stage: 'interviewed', stageOn: '2026-07-02' }, '2027-01-01', {}, ['interviewed', '', null, null]],
    ['catches up every missed step with its own date', {}, '2026-08-01', {}, ['interviewed', 'reminded@2026-06-11,supervised@2026-06-18,interviewed@2026-07-02', null, null]],
    ['uses the default deadline without one', { deadline: null }, '2026-07-01', {}, ['assigned', '', 'reminded', '2026-07-02']],
    ['reminds after the default deadline', { deadline: null }, '2026-07-02', {}, ['reminded', 'reminded@2026-07-02', 'supervised', '2026-07-09']],
    ['starts the timer of a stage reached by hand', { stage: 'supervised', stageOn: '2026-06-12' }, '2026-06-20', {}, ['supervised', '', 'interviewed', '2026-06-26']],
    ['holds a stage reached by hand until the deadline passes', { stage: 'supervised', stageOn: '2026-06-01', deadline: '2026-06-30' }, '2026-06-20', {}, ['supervised', '', 'interviewed', '2026-07-01']],
    ['holds the ladder when the deadline is moved later', { stage: 'reminded', stageOn: '2026-06-11', deadline: '2026-07-31' }, '2026-07-01', {}, ['reminded', '', 'supervised', '2026-08-01']],
    ['starts 交办 afresh when sent back after the deadline', { stageOn: '2026-07-20' }, '2026-07-20', {}, ['assigned', '', 'reminded', '2026-07-21']],
    ['climbs from the send-back, not from the old deadline', { stageOn: '2026-07-20' }, '2026-08-01', {}, ['supervised', 'reminded@2026-07-21,supervised@2026-07-28', 'interviewed', '2026-08-11']],
    ['gives a send-back remindAfterDays too', { stageOn: '2026-07-20' }, '2026-07-21', { remindAfterDays: 3 }, ['assigned', '', 'reminded', '2026-07-24']],
    ['never climbs a resolved one', { status: 'resolved' }, '2026-09-01', {}, ['assigned', '', null, null]],
    ['never climbs a closed one', { status: 'closed', stage: 'reminded' }, '2026-09-01', {}, ['reminded', '', null, null]],
  ])('%s', (_name, fields, today, settings, expected) => {
    expect(brief(nextEscalation(t(fields), { ...s, ...settings }, today))).toEqual(expected);
  });

  it('says why in each automatic step', () => {
    const e = nextEscalation(t({}), s, '2026-08-01');
    expect(e.steps.map((x) => x.rule)).toEqual([
      '办理期限 2026-06-10 已过仍未办结，自动提醒',
      '提醒后 7 天仍未办结，自动升级为督办',
      '督办后 14 天仍未办结，自动升级为约谈',
    ]);
    expect(nextEscalation(t({}), { ...s, remindAfterDays: 2 }, '2026-06-13').steps[0]?.rule).toBe('办理期限 2026-06-10 已过 2 天仍未办结，自动提醒');
    expect(nextEscalation(t({ stageOn: '2026-07-20' }), s, '2026-07-21').steps[0]?.rule).toBe('退回重办后仍未办结（办理期限 2026-06-10 已过），自动提醒');
  });

  it.each<[string, Partial<TimedObstacle>, string, number]>([
    ['not overdue on the deadline', {}, '2026-06-10', 0],
    ['one day overdue the day after', {}, '2026-06-11', 1],
    ['overdue against the default deadline', { deadline: null }, '2026-07-11', 10],
    ['a resolved one is not overdue', { status: 'resolved' }, '2026-07-11', 0],
  ])('%s', (_name, fields, today, days) => {
    expect(overdueDays(t(fields), s, today)).toBe(days);
  });

  it('takes the default deadline from the raising date', () => {
    expect(effectiveDeadline({ deadline: null, raisedOn: '2026-12-15' }, s)).toBe('2027-01-14');
    expect(effectiveDeadline({ deadline: '2026-12-20', raisedOn: '2026-12-15' }, s)).toBe('2026-12-20');
  });
});

describe('median days to close', () => {
  it.each<[string, { raisedOn: string; closedOn: string | null }[], number | null]>([
    ['none closed', [{ raisedOn: '2026-01-01', closedOn: null }], null],
    ['one', [{ raisedOn: '2026-01-01', closedOn: '2026-01-11' }], 10],
    ['odd count', [{ raisedOn: '2026-01-01', closedOn: '2026-01-31' }, { raisedOn: '2026-01-01', closedOn: '2026-01-03' }, { raisedOn: '2026-01-01', closedOn: '2026-01-06' }], 5],
    ['even count averages the middle two', [{ raisedOn: '2026-01-01', closedOn: '2026-01-03' }, { raisedOn: '2026-01-01', closedOn: '2026-01-06' }, { raisedOn: '2026-01-01', closedOn: '2026-01-31' }, { raisedOn: '2026-01-01', closedOn: '2026-01-02' }], 3.5],
    ['ignores open ones', [{ raisedOn: '2026-01-01', closedOn: null }, { raisedOn: '2026-02-01', closedOn: '2026-03-01' }], 28],
  ])('%s', (_name, items, median) => {
    expect(medianDaysToClose(items)).toBe(median);
  });
});
