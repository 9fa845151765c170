import { daysBetween, parsePeriod } from '@tuijin/core';
import type { PeriodView } from '../reports/types';

// How the office writes a month and its deadline: 「2026年11月」, 「12月5日」. The one place a
// month is written for people (titles, lists, messages), never 「2026-11」.

/** '2026-11' → '2026年11月'. */
export function periodLabel(period: string): string {
  const { year, month } = parsePeriod(period);
  return `${year}年${month}月`;
}

/** '2026-12-05' → '2026年12月5日'. */
export function dateLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** Days past the deadline on `today` (0 on or before it). */
export function daysOverdue(deadline: string, today: string): number {
  return Math.max(0, daysBetween(deadline, today));
}

/** Reports not sent yet: untouched, drafts, and those returned and not sent again. */
export function unsentCount(p: Pick<PeriodView, 'counts'>): number {
  return p.counts.notStarted + p.counts.draft + p.counts.returned;
}

/** Bytes as the archive's size: '12.4 MB'. */
export function fileSize(bytes: number | null): string {
  if (bytes == null) return '';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
