import ExcelJS from 'exceljs';
import type { CellValue, MergeRange, SheetGrid } from '@tuijin/core';
import { AppError } from '../errors';
import { columnLetters, EXCEL_MAX_COLUMNS } from './a1';
import type { SpreadsheetLimits } from './limits';
import { prepareXlsx, type PreparedSheet } from './prepare-xlsx';
import { damaged, tooManyCells, tooManyColumns, tooManyRows } from './reader-errors';

// .xlsx → one SheetGrid per worksheet, in workbook order (hidden sheets included).
// Values: text as written; numbers; dates as Date (exceljs's convention: the wall-clock date and
// time read as UTC); booleans; rich text joined; a formula as its cached result (null when the
// file holds none) with its reference in formulaCells; error values (#N/A…) and empty text as null.

// Everything in a sheet but its cells: exceljs would otherwise expand data validations and
// column ranges cell by cell (a validation over a whole column is a million objects) and
// resolve drawings, tables and links we do not read. Merges are read by prepare-xlsx.ts.
const IGNORED_NODES = [
  'cols', 'mergeCells', 'hyperlinks', 'dataValidations', 'conditionalFormatting', 'extLst', 'autoFilter',
  'rowBreaks', 'pageMargins', 'pageSetup', 'printOptions', 'headerFooter', 'picture', 'drawing',
  'sheetProtection', 'tableParts',
];

export async function readXlsx(buf: Buffer, limits: SpreadsheetLimits): Promise<SheetGrid[]> {
  const prepared = await prepareXlsx(buf, limits);
  const book = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy gives it one of its own (≤ the upload's size).
    await book.xlsx.load(new Uint8Array(prepared.zip).buffer, { ignoreNodes: IGNORED_NODES });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged('xlsx_content');
  }
  const byId = new Map(book.worksheets.map((ws) => [ws.id, ws]));
  const work = { rows: 0, mergedCells: 0 };
  return prepared.sheets.map((sheet, i) => {
    const ws = byId.get(i + 1);
    if (!ws) throw damaged('sheet_not_loaded');
    return toGrid(ws, sheet, limits, work);
  });
}

function toGrid(
  ws: ExcelJS.Worksheet,
  sheet: PreparedSheet,
  limits: SpreadsheetLimits,
  work: { rows: number; mergedCells: number },
): SheetGrid {
  const rows: CellValue[][] = [];
  // Formula cells by position (row × 16384 + column), so that merges can drop covered ones.
  const formulas = new Set<number>();
  ws.eachRow((row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell((cell, colNumber) => {
      const raw = cell.value;
      const isFormula = typeof raw === 'object' && raw !== null && ('formula' in raw || 'sharedFormula' in raw);
      const value = plainValue(raw);
      if (value === null && !isFormula) return;
      if (colNumber > limits.maxColumns) {
        if (value === null) return;
        throw tooManyColumns(limits.maxColumns);
      }
      while (cells.length < colNumber - 1) cells.push(null);
      cells.push(value);
      if (isFormula) formulas.add(key(rowNumber - 1, colNumber - 1));
    });
    rows[rowNumber - 1] = cells;
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];

  const merges = sheet.merges
    .filter((m) => m.top < rows.length && m.left < limits.maxColumns)
    .sort((a, b) => a.top - b.top || a.left - b.left);
  clearCoveredCells(rows, merges, formulas, limits, work);

  // Trailing empties go, except rows holding a formula never calculated: the parser must see
  // those to say so (a total row of such formulas is otherwise just blank).
  let lastFormulaRow = -1;
  for (const k of formulas) lastFormulaRow = Math.max(lastFormulaRow, Math.floor(k / EXCEL_MAX_COLUMNS));
  for (const cells of rows) while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
  while (rows.length > lastFormulaRow + 1 && rows[rows.length - 1]!.length === 0) rows.pop();
  for (const cells of rows) {
    if (cells.length > 0 && ++work.rows > limits.maxRows) throw tooManyRows(limits.maxRows);
  }

  const formulaCells = [...formulas].map((k) => `${columnLetters(k % EXCEL_MAX_COLUMNS)}${Math.floor(k / EXCEL_MAX_COLUMNS) + 1}`);
  // Trimming may have left merges below the last row kept: they cover nothing.
  return { name: sheet.name, rows, merges: merges.filter((m) => m.top < rows.length), formulaCells };
}

/**
 * Only a merge's top-left cell holds its value (Excel discards the others when merging, other
 * writers may not). The work is bounded: the covered area, clipped to the grid, counts against
 * the cell limit, so overlapping merges over a large grid cannot multiply it.
 */
function clearCoveredCells(
  rows: CellValue[][],
  merges: MergeRange[],
  formulas: Set<number>,
  limits: SpreadsheetLimits,
  work: { mergedCells: number },
): void {
  for (const m of merges) {
    const bottom = Math.min(m.bottom, rows.length - 1);
    const right = Math.min(m.right, limits.maxColumns - 1);
    work.mergedCells += (bottom - m.top + 1) * (right - m.left + 1);
    if (work.mergedCells > limits.maxCells) throw tooManyCells(limits.maxCells);
    for (let r = m.top; r <= bottom; r++) {
      const cells = rows[r]!;
      for (let c = m.left; c <= right; c++) {
        if (r === m.top && c === m.left) continue;
        if (c < cells.length) cells[c] = null;
        formulas.delete(key(r, c));
      }
    }
  }
}

const key = (row: number, col: number) => row * EXCEL_MAX_COLUMNS + col;

/** An exceljs cell value as the plain value the parser reads. */
function plainValue(value: unknown): CellValue {
  if (value == null) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText)) {
    const text = value.richText.map((run: unknown) => (isTextRun(run) ? run.text : '')).join('');
    return text === '' ? null : text;
  }
  // A formula's cached result is a plain value or an error, never another formula.
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? flatValue(value.result) : null;
  // Links are not loaded (IGNORED_NODES), so their cells arrive as text; this is for if they were.
  if ('hyperlink' in value && 'text' in value) return flatValue(value.text);
  return null;
}

/** A value one level down (a result, a link's text): anything but another nesting. */
function flatValue(value: unknown): CellValue {
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && !('richText' in value)) return null;
  return plainValue(value);
}

function isTextRun(run: unknown): run is { text: string } {
  return typeof run === 'object' && run !== null && 'text' in run && typeof run.text === 'string';
}
