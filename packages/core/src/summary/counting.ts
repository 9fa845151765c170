import { CATEGORIES, INDUSTRIES, type Category } from '../catalog';
import type { SummaryProject } from './types';

// Which projects the summary counts as 实施 in a year, and when a project 竣工.
//
// 实施 in year Y: the project is in Y's ledger — it has an annual plan for Y or is on one of
// Y's key lists (the overview's ledger is the plan rows; a key-list membership always makes
// one) — and it has been signed: projects still 谋划/储备 are leads, not projects being
// carried out. A project terminated in Y or earlier is not counted either (its plan row
// stays, so it is named in the data checks). Deleted projects never reach this package.
// A project terminated after Y was still carried out in Y and counts.

export type NotCountedReason = 'no_ledger' | 'not_signed' | 'terminated';

const NOT_SIGNED = new Set(['planning', 'reserve']);
const COMPLETED_STAGES = new Set(['completed', 'operating', 'full_production']);

export function yearOf(date: string | null | undefined): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}

export function notCountedReason(p: SummaryProject, year: number): NotCountedReason | null {
  if (p.plan == null && p.keyLevels.length === 0) return 'no_ledger';
  if (NOT_SIGNED.has(p.stage)) return 'not_signed';
  if (p.stage === 'terminated') {
    const ended = yearOf(p.stageDate);
    if (ended == null || ended <= year) return 'terminated';
  }
  return null;
}

/**
 * The day a project 竣工: its 实际竣工日期, else the actual date of its 竣工 node, else the
 * first recorded move into 竣工/投产/达产 (a project may skip straight to 投产).
 */
export function completionDate(p: SummaryProject): string | null {
  return p.actualCompletionDate ?? p.completionNodeDate ?? p.completedTransitionDate;
}

export function isAtOrPastCompletion(stage: string): boolean {
  return COMPLETED_STAGES.has(stage);
}

/** 竣工 in the year: the date falls in it and the stage agrees (a date alone on a project still 在建 is reported, not counted). */
export function completedInYear(p: SummaryProject, year: number): boolean {
  return yearOf(completionDate(p)) === year && isAtOrPastCompletion(p.stage);
}

export function knownCategory(category: string | null): Category | null {
  return category != null && (CATEGORIES.ids as readonly string[]).includes(category) ? (category as Category) : null;
}

export function isKnownIndustry(industry: string | null): boolean {
  return industry != null && (INDUSTRIES.ids as readonly string[]).includes(industry);
}

/** On a key list above the county's own: 市级 or higher (what the summary's key-list sentence counts). */
export function isAboveCountyList(p: SummaryProject): boolean {
  return p.keyLevels.some((l) => l === 'city' || l === 'province' || l === 'national');
}

/** Last year's completed investment for the growth: the figure entered with this year's plan, else last year's plan row. */
export function lastYearCompleted(p: SummaryProject): number | null {
  return p.plan?.completedLastYear ?? p.previousYearCompleted;
}
