import type { SheetGrid } from '@tuijin/core';
import { DEFAULT_LIMITS, type SpreadsheetLimits } from './limits';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { encrypted, fileTooLarge, noData, notSpreadsheet, oldExcelFormat } from './reader-errors';
import { extensionOf, sniffSpreadsheet } from './zip-guard';

export { DEFAULT_LIMITS, type SpreadsheetLimits } from './limits';

// The one entry point for reading an uploaded ledger: the extension must be one we accept
// (SECURITY.md row 12), the bytes decide how it is read, and every refusal is an AppError
// with a Chinese message (415 not a spreadsheet, 413 over a limit, 422 unreadable/empty).

/** .xls and .et (WPS) are accepted as names only to tell the user how to convert them. */
const ACCEPTED_EXTENSIONS = new Set(['xlsx', 'xlsm', 'csv', 'xls', 'et']);

export async function readSpreadsheet(
  buf: Buffer,
  filename: string,
  limits: SpreadsheetLimits = DEFAULT_LIMITS,
): Promise<SheetGrid[]> {
  if (buf.length > limits.maxFileBytes) throw fileTooLarge(limits.maxFileBytes);
  if (!ACCEPTED_EXTENSIONS.has(extensionOf(filename))) throw notSpreadsheet();
  if (buf.length === 0) throw noData();

  let grids: SheetGrid[];
  switch (sniffSpreadsheet(buf, filename)) {
    case 'xlsx':
      grids = await readXlsx(buf, limits);
      break;
    case 'csv':
      grids = [readCsv(buf, filename, limits)];
      break;
    case 'xls':
      throw oldExcelFormat();
    case 'encrypted':
      throw encrypted();
    case 'unknown':
      throw notSpreadsheet();
  }
  if (!grids.some((g) => g.rows.length > 0)) throw noData();
  return grids;
}
