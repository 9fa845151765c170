import type { CellValue, MergeRange, SheetGrid } from './types';

// Reading a SheetGrid cell by cell, aware of merged ranges. A reader may hand over a merged
// range with the value only in its top-left cell (as the type says) or repeated in every
// cell (as exceljs reads it); both must read the same, so covered cells are never trusted.

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel's own decimal text of a number, never in exponent form: 1e21 → "1000000000000000000000". */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign = '', lead = '', frac = '', expText = '0'] = m;
  const exp = Number(expText);
  const digits = lead + frac;
  if (exp >= 0) {
    const whole = digits.padEnd(exp + 1, '0');
    const rest = digits.slice(exp + 1);
    return sign + whole.slice(0, exp + 1) + (rest ? '.' + rest : '');
  }
  return sign + '0.' + '0'.repeat(-exp - 1) + digits;
}

/** A date cell as 'YYYY-MM-DD', read as the calendar date nearest its instant at UTC midnight (see dates.ts). */
export function dateCellText(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return '';
  return new Date(Math.round(t / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}

/** A cell as plain text, the way it reads on screen (without number formatting). */
export function cellText(value: CellValue | undefined): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return dateCellText(value);
}

export function isEmptyCell(value: CellValue | undefined): boolean {
  return value == null || (typeof value === 'string' && value.trim() === '');
}

/** The grid with its merges indexed: each covered (non top-left) cell → the range covering it. */
export class Cells {
  private readonly covered = new Map<number, MergeRange>();
  private readonly origins = new Map<number, MergeRange>();
  readonly width: number;

  constructor(readonly grid: SheetGrid) {
    this.width = grid.rows.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
    for (const m of grid.merges) {
      this.origins.set(key(m.top, m.left), m);
      // Clamped to the cells that exist: a merge declared over whole columns must not cost
      // billions of map entries.
      const bottom = Math.min(m.bottom, grid.rows.length - 1);
      const right = Math.min(m.right, this.width - 1);
      for (let r = m.top; r <= bottom; r++) {
        for (let c = m.left; c <= right; c++) {
          if (r !== m.top || c !== m.left) this.covered.set(key(r, c), m);
        }
      }
    }
  }

  get height(): number {
    return this.grid.rows.length;
  }

  /** The cell's own value; a covered cell of a merge reads as empty. */
  raw(r: number, c: number): CellValue {
    if (this.covered.has(key(r, c))) return null;
    return this.grid.rows[r]?.[c] ?? null;
  }

  /** The value shown in the cell: a covered cell shows its merge's top-left value. */
  shown(r: number, c: number): CellValue {
    const m = this.covered.get(key(r, c));
    if (m) return this.grid.rows[m.top]?.[m.left] ?? null;
    return this.grid.rows[r]?.[c] ?? null;
  }

  /**
   * A data cell: covered cells inherit only from a merge in the same column, so a project unit
   * merged down over two projects belongs to both, while a group title merged across the row
   * is read once.
   */
  down(r: number, c: number): CellValue {
    const m = this.covered.get(key(r, c));
    if (m) return m.left === c ? (this.grid.rows[m.top]?.[m.left] ?? null) : null;
    return this.grid.rows[r]?.[c] ?? null;
  }

  mergeAt(r: number, c: number): MergeRange | undefined {
    return this.covered.get(key(r, c)) ?? this.origins.get(key(r, c));
  }

  /** The non-empty raw cells of a row, left to right. */
  rowCells(r: number): { col: number; value: CellValue; text: string }[] {
    const out: { col: number; value: CellValue; text: string }[] = [];
    for (let c = 0; c < this.width; c++) {
      const value = this.raw(r, c);
      if (isEmptyCell(value)) continue;
      out.push({ col: c, value, text: cellText(value).trim() });
    }
    return out;
  }
}

// Columns stay below Excel's limit of 16,384, so the pair packs into one exact number.
function key(r: number, c: number): number {
  return r * 16_384 + c;
}
