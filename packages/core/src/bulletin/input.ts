import type { Category, RegionLevel } from '../catalog';
import type { SubjectKind } from '../assessment/scheme';
import type { InspectionRating, ObstacleStage, WarningLevel } from '../supervision/catalog';
import type { WarningRule } from '../supervision/warning-rules';
import type { BulletinPhoto } from './types';

// What the server gathers for a month's bulletin, already reduced to one line per project (and
// per warning, obstacle, finding): the composer turns it into figures, sentences and tables.

export interface BulletinProjectFacts {
  id: number;
  name: string;
  category: Category;
  /** 新建 projects have no last-year figure to miss. */
  nature: string;
  regionCode: string;
  regionName: string;
  departmentName: string | null;
  totalInvestment: number;
  /** This year's annual plan; null when none was set. */
  plan: number | null;
  /** This year's investment completed through the month (0 with no figure yet). */
  completedYtd: number;
  /** The approved report's investment in the month itself, when there is one. */
  thisMonth: number | null;
  /** The same months last year; null when not known. */
  lastYearYtd: number | null;
  /** The worst warning live at the month's end. */
  level: WarningLevel | null;
}

export interface BulletinMilestone { projectId: number; name: string; kind: 'start' | 'completion'; date: string }

export interface BulletinWarningFact {
  projectId: number;
  projectName: string;
  departmentName: string | null;
  rule: WarningRule;
  level: WarningLevel;
  reason: string;
}

export interface BulletinObstacleFact {
  id: number;
  projectName: string;
  kind: string;
  title: string;
  ownerName: string | null;
  /** China calendar dates. */
  raisedOn: string;
  closedOn: string | null;
  dueOn: string | null;
  stage: ObstacleStage;
}

export interface BulletinFindingFact {
  inspectionId: number;
  projectName: string;
  visitedOn: string;
  booksAhead: boolean;
  rating: InspectionRating | null;
  demands: string[];
}

export interface BulletinRankingFact {
  subjectId: number | string;
  name: string;
  rank: number;
  total: number;
  previousRank: number | null;
  flag: 'red' | 'yellow' | null;
}

export interface BulletinRankings {
  schemeName: string;
  rankings: Partial<Record<SubjectKind, BulletinRankingFact[]>>;
}

export interface BulletinInput {
  period: string;
  regionName: string;
  regionLevel: RegionLevel;
  generatedAt: string;
  projects: BulletinProjectFacts[];
  milestones: BulletinMilestone[];
  warnings: BulletinWarningFact[];
  /** Obstacles raised by the month's end and not closed before it began. */
  obstacles: BulletinObstacleFact[];
  /** Escalations (obstacle_step) within the month, by the stage reached. */
  escalations: { supervised: number; interviewed: number };
  findings: BulletinFindingFact[];
  /** null: the month has not been scored yet. */
  rankings: BulletinRankings | null;
  /** The comparisons printed (for the section's sentence). */
  photos: BulletinPhoto[];
}

/** A project's year-to-date figure through a month from what is known of it. */
export interface YtdSources {
  /** Approved reports of the year up to the month: the 1-N月 figure each gave. */
  reports: { period: string; ytd: number | null }[];
  /** The annual plan's figure (an import, or the last approved report) and the month it runs to. */
  plan: { completed: number; completedThrough: string | null } | null;
}

/** The latest figure at or before the month, in the month's year; 0 when there is none. */
export function ytdThrough(period: string, sources: YtdSources): { ytd: number; through: string | null } {
  const year = period.slice(0, 4);
  let best: { ytd: number; through: string | null } = { ytd: 0, through: null };
  for (const r of sources.reports) {
    if (r.ytd == null || r.period > period || r.period.slice(0, 4) !== year) continue;
    if (best.through == null || r.period > best.through) best = { ytd: r.ytd, through: r.period };
  }
  const p = sources.plan;
  // An imported figure counts when it runs to the month or before it (a later one says too much).
  if (p?.completedThrough && p.completedThrough <= period && p.completedThrough.slice(0, 4) === year && (best.through == null || p.completedThrough > best.through)) {
    best = { ytd: p.completed, through: p.completedThrough };
  }
  return best;
}
