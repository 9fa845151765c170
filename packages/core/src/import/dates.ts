import { isDate } from '../period';
import { dateCellText, numberText } from './cells';
import type { CellValue } from './types';
import { cleanText, isPlaceholder, toHalfWidth } from './values';

// Dates as ledgers write them. Every written date is a span — a day, a month, a quarter, a
// year — and a column says which end it wants: a start date takes the first day of what was
// written (2021.3 → 2021-03-01), a completion date the last (2023.6 → 2023-06-30).

export interface DateSpan { from: string; to: string }

export type DatePart =
  | { kind: 'date'; span: DateSpan; note?: string }
  | { kind: 'undecided'; text: string };

export type DateRead = { kind: 'empty' } | { kind: 'invalid'; text: string } | DatePart;

export type RangeRead =
  | { kind: 'empty' }
  | { kind: 'invalid'; text: string }
  | { kind: 'range'; start: DatePart | null; end: DatePart | null };

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
const UNDECIDED = /^(待定|未定|暂定|待确定|未确定|不确定|另定|另行确定|未知|不详|TBD)$/i;
// Excel's 1900 date system counts days from 1899-12-30 (its phantom 1900-02-29 lies before
// any date a ledger holds). Serials 20000–80000 are 1954–2119; other numbers are not dates.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthSpan(year: number, fromMonth: number, toMonth: number, fromDay = 1, toDay?: number): DateSpan | null {
  if (year < MIN_YEAR || year > MAX_YEAR || fromMonth < 1 || toMonth > 12 || fromMonth > toMonth) return null;
  const from = `${year}-${pad(fromMonth)}-${pad(fromDay)}`;
  const to = `${year}-${pad(toMonth)}-${pad(toDay ?? lastDay(year, toMonth))}`;
  return isDate(from) && isDate(to) ? { from, to } : null;
}

const PART_OF_MONTH: Record<string, [number, number | undefined]> = {
  初: [1, 10], 上旬: [1, 10], 中旬: [11, 20], 下旬: [21, undefined], 底: [21, undefined], 末: [21, undefined],
};
const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

/** One written date (already half-width, without spaces) as the span it names, or null. */
export function parseDatePoint(text: string): DateSpan | null {
  // One separator throughout (2021-3-5, 2021.03.15) or 年月日: "2021.3-6" is a range of months.
  let m = /^(\d{4})(?:([-./])(\d{1,2})\2|年(\d{1,2})月)(\d{1,2})日?$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[3] ?? m[4]), Number(m[5])];
    return mo >= 1 && mo <= 12 ? monthSpan(y, mo, mo, d, d) : null;
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return mo >= 1 && mo <= 12 ? monthSpan(y, mo, mo, d, d) : null;
  }
  m = /^(\d{4})[-./年](\d{1,2})(?:月份?)?(初|上旬|中旬|下旬|底|末)?$/.exec(text);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    const part = m[3] ? PART_OF_MONTH[m[3]] : undefined;
    return monthSpan(y, mo, mo, part?.[0] ?? 1, part?.[1]);
  }
  m = /^(\d{4})(?:年度?)?(上半年|下半年|年初|年底|年末|初|底|末|第?[一二三四1-4]季度)?$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const part = m[2] ?? '';
  if (part === '上半年') return monthSpan(y, 1, 6);
  if (part === '下半年') return monthSpan(y, 7, 12);
  if (part === '年初' || part === '初') return monthSpan(y, 1, 1);
  if (part === '年底' || part === '年末' || part === '底' || part === '末') return monthSpan(y, 12, 12);
  const q = /([一二三四1-4])季度/.exec(part);
  if (q) {
    const n = QUARTER[q[1]!]!;
    return monthSpan(y, n * 3 - 2, n * 3);
  }
  return monthSpan(y, 1, 12);
}

