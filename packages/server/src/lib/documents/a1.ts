// A1-style references ("C7") ↔ 0-based row/column, within Excel's own bounds.

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** 0-based column index → letters: 0 → "A", 27 → "AB". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "AB12" → { row: 11, col: 27 }; null when malformed or outside the sheet. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^([A-Za-z]{1,3})([0-9]{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col > EXCEL_MAX_COLUMNS || row < 1 || row > EXCEL_MAX_ROWS) return null;
  return { row: row - 1, col: col - 1 };
}
