import { CURRENCIES, type Currency } from '../catalog';
import { Cells, isEmptyCell } from './cells';
import { MONEY_FIELDS } from './columns';
import { checkDuplicates, checkGroupCounts, checkRecord, checkSums } from './checks';
import { mapColumns, readAbove, readPeriod } from './mapping';
import { cellPrefix, readRow, type RowDefaults, type RowResult } from './record';
import { classifyRow, coverage, type RowInfo } from './rows';
import { findTable } from './table';
import type { ColumnMapping, ImportProblem, ParseOptions, ParsedLedger, SheetGrid } from './types';
import { isValidRate } from './values';
import { groupCore, readCategory, readNature, readStage } from './words';

// The ledger parser: one sheet grid in, the projects it lists out, with every problem named
// by row and column in Chinese. Pure: the server reads the file and decides what to write.

function emptyLedger(grid: SheetGrid, options: ParseOptions, problem: ImportProblem): ParsedLedger {
  return {
    sheet: grid.name, title: null, asOf: null, year: options.year ?? 0, throughMonth: null, headerRows: [0, 0],
    columns: [], unusedColumns: [], records: [], skipped: [], checks: [], problems: [problem], currencies: [],
  };
}

function noTable(grid: SheetGrid, options: ParseOptions, level: ImportProblem['level']): ParsedLedger {
  const isEmpty = grid.rows.every((row) => (row ?? []).every((v) => isEmptyCell(v)));
  const message = isEmpty
    ? `工作表“${grid.name}”是空的${level === 'warning' ? '，已跳过' : ''}`
    : `工作表“${grid.name}”中没有找到台账表头：表头应有“项目名称”一列，以及“总投资”“项目单位”“计划投资”等列中的至少两列${level === 'warning' ? '；该表已跳过' : ''}`;
  return emptyLedger(grid, options, { level, sheet: grid.name, message });
}

/** Confirmed rates that the schema would accept; a malformed one is reported and treated as missing. */
function validRates(options: ParseOptions, sheet: string, problems: ImportProblem[]): Partial<Record<Currency, string>> {
  const rates: Partial<Record<Currency, string>> = {};
  for (const currency of CURRENCIES.ids) {
    if (!Object.prototype.hasOwnProperty.call(options.rates ?? {}, currency)) continue;
    const rate = options.rates?.[currency];
    if (rate != null && isValidRate(rate)) rates[currency] = rate;
    else problems.push({ level: 'error', sheet, message: `${CURRENCIES.label[currency]}汇率“${String(rate)}”格式不正确，应为数字，如 7.1` });
  }
  return rates;
}

/** Formula cells: their cached results are used, and a formula never calculated is an error. */
function checkFormulas(grid: SheetGrid, cells: Cells, columns: ColumnMapping[], read: Set<number>, problems: ImportProblem[]): void {
  const byColumn = new Map<number, number[]>();
  for (const ref of grid.formulaCells) {
    const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref.toUpperCase());
    if (!m) continue;
    const c = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const r = Number(m[2]) - 1;
    if (read.has(r)) byColumn.set(c, [...(byColumn.get(c) ?? []), r]);
  }
  for (const col of columns) {
    const rows = byColumn.get(col.index);
    if (!rows || !col.field || col.field === 'ignore') continue;
    for (const r of rows) {
      if (col.field && MONEY_FIELDS.has(col.field) && isEmptyCell(cells.raw(r, col.index))) {
        problems.push({ level: 'error', sheet: grid.name, row: r + 1, column: col.letter, field: col.field, message: `${cellPrefix(r + 1, col)}公式没有保存计算结果，请在 Excel 中打开、保存后再导入` });
      }
    }
    const listed = rows.slice(0, 5).map((r) => r + 1).join('、');
    const more = rows.length > 5 ? ` 等 ${rows.length} 个单元格` : '';
    problems.push({
      level: 'warning', sheet: grid.name, row: rows[0]! + 1, column: col.letter, field: col.field,
      message: `${col.letter} 列「${col.header}」第 ${listed} 行${more}是公式，已使用文件中保存的计算结果；若表中数据有改动，请在 Excel 中重新计算并保存`,
    });
  }
}

/** A group title's meaning for the rows under it: 一、工业项目 → category; 一、续建项目 → stage. */
function groupDefaults(text: string): RowDefaults | null {
  const category = readCategory(text);
  if (category) return { category };
  const { core } = groupCore(text);
  const stage = readStage(core);
  if (stage) return { stage: stage.stage, nature: stage.nature };
  const nature = readNature(core);
  return nature ? { nature } : null;
}

