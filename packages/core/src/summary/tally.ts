import { CATEGORIES, INDUSTRIES, SIZE_THRESHOLD, STRATEGIC_INDUSTRIES, type Industry } from '../catalog';
import { sumYuan } from '../money';
import { completedInYear, isAboveCountyList, knownCategory, lastYearCompleted, notCountedReason, type NotCountedReason } from './counting';
import { rankSubRegions, type RegionRanking } from './ranking';
import type { BasicSituationInput, CategoryRow, SummaryProject } from './types';

// Every number of 「一、基本情况」, added up from the projects the year counts. The sentences
// (paragraphs.ts), the figures table (figures.ts) and the checks (data-checks.ts) all read
// this one tally, so the text, the table and the checks cannot disagree.

/** How last year's completed investment compares: over all projects, over those with a figure, or not at all. */
export type GrowthBasis = 'all' | 'partial' | 'missing' | 'zero';

export interface Growth {
  basis: GrowthBasis;
  /** Projects whose last-year figure is known, and those without one. */
  withFigure: number;
  withoutFigure: number;
  /** This year's completed investment and last year's, over the projects compared. */
  current: number;
  base: number;
  /** (current − base) / base, or null when there is no base. */
  rate: number | null;
}

export interface Tally {
  year: number;
  counted: SummaryProject[];
  notCounted: { project: SummaryProject; reason: NotCountedReason }[];
  projects: number;
  totalInvestment: number;
  /** Known categories in catalogue order, then 'unknown' when some project's category is missing or not in the catalogue. */
  byCategory: CategoryRow[];
  size: { atLeast100m: number; atLeast1b: number; atLeast10b: number };
  strategic: { industry: Industry; label: string; count: number }[];
  strategicTotal: number;
  annual: { plan: number; target: number; completed: number };
  growth: Growth;
  completions: number;
  keyList: { projects: SummaryProject[]; count: number; province: number; national: number; totalInvestment: number; plan: number; completed: number };
  ranking: RegionRanking[];
}

function categoryRows(counted: SummaryProject[]): CategoryRow[] {
  const row = (category: string, label: string, projects: SummaryProject[]): CategoryRow => ({
    category, label, count: projects.length,
    totalInvestment: sumYuan(projects.map((p) => p.totalInvestment)),
    plan: sumYuan(projects.map((p) => p.plan?.plan ?? 0)),
    completed: sumYuan(projects.map((p) => p.plan?.completed ?? 0)),
  });
  const rows = CATEGORIES.ids.map((c) => row(c, CATEGORIES.label[c], counted.filter((p) => p.category === c)));
  const unknown = counted.filter((p) => knownCategory(p.category) == null);
  if (unknown.length) rows.push(row('unknown', '类别不明', unknown));
  return rows;
}

function growthOf(counted: SummaryProject[], completed: number): Growth {
  const withFigure = counted.filter((p) => lastYearCompleted(p) != null);
  const withoutFigure = counted.length - withFigure.length;
  const base = sumYuan(withFigure.map((p) => lastYearCompleted(p)));
  // Partial data compares like with like: this year's completions of the same projects.
  const current = withoutFigure ? sumYuan(withFigure.map((p) => p.plan?.completed ?? 0)) : completed;
  if (!withFigure.length) return { basis: 'missing', withFigure: 0, withoutFigure, current, base: 0, rate: null };
  if (!base) return { basis: 'zero', withFigure: withFigure.length, withoutFigure, current, base, rate: null };
  return { basis: withoutFigure ? 'partial' : 'all', withFigure: withFigure.length, withoutFigure, current, base, rate: (current - base) / base };
}

export function tally(input: BasicSituationInput): Tally {
  const { year } = input;
  const counted: SummaryProject[] = [];
  const notCounted: Tally['notCounted'] = [];
  for (const project of input.projects) {
    const reason = notCountedReason(project, year);
    if (reason) notCounted.push({ project, reason });
    else counted.push(project);
  }
  const completed = sumYuan(counted.map((p) => p.plan?.completed ?? 0));
  const strategic = STRATEGIC_INDUSTRIES.map((industry) => ({
    industry, label: INDUSTRIES.label[industry], count: counted.filter((p) => p.industry === industry).length,
  })).filter((s) => s.count > 0);
  const listed = counted.filter(isAboveCountyList);
  const atLeast = (threshold: number) => counted.filter((p) => p.totalInvestment >= threshold).length;
  return {
    year,
    counted,
    notCounted,
    projects: counted.length,
    totalInvestment: sumYuan(counted.map((p) => p.totalInvestment)),
    byCategory: categoryRows(counted),
    size: { atLeast100m: atLeast(SIZE_THRESHOLD.atLeast100m), atLeast1b: atLeast(SIZE_THRESHOLD.atLeast1b), atLeast10b: atLeast(SIZE_THRESHOLD.atLeast10b) },
    strategic,
    strategicTotal: strategic.reduce((s, r) => s + r.count, 0),
    annual: {
      plan: sumYuan(counted.map((p) => p.plan?.plan ?? 0)),
      target: sumYuan(counted.map((p) => p.plan?.target ?? 0)),
      completed,
    },
    growth: growthOf(counted, completed),
    completions: counted.filter((p) => completedInYear(p, year)).length,
    keyList: {
      projects: listed,
      count: listed.length,
      province: listed.filter((p) => p.keyLevels.includes('province')).length,
      national: listed.filter((p) => p.keyLevels.includes('national')).length,
      totalInvestment: sumYuan(listed.map((p) => p.totalInvestment)),
      plan: sumYuan(listed.map((p) => p.plan?.plan ?? 0)),
      completed: sumYuan(listed.map((p) => p.plan?.completed ?? 0)),
    },
    ranking: rankSubRegions(input.subRegions, listed),
  };
}
