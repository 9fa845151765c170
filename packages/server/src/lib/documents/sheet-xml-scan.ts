import type { MergeRange } from '@tuijin/core';
import { EXCEL_MAX_ROWS, parseCellRef } from './a1';
import type { SpreadsheetLimits } from './limits';
import { damaged, tooComplex, tooManyCells, tooManyRows, unreadableLayout } from './reader-errors';

// A pass over the worksheet XML as it inflates, before exceljs sees any of it. It counts what
// exceljs would build (rows, cells, and the merged ranges that we read here ourselves), stops at
// the first figure past its limit, and refuses the layouts exceljs would misread without an error.
//
// Tags are found with a regular expression over the bytes read as latin1: the names we look for
// are ASCII and UTF-8 never uses bytes below 0x80 inside a multi-byte character, so '<' and '>'
// are always real. That is far cheaper than a second XML parse of up to 200 MB.

/** Running totals for one workbook, shared by its sheets. */
export class WorkbookBudget {
  private rows = 0;
  private cells = 0;
  private nodes = 0;

  constructor(private readonly limits: Pick<SpreadsheetLimits, 'maxRows' | 'maxCells' | 'maxXmlNodes'>) {}

  addRow(): void {
    if (++this.rows > this.limits.maxRows) throw tooManyRows(this.limits.maxRows);
  }

  addCells(n: number): void {
    this.cells += n;
    if (this.cells > this.limits.maxCells) throw tooManyCells(this.limits.maxCells);
  }

  addNodes(n: number): void {
    this.nodes += n;
    if (this.nodes > this.limits.maxXmlNodes) throw tooComplex();
  }
}

// Unprefixed names only: those are the ones exceljs reads. A prefixed <x:row> is flagged apart.
const TAG = /<(?:([A-Za-z_][\w.-]*):)?(row|c|v|is|f|mergeCell|sheetData)(?=[\s/>])([^>]*)>/g;
const ROW_NUMBER = /\sr\s*=\s*(?:"(\d{1,8})"|'(\d{1,8})')/;
const ISO_DATE_CELL = /\st\s*=\s*["']d["']/;
const MERGE_REF = /\sref\s*=\s*["']([A-Za-z]{1,3}\d{1,7}):([A-Za-z]{1,3}\d{1,7})["']/;
// A tag longer than this is not one a spreadsheet writes; its text is dropped unread.
const MAX_TAG = 1024 * 1024;

export class SheetXmlScanner {
  readonly merges: MergeRange[] = [];
  private carry = '';
  private lastRow = 0;
  /** Whether the current <row> has already been counted as holding a value. */
  private rowCounted = true;

  constructor(private readonly budget: WorkbookBudget) {}

  push(chunk: Buffer): void {
    let text = this.carry + chunk.toString('latin1');
    this.carry = '';
    const open = text.lastIndexOf('<');
    if (open >= 0 && text.indexOf('>', open) < 0) {
      // The last tag continues in the next chunk: keep it whole for then.
      if (text.length - open <= MAX_TAG) this.carry = text.slice(open);
      text = text.slice(0, open);
    }
    TAG.lastIndex = 0;
    for (let m = TAG.exec(text); m; m = TAG.exec(text)) this.onTag(m[1], m[2]!, m[3]!);
  }

  private onTag(prefix: string | undefined, name: string, attributes: string): void {
    if (prefix !== undefined) {
      // exceljs matches unprefixed names only, so <x:row> rows would vanish without an error.
      if (name === 'sheetData' || name === 'row' || name === 'c') throw unreadableLayout('prefixed_xml');
      return;
    }
    switch (name) {
      case 'row':
        return this.onRow(attributes);
      case 'c':
        // ISO dates (t="d", written by some libraries) come out of exceljs as parseFloat of the
        // text: "2023-03-15" would silently become the number 2023.
        if ((attributes.includes('"d"') || attributes.includes("'d'")) && ISO_DATE_CELL.test(attributes)) {
          throw unreadableLayout('iso_date_cells');
        }
        return this.budget.addCells(1);
      case 'v':
      case 'is':
      case 'f':
        if (!this.rowCounted) {
          this.rowCounted = true;
          this.budget.addRow();
        }
        return;
      case 'mergeCell':
        return this.onMerge(attributes);
    }
  }

  private onRow(attributes: string): void {
    const m = ROW_NUMBER.exec(attributes);
    // The r attribute is optional in the standard, but exceljs files a row without one under
    // "NaN" and drops it silently.
    if (!m) throw unreadableLayout('row_without_number');
    const row = Number(m[1] ?? m[2]);
    // Rows come in order; a repeated number would overwrite a row, a huge one would make exceljs
    // walk a sparse array of that length.
    if (row <= this.lastRow || row > EXCEL_MAX_ROWS) throw damaged('row_number');
    this.lastRow = row;
    this.rowCounted = false;
    this.budget.addCells(1);
  }

  private onMerge(attributes: string): void {
    const m = MERGE_REF.exec(attributes);
    const from = m ? parseCellRef(m[1]!) : null;
    const to = m ? parseCellRef(m[2]!) : null;
    if (!from || !to) throw damaged('merge_reference');
    this.budget.addCells(1);
    this.merges.push({
      top: Math.min(from.row, to.row),
      left: Math.min(from.col, to.col),
      bottom: Math.max(from.row, to.row),
      right: Math.max(from.col, to.col),
    });
  }
}

/** Counts the elements of a part exceljs keeps whole (shared strings, styles). */
export class XmlNodeCounter {
  constructor(private readonly budget: WorkbookBudget) {}

  push(chunk: Buffer): void {
    let count = 0;
    for (let at = chunk.indexOf(0x3c); at >= 0; at = chunk.indexOf(0x3c, at + 1)) {
      const next = chunk[at + 1];
      // Closing tags, declarations and comments are not objects; at a chunk's end, count it.
      if (next !== 0x2f && next !== 0x3f && next !== 0x21) count++;
    }
    this.budget.addNodes(count);
  }
}
