import { daysBetween } from '../period';

// 领导包保: each responsible county leader commits to spend a share of every month at the
// projects (the summary asks for a third of the month: 「每个月要拿出三分之一的时间到项目」).
// A month's figure is the days spent at projects, against the commitment in the settings.

export const COMMITMENT_STATUS_LABEL = { met: '已达标', on_track: '进度正常', behind: '进度滞后', short: '未达标', upcoming: '未开始' } as const;
export type CommitmentStatus = keyof typeof COMMITMENT_STATUS_LABEL;

/** A visit counts as half a day or a whole day. */
export const VISIT_DAY_OPTIONS = [0.5, 1] as const;

export interface VisitDay { leaderId: number; projectId: number; projectName?: string; visitedOn: string; days: number }
export interface LeaderRef { id: number; name: string; title: string | null }
export interface PackagedProject { id: number; name: string; leaderId: number }

export interface CommitmentInput {
  month: string;
  /** Today (China calendar date): the month in progress is judged on the share of it elapsed. */
  today: string;
  commitmentDays: number;
  leaders: readonly LeaderRef[];
  /** The projects each leader is responsible for (包保), active ones. */
  projects: readonly PackagedProject[];
  /** Visits from the start of the month's year to the end of the month. */
  visits: readonly VisitDay[];
}

export interface LeaderCommitment {
  leaderId: number; name: string; title: string | null;
  days: number; commitment: number; shortBy: number; isMet: boolean;
  /** days ÷ commitment (1 = met; may exceed 1). */
  share: number;
  /** For the month in progress: the days one would have by now at the committed pace. */
  expectedByNow: number;
  status: CommitmentStatus; statusLabel: string;
  visitCount: number;
  projectsVisited: { id: number; name: string; days: number }[];
  packagedCount: number;
  /** 包保 projects this leader has not visited this year (up to the end of the month). */
  notVisitedThisYear: { id: number; name: string }[];
}

const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const half = (n: number) => Math.round(n * 2) / 2;

/**
 * Days at projects: a calendar day counts at most once, however many projects were visited in
 * it (two half-day visits make one day; two whole-day visits on one date are still one day).
 */
export function daysAtProjects(visits: readonly Pick<VisitDay, 'visitedOn' | 'days'>[]): number {
  const byDate = new Map<string, number>();
  for (const v of visits) byDate.set(v.visitedOn, (byDate.get(v.visitedOn) ?? 0) + v.days);
  let total = 0;
  for (const d of byDate.values()) total += Math.min(1, d);
  return half(total);
}

function statusOf(days: number, commitment: number, month: string, today: string): { status: CommitmentStatus; expected: number } {
  const start = `${month}-01`;
  const end = monthEnd(month);
  if (today < start) return { status: 'upcoming', expected: 0 };
  if (days >= commitment) return { status: 'met', expected: today > end ? commitment : half(commitment * ((daysBetween(start, today) + 1) / (daysBetween(start, end) + 1))) };
  if (today > end) return { status: 'short', expected: commitment };
  // The month in progress: on track when the days so far keep pace with the share of the month gone.
  const expected = half(commitment * ((daysBetween(start, today) + 1) / (daysBetween(start, end) + 1)));
  return { status: days >= expected ? 'on_track' : 'behind', expected };
}

/** Each leader's month against the commitment, least time at the projects first. */
export function leaderCommitments(input: CommitmentInput): LeaderCommitment[] {
  const { month, today, commitmentDays } = input;
  const start = `${month}-01`;
  const end = monthEnd(month);
  const yearStart = `${month.slice(0, 4)}-01-01`;
  const names = new Map(input.projects.map((p) => [p.id, p.name]));
  for (const v of input.visits) if (v.projectName) names.set(v.projectId, v.projectName);
  return input.leaders.map((leader) => {
    const own = input.visits.filter((v) => v.leaderId === leader.id && v.visitedOn >= yearStart && v.visitedOn <= end);
    const inMonth = own.filter((v) => v.visitedOn >= start);
    const days = daysAtProjects(inMonth);
    const perProject = new Map<number, number>();
    for (const v of inMonth) perProject.set(v.projectId, (perProject.get(v.projectId) ?? 0) + v.days);
    const visitedThisYear = new Set(own.map((v) => v.projectId));
    const packaged = input.projects.filter((p) => p.leaderId === leader.id);
    const { status, expected } = statusOf(days, commitmentDays, month, today);
    return {
      leaderId: leader.id, name: leader.name, title: leader.title,
      days, commitment: commitmentDays, shortBy: half(Math.max(0, commitmentDays - days)), isMet: days >= commitmentDays,
      share: commitmentDays > 0 ? days / commitmentDays : 1,
      expectedByNow: expected, status, statusLabel: COMMITMENT_STATUS_LABEL[status],
      visitCount: inMonth.length,
      projectsVisited: [...perProject].map(([id, d]) => ({ id, name: names.get(id) ?? `项目 ${id}`, days: d })).sort((a, b) => b.days - a.days || a.name.localeCompare(b.name, 'zh-CN')),
      packagedCount: packaged.length,
      notVisitedThisYear: packaged.filter((p) => !visitedThisYear.has(p.id)).map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    };
  }).sort((a, b) => a.share - b.share || a.name.localeCompare(b.name, 'zh-CN') || a.leaderId - b.leaderId);
}
