import { parsePeriod } from '../period';
import type { Stage } from '../stages';
import type { Metric } from './scheme';

// What each metric reads of a project's month. The server gathers the facts in a few set-based
// queries; here each metric turns them into a ratio (value), a count of events, the figures an
// explanation needs and the records behind them. Nothing here formats text: a province scores
// tens of thousands of projects, and the words are composed only when someone asks why.

export interface ScoreFacts {
  projectId: number;
  name: string;
  stage: Stage;
  /** The year's plan and what was completed through the scored month (approved figures). */
  plan: { plan: number; completed: number; reportId: number | null } | null;
  /** Key nodes planned this year on or before the month's end. */
  nodes: { id: number; name: string; plannedDate: string; actualDate: string | null }[];
  commitStartDate: string | null;
  actualStartDate: string | null;
  commitCompletionDate: string | null;
  actualCompletionDate: string | null;
  commitProductionDate: string | null;
  actualProductionDate: string | null;
  /** The month's report, when the project was asked for one. */
  report: {
    id: number; status: string; deadline: string; sentOn: string | null; returnCount: number; noChange: boolean;
    photos: number; failedPhotos: number;
  } | null;
  /** Obstacles due in the month, or due earlier and still unresolved at its start. */
  obstacles: { id: number; title: string; dueOn: string; resolvedOn: string | null }[];
  /** Inspection findings recorded on the project in the month. */
  findings: { id: number; inspectionId: number; inspection: string; visitedOn: string; booksAhead: boolean; rating: string | null }[];
}

export type RefKind = 'report' | 'finding' | 'obstacle' | 'node' | 'project';
export interface ScoreRef { kind: RefKind; id: number; label: string; date: string | null; inspectionId?: number }

export interface Measure {
  applicable: boolean;
  /** A ratio (1 = 100%), for the ratio and band formulas. */
  value: number | null;
  /** A count of events, for deductions and bonuses. */
  events: number;
  figures: Record<string, number | string | null>;
  refs: ScoreRef[];
}

export interface MonthBounds { period: string; year: number; month: number; first: string; last: string; yearStart: string }

export function monthBounds(period: string): MonthBounds {
  const { year, month } = parsePeriod(period);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { period, year, month, first: `${period}-01`, last: `${period}-${String(days).padStart(2, '0')}`, yearStart: `${year}-01-01` };
}

const NONE: Measure = { applicable: false, value: null, events: 0, figures: {}, refs: [] };
const within = (date: string | null, m: MonthBounds) => date != null && date >= m.first && date <= m.last;
const reportRef = (r: { id: number }, m: MonthBounds): ScoreRef => ({ kind: 'report', id: r.id, label: `${m.year}年${m.month}月月报`, date: null });

/** A 四定两保 date: applicable once due (by the month's end), unless the project met it before this year. */
function commitment(commit: string | null, actual: string | null, m: MonthBounds, what: string, projectId: number): Measure {
  if (!commit || commit > m.last || (actual != null && actual < m.yearStart)) return NONE;
  const onTime = actual != null && actual <= commit;
  return {
    applicable: true, value: onTime ? 1 : 0, events: onTime ? 0 : 1,
    figures: { commit, actual },
    refs: [{ kind: 'project', id: projectId, label: `四定两保${what}日期`, date: commit }],
  };
}

