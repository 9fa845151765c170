import type { RegionLevel } from '../catalog';

// The annual summary's 「一、基本情况」 is drafted from plain figures per project: the server
// reads them, this package decides what counts and writes the sentences. Amounts are integer
// yuan; dates 'YYYY-MM-DD'; category, industry and stage are kept as stored (a value outside
// the catalogue is reported, not dropped).

export interface SummaryProjectPlan {
  /** 计划投资 of the year. */
  plan: number;
  /** 力争投资 of the year. */
  target: number;
  /** 已完成投资 of the year so far. */
  completed: number;
  /** 上年同期完成, as entered with this year's plan; null when not entered. */
  completedLastYear: number | null;
}

export interface SummaryProject {
  id: number;
  name: string;
  /** The county (or other region) the project lies in. */
  regionCode: string;
  category: string | null;
  industry: string | null;
  stage: string;
  /** Date the project entered its current stage. */
  stageDate: string | null;
  totalInvestment: number;
  actualStartDate: string | null;
  actualCompletionDate: string | null;
  /** Actual date of the project's 竣工 key node, when one is recorded. */
  completionNodeDate: string | null;
  /** First recorded move into 竣工/投产/达产 (not the initial filing). */
  completedTransitionDate: string | null;
  /** The year's key-list levels (county/city/province/national). */
  keyLevels: string[];
  /** The year's annual plan row, or null when the project has none. */
  plan: SummaryProjectPlan | null;
  /** 已完成投资 on last year's plan row, when there is one. */
  previousYearCompleted: number | null;
}

export interface SummaryArea {
  name: string;
  level: RegionLevel;
}

export interface BasicSituationInput {
  year: number;
  /** Written during the year itself (今年以来) or about a past year (2025年). */
  isCurrentYear: boolean;
  area: SummaryArea;
  /** The regions one level down, ranked against each other (a city's counties); empty for a county. */
  subRegions: { code: string; name: string }[];
  projects: SummaryProject[];
}

export type FigureUnit = 'count' | 'yuan' | 'percent' | 'rank';

/** One number of the summary with its label and the words it is written in. */
export interface Figure {
  key: string;
  group: string;
  label: string;
  /** Count, integer yuan, a fraction (0.967) for percentages, or a rank; null when it cannot be computed. */
  value: number | null;
  unit: FigureUnit;
  text: string;
}

export interface CategoryRow {
  /** A catalogue category, or 'unknown' for projects whose category is missing or not in the catalogue. */
  category: string;
  label: string;
  count: number;
  totalInvestment: number;
  plan: number;
  completed: number;
}

export interface Inconsistency {
  code: string;
  message: string;
}

export interface BasicSituation {
  paragraphs: string[];
  figures: Figure[];
  /** The figures table by category, with the unknown-category row when there is one and the total last. */
  byCategory: CategoryRow[];
  inconsistencies: Inconsistency[];
}
