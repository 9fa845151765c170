import { toUnitString, YUAN_PER_YI } from '../money';
import { daysBetween, monthPace, periodText } from '../period';
import { OBSTACLE_KIND_LABEL } from '../reports/catalog';
import { ACTIVE_STAGES, type Stage } from '../stages';
import { OBSTACLE_STAGE_LABEL, type ObstacleStage, type WarningLevel } from './catalog';
import type { SupervisionSettings } from './settings';

// 预警 (红黄绿): each rule looks at one side of a project — its money against the year's pace,
// its 四定两保 dates, its key nodes, its monthly report, its obstacles, what inspectors saw —
// and says in words why it is worried, with the figures. Green is the absence of a warning.

export { rollUpLevels, countLevels, type LevelRollUp, type RollUpRow } from './warning-rollup';

export const WARNING_RULE_LABEL = {
  investment_behind: '投资滞后序时进度',
  start_overdue: '未按时开工',
  completion_overdue: '未按时竣工投产',
  node_overdue: '关键节点逾期',
  report_late: '月报逾期未报',
  report_returned: '月报多次退回',
  obstacle_overdue: '问题逾期未解决',
  photo_failed: '影像核验未通过',
  figure_impossible: '填报数据异常',
  books_ahead: '账面超前于现场',
} as const;
export type WarningRule = keyof typeof WARNING_RULE_LABEL;
export const WARNING_RULES = Object.keys(WARNING_RULE_LABEL) as [WarningRule, ...WarningRule[]];

export type ProjectLevel = WarningLevel | 'green';
export const PROJECT_LEVEL_LABEL: Record<ProjectLevel, string> = { red: '红色', yellow: '黄色', green: '绿色' };

/** What the server gathers about one project; every list is already limited to what matters. */
export interface WarningFacts {
  projectId: number;
  stage: Stage;
  totalInvestment: number;
  commitStartDate: string | null;
  commitCompletionDate: string | null;
  commitProductionDate: string | null;
  actualStartDate: string | null;
  actualCompletionDate: string | null;
  actualProductionDate: string | null;
  /** This year's annual plan, when the project has one. */
  plan: { year: number; plan: number; completed: number; completedThrough: string | null } | null;
  /** Key nodes without an actual date. */
  openNodes: { name: string; plannedDate: string }[];
  /** The latest month whose deadline has passed, and the project's report in it. */
  dueReport: { period: string; deadline: string; status: string } | null;
  /** The latest report of any month (the one being worked on). */
  latestReport: { period: string; returnCount: number } | null;
  /** The latest report the company sent (submitted or approved). */
  sentReport: { period: string; thisMonth: number | null; cumulative: number | null; figureNoteCodes: string[]; failedPhotos: number } | null;
  /** Obstacles not closed (销号). */
  obstacles: { id: number; kind: string; title: string; deadline: string | null; raisedOn: string; stage: ObstacleStage }[];
  /** The latest inspection finding on the project. */
  finding: { visitedOn: string; booksAhead: boolean; inspection: string } | null;
}

export interface Warning {
  rule: WarningRule;
  level: WarningLevel;
  reason: string;
  facts: Record<string, unknown>;
}

type Rule = (f: WarningFacts, today: string, s: SupervisionSettings) => Warning | null;
const warn = (rule: WarningRule, level: WarningLevel, reason: string, facts: Record<string, unknown>): Warning => ({ rule, level, reason, facts });

const BUILT: readonly Stage[] = ['under_construction', 'completed', 'operating', 'full_production'];
const DONE: readonly Stage[] = ['completed', 'operating', 'full_production'];
const PRODUCING: readonly Stage[] = ['operating', 'full_production'];
const SENT = new Set(['submitted', 'approved']);
/** Figures that cannot be: a cumulative going down (the current total is checked afresh below). */
const IMPOSSIBLE_NOTES = new Set(['cumulative_down']);

