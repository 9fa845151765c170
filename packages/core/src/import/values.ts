import type { Currency } from '../catalog';
import { parseAmount, type MoneyUnit } from '../money';
import { cellText } from './cells';
import type { CellValue, ColumnUnit } from './types';

// Cell values as offices type them: full-width digits (１２．５), thousands separators, amounts
// carrying their own unit or currency (1.8亿美元), and placeholders for "nothing here".

/** Full-width ASCII (Ａ-Ｚ, ０-９, ．，％（）…) and the ideographic space to their ASCII forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\uFFE5]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x3000) return ' ';
    if (code === 0xffe5) return '¥';
    return String.fromCharCode(code - 0xfee0);
  });
}

/** Trimmed, with every run of whitespace (line breaks, ideographic spaces) as one space. */
export function cleanText(text: string): string {
  return text.replace(/[\s\u3000]+/g, ' ').trim();
}

// What offices write in a cell that has nothing to say. "0" is a value, not a placeholder.
const PLACEHOLDERS = new Set(['', '-', '--', '—', '——', '–', '/', '\\', '无', '暂无', '空', 'N/A', 'NA', '#N/A', '…', '...']);

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDERS.has(toHalfWidth(text).replace(/\s+/g, '').toUpperCase());
}

/** A text cell's content: cleaned, or undefined for an empty cell or a placeholder. */
export function readText(value: CellValue): string | undefined {
  const text = cleanText(cellText(value));
  return isPlaceholder(text) ? undefined : text;
}

const CURRENCY_WORDS = new Map<string, Currency | 'CNY'>([
  ['元', 'CNY'], ['人民币', 'CNY'], ['元人民币', 'CNY'], ['RMB', 'CNY'], ['CNY', 'CNY'],
  ['美元', 'USD'], ['USD', 'USD'], ['欧元', 'EUR'], ['EUR', 'EUR'], ['港元', 'HKD'], ['港币', 'HKD'], ['HKD', 'HKD'],
  ['日元', 'JPY'], ['JPY', 'JPY'], ['英镑', 'GBP'], ['GBP', 'GBP'],
]);

/** The currency a word names ('美元' → USD, '元' → CNY), or undefined. */
export function currencyOf(word: string): Currency | 'CNY' | undefined {
  return CURRENCY_WORDS.get(word.toUpperCase());
}

const AMOUNT = /^([+-])?¥?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(万|亿)?(元人民币|人民币|元|美元|欧元|港元|港币|日元|英镑|RMB|CNY|USD|EUR|HKD|JPY|GBP)?$/i;

export type MoneyRead =
  | { kind: 'empty' }
  | { kind: 'invalid'; text: string; reason: 'format' | 'negative' | 'range' }
  /** `tolerance`: half the value of the last digit written, in yuan (for comparing sums). */
  | { kind: 'cny'; yuan: number; tolerance: number }
  /** `amount`: whole units of the currency, as the schema keeps it. */
  | { kind: 'foreign'; currency: Currency; amount: number; text: string };

const UNIT_DIGITS: Record<MoneyUnit, number> = { yuan: 0, wan: 4, yi: 8 };

/**
 * An amount cell in a column of the given unit. A cell that names its own unit or currency
 * ("12.5万元", "1.8亿美元", "3000万") overrides the column; a bare number takes the column's.
 * JS numbers go through their decimal text, so 36.1 is exactly 36.1, never 36.099999….
 */
export function readMoney(value: CellValue, unit: ColumnUnit): MoneyRead {
  if (typeof value === 'boolean' || value instanceof Date) return { kind: 'invalid', text: cellText(value), reason: 'format' };
  const shownText = cleanText(cellText(value));
  if (isPlaceholder(shownText)) return { kind: 'empty' };
  const compact = toHalfWidth(shownText).replace(/\s+/g, '');
  const m = AMOUNT.exec(compact);
  if (!m) return { kind: 'invalid', text: shownText, reason: 'format' };
  const [, sign, digits = '', multiplier, word] = m;
  if (sign === '-' && !/^[0.,]+$/.test(digits)) return { kind: 'invalid', text: shownText, reason: 'negative' };
  const hasOwnUnit = multiplier != null || word != null;
  const cellUnit: MoneyUnit = multiplier === '亿' ? 'yi' : multiplier === '万' ? 'wan' : 'yuan';
  const moneyUnit = hasOwnUnit ? cellUnit : unit.unit;
  const currency = word ? currencyOf(word)! : unit.kind === 'foreign' ? unit.currency : 'CNY';
  const amount = parseAmount(digits, moneyUnit);
  if (amount == null) return { kind: 'invalid', text: shownText, reason: 'range' };
  if (currency !== 'CNY') return { kind: 'foreign', currency, amount, text: shownText };
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  const shift = UNIT_DIGITS[moneyUnit] - decimals;
  return { kind: 'cny', yuan: amount, tolerance: shift > 0 ? 10 ** shift / 2 : 0 };
}

const RATE = /^(\d{1,4})(?:\.(\d{1,6}))?$/;

/** A confirmed exchange rate as the project schema accepts it: up to 4 digits, 6 decimals. */
export function isValidRate(rate: string): boolean {
  return RATE.test(rate);
}

/** Whole units of a foreign currency times a decimal rate, in yuan, exactly (half away from zero). */
export function foreignToYuan(amount: number, rate: string): number | null {
  const m = RATE.exec(rate);
  if (!m || !Number.isSafeInteger(amount)) return null;
  const frac = m[2] ?? '';
  const scaled = BigInt(amount) * BigInt((m[1] ?? '0') + frac);
  const divisor = 10n ** BigInt(frac.length);
  let yuan = scaled / divisor;
  if ((scaled % divisor) * 2n >= divisor) yuan += 1n;
  if (yuan > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(yuan);
}

export type PercentRead = { kind: 'empty' } | { kind: 'invalid'; text: string } | { kind: 'percent'; value: number; hasSign: boolean };

/** "36.1", "36.1%", 36.1 — or 0.361 from a cell formatted as a percentage (hasSign false). */
export function readPercent(value: CellValue): PercentRead {
  const shownText = cleanText(cellText(value));
  if (isPlaceholder(shownText)) return { kind: 'empty' };
  const compact = toHalfWidth(shownText).replace(/[\s,]+/g, '');
  const m = /^([+-]?\d+(?:\.\d+)?|[+-]?\.\d+)(%?)$/.exec(compact);
  if (!m || typeof value === 'boolean' || value instanceof Date) return { kind: 'invalid', text: shownText };
  return { kind: 'percent', value: Number(m[1]), hasSign: m[2] === '%' };
}
