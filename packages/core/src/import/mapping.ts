import { columnLetter, isEmptyCell, type Cells } from './cells';
import { MONEY_FIELDS, sheetUnitIn, unitIn } from './columns';
import { findAsOf, throughMonthIn, yearIn } from './dates';
import type { HeaderColumn, Table } from './table';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, type ColumnMapping, type ColumnUnit, type ImportField, type ImportProblem, type ParseOptions } from './types';

// From the header found to the columns used: the user's corrections over the dictionary,
// each money column's unit, and what the title, notes and headers say about the period.

export interface SheetFacts {
  title: string | null;
  asOf: string | null;
  unit: ColumnUnit | null;
  titleYear: number | null;
  throughMonth: number | null;
}

// Lines above the header that are notes rather than the title.
const NOTE_LINE = /^[(（]?\s*(截至|截止|数据截至|单位|金额单位|计量单位|填报单位|报送单位|制表单位|填报时间|填报日期)/;

export function readAbove(above: string[]): SheetFacts {
  const title = above.find((line) => !NOTE_LINE.test(line)) ?? null;
  let asOf: string | null = null;
  let unit: ColumnUnit | null = null;
  let throughMonth: number | null = null;
  for (const line of above) {
    asOf ??= findAsOf(line);
    unit ??= sheetUnitIn(line);
    throughMonth ??= throughMonthIn(line);
  }
  return { title, asOf, unit, titleYear: title ? yearIn(title.replace(/[(（]?(截至|截止).*$/, '')) : null, throughMonth };
}

const FIELD_SET: ReadonlySet<string> = new Set(IMPORT_FIELDS);

function hasData(cells: Cells, c: number, from: number): boolean {
  for (let r = from; r < cells.height; r++) if (!isEmptyCell(cells.raw(r, c))) return true;
  return false;
}

const YEAR_FIELDS: ReadonlySet<ImportField> = new Set<ImportField>(['plan', 'target', 'completed', 'completedLastYear']);

function yearOfHeader(h: HeaderColumn): number | null {
  return yearIn(h.child) ?? yearIn(h.parent);
}

/**
 * The columns as the user will see them in the preview: every header cell with text, and any
 * unlabelled column that holds data (reported as unused). `mapping` overrides the dictionary;
 * it is read with hasOwnProperty so a key such as "__proto__" in it cannot reach the prototype.
 * The latest year over the money headers is the ledger's; a completed column headed with the
 * year before (2022年1-9月完成 beside 2023年1-9月完成) is the same period last year.
 */
export function mapColumns(
  cells: Cells,
  table: Table,
  facts: SheetFacts,
  options: ParseOptions,
  problems: ImportProblem[],
  sheet: string,
): { columns: ColumnMapping[]; headers: Map<number, HeaderColumn>; headerYear: number | null } {
  const columns: ColumnMapping[] = [];
  const headers = new Map<number, HeaderColumn>();
  const mapping = options.mapping ?? {};
  const width = Math.max(cells.width, ...Object.keys(mapping).map(Number).filter((n) => Number.isInteger(n) && n >= 0 && n < 16_384).map((n) => n + 1));
  for (let c = 0; c < width; c++) {
    const h = table.columns[c] ?? { index: c, parent: '', child: '', header: '', field: null };
    const isMapped = Object.prototype.hasOwnProperty.call(mapping, c);
    if (!h.header && !isMapped && !hasData(cells, c, table.bottom + 1)) continue;
    const letter = columnLetter(c);
    const col: ColumnMapping = { index: c, letter, header: h.header, field: h.field, source: h.field ? 'dictionary' : 'none' };
    if (isMapped) {
      const chosen: unknown = mapping[c];
      if (chosen === null || (typeof chosen === 'string' && FIELD_SET.has(chosen))) {
        col.field = chosen as ImportField | null;
        col.source = 'user';
      } else {
        problems.push({ level: 'error', sheet, column: letter, message: `${letter} 列的对应字段“${String(chosen)}”不存在，请重新选择` });
      }
    }
    headers.set(c, h);
    columns.push(col);
  }

  const years = columns.filter((c) => c.field && YEAR_FIELDS.has(c.field)).map((c) => yearOfHeader(headers.get(c.index)!)).filter((y): y is number => y != null);
  const headerYear = years.length ? Math.max(...years) : null;
  const taken = new Map<ImportField, ColumnMapping>();
  for (const col of columns) {
    const h = headers.get(col.index)!;
    if (col.field === 'completed' && col.source === 'dictionary' && headerYear && yearOfHeader(h) === headerYear - 1) col.field = 'completedLastYear';
    const field = col.field;
    if (field && field !== 'ignore') {
      const first = taken.get(field);
      if (first) {
        problems.push({ level: 'warning', sheet, column: col.letter, field, message: `${col.letter} 列「${col.header}」与 ${first.letter} 列「${first.header}」都对应“${IMPORT_FIELD_LABELS[field]}”，只使用 ${first.letter} 列` });
        col.field = null;
        if (col.source === 'dictionary') col.source = 'none';
      } else {
        taken.set(field, col);
      }
    }
    if (col.field && MONEY_FIELDS.has(col.field)) col.unit = unitIn(h.child) ?? unitIn(h.parent) ?? facts.unit ?? { kind: 'cny', unit: 'wan' };
  }
  return { columns, headers, headerYear };
}

/**
 * The year the figures belong to and the month year-to-date figures run through: the money
 * headers say it most directly (2023年 over 计划投资, 1-9月 over 完成投资), then the title and
 * notes (截至2023年9月30日), then the caller.
 */
export function readPeriod(
  columns: ColumnMapping[],
  headers: Map<number, HeaderColumn>,
  headerYear: number | null,
  facts: SheetFacts,
  options: ParseOptions,
  problems: ImportProblem[],
  sheet: string,
): { year: number; throughMonth: number | null } {
  const asOfYear = facts.asOf ? Number(facts.asOf.slice(0, 4)) : null;
  const sheetYear = headerYear ?? facts.titleYear ?? asOfYear;
  const warn = (message: string) => problems.push({ level: 'warning', sheet, message });
  if (headerYear && facts.titleYear && headerYear !== facts.titleYear) warn(`表头中的年度（${headerYear}）与标题中的年度（${facts.titleYear}）不一致，按表头的 ${headerYear} 年导入`);
  if (sheetYear && options.year && options.year !== sheetYear) warn(`表中年度为 ${sheetYear} 年，与指定的 ${options.year} 年不一致，按表中年度导入`);
  const year = sheetYear ?? options.year ?? 0;
  if (!year) problems.push({ level: 'error', sheet, message: '无法确定台账所属年度：标题和表头中都没有年份，请指定导入年度' });

  const done = columns.find((c) => c.field === 'completed');
  const h = done ? headers.get(done.index) : undefined;
  const headerMonth = h ? (throughMonthIn(h.child) ?? throughMonthIn(h.parent)) : null;
  const asOfMonth = facts.asOf && asOfYear === year ? Number(facts.asOf.slice(5, 7)) : null;
  if (headerMonth && asOfMonth && headerMonth !== asOfMonth) warn(`完成投资列为 1-${headerMonth} 月，而截止日期为 ${facts.asOf}，按 1-${headerMonth} 月导入`);
  return { year, throughMonth: headerMonth ?? facts.throughMonth ?? asOfMonth };
}