// The same words as money.ts formatAmountAuto (万元, 亿元 from one 亿 up), with one formatter
// kept: a province recomputes tens of thousands of reasons, and each new Intl formatter is slow.
const TWO_DECIMALS = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
function formatAmountAuto(yuan: number): string {
  const unit = Math.abs(yuan) >= YUAN_PER_YI ? 'yi' : 'wan';
  return `${TWO_DECIMALS.format(Number(toUnitString(yuan, unit)))} ${unit === 'yi' ? '亿元' : '万元'}`;
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
/** Days a date is behind today, or null when it has not passed. */
const overdueDays = (date: string | null, today: string) => (date && date < today ? daysBetween(date, today) : null);

/** 序时进度: the annual plan's completion against the months of the year its figure covers. */
export const investmentBehind: Rule = (f, today, s) => {
  const p = f.plan;
  if (!p || p.plan <= 0 || p.year !== Number(today.slice(0, 4))) return null;
  const completion = p.completed / p.plan;
  const pace = monthPace(p.completedThrough, today);
  if (!pace.through) return null;
  // In tenths of a point, as shown: 10.0 behind is yellow however the division falls.
  const behind = Math.round((pace.share - completion) * 1000) / 10;
  if (behind < s.behindYellow) return null;
  const level = behind > s.behindRed ? 'red' : 'yellow';
  const month = Number(pace.through.slice(5, 7));
  return warn('investment_behind', level,
    `年度计划投资 ${formatAmountAuto(p.plan)}，截至${month}月末已完成 ${formatAmountAuto(p.completed)}（${pct(completion)}），序时进度 ${pct(pace.share)}，落后 ${behind.toFixed(1)} 个百分点`,
    { plan: p.plan, completed: p.completed, completedThrough: p.completedThrough, through: pace.through, completion: round(completion), elapsed: round(pace.share), behindPoints: Math.round(behind * 10) / 10 });
};

/** 保按时开工: the committed start date has passed and the project has not started. */
export const startOverdue: Rule = (f, today) => {
  const days = overdueDays(f.commitStartDate, today);
  if (days == null || f.actualStartDate || BUILT.includes(f.stage)) return null;
  return warn('start_overdue', 'red', `保开工日期 ${f.commitStartDate} 已过 ${days} 天，项目仍未开工`, { commitStartDate: f.commitStartDate, days });
};

/** 保按时竣工投产: the committed completion or production date has passed without it. */
export const completionOverdue: Rule = (f, today) => {
  const parts: string[] = [];
  const facts: Record<string, unknown> = {};
  const completion = overdueDays(f.commitCompletionDate, today);
  if (completion != null && !f.actualCompletionDate && !DONE.includes(f.stage)) {
    parts.push(`保竣工日期 ${f.commitCompletionDate} 已过 ${completion} 天，尚未竣工`);
    Object.assign(facts, { commitCompletionDate: f.commitCompletionDate, completionDays: completion });
  }
  const production = overdueDays(f.commitProductionDate, today);
  if (production != null && !f.actualProductionDate && !PRODUCING.includes(f.stage)) {
    parts.push(`保投产日期 ${f.commitProductionDate} 已过 ${production} 天，尚未投产`);
    Object.assign(facts, { commitProductionDate: f.commitProductionDate, productionDays: production });
  }
  return parts.length ? warn('completion_overdue', 'red', parts.join('；'), facts) : null;
};

/** A key node (关键节点) whose planned date has passed without an actual date. */
export const nodeOverdue: Rule = (f, today) => {
  const late = f.openNodes.filter((n) => n.plannedDate < today).sort((a, b) => a.plannedDate.localeCompare(b.plannedDate));
  const first = late[0];
  if (!first) return null;
  const days = daysBetween(first.plannedDate, today);
  const more = late.length > 1 ? `；共 ${late.length} 个节点逾期` : '';
  return warn('node_overdue', 'yellow', `关键节点「${first.name}」计划 ${first.plannedDate} 完成，已逾期 ${days} 天${more}`,
    { nodes: late.slice(0, 10).map((n) => ({ name: n.name, plannedDate: n.plannedDate })), count: late.length, days });
};

/** The month's report still not sent after its deadline. */
export const reportLate: Rule = (f, today) => {
  const r = f.dueReport;
  if (!r || r.deadline >= today || SENT.has(r.status)) return null;
  const how = r.status === 'returned' ? '退回后仍未重新报送' : '至今未报送';
  return warn('report_late', 'yellow', `${periodText(r.period)}月报截止 ${r.deadline}，${how}（已逾期 ${daysBetween(r.deadline, today)} 天）`,
    { period: r.period, deadline: r.deadline, status: r.status });
};

/** Sent back twice or more: the company cannot get its month right. */
export const reportReturned: Rule = (f) => {
  const r = f.latestReport;
  if (!r || r.returnCount < 2) return null;
  return warn('report_returned', 'yellow', `${periodText(r.period)}月报已被退回 ${r.returnCount} 次`, { period: r.period, returnCount: r.returnCount });
};

/** The deadline an obstacle is held to: its own, or the default days after it was raised. */
export function obstacleDeadline(o: { deadline: string | null; raisedOn: string }, s: Pick<SupervisionSettings, 'defaultDeadlineDays'>): string {
  if (o.deadline) return o.deadline;
  const d = new Date(`${o.raisedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + s.defaultDeadlineDays);
  return d.toISOString().slice(0, 10);
}

/** An obstacle past its deadline and not closed; red once it has reached 约谈. */
export const obstacleOverdue: Rule = (f, today, s) => {
  const late = f.obstacles
    .map((o) => ({ ...o, due: obstacleDeadline(o, s) }))
    .filter((o) => o.due < today)
    .sort((a, b) => a.due.localeCompare(b.due) || a.id - b.id);
  const first = late[0];
  if (!first) return null;
  const interviewed = late.filter((o) => o.stage === 'interviewed');
  const kind = OBSTACLE_KIND_LABEL[first.kind as keyof typeof OBSTACLE_KIND_LABEL] ?? first.kind;
  const parts = [`问题「${clip(first.title)}」（${kind}）办理期限 ${first.due} 已过 ${daysBetween(first.due, today)} 天，仍未销号，现处于${OBSTACLE_STAGE_LABEL[first.stage] ?? first.stage}`];
  if (late.length > 1) parts.push(`共 ${late.length} 个问题逾期`);
  if (late.length > 1 && interviewed.length) parts.push(`其中 ${interviewed.length} 个已到约谈`);
  return warn('obstacle_overdue', interviewed.length ? 'red' : 'yellow', parts.join('；'),
    { obstacleIds: late.map((o) => o.id), count: late.length, interviewed: interviewed.length, firstDeadline: first.due });
};

/** Photos of the latest sent report that failed the checks (time, place, duplicate). */
export const photoFailed: Rule = (f) => {
  const r = f.sentReport;
  if (!r || r.failedPhotos <= 0) return null;
  return warn('photo_failed', 'yellow', `${periodText(r.period)}月报有 ${r.failedPhotos} 张照片核验未通过（拍摄时间、位置或重复）`, { period: r.period, failedPhotos: r.failedPhotos });
};

/** A reported figure that cannot be: the cumulative went down, or exceeds the whole project. */
export const figureImpossible: Rule = (f) => {
  const r = f.sentReport;
  if (!r) return null;
  const parts: string[] = [];
  if (r.figureNoteCodes.some((c) => IMPOSSIBLE_NOTES.has(c))) parts.push('开工以来累计完成投资比上月减少');
  // Against today's total: a total revised upwards since the report settles it.
  if (r.cumulative != null && r.cumulative > f.totalInvestment) {
    parts.push(`开工以来累计 ${formatAmountAuto(r.cumulative)} 超过项目总投资 ${formatAmountAuto(f.totalInvestment)}`);
  }
  if (r.thisMonth != null && r.thisMonth > f.totalInvestment) {
    parts.push(`本月完成 ${formatAmountAuto(r.thisMonth)} 超过项目总投资（疑为单位填错）`);
  }
  if (!parts.length) return null;
  return warn('figure_impossible', 'red', `${periodText(r.period)}月报：${parts.join('；')}`,
    { period: r.period, cumulative: r.cumulative, thisMonth: r.thisMonth, totalInvestment: f.totalInvestment, notes: r.figureNoteCodes });
};

/** 账面地面: the latest inspection found the books ahead of the site. */
export const booksAhead: Rule = (f) => {
  const x = f.finding;
  if (!x?.booksAhead) return null;
  return warn('books_ahead', 'red', `${x.visitedOn} 督导检查（${clip(x.inspection)}）发现月报所报进度超前于现场实际`, { visitedOn: x.visitedOn, inspection: x.inspection });
};

export const WARNING_RULE_FUNCTIONS: Record<WarningRule, Rule> = {
  investment_behind: investmentBehind, start_overdue: startOverdue, completion_overdue: completionOverdue,
  node_overdue: nodeOverdue, report_late: reportLate, report_returned: reportReturned, obstacle_overdue: obstacleOverdue,
  photo_failed: photoFailed, figure_impossible: figureImpossible, books_ahead: booksAhead,
};

/** Every warning of a project today; projects not carried out (谋划, 储备, 终止) have none. */
export function evaluateWarnings(facts: WarningFacts, today: string, settings: SupervisionSettings): Warning[] {
  if (!ACTIVE_STAGES.includes(facts.stage)) return [];
  const out: Warning[] = [];
  for (const rule of WARNING_RULES) {
    const w = WARNING_RULE_FUNCTIONS[rule](facts, today, settings);
    if (w) out.push(w);
  }
  return out;
}

/** A project's colour: its worst warning, green without any. */
export function projectLevel(warnings: readonly { level: string }[]): ProjectLevel {
  if (warnings.some((w) => w.level === 'red')) return 'red';
  return warnings.some((w) => w.level === 'yellow') ? 'yellow' : 'green';
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function clip(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