export function parseLedger(grid: SheetGrid, options: ParseOptions = {}): ParsedLedger {
  const cells = new Cells(grid);
  const table = findTable(cells);
  if (!table) return noTable(grid, options, 'error');
  const sheet = grid.name;
  const problems: ImportProblem[] = [];
  const rates = validRates(options, sheet, problems);
  const facts = readAbove(table.above);
  const { columns, headers, headerYear } = mapColumns(cells, table, facts, options, problems, sheet);
  const { year, throughMonth } = readPeriod(columns, headers, headerYear, facts, options, problems, sheet);

  const used = columns.filter((c) => c.field && c.field !== 'ignore');
  const hasCategoryColumn = used.some((c) => c.field === 'category');
  const layout = {
    nameCol: used.find((c) => c.field === 'name')?.index ?? null,
    seqCol: used.find((c) => c.field === 'seq')?.index ?? null,
    moneyCols: used.filter((c) => c.field && MONEY_FIELDS.has(c.field)).map((c) => c.index),
  };
  const ctx = { sheet, cells, columns: used, rates, problems, currencies: new Set<Currency>() };

  const rows: RowInfo[] = [];
  const results = new Map<number, RowResult>();
  const records: ParsedLedger['records'] = [];
  let signedOff = false;
  let outer: RowDefaults = {};
  let inner: RowDefaults = {};
  for (let r = table.bottom + 1; r < cells.height; r++) {
    const info = classifyRow(cells, r, layout, signedOff);
    rows.push(info);
    if (info.kind === 'signoff') signedOff = true;
    if (info.kind === 'group') {
      const meaning = groupDefaults(info.text);
      if (info.level === 2) inner = meaning ?? {};
      else { outer = meaning ?? {}; inner = {}; }
      if (!meaning && !hasCategoryColumn) {
        problems.push({ level: 'warning', sheet, row: r + 1, message: `第 ${r + 1} 行分组“${info.text}”无法识别为项目类别（工业、服务业、基础设施和民生），其下项目未设置类别` });
      }
    }
    if (info.kind !== 'data') continue;
    const result = readRow(ctx, r, { ...outer, ...inner });
    results.set(r, result);
    if (!result.record.name) {
      const nameCol = used.find((c) => c.field === 'name');
      problems.push({
        level: 'error', sheet, row: r + 1, column: nameCol?.letter, field: 'name',
        message: `第 ${r + 1} 行：缺少项目名称${nameCol ? `（${nameCol.letter} 列「${nameCol.header}」为空）` : '（表中没有对应“项目名称”的列）'}，请补填或删除该行`,
      });
      continue;
    }
    checkRecord(result, used, problems);
    records.push(result.record);
  }
  checkDuplicates(records, problems);
  const covered = coverage(rows);
  const checks = checkSums(sheet, cells, used, rows, covered, results, problems);
  checkGroupCounts(sheet, rows, covered, problems);
  const readRows = new Set(rows.filter((i) => i.kind === 'data' || i.hasSums).map((i) => i.r));
  checkFormulas(grid, cells, used, readRows, problems);

  // Blank rows past the last content are the sheet's empty tail, not rows the user wrote.
  const lastContent = rows.findLastIndex((i) => i.kind !== 'blank');
  const skipped = rows
    .slice(0, lastContent + 1)
    .filter((i): i is RowInfo & { kind: Exclude<RowInfo['kind'], 'data'> } => i.kind !== 'data')
    .map((i) => ({ row: i.r + 1, kind: i.kind, text: i.text }));

  return {
    sheet, title: facts.title, asOf: facts.asOf, year, throughMonth,
    headerRows: [table.top + 1, table.bottom + 1],
    columns, unusedColumns: columns.filter((c) => !c.field || c.field === 'ignore'),
    records, skipped, checks, problems,
    currencies: CURRENCIES.ids.filter((c) => ctx.currencies.has(c)),
  };
}

/**
 * Every sheet of a workbook: one ledger per sheet, in order. A sheet without a ledger table is
 * an error only when no sheet has one; beside a real ledger it is a warning (a cover or notes
 * sheet). Sheets that report the same period are parts of one ledger, so a project on two of
 * them is a duplicate.
 */
export function parseWorkbook(grids: SheetGrid[], options: ParseOptions = {}): ParsedLedger[] {
  const ledgers = grids.map((grid) => parseLedger(grid, options));
  const hasLedger = ledgers.some((l) => l.columns.length > 0);
  const out = ledgers.map((l, i) => (l.columns.length === 0 && hasLedger ? noTable(grids[i]!, options, 'warning') : l));
  const byPeriod = new Map<string, ParsedLedger[]>();
  for (const l of out) {
    if (l.columns.length === 0) continue;
    const key = `${l.year}-${l.throughMonth ?? ''}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), l]);
  }
  for (const group of byPeriod.values()) {
    if (group.length < 2) continue;
    const problems: ImportProblem[] = [];
    // Duplicates within one sheet were reported by parseLedger; only those across sheets are new.
    checkDuplicates(group.flatMap((l) => l.records), problems, true);
    for (const p of problems) group.find((l) => l.sheet === p.sheet)?.problems.push(p);
  }
  return out;
}
