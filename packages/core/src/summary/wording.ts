// How the office writes numbers in a summary: 970亿元, 76.9亿元, 2.45亿元, 5000万元, 96.7%,
// 第一. Rounding is done on integers (BigInt), half up, so a sum is never printed through a
// float; trailing zeros are dropped as the office drops them (430亿元, not 430.00亿元).

const YI = 100_000_000n;
const WAN = 10_000n;

/** n / d rounded half away from zero, exactly. */
function roundDiv(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const q = (2n * a + b) / (2n * b);
  return negative ? -q : q;
}

/** A fixed-point integer (value × 10^decimals) as text without trailing zeros: 7690 (2) → '76.9'. */
function fixedText(scaled: bigint, decimals: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = decimals ? digits.slice(0, -decimals) : digits;
  const frac = decimals ? digits.slice(-decimals).replace(/0+$/, '') : '';
  return (negative ? '-' : '') + whole + (frac ? `.${frac}` : '');
}

/**
 * An amount as the summary writes it: from 100亿 up with at most one decimal (970亿元,
 * 118.5亿元), from 1亿 up with at most two (2.4亿元, 39.62亿元), below 1亿 in 万元 with at most
 * two (5000万元, 1234.5万元). An amount that rounds up to 1亿 is written 1亿元.
 */
export function amountText(yuan: number): string {
  const y = BigInt(yuan);
  const abs = y < 0n ? -y : y;
  if (abs >= 100n * YI) return `${fixedText(roundDiv(y, YI / 10n), 1)}亿元`;
  if (abs >= YI) return `${fixedText(roundDiv(y, YI / 100n), 2)}亿元`;
  const wan = roundDiv(y, WAN / 100n);
  if (wan >= 1_000_000n || wan <= -1_000_000n) return `${fixedText(roundDiv(y, YI / 100n), 2)}亿元`;
  return `${fixedText(wan, 2)}万元`;
}

/** part / whole as a percentage with at most one decimal (96.7%, 13%), or null when whole is 0. */
export function percentText(part: number, whole: number): string | null {
  if (!whole) return null;
  return `${fixedText(roundDiv(BigInt(part) * 1000n, BigInt(whole)), 1)}%`;
}

/** The percentage's number alone, as written (for comparisons of text against figures). */
export function percentValue(part: number, whole: number): number | null {
  const text = percentText(part, whole);
  return text == null ? null : Number(text.slice(0, -1));
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 100 → 一百 (ranks and ordinals stay small). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10]! : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]!}十${n % 10 ? DIGITS[n % 10]! : ''}`;
  return String(n);
}

/** 'A、B、C' for up to `max` names, then '等N个' so a message stays one line. */
export function nameList(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).map((n) => `「${n}」`).join('、');
  return names.length > max ? `${shown}等${names.length}个` : shown;
}

/** 'A、B及C' — how the office joins a short list of measures. */
export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}及${items[items.length - 1]!}`;
}