export const MEASURES: Record<Metric, (f: ScoreFacts, m: MonthBounds) => Measure> = {
  investment_pace(f, m) {
    if (!f.plan || f.plan.plan <= 0) return NONE;
    const due = Math.round((f.plan.plan * m.month) / 12);
    return {
      applicable: true, value: f.plan.completed / due, events: 0,
      figures: { plan: f.plan.plan, completed: f.plan.completed, due, months: m.month },
      refs: f.plan.reportId ? [reportRef({ id: f.plan.reportId }, m)] : [{ kind: 'project', id: f.projectId, label: '年度计划', date: null }],
    };
  },

  nodes_on_time(f, m) {
    const due = f.nodes.filter((n) => n.plannedDate >= m.yearStart && n.plannedDate <= m.last);
    if (due.length === 0) return NONE;
    const onTime = due.filter((n) => n.actualDate != null && n.actualDate <= n.plannedDate);
    // An event is a node open past its date at the month's end, or met late within the month.
    const missed = due.filter((n) => (n.actualDate == null || n.actualDate > m.last) || (n.actualDate > n.plannedDate && within(n.actualDate, m)));
    return {
      applicable: true, value: onTime.length / due.length, events: missed.length,
      figures: { due: due.length, onTime: onTime.length, missed: missed.length },
      refs: missed.map((n) => ({ kind: 'node', id: n.id, label: n.name, date: n.plannedDate })),
    };
  },

  start_on_time: (f, m) => commitment(f.commitStartDate, f.actualStartDate, m, '开工', f.projectId),

  completion_on_time: (f, m) => commitment(
    f.commitCompletionDate ?? f.commitProductionDate, f.actualCompletionDate ?? f.actualProductionDate, m, f.commitCompletionDate ? '竣工' : '投产', f.projectId,
  ),

  report_on_time(f, m) {
    if (!f.report) return NONE;
    const r = f.report;
    const onTime = r.sentOn != null && r.sentOn <= r.deadline;
    return {
      applicable: true, value: onTime ? 1 : 0, events: onTime ? 0 : 1,
      figures: { deadline: r.deadline, sentOn: r.sentOn },
      refs: [reportRef(r, m)],
    };
  },

  report_complete(f, m) {
    if (!f.report || f.report.sentOn == null) return NONE;
    const r = f.report;
    const noPhotos = r.photos === 0 && !r.noChange ? 1 : 0;
    return {
      applicable: true, value: null, events: r.returnCount + noPhotos,
      figures: { returned: r.returnCount, noPhotos },
      refs: [reportRef(r, m)],
    };
  },

  photos_pass(f, m) {
    if (!f.report || f.report.photos === 0) return NONE;
    const r = f.report;
    return {
      applicable: true, value: (r.photos - r.failedPhotos) / r.photos, events: r.failedPhotos,
      figures: { photos: r.photos, failed: r.failedPhotos },
      refs: [reportRef(r, m)],
    };
  },

  obstacles_resolved(f, m) {
    const due = f.obstacles.filter((o) => o.dueOn <= m.last && (o.resolvedOn == null || o.resolvedOn >= m.first || o.dueOn >= m.first));
    if (due.length === 0) return NONE;
    const resolvedBy = (o: (typeof due)[number]) => o.resolvedOn != null && o.resolvedOn <= m.last;
    const onTime = due.filter((o) => resolvedBy(o) && o.resolvedOn! <= o.dueOn);
    const overdue = due.filter((o) => !resolvedBy(o));
    return {
      applicable: true, value: onTime.length / due.length, events: overdue.length,
      figures: { due: due.length, onTime: onTime.length, overdue: overdue.length },
      refs: due.filter((o) => !onTime.includes(o)).map((o) => ({ kind: 'obstacle', id: o.id, label: o.title, date: o.dueOn })),
    };
  },

  inspection_findings(f) {
    const bad = f.findings.filter((x) => x.booksAhead || x.rating === 'poor');
    return {
      applicable: true, value: null, events: bad.length,
      figures: { findings: f.findings.length, bad: bad.length },
      refs: bad.map((x) => ({ kind: 'finding', id: x.id, label: `${x.inspection}：${x.booksAhead ? '账面超前于现场' : '评价为差'}`, date: x.visitedOn, inspectionId: x.inspectionId })),
    };
  },

  milestones(f, m) {
    const events: ScoreRef[] = [];
    const milestone = (date: string | null, label: string) => {
      if (within(date, m)) events.push({ kind: 'project', id: f.projectId, label, date });
    };
    milestone(f.actualStartDate, '开工');
    milestone(f.actualCompletionDate, '竣工');
    milestone(f.actualProductionDate, '投产');
    return { applicable: true, value: null, events: events.length, figures: { events: events.length }, refs: events };
  },
};
