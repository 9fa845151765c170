import { daysBetween } from '../period';
import { OBSTACLE_KIND_LABEL } from '../reports/catalog';
import { OBSTACLE_STAGE_LABEL, type ObstacleStage } from './catalog';

// 联席会议: the monthly joint meeting where leaders hear what is stuck, decide and assign. Its
// agenda builds itself from what needs a decision: obstacles that climbed to 督办/约谈 or ran past
// their deadline, projects under a red warning, and 督办事项 (action items) from earlier meetings
// that are due or overdue. The office then edits it; a rebuild keeps what the office did.

export const AGENDA_SOURCE_LABEL = { obstacle: '问题督办', warning: '红色预警', action: '督办事项', other: '其他议题' } as const;
export type AgendaSource = keyof typeof AGENDA_SOURCE_LABEL;
export const AGENDA_SOURCES = Object.keys(AGENDA_SOURCE_LABEL) as [AgendaSource, ...AgendaSource[]];

export const MEETING_STATUS_LABEL = { draft: '筹备中', held: '已召开', closed: '纪要已定稿' } as const;
export type MeetingStatus = keyof typeof MEETING_STATUS_LABEL;
export const MEETING_STATUSES = Object.keys(MEETING_STATUS_LABEL) as [MeetingStatus, ...MeetingStatus[]];

/**
 * An action item due within this many days after the meeting is put on its agenda too: the
 * meeting is monthly, so one falling due next week would be overdue before anyone asks again.
 */
export const ACTION_DUE_WITHIN_DAYS = 7;
const TITLE_MAX = 200;

export interface AgendaObstacle {
  id: number; projectId: number; projectName: string; kind: string; title: string | null; description: string;
  stage: ObstacleStage | string; stageAt: string | null;
  /** The deadline the ladder runs against (given, or the default one). */
  deadline: string | null;
  status: string; ownerOrgName: string | null; leaderName: string | null;
}

export interface AgendaWarning {
  id: number; projectId: number; projectName: string; rule: string; reason: string; since: string;
  /** Who answers for the project at the meeting. */
  responsibleOrgName?: string | null; leaderName?: string | null;
}

export interface AgendaAction {
  id: number; projectId: number | null; projectName: string | null; description: string; deadline: string | null; status: string;
  ownerOrgName: string | null; ownerPersonName: string | null;
  /** The meeting that decided it (null for one an inspection demanded). */
  meetingTitle: string | null; meetingHeldOn: string | null;
}

export interface AgendaInputs {
  /** The meeting's date: what is overdue, or due, is judged on it. */
  date: string;
  obstacles: readonly AgendaObstacle[];
  /** Live red warnings; others are ignored. */
  warnings: readonly (AgendaWarning & { level: string })[];
  actions: readonly AgendaAction[];
}

export interface AgendaItemDraft {
  source: Exclude<AgendaSource, 'other'>;
  sourceId: number;
  projectId: number | null;
  title: string;
  /** Why it is on the agenda, with the facts. */
  background: string;
  /** Lower is more serious (see RANK). */
  rank: number;
}

/** Most serious first: an interview (约谈) is the last rung, a red warning outranks a missed date. */
const RANK = { interviewed: 0, supervised: 1, redWarning: 2, actionOverdue: 3, obstacleOverdue: 4, actionDue: 5 } as const;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const day = (iso: string) => iso.slice(0, 10);

/** Whether an obstacle needs the meeting: still open, and escalated to 督办/约谈 or past its deadline. */
export function isAgendaObstacle(o: Pick<AgendaObstacle, 'status' | 'stage' | 'deadline'>, date: string): boolean {
  if (o.status !== 'open') return false;
  return o.stage === 'supervised' || o.stage === 'interviewed' || (o.deadline != null && o.deadline < date);
}

/** Whether an action item needs the meeting: still open and due by a week after it. */
export function isAgendaAction(a: Pick<AgendaAction, 'status' | 'deadline'>, date: string): boolean {
  return a.status === 'open' && a.deadline != null && daysBetween(date, a.deadline) <= ACTION_DUE_WITHIN_DAYS;
}

