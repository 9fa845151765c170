import type { MergeRange } from '@tuijin/core';
import type { SpreadsheetLimits } from './limits';
import { damaged, notSpreadsheet } from './reader-errors';
import { SheetXmlScanner, WorkbookBudget, XmlNodeCounter } from './sheet-xml-scan';
import { canonicalWorkbookRels, canonicalWorkbookXml, readWorkbookInfo } from './workbook-parts';
import { inspectZip, type ZipEntry } from './zip-guard';
import { inflateEntry, inflateText } from './zip-inflate';
import { textPart, writeZip, type ZipPart } from './zip-write';

// Turns an uploaded .xlsx into the package exceljs will load, or refuses it:
//   1. inspect the ZIP's directory (no inflating);
//   2. read the workbook part to learn which parts are sheets;
//   3. inflate exactly those parts plus shared strings and styles, as streams, checking real sizes
//      against declared ones and counting rows, cells and merges against the limits;
//   4. write a new ZIP of just those parts, their compressed bytes copied unchanged, under the
//      names exceljs expects, with a workbook part of our own (see workbook-parts.ts).
// Everything else (images, drawings, comments, macros, printer settings…) is never inflated.

export interface PreparedSheet {
  name: string;
  /** Read from the sheet XML here: exceljs's own merge handling is quadratic in their number. */
  merges: MergeRange[];
}

export interface PreparedWorkbook {
  /** The package for exceljs; sheet i (0-based) is its worksheet with id i + 1. */
  zip: Buffer;
  sheets: PreparedSheet[];
}

export async function prepareXlsx(buf: Buffer, limits: SpreadsheetLimits): Promise<PreparedWorkbook> {
  const entries = inspectZip(buf, limits);
  const files = new Map<string, ZipEntry>();
  for (const e of entries) if (!e.isDirectory) files.set(e.name.toLowerCase(), e);
  const find = (path: string | null) => (path ? (files.get(path.toLowerCase()) ?? null) : null);

  const workbook = find('xl/workbook.xml');
  if (!workbook) throw notSpreadsheet();
  const rels = find('xl/_rels/workbook.xml.rels');
  if (!rels) throw damaged('workbook_relationships');
  const max = limits.maxInflatedBytes;
  const info = readWorkbookInfo(await inflateText(buf, workbook, max), await inflateText(buf, rels, max));

  const sheetEntries = info.sheets.map((s) => {
    const entry = find(s.path);
    if (!entry) throw damaged('missing_sheet_part');
    return entry;
  });
  if (new Set(sheetEntries).size !== sheetEntries.length) throw damaged('shared_sheet_part');

  const budget = new WorkbookBudget(limits);
  const parts: ZipPart[] = [
    textPart('xl/workbook.xml', canonicalWorkbookXml(info.sheets.length, info.date1904)),
    textPart('xl/_rels/workbook.xml.rels', canonicalWorkbookRels(info.sheets.length)),
  ];
  const sheets: PreparedSheet[] = [];
  for (const [i, entry] of sheetEntries.entries()) {
    const scanner = new SheetXmlScanner(budget);
    await inflateEntry(buf, entry, max, (chunk) => scanner.push(chunk));
    const ref = info.sheets[i]!;
    sheets.push({ name: ref.name || `Sheet${i + 1}`, merges: scanner.merges });
    parts.push(copied(buf, entry, `xl/worksheets/sheet${i + 1}.xml`));
  }

  // exceljs looks for these two under Excel's names only; other writers may name them otherwise.
  const shared: [string | null, string][] = [
    [info.sharedStringsPath ?? 'xl/sharedStrings.xml', 'xl/sharedStrings.xml'],
    [info.stylesPath ?? 'xl/styles.xml', 'xl/styles.xml'],
  ];
  for (const [path, name] of shared) {
    const entry = find(path);
    if (!entry || sheetEntries.includes(entry)) continue;
    const counter = new XmlNodeCounter(budget);
    await inflateEntry(buf, entry, max, (chunk) => counter.push(chunk));
    parts.push(copied(buf, entry, name));
  }
  return { zip: writeZip(parts), sheets };
}

function copied(buf: Buffer, entry: ZipEntry, name: string): ZipPart {
  return {
    name,
    method: entry.method,
    crc32: entry.crc32,
    uncompressedSize: entry.uncompressedSize,
    data: buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize),
  };
}
