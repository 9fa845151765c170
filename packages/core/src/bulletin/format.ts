import type { RegionLevel } from '../catalog';
import { formatAmount, YUAN_PER_YI } from '../money';
import { addMonths, parsePeriod } from '../period';

// How the bulletin writes numbers, months and the region, as the office types them:
// 「12.34亿元」 (no space), 「83.3%」, 「10月末」, 「全县」/「全区」/「全市」.

/** 亿元 with two decimals: 「12.34亿元」. */
export const yiText = (yuan: number) => `${formatAmount(yuan, 'yi', 2)}亿元`;

/** 亿元 from one 亿 up, else 万元 as the office types it in a sentence: 「3500万元」, 「726.5万元」. */
export const moneyText = (yuan: number) => (Math.abs(yuan) >= YUAN_PER_YI ? yiText(yuan) : `${Number((yuan / 10_000).toFixed(2))}万元`);

/** A table cell in 万元 (the column says the unit), whole 万元 as the office's tables print them. */
export const wanCell = (yuan: number | null) => (yuan == null ? '—' : formatAmount(yuan, 'wan', 0));

/** 0.8333 → 「83.3%」; null → 「—」. */
export const rateText = (rate: number | null) => (rate == null || !Number.isFinite(rate) ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Percentage points, one decimal, from two fractions: (0.785, 0.8333) → -4.8. */
export const pointsBetween = (rate: number, base: number) => Math.round((rate - base) * 1000) / 10;

/** 「高于序时进度4.8个百分点」 / 「低于…」 / 「与序时进度持平」. */
export function paceText(gap: number): string {
  if (gap > 0) return `高于序时进度${gap.toFixed(1)}个百分点`;
  if (gap < 0) return `低于序时进度${(-gap).toFixed(1)}个百分点`;
  return '与序时进度持平';
}

/** '2026-10' → 10. */
export const monthOf = (period: string) => parsePeriod(period).month;

/** The last calendar day of a month: '2026-02' → '2026-02-28'. */
export function monthEnd(period: string): string {
  const { year, month } = parsePeriod(period);
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${period}-${String(day).padStart(2, '0')}`;
}

/** The UTC instants bounding a China calendar month: [start, end). */
export function monthInstants(period: string): { start: string; end: string } {
  const at = (p: string) => new Date(Date.parse(`${p}-01T00:00:00+08:00`)).toISOString();
  return { start: at(period), end: at(addMonths(period, 1)) };
}

/** A UTC ISO instant → its China calendar date. */
export const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

/** 「全县」, 「全区」 (a district), 「全市」 (a county-level city or a city), 「全省」. */
export function scopeWord(regionName: string, level: RegionLevel): string {
  if (level === 'province' || level === 'country') return '全省';
  if (level === 'city') return '全市';
  const last = regionName.slice(-1);
  return `全${['县', '区', '市', '旗'].includes(last) ? last : '县'}`;
}

/** The 发文机关 by default: 「XX县重点项目推进办公室」. */
export const defaultIssuer = (regionName: string) => `${regionName}重点项目推进办公室`;

/** 「关于2026年10月份全县重点项目建设情况的通报」. */
export function bulletinTitle(period: string, regionName: string, level: RegionLevel): string {
  const { year, month } = parsePeriod(period);
  return `关于${year}年${month}月份${scopeWord(regionName, level)}重点项目建设情况的通报`;
}

/** A list as the office writes it: 「A、B、C」, and 「A、B等N个」 past a limit. */
export function namesText(names: readonly string[], limit = 5): string {
  if (names.length <= limit) return names.join('、');
  return `${names.slice(0, limit).join('、')}等${names.length}个`;
}

/** A rank's movement since last month: ↑2, ↓1, 持平, or — when it was not ranked. */
export function movementText(movement: number | null): string {
  if (movement == null) return '—';
  if (movement > 0) return `↑${movement}`;
  if (movement < 0) return `↓${-movement}`;
  return '持平';
}

/** Score with one decimal: 「95.2分」. */
export const scoreText = (total: number) => `${total.toFixed(1)}分`;