function fromNumber(n: number): DatePart | null {
  if (Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR) return spanPart(monthSpan(n, 1, 12));
  if (Number.isInteger(n) && n >= 19_900_101 && n <= 21_001_231) return spanPart(parseDatePoint(String(n)));
  if (n >= 20_000 && n <= 80_000) {
    const day = new Date(EXCEL_EPOCH + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
    return { kind: 'date', span: { from: day, to: day } };
  }
  const text = numberText(n);
  const span = /^\d{4}\.\d{1,2}$/.test(text) ? parseDatePoint(text) : null;
  if (!span) return null;
  // A number cell cannot hold "2021.10": Excel keeps 2021.1, so October reads as January.
  return text.endsWith('.1')
    ? { kind: 'date', span, note: `数字“${text}”按 ${text.slice(0, 4)} 年 1 月读取；若指 10 月，请把单元格设为文本后写“${text}0”` }
    : { kind: 'date', span };
}

function spanPart(span: DateSpan | null): DatePart | null {
  return span ? { kind: 'date', span } : null;
}

function fromText(text: string): DatePart | null {
  if (UNDECIDED.test(text)) return { kind: 'undecided', text };
  return spanPart(parseDatePoint(text));
}

// Dates are short; a long text is not one, and is not worth trying every separator of.
const MAX_DATE_LENGTH = 40;

function compact(value: CellValue): string {
  const text = value instanceof Date ? dateCellText(value) : typeof value === 'number' ? numberText(value) : String(value ?? '');
  // A CSV export writes a date cell with its time: 2021/3/5 0:00:00, 2021-03-05T00:00:00.
  return toHalfWidth(text).trim().replace(/(?<=\d)(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?$/, '').replace(/\s+/g, '');
}

/** A single date cell: an Excel date or serial number, a year, or text such as 2021年3月. */
export function readDate(value: CellValue): DateRead {
  if (value instanceof Date) {
    const day = dateCellText(value);
    return day ? { kind: 'date', span: { from: day, to: day } } : { kind: 'invalid', text: '' };
  }
  const shown = cleanText(typeof value === 'number' ? numberText(value) : String(value ?? ''));
  if (isPlaceholder(shown)) return { kind: 'empty' };
  if (shown.length > MAX_DATE_LENGTH) return { kind: 'invalid', text: shown };
  const part = typeof value === 'number' ? fromNumber(value) : fromText(compact(value));
  return part ?? { kind: 'invalid', text: shown };
}

const SEPARATOR = /[-~—–―]+|至|到/g;

/**
 * A construction period (建设年限): 2021-2023, 2021.3—2023.6, 2021年3月至2023年6月, 2023-待定.
 * The right-hand side may leave out the year (2021.3-6). A single date is read too.
 */
export function readDateRange(value: CellValue): RangeRead {
  if (value instanceof Date || typeof value === 'number') {
    const single = readDate(value);
    if (single.kind === 'empty' || single.kind === 'invalid') return single;
    return { kind: 'range', start: single, end: single };
  }
  const shown = cleanText(String(value ?? ''));
  if (isPlaceholder(shown)) return { kind: 'empty' };
  if (shown.length > MAX_DATE_LENGTH) return { kind: 'invalid', text: shown };
  const text = compact(value);
  const whole = fromText(text);
  if (whole) return { kind: 'range', start: whole, end: whole };
  for (const sep of text.matchAll(SEPARATOR)) {
    const left = text.slice(0, sep.index);
    const right = text.slice(sep.index + sep[0].length);
    const start = fromText(left);
    if (!start || !right) continue;
    const year = /^\d{4}/.exec(left)?.[0];
    const end = fromText(right) ?? (year && /^\d{1,2}月?(底|末)?$/.test(right) ? fromText(`${year}年${right.replace(/^(\d+)$/, '$1月')}`) : null);
    if (end) return { kind: 'range', start, end };
  }
  return { kind: 'invalid', text: shown };
}

/** 截至2023年9月30日 / 截止时间：2021年8月31日 / 截至9月底 (with the year elsewhere): the as-of date. */
export function findAsOf(text: string): string | null {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const m = /截[至止](?:时间|日期|到|至)?[:：]?(\d{4}[-./年]\d{1,2}(?:[-./月]\d{1,2}日?|月(?:底|末)?)?)/.exec(t);
  if (!m) return null;
  return parseDatePoint(m[1]!.replace(/月$/, ''))?.to ?? null;
}

/** The last month a year-to-date figure covers: 1-9月 / 1至8月 / 1～8月 → 9, 8. */
export function throughMonthIn(text: string): number | null {
  const m = /(?:^|[^\d])1\s*[-~—–至到]\s*(\d{1,2})\s*月/.exec(toHalfWidth(text));
  const month = m ? Number(m[1]) : NaN;
  return month >= 1 && month <= 12 ? month : null;
}

/** A year named in a header or title: 2023年 / 2021年度 → 2023 / 2021. */
export function yearIn(text: string): number | null {
  const m = /(?:^|[^\d])(\d{4})\s*年/.exec(toHalfWidth(text));
  const year = m ? Number(m[1]) : NaN;
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}
