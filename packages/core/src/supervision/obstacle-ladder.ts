import { daysBetween } from '../period';
import { OBSTACLE_STAGE_LABEL, OBSTACLE_STAGES, type ObstacleStage, type ObstacleStatus } from './catalog';
import type { SupervisionSettings } from './settings';

// The obstacle ladder (挂账督导): an obstacle is assigned (交办) to its owner department and
// leader; left unsolved past its deadline it is reminded (提醒), then put under formal
// supervision with a numbered notice (督办), then the owner is summoned to an interview (约谈).
// The owner reports it solved (办结, with the resolution); the office confirms it (销号) or
// sends it back (退回重办). These are the rules; the server only gathers their inputs.

/** What happens to an obstacle, as recorded in its steps (obstacle_step.step). */
export const OBSTACLE_STEP_LABEL = {
  raised: '登记交办',
  escalated: '升级',
  edited: '修改',
  resolved: '报告办结',
  closed: '销号',
  reopened: '退回重办',
  discussed: '联席会议研究',
} as const;
export type ObstacleStepKind = keyof typeof OBSTACLE_STEP_LABEL;

export type ObstacleAction = 'edit' | 'escalate' | 'resolve' | 'close' | 'reopen';
export const OBSTACLE_ACTION_LABEL: Record<ObstacleAction, string> = {
  edit: '修改', escalate: '升级督办', resolve: '报告办结', close: '销号', reopen: '退回重办',
};

export interface LadderObstacle {
  status: ObstacleStatus;
  stage: ObstacleStage;
  /** Who reported it solved: the one who did may not also confirm it (四眼). */
  resolvedBy: number | null;
}

/** Who is acting: the office runs the ladder; the owner department (or the office) solves. */
export interface LadderActor {
  userId: number;
  isOffice: boolean;
  isOwner: boolean;
}

export type TransitionResult =
  | { ok: true; status: ObstacleStatus; stage: ObstacleStage }
  | { ok: false; reason: string };

const refuse = (reason: string): TransitionResult => ({ ok: false, reason });

/** 督办 is a formal notice: raising an obstacle to it by hand needs the notice's number (督办单号). */
export function needsDocNo(stage: ObstacleStage): boolean {
  return stage === 'supervised';
}

export function stageRank(stage: ObstacleStage): number {
  return OBSTACLE_STAGES.indexOf(stage);
}

export function nextStageOf(stage: ObstacleStage): ObstacleStage | null {
  return OBSTACLE_STAGES[stageRank(stage) + 1] ?? null;
}

const IS_CLOSED = '问题已销号';

/**
 * Whether an action exists for this obstacle and actor, and where it leads; if not, why not
 * (in words the page can show). `to` is the stage an escalation asks for (default: the next).
 */
export function checkTransition(o: LadderObstacle, action: ObstacleAction, actor: LadderActor, to?: ObstacleStage): TransitionResult {
  switch (action) {
    case 'edit':
      if (!actor.isOffice) return refuse('只有重点项目办可以修改问题');
      if (o.status === 'closed') return refuse(`${IS_CLOSED}，不能修改`);
      return { ok: true, status: o.status, stage: o.stage };
    case 'escalate': {
      if (!actor.isOffice) return refuse('只有重点项目办可以升级督办');
      if (o.status === 'closed') return refuse(`${IS_CLOSED}，不能升级`);
      if (o.status === 'resolved') return refuse('责任单位已报告办结，待销号确认；如未解决，请先退回重办再升级');
      const next = nextStageOf(o.stage);
      if (!next) return refuse(`已到「${OBSTACLE_STAGE_LABEL[o.stage]}」，是最高一级，不能再升级`);
      const target = to ?? next;
      if (stageRank(target) <= stageRank(o.stage)) {
        return refuse(`已处于「${OBSTACLE_STAGE_LABEL[o.stage]}」，只能升级到更高一级`);
      }
      return { ok: true, status: 'open', stage: target };
    }
    case 'resolve':
      if (!actor.isOwner && !actor.isOffice) return refuse('只有责任单位或重点项目办可以报告办结');
      if (o.status === 'closed') return refuse(`${IS_CLOSED}`);
      if (o.status === 'resolved') return refuse('已报告办结，正在等待销号确认');
      return { ok: true, status: 'resolved', stage: o.stage };
    case 'close':
      if (!actor.isOffice) return refuse('只有重点项目办可以销号');
      if (o.status === 'closed') return refuse(`${IS_CLOSED}`);
      if (o.status === 'open') return refuse('责任单位尚未报告办结，不能销号');
      if (o.resolvedBy === actor.userId) return refuse('报告办结的人不能自己销号（四眼原则），请由重点项目办其他人员确认');
      return { ok: true, status: 'closed', stage: o.stage };
    case 'reopen':
      if (!actor.isOffice) return refuse('只有重点项目办可以退回重办');
      if (o.status === 'closed') return refuse(`${IS_CLOSED}，不能退回`);
      if (o.status === 'open') return refuse('问题正在办理中，没有可退回的办结报告');
      // The ladder is not reset: a problem sent back stays as serious as it was.
      return { ok: true, status: 'open', stage: o.stage };
  }
}

