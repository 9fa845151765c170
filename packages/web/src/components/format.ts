import dayjs from 'dayjs';
import { formatAmount, formatPercent } from '@tuijin/core';

// Display helpers for tables and detail views. Money always goes through core's exact
// decimal conversion; these only pick the unit and the placeholder for "nothing".

export const EMPTY = '—';

export const wan = (yuan: number | null | undefined) => formatAmount(yuan, 'wan', 2);
export const yi = (yuan: number | null | undefined) => formatAmount(yuan, 'yi', 2);
export const percent = (value: number | null | undefined) => formatPercent(value, 1);

export function text(value: string | null | undefined): string {
  return value == null || value === '' ? EMPTY : value;
}

/** UTC ISO timestamp → local '2024-05-01 14:03'. */
export function dateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : EMPTY;
}

export const numberCell = { fontVariantNumeric: 'tabular-nums' as const, whiteSpace: 'nowrap' as const };

/**
 * A place as the app writes it everywhere: longitude first, as the server and the archive store
 * it, each named, so nobody reads 36.7 as a longitude. 5 decimals ≈ 1 m.
 */
export function coordText(lng: number, lat: number, digits = 5): string {
  return `经度 ${lng.toFixed(digits)}，纬度 ${lat.toFixed(digits)}`;
}
