// A reporting period is a calendar month written 'YYYY-MM'. Calendar dates are
// 'YYYY-MM-DD' in Asia/Shanghai; timestamps are UTC ISO strings.

/** A month, written YYYY-MM. */
export type Period = string;
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPeriod(text: string): boolean {
  return PERIOD.test(text);
}

export function parsePeriod(text: string): { year: number; month: number } {
  const m = PERIOD.exec(text);
  if (!m) throw new RangeError(`不是有效的月份：${text}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function formatPeriod(year: number, month: number): Period {
  return `${year}-${String(month).padStart(2, '0')}` as Period;
}

export function addMonths(period: string, months: number): Period {
  const { year, month } = parsePeriod(period);
  const index = year * 12 + (month - 1) + months;
  return formatPeriod(Math.floor(index / 12), (index % 12) + 1);
}

export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Today's calendar date in China (Asia/Shanghai is UTC+8 all year, no DST). */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function chinaYear(now: Date): number {
  return Number(chinaDate(now).slice(0, 4));
}

/** 序时进度: the share of the year elapsed at the end of a given China calendar date. */
export function yearElapsedShare(date: string): number {
  const year = Number(date.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const day = Date.UTC(year, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + 86_400_000;
  return Math.min(1, Math.max(0, (day - start) / (end - start)));
}

/**
 * 序时进度 of a year's figure known through a month, as offices count it: that month's end as a
 * share of the year (10月末 = 10/12). A figure older than last month is measured at last month's
 * end (a stale figure does not hide a lag); one ahead of today at this month's end. `through` is
 * the month measured, or null when none of this year has ended yet (January with no figure).
 */
export function monthPace(completedThrough: string | null, today: string): { share: number; through: Period | null } {
  const thisMonth = today.slice(0, 7);
  const lastMonth = addMonths(thisMonth, -1);
  let through: string = completedThrough && isPeriod(completedThrough) ? completedThrough : lastMonth;
  if (through < lastMonth) through = lastMonth;
  if (through > thisMonth) through = thisMonth;
  if (through.slice(0, 4) !== today.slice(0, 4)) return { share: 0, through: null };
  return { share: parsePeriod(through).month / 12, through };
}

/** Days from a to b (calendar dates), positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86_400_000);
}

/** A month as the office writes it: '2026-05' → 「2026年5月」. */
export function periodText(period: string): string {
  const { year, month } = parsePeriod(period);
  return `${year}年${month}月`;
}