function deadlineWords(deadline: string | null, date: string, noun: string): string {
  if (!deadline) return `未设${noun}`;
  const late = daysBetween(deadline, date);
  if (late > 0) return `${noun} ${deadline}，已逾期 ${late} 天`;
  if (late === 0) return `${noun} ${deadline}，今日到期`;
  return `${noun} ${deadline}，还有 ${-late} 天`;
}

function obstacleItem(o: AgendaObstacle, date: string, warnings: readonly AgendaWarning[]): AgendaItemDraft {
  const kind = OBSTACLE_KIND_LABEL[o.kind as keyof typeof OBSTACLE_KIND_LABEL] ?? o.kind;
  const stage = OBSTACLE_STAGE_LABEL[o.stage as ObstacleStage] ?? o.stage;
  const rank = o.stage === 'interviewed' ? RANK.interviewed : o.stage === 'supervised' ? RANK.supervised : RANK.obstacleOverdue;
  const parts = [
    `${kind}：${o.description.replace(/[。；;.\s]+$/u, '')}。`,
    `责任单位：${o.ownerOrgName ?? '未指定'}；包保领导：${o.leaderName ?? '未指定'}。`,
    `已到「${stage}」${o.stageAt ? `（${day(o.stageAt)} 起）` : ''}；${deadlineWords(o.deadline, date, '办理期限')}。`,
  ];
  // A warning that only says this obstacle is overdue repeats the facts above; the others are news.
  const others = warnings.filter((w) => w.rule !== 'obstacle_overdue');
  if (others.length) parts.push(`该项目同时有红色预警：${others.map((w) => w.reason.replace(/[。；;.\s]+$/u, '')).join('；')}。`);
  return {
    source: 'obstacle', sourceId: o.id, projectId: o.projectId,
    title: cut(`${o.projectName}：${o.title ?? `${kind}问题`}`, TITLE_MAX),
    background: parts.join(''),
    // A red warning on the same project lifts its obstacle to at least the warning's place.
    rank: warnings.length ? Math.min(rank, RANK.redWarning) : rank,
  };
}

function warningItem(unordered: readonly AgendaWarning[]): AgendaItemDraft {
  // The oldest first: it names the item (and a rebuild finds it again by that id).
  const list = [...unordered].sort((a, b) => a.since.localeCompare(b.since) || a.id - b.id);
  const first = list[0]!;
  return {
    source: 'warning', sourceId: first.id, projectId: first.projectId,
    title: cut(`${first.projectName}：红色预警${list.length > 1 ? ` ${list.length} 项` : ''}`, TITLE_MAX),
    background: `${list.map((w) => w.reason.replace(/[。；;.\s]+$/u, '')).join('；')}。红色预警自 ${day(first.since)} 起。${
      first.responsibleOrgName !== undefined ? `责任单位：${first.responsibleOrgName ?? '未指定'}；包保领导：${first.leaderName ?? '未指定'}。` : ''}`,
    rank: RANK.redWarning,
  };
}

function actionItem(a: AgendaAction, date: string): AgendaItemDraft {
  const overdue = a.deadline != null && a.deadline < date;
  const owner = [a.ownerOrgName, a.ownerPersonName].filter(Boolean).join(' ') || '未指定';
  const origin = a.meetingTitle ? `${a.meetingTitle}${a.meetingHeldOn ? `（${a.meetingHeldOn}）` : ''}议定` : '督导检查交办';
  return {
    source: 'action', sourceId: a.id, projectId: a.projectId,
    title: cut(`督办事项：${a.projectName ? `${a.projectName}：` : ''}${a.description}`, TITLE_MAX),
    background: `${origin}：${a.description.replace(/[。；;.\s]+$/u, '')}。责任：${owner}；${deadlineWords(a.deadline, date, '完成时限')}。`,
    rank: overdue ? RANK.actionOverdue : RANK.actionDue,
  };
}

/** Days past the deadline that an item stands for (for ordering within a rank). */
function lateness(item: AgendaItemDraft, inputs: AgendaInputs): number {
  const deadline = item.source === 'obstacle' ? inputs.obstacles.find((o) => o.id === item.sourceId)?.deadline
    : item.source === 'action' ? inputs.actions.find((a) => a.id === item.sourceId)?.deadline : null;
  return deadline ? daysBetween(deadline, inputs.date) : 0;
}

