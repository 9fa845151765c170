// Money is an exact integer number of yuan (元). The office reads and types 万元 and 亿元,
// so conversions go through decimal strings, never through float multiplication of sums.

export const YUAN_PER_WAN = 10_000;
export const YUAN_PER_YI = 100_000_000;

/** Largest amount we accept: 9 万亿亿 would overflow a double's exact range long before. */
export const MAX_YUAN = Number.MAX_SAFE_INTEGER;

export function isYuan(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/**
 * Sums integer yuan exactly; throws if the running total leaves the exact integer range.
 * Checked at every step: once a partial sum passes 2^53 it is rounded, and a later
 * negative amount could bring it back into range as a plausible but wrong total.
 */
export function sumYuan(values: Iterable<number | null | undefined>): number {
  let total = 0;
  for (const v of values) {
    if (v == null) continue;
    total += v;
    if (!Number.isSafeInteger(total)) throw new RangeError('金额合计超出可精确表示的范围');
  }
  return total;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal amount in the given unit into integer yuan, exactly.
 * `parseAmount('12.5', 'wan')` → 125000. Rounds half away from zero below one yuan.
 * Returns null when the text is not a plain decimal number.
 */
export function parseAmount(text: string, unit: MoneyUnit = 'yuan'): number | null {
  // Full-width digits and punctuation, as a Chinese input method types them (１２．５，０００).
  const m = DECIMAL.exec(text.normalize('NFKC').trim().replace(/,/g, ''));
  if (!m) return null;
  const [, sign, whole = '0', frac = ''] = m;
  const shift = UNIT_DIGITS[unit];
  const padded = frac.padEnd(shift + 1, '0');
  const intDigits = whole + padded.slice(0, shift);
  const roundDigit = Number(padded[shift] ?? '0');
  let yuan = BigInt(intDigits) + (roundDigit >= 5 ? 1n : 0n);
  if (sign === '-') yuan = -yuan;
  if (yuan > BigInt(MAX_YUAN) || yuan < -BigInt(MAX_YUAN)) return null;
  return Number(yuan);
}

export type MoneyUnit = 'yuan' | 'wan' | 'yi';
const UNIT_DIGITS: Record<MoneyUnit, number> = { yuan: 0, wan: 4, yi: 8 };
export const UNIT_LABEL: Record<MoneyUnit, string> = { yuan: '元', wan: '万元', yi: '亿元' };

/** Exact decimal text of an amount in a unit: toUnit(125000, 'wan') → '12.5'. */
export function toUnitString(yuan: number, unit: MoneyUnit): string {
  const digits = UNIT_DIGITS[unit];
  const negative = yuan < 0;
  const s = String(Math.abs(yuan)).padStart(digits + 1, '0');
  const whole = digits ? s.slice(0, -digits) : s;
  const frac = digits ? s.slice(-digits).replace(/0+$/, '') : '';
  return (negative ? '-' : '') + whole + (frac ? '.' + frac : '');
}

/** Rounded display in a unit with fixed decimals and thousands separators: '1,234.57'. */
export function formatAmount(yuan: number | null | undefined, unit: MoneyUnit = 'wan', decimals = 2): string {
  if (yuan == null) return '—';
  const value = Number(toUnitString(yuan, unit));
  // A sliver below the shown precision must not print as '-0.00'.
  if (Math.abs(value) < 0.5 * 10 ** -decimals) return (0).toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return value.toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** The unit the office would choose to show an amount: 亿元 from one 亿 up, else 万元. */
export function formatAmountAuto(yuan: number | null | undefined): string {
  if (yuan == null) return '—';
  return Math.abs(yuan) >= YUAN_PER_YI
    ? `${formatAmount(yuan, 'yi', 2)} 亿元`
    : `${formatAmount(yuan, 'wan', 2)} 万元`;
}

/** A ratio as a share, null when the base is zero or missing. */
export function ratio(part: number, whole: number | null | undefined): number | null {
  if (!whole) return null;
  return part / whole;
}

export function formatPercent(value: number | null | undefined, decimals = 1): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(decimals)}%`;
}
