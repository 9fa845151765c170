import type { CellValue, SheetGrid } from '@tuijin/core';
import { AppError } from '../errors';
import type { SpreadsheetLimits } from './limits';
import { tooManyColumns, tooManyRows } from './reader-errors';

// .csv → one SheetGrid named after the file. Encoding: a BOM decides (UTF-8, UTF-16); without
// one, the bytes are UTF-8 if they are valid UTF-8, else GB18030 — what Excel and WPS write
// for "CSV" on a Chinese Windows, and a superset of GBK and GB2312. Fields follow RFC 4180
// (quotes, doubled quotes, commas and line breaks inside quotes) and stay text as written;
// an empty field is null. The parser reads numbers and dates from text anyway.

export function readCsv(buf: Buffer, filename: string, limits: Pick<SpreadsheetLimits, 'maxRows' | 'maxColumns'>): SheetGrid {
  const rows = parseCsv(decodeText(buf), limits);
  return { name: sheetName(filename), rows, merges: [], formulaCells: [] };
}

export function decodeText(buf: Buffer): string {
  const attempt = (encoding: string, bytes: Uint8Array): string | null => {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return null;
    }
  };
  let text: string | null;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) text = attempt('utf-8', buf.subarray(3));
  else if (buf[0] === 0xff && buf[1] === 0xfe) text = attempt('utf-16le', buf.subarray(2));
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = attempt('utf-16be', buf.subarray(2));
  else text = attempt('utf-8', buf) ?? attempt('gb18030', buf);
  if (text === null) {
    throw new AppError('unprocessable', '无法识别 CSV 文件的文字编码：请用 Excel 或 WPS 打开，另存为“CSV UTF-8”或 .xlsx 后再导入', {
      reason: 'csv_encoding',
    });
  }
  return text;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** RFC 4180, leniently: a quote inside an unquoted field, or text after a closing quote, is kept as text. */
export function parseCsv(text: string, limits: Pick<SpreadsheetLimits, 'maxRows' | 'maxColumns'>): CellValue[][] {
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = '';
  let atFieldStart = true;
  let nonEmptyRows = 0;
  let line = 1;
  let recordLine = 1;

  const endField = () => {
    if (field !== '' && row.length >= limits.maxColumns) throw tooManyColumns(limits.maxColumns);
    row.push(field === '' ? null : field);
    field = '';
  };
  const endRow = () => {
    endField();
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    if (row.length > 0 && ++nonEmptyRows > limits.maxRows) throw tooManyRows(limits.maxRows);
    rows.push(row);
    row = [];
    recordLine = line;
  };

  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE && atFieldStart) {
      const end = closingQuote(text, i + 1, recordLine);
      field += text.slice(i + 1, end).replaceAll('""', '"');
      line += countLineBreaks(text, i + 1, end);
      i = end + 1;
      atFieldStart = false;
    } else if (ch === COMMA) {
      endField();
      i++;
      atFieldStart = true;
    } else if (ch === LF || ch === CR) {
      i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      endRow();
      atFieldStart = true;
    } else {
      const next = nextDelimiter(text, i);
      field += text.slice(i, next);
      i = next;
      atFieldStart = false;
    }
  }
  if (!atFieldStart || row.length > 0) endRow();
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

/** The quote closing a quoted field that opened just before `from` (doubled quotes are text). */
function closingQuote(text: string, from: number, recordLine: number): number {
  for (let q = text.indexOf('"', from); q >= 0; q = text.indexOf('"', q + 2)) {
    if (text.charCodeAt(q + 1) !== QUOTE) return q;
  }
  throw new AppError('unprocessable', `CSV 文件第 ${recordLine} 行的引号没有闭合，请检查后重新导入`, {
    reason: 'csv_quote',
    line: recordLine,
  });
}

/** The next comma or line break at or after `from`: a quote only opens a field at its start. */
function nextDelimiter(text: string, from: number): number {
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === COMMA || c === LF || c === CR) return k;
  }
  return text.length;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) n++;
  }
  return n;
}

function sheetName(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base) || 'Sheet1';
}
