import type { CellValue, MergeRange, SheetGrid } from './types';

// Builds SheetGrids in tests the way a reader hands them over, from rows and "A1:V1" merges.

function ref(text: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(text);
  if (!m) throw new Error(`bad cell reference ${text}`);
  const c = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { r: Number(m[2]) - 1, c };
}

export function range(text: string): MergeRange {
  const [a, b = a] = text.split(':') as [string, string?];
  const from = ref(a);
  const to = ref(b);
  return { top: from.r, left: from.c, bottom: to.r, right: to.c };
}

/**
 * A grid from rows. With `repeatMerged`, every cell of a merged range repeats the top-left
 * value, as exceljs reads merged cells; without, only the top-left holds it.
 */
export function sheet(
  name: string,
  rows: CellValue[][],
  options: { merges?: string[]; formulaCells?: string[]; repeatMerged?: boolean } = {},
): SheetGrid {
  const merges = (options.merges ?? []).map(range);
  const grid = rows.map((row) => [...row]);
  for (const m of merges) {
    const value = grid[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const row = (grid[r] ??= []);
        while (row.length <= c) row.push(null);
        row[c] = options.repeatMerged ? value : null;
      }
    }
  }
  return { name, rows: grid, merges, formulaCells: options.formulaCells ?? [] };
}