/**
 * The agenda as it builds itself, most serious first: one item per obstacle that needs a
 * decision; one per project under red warning (all its red reasons together), folded into its
 * obstacle's item when the project already has one; one per action item due or overdue.
 */
export function buildAgenda(inputs: AgendaInputs): AgendaItemDraft[] {
  const { date } = inputs;
  const reds = new Map<number, AgendaWarning[]>();
  for (const w of inputs.warnings) if (w.level === 'red') reds.set(w.projectId, [...(reds.get(w.projectId) ?? []), w]);
  const obstacles = inputs.obstacles.filter((o) => isAgendaObstacle(o, date)).sort((a, b) => a.id - b.id);
  const folded = new Set<number>();
  const items: AgendaItemDraft[] = obstacles.map((o) => {
    const ws = folded.has(o.projectId) ? [] : reds.get(o.projectId) ?? [];
    folded.add(o.projectId);
    return obstacleItem(o, date, ws);
  });
  for (const [projectId, ws] of reds) if (!folded.has(projectId)) items.push(warningItem(ws));
  for (const a of inputs.actions) if (isAgendaAction(a, date)) items.push(actionItem(a, date));
  const late = new Map(items.map((i) => [`${i.source}:${i.sourceId}`, lateness(i, inputs)]));
  return items.sort((a, b) =>
    a.rank - b.rank
    || late.get(`${b.source}:${b.sourceId}`)! - late.get(`${a.source}:${a.sourceId}`)!
    || a.title.localeCompare(b.title, 'zh-CN')
    || a.sourceId - b.sourceId);
}

export interface ExistingAgendaItem {
  id: number; source: AgendaSource; sourceId: number | null; sort: number;
  isEdited: boolean; isRemoved: boolean;
  /** Minutes were written against it (reported/decided) or action items hang from it. */
  hasMinutes: boolean;
}

export interface AgendaRebuild {
  add: (AgendaItemDraft & { sort: number })[];
  /** Untouched items whose facts are written afresh. */
  refresh: { id: number; title: string; background: string }[];
  /** Untouched items whose reason has gone (the obstacle closed, the warning cleared). */
  drop: number[];
}

/**
 * What a rebuild changes, keeping the office's work: an item it reworded keeps its words, an
 * item it took off stays off, an item it added ('other') stays, the order it set stays (new
 * items go to the end, most serious first); an untouched item is refreshed, or dropped when its
 * reason has gone and nothing was recorded against it.
 */
export function planAgendaRebuild(existing: readonly ExistingAgendaItem[], fresh: readonly AgendaItemDraft[]): AgendaRebuild {
  const byKey = new Map(existing.filter((e) => e.source !== 'other').map((e) => [`${e.source}:${e.sourceId}`, e]));
  const freshKeys = new Set(fresh.map((f) => `${f.source}:${f.sourceId}`));
  let sort = Math.max(0, ...existing.map((e) => e.sort));
  const plan: AgendaRebuild = { add: [], refresh: [], drop: [] };
  for (const f of fresh) {
    const e = byKey.get(`${f.source}:${f.sourceId}`);
    if (!e) plan.add.push({ ...f, sort: ++sort });
    else if (!e.isRemoved && !e.isEdited) plan.refresh.push({ id: e.id, title: f.title, background: f.background });
  }
  for (const e of byKey.values()) {
    if (!freshKeys.has(`${e.source}:${e.sourceId}`) && !e.isRemoved && !e.isEdited && !e.hasMinutes) plan.drop.push(e.id);
  }
  return plan;
}

/** Why a meeting may not move from one status to another, or null: 筹备中 → 已召开 → 纪要已定稿, no way back once final. */
export function meetingTransitionRefusal(from: MeetingStatus, to: MeetingStatus, facts: { attendees: number; items: number }): string | null {
  if (from === to) return `会议已经是「${MEETING_STATUS_LABEL[to]}」状态`;
  if (from === 'closed') return '会议纪要已定稿，不能再更改';
  if (to === 'draft') return '会议已召开，不能退回筹备';
  if (from === 'draft' && to === 'closed') return '会议尚未召开，不能定稿纪要';
  if (to === 'held' && facts.items === 0) return '会议没有议题，请先生成或添加议题';
  if (to === 'closed' && facts.attendees === 0) return '参会人员：定稿纪要前请填写参会人员';
  return null;
}
