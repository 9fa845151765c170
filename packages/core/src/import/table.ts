import { cellText, isEmptyCell, type Cells } from './cells';
import { matchHeader, matchHeaderPair } from './columns';
import type { ImportField } from './types';
import { cleanText, toHalfWidth } from './values';

// Finding the ledger table in a sheet: the header is the row (or pair of rows) that names the
// most known columns, one of them 项目名称. Title and note lines sit above it; the data below.

export interface HeaderColumn {
  index: number;
  /** Upper and lower header text (the same for a one-row header or a cell merged down). */
  parent: string;
  child: string;
  /** As shown to the user: "2023年 / 计划投资", or the one text. */
  header: string;
  field: ImportField | null;
}

export interface Table {
  top: number;
  bottom: number;
  columns: HeaderColumn[];
  /** The text lines above the header (title, as-of, unit, 填报单位), top to bottom. */
  above: string[];
}

// A ledger's header sits near the top; a hundred rows leaves room for a summary table before it.
const SCAN_ROWS = 100;
// Fewer known columns than this, or none that is 项目名称, is not a ledger.
const MIN_FIELDS = 3;

function text(cells: Cells, r: number, c: number): string {
  return cleanText(cellText(cells.shown(r, c)));
}

function fieldsOf(columns: HeaderColumn[]): Set<ImportField> {
  return new Set(columns.flatMap((c) => (c.field && c.field !== 'ignore' ? [c.field] : [])));
}

function oneRow(cells: Cells, r: number): HeaderColumn[] {
  const out: HeaderColumn[] = [];
  for (let c = 0; c < cells.width; c++) {
    const t = text(cells, r, c);
    out.push({ index: c, parent: t, child: t, header: t, field: matchHeader(t) });
  }
  return out;
}

/**
 * Two rows read together. An upper cell left blank over a lower one (a parent written once,
 * not merged) belongs to the parent on its left, so 2023年 | (blank) over 计划投资 | 目标投资
 * reads as one group.
 */
function twoRows(cells: Cells, r: number): HeaderColumn[] {
  const out: HeaderColumn[] = [];
  let inherited = '';
  for (let c = 0; c < cells.width; c++) {
    const own = text(cells, r, c);
    const child = text(cells, r + 1, c);
    const parent = own || (child ? inherited : '');
    inherited = own ? (child && own !== child ? own : '') : child ? inherited : '';
    const header = !child || child === parent ? parent : !parent ? child : `${parent} / ${child}`;
    out.push({ index: c, parent: parent || child, child: child || parent, header, field: matchHeaderPair(parent, child) });
  }
  return out;
}

/** No numbers, as a number or as text (a CSV gives every cell as text): a data row has some. */
function isHeaderLike(cells: Cells, r: number): boolean {
  let filled = 0;
  for (let c = 0; c < cells.width; c++) {
    const v = cells.raw(r, c);
    if (typeof v === 'number' || v instanceof Date) return false;
    if (typeof v === 'string' && /^[+-]?[\d,]+(\.\d+)?$/.test(toHalfWidth(v).trim())) return false;
    if (!isEmptyCell(v)) filled++;
  }
  return filled > 0;
}

/** Merges that make a second header row certain: a cell merged down over both, or a parent merged across. */
function hasHeaderMerges(cells: Cells, r: number): boolean {
  return cells.grid.merges.some(
    (m) =>
      (m.top === r && m.bottom === r + 1) ||
      (m.top === r && m.bottom === r && m.right > m.left && !isEmptyCell(cells.raw(r + 1, m.left))),
  );
}

function candidate(cells: Cells, r: number): { columns: HeaderColumn[]; bottom: number; score: number } | null {
  const single = oneRow(cells, r);
  const singleFields = fieldsOf(single);
  // The upper row must itself look like a header: a title over a header is not a two-row header.
  if (singleFields.size < 2) return null;
  let best = { columns: single, bottom: r, fields: singleFields };
  if (r + 1 < cells.height && isHeaderLike(cells, r + 1)) {
    const pair = twoRows(cells, r);
    const pairFields = fieldsOf(pair);
    if (hasHeaderMerges(cells, r) || pairFields.size > singleFields.size) best = { columns: pair, bottom: r + 1, fields: pairFields };
  }
  if (!best.fields.has('name') || best.fields.size < MIN_FIELDS) return null;
  return { columns: best.columns, bottom: best.bottom, score: best.fields.size };
}

/** The best-matching header in the sheet, or null when nothing looks like a ledger header. */
export function findTable(cells: Cells): Table | null {
  let found: { top: number; bottom: number; columns: HeaderColumn[]; score: number } | null = null;
  const limit = Math.min(cells.height, SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const c = candidate(cells, r);
    if (c && (!found || c.score > found.score)) found = { top: r, ...c };
  }
  if (!found) return null;
  const above: string[] = [];
  for (let r = 0; r < found.top; r++) {
    const line = cells.rowCells(r).map((cell) => cleanText(cell.text)).join(' ');
    if (line) above.push(line);
  }
  return { top: found.top, bottom: found.bottom, columns: found.columns, above };
}

/** How many known columns a row names: a header repeated further down (after a page break) is not data. */
export function headerScore(cells: Cells, r: number): number {
  return fieldsOf(oneRow(cells, r)).size;
}
