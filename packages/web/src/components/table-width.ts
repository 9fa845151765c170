import type { TableColumnsType } from 'antd';

/**
 * The sum of a table's leaf column widths: what `scroll.x` needs so the table fills a wide
 * screen and scrolls sideways (rather than squeezing or spilling) on a narrower one.
 */
export function columnsWidth<T>(columns: TableColumnsType<T>): number {
  return columns.reduce((sum, c) => sum + ('children' in c && c.children ? columnsWidth(c.children) : Number(c.width ?? 0)), 0);
}

/** Header and sideways scrollbar stay in view below the app's 56-px top bar on long tables. */
export const STICKY_TABLE = { offsetHeader: 56 } as const;