/** Every action with whether it is open to this actor, and the reason when not. */
export function obstacleActions(o: LadderObstacle, actor: LadderActor): { action: ObstacleAction; label: string; allowed: boolean; reason: string | null }[] {
  return (Object.keys(OBSTACLE_ACTION_LABEL) as ObstacleAction[]).map((action) => {
    const r = checkTransition(o, action, actor);
    return { action, label: OBSTACLE_ACTION_LABEL[action], allowed: r.ok, reason: r.ok ? null : r.reason };
  });
}

// ——— the timers ———

/** A calendar date moved by whole days. */
function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const later = (a: string, b: string) => (a > b ? a : b);

export interface TimedObstacle {
  status: ObstacleStatus;
  stage: ObstacleStage;
  deadline: string | null;
  /** China calendar dates of raising and of reaching the current stage. */
  raisedOn: string;
  stageOn: string;
}

/** The deadline the ladder runs against: the one given, or the default time to solve one. */
export function effectiveDeadline(o: Pick<TimedObstacle, 'deadline' | 'raisedOn'>, settings: SupervisionSettings): string {
  return o.deadline ?? shiftDate(o.raisedOn, settings.defaultDeadlineDays);
}

/** Days past the deadline (a deadline is the last day to act, so it passes the day after); 0 when not overdue. */
export function overdueDays(o: Pick<TimedObstacle, 'status' | 'deadline' | 'raisedOn'>, settings: SupervisionSettings, today: string): number {
  if (o.status !== 'open') return 0;
  return Math.max(0, daysBetween(effectiveDeadline(o, settings), today));
}

export interface EscalationStep { stage: ObstacleStage; on: string; rule: string }

export interface Escalation {
  /** The stage the obstacle should be at today. */
  stage: ObstacleStage;
  /** The steps to take now to get there (none when it is where it should be), each with its rule. */
  steps: EscalationStep[];
  /** The next step and its date, or null when it will not climb any more (top, or not open). */
  nextStage: ObstacleStage | null;
  nextOn: string | null;
  deadline: string;
}

/**
 * Where an open obstacle should stand today: 提醒 remindAfterDays after its deadline has passed,
 * 督办 superviseAfterDays after 提醒, 约谈 interviewAfterDays after 督办. A stage reached by hand
 * starts its own timer; a deadline moved later holds the ladder until the new one passes. A job
 * that did not run for a while catches up: every missed step is returned with its own date.
 * An obstacle sent back (退回重办) to 交办 after its deadline counts from the day it was sent back
 * as from a deadline: it was not open in between, so it does not climb to 约谈 at a stroke.
 */
export function nextEscalation(o: TimedObstacle, settings: SupervisionSettings, today: string): Escalation {
  const deadline = effectiveDeadline(o, settings);
  if (o.status !== 'open') return { stage: o.stage, steps: [], nextStage: null, nextOn: null, deadline };
  const remindOn = shiftDate(deadline, settings.remindAfterDays + 1);
  const wait: Record<ObstacleStage, number> = { assigned: 0, reminded: settings.superviseAfterDays, supervised: settings.interviewAfterDays, interviewed: 0 };
  const steps: EscalationStep[] = [];
  let stage = o.stage;
  let since = o.stageOn;
  for (;;) {
    const next = nextStageOf(stage);
    if (!next) return { stage, steps, nextStage: null, nextOn: null, deadline };
    const timed = stage === 'assigned' ? later(remindOn, shiftDate(since, settings.remindAfterDays + 1)) : shiftDate(since, wait[stage]);
    const due = timed > remindOn ? timed : remindOn;
    if (due > today) return { stage, steps, nextStage: next, nextOn: due, deadline };
    steps.push({ stage: next, on: due, rule: escalationRule(stage, next, deadline, settings, stage === 'assigned' && due > remindOn) });
    stage = next;
    since = due;
  }
}

function escalationRule(from: ObstacleStage, to: ObstacleStage, deadline: string, s: SupervisionSettings, isSentBack: boolean): string {
  if (from === 'assigned' && isSentBack) {
    return `退回重办${s.remindAfterDays ? ` ${s.remindAfterDays} 天` : ''}后仍未办结（办理期限 ${deadline} 已过），自动${OBSTACLE_STAGE_LABEL[to]}`;
  }
  if (from === 'assigned') {
    return `办理期限 ${deadline} 已过${s.remindAfterDays ? ` ${s.remindAfterDays} 天` : ''}仍未办结，自动${OBSTACLE_STAGE_LABEL[to]}`;
  }
  const days = from === 'reminded' ? s.superviseAfterDays : s.interviewAfterDays;
  return `${OBSTACLE_STAGE_LABEL[from]}后 ${days} 天仍未办结，自动升级为${OBSTACLE_STAGE_LABEL[to]}`;
}

/** 办结用时: the median days from raising to 销号 of closed obstacles (null when none closed). */
export function medianDaysToClose(items: { raisedOn: string; closedOn: string | null }[]): number | null {
  const days = items.filter((i) => i.closedOn != null).map((i) => daysBetween(i.raisedOn, i.closedOn!)).sort((a, b) => a - b);
  if (!days.length) return null;
  const mid = Math.floor(days.length / 2);
  return days.length % 2 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2;
}
