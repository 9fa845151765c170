import { sumYuan, toUnitString } from '../money';
import type { Cells } from './cells';
import type { RowResult, SumField } from './record';
import type { RowInfo } from './rows';
import { IMPORT_FIELD_LABELS, type ColumnMapping, type ImportProblem, type ParsedRecord, type SumCheck } from './types';
import { readMoney } from './values';

// The checks a ledger allows on itself: its subtotal and total rows against the projects they
// sum, its 占年计划% against plan and completed, and the same project listed twice.

const SUM_FIELDS: SumField[] = ['totalInvestment', 'plan', 'target', 'completed', 'completedLastYear'];

export function checkSums(
  sheet: string,
  cells: Cells,
  columns: ColumnMapping[],
  rows: RowInfo[],
  covered: Map<number, number[]>,
  results: Map<number, RowResult>,
  problems: ImportProblem[],
): SumCheck[] {
  const checks: SumCheck[] = [];
  for (const info of rows) {
    const members = covered.get(info.r);
    if (!members || !info.hasSums) continue;
    for (const field of SUM_FIELDS) {
      const col = columns.find((c) => c.field === field);
      if (!col?.unit || col.unit.kind !== 'cny') continue;
      const written = readMoney(cells.raw(info.r, col.index), col.unit);
      if (written.kind !== 'cny') continue;
      // A project whose cell could not be read would make any comparison meaningless.
      if (members.some((r) => results.get(r)?.unread.has(field))) continue;
      const computed = sumYuan(members.map((r) => results.get(r)?.record[field]));
      const matches = Math.abs(written.yuan - computed) <= written.tolerance;
      const label = info.text;
      checks.push({ sheet, row: info.r + 1, label, field, sheetValue: written.yuan, computed, matches });
      if (!matches) {
        const unit = col.unit.unit;
        const show = (yuan: number) => `${toUnitString(yuan, unit)} ${unit === 'yuan' ? '元' : unit === 'wan' ? '万元' : '亿元'}`;
        problems.push({
          level: 'warning', sheet, row: info.r + 1, column: col.letter, field,
          message: `第 ${info.r + 1} 行「${label}」${IMPORT_FIELD_LABELS[field]}：表中为 ${show(written.yuan)}，所含 ${members.length} 个项目逐行相加为 ${show(computed)}，相差 ${show(written.yuan - computed)}，请核对`,
        });
      }
    }
  }
  return checks;
}

/** 一、工业项目（3个）: the count a group title announces against the projects under it. */
export function checkGroupCounts(sheet: string, rows: RowInfo[], covered: Map<number, number[]>, problems: ImportProblem[]): void {
  for (const info of rows) {
    if (info.kind !== 'group' || info.count == null) continue;
    const n = covered.get(info.r)?.length ?? 0;
    if (n !== info.count) {
      problems.push({ level: 'warning', sheet, row: info.r + 1, message: `第 ${info.r + 1} 行「${info.text}」写明 ${info.count} 个项目，其下实际有 ${n} 个，请核对` });
    }
  }
}

/** Per-row sense checks that are worth a warning but never stop an import. */
export function checkRecord(result: RowResult, columns: ColumnMapping[], problems: ImportProblem[]): void {
  const { record: rec, rate } = result;
  const at = `第 ${rec.row} 行「${rec.name}」`;
  const warn = (message: string, field?: ImportProblem['field']) => problems.push({ level: 'warning', sheet: rec.sheet, row: rec.row, field, message });
  // Offices often exceed a year's plan, so completed > plan is normal; beyond the whole project is not.
  if (rec.completed != null && rec.totalInvestment != null && rec.completed > rec.totalInvestment) {
    warn(`${at}：已完成投资大于总投资，请核对`, 'completed');
  }
  if (rec.commitStartDate && rec.commitCompletionDate && rec.commitCompletionDate < rec.commitStartDate) {
    warn(`${at}：竣工时间 ${rec.commitCompletionDate} 早于开工时间 ${rec.commitStartDate}，请核对`, 'completionDate');
  }
  if (rate?.kind === 'percent' && rec.plan && rec.completed != null) {
    const actual = (rec.completed / rec.plan) * 100;
    // Either 36.1 meaning 36.1 %, or 0.361 from a cell formatted as a percentage.
    const close = Math.abs(rate.value - actual) <= 0.5 || (!rate.hasSign && Math.abs(rate.value * 100 - actual) <= 0.5);
    if (!close) {
      const col = columns.find((c) => c.field === 'completionRate');
      problems.push({
        level: 'warning', sheet: rec.sheet, row: rec.row, column: col?.letter, field: 'completionRate',
        message: `${at}：表中占年计划比例为 ${rate.value}${rate.hasSign ? '%' : ''}，按完成投资与计划投资计算为 ${actual.toFixed(1)}%，请核对`,
      });
    }
  }
}

/** The key two rows are the same project by: the name without spaces or width differences. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * The same project twice (same name, same project unit): an error naming both rows. Across
 * sheets, only pairs on different sheets are reported (each sheet has checked itself).
 */
export function checkDuplicates(records: ParsedRecord[], problems: ImportProblem[], acrossSheets = false): void {
  const seen = new Map<string, ParsedRecord>();
  for (const rec of records) {
    const key = `${nameKey(rec.name)}\u0000${nameKey(rec.ownerName ?? '')}`;
    const first = seen.get(key);
    if (!first) { seen.set(key, rec); continue; }
    if (acrossSheets && first.sheet === rec.sheet) continue;
    const where = (r: ParsedRecord) => (acrossSheets ? `工作表“${r.sheet}”第 ${r.row} 行` : `第 ${r.row} 行`);
    const owner = rec.ownerName ? `，项目单位同为“${rec.ownerName}”` : '，且都未填项目单位';
    problems.push({
      level: 'error', sheet: rec.sheet, row: rec.row, field: 'name',
      message: `${where(rec)}与${where(first)}是同一个项目“${rec.name}”${owner}：请删除重复行，或在名称中加以区分`,
    });
  }
}
