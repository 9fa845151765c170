import type { Cells } from './cells';
import { headerScore } from './table';
import type { ParsedLedger } from './types';
import { toHalfWidth } from './values';
import { groupCore, readCategory, readStage } from './words';

// What each row below the header is: a project (data), or one of the rows a printed ledger
// carries around its projects — group titles, subtotals, the total, notes, sign-off lines.

export type RowKind = ParsedLedger['skipped'][number]['kind'] | 'data';

export interface RowInfo {
  /** 0-based grid row. */
  r: number;
  kind: RowKind;
  /** The row's first text, e.g. 一、工业项目（3个） or 工业项目小计. */
  text: string;
  /** For a group row: 1 for 一、, 2 for （一）; the count it announces. */
  level?: 1 | 2;
  count?: number | null;
  /** Whether the row carries amounts that can be checked (a subtotal, a total, a group with sums). */
  hasSums?: boolean;
  /** A breakdown line (其中：…) is a partial sum of rows it does not name: it is not checked. */
  isBreakdown?: boolean;
}

export interface RowLayout {
  nameCol: number | null;
  seqCol: number | null;
  moneyCols: number[];
}

const SIGNOFF = /(填表人|填报人|制表人|审核人|审核|制表|统计人|负责人|分管领导|主要领导|单位领导|填报日期|制表日期|报送日期|填表日期|联系人|联系电话)[:：]|^(填表人|审核人|制表人)/;
const NOTE = /^(注|备注|说明|附注|附件)\s*(?:[:：]|\d|[一二三四五六七八九十][、.．])/;
const GROUP_1 = /^[一二三四五六七八九十]+[、.．]/;
const GROUP_2 = /^[(（][一二三四五六七八九十]+[)）]/;
// Anchored, so a project such as 综合计量检测中心 is not read as a 合计 row.
const TOTAL = /^(合计|总计|共计)|(合计|总计|共计)$/;
const SUBTOTAL = /^小计|小计$/;
const BREAKDOWN = /^其中/;

function compact(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

function isCounting(values: { value: unknown }[]): boolean {
  // A row of column numbers under the header (栏次: 1 2 3 …) is furniture, not a project.
  if (values.length < 3) return false;
  return values.every((v, i) => Number(v.value) === Number(values[0]!.value) + i && Number.isInteger(Number(v.value)));
}

/** Classifies one row. `signedOff` is true once a sign-off line has been met: the table has ended. */
export function classifyRow(cells: Cells, r: number, layout: RowLayout, signedOff: boolean): RowInfo {
  const row = cells.rowCells(r);
  if (row.length === 0) return { r, kind: 'blank', text: '' };
  const texts = row.filter((c) => typeof c.value !== 'number' && !(c.value instanceof Date)).map((c) => c.text);
  const label = texts[0] ?? row.map((c) => c.text).join(' ');
  const key = compact(label);
  if (signedOff) return { r, kind: SIGNOFF.test(key) ? 'signoff' : 'note', text: label };
  if (isCounting(row)) return { r, kind: 'note', text: row.map((c) => c.text).join(' ') };
  const seq = layout.seqCol == null ? undefined : row.find((c) => c.col === layout.seqCol);
  const hasSeq = seq != null && /^\d+$/.test(compact(seq.text));
  const onlySeq = hasSeq && row.length === 1;
  if (onlySeq) return { r, kind: 'blank', text: seq.text };
  const hasSums = layout.moneyCols.some((c) => row.some((cell) => cell.col === c));
  if (!hasSeq) {
    const { core, count } = groupCore(key);
    if (SIGNOFF.test(key)) return { r, kind: 'signoff', text: label };
    if (NOTE.test(key)) return { r, kind: 'note', text: label };
    if (SUBTOTAL.test(core)) return { r, kind: 'subtotal', text: label, hasSums, isBreakdown: false };
    if (BREAKDOWN.test(key)) return { r, kind: 'subtotal', text: label, hasSums, isBreakdown: true };
    if (TOTAL.test(core)) return { r, kind: 'total', text: label, hasSums };
    if (GROUP_1.test(key)) return { r, kind: 'group', text: label, level: 1, count, hasSums };
    if (GROUP_2.test(key)) return { r, kind: 'group', text: label, level: 2, count, hasSums };
    if (texts.length === 1 && (readCategory(key) || readStage(core))) {
      return { r, kind: 'group', text: label, level: 1, count, hasSums };
    }
    // A header repeated after a page break; data rows carry numbers, headers do not.
    if (texts.length === row.length && headerScore(cells, r) >= 3) return { r, kind: 'note', text: label };
    if (row.length === 1 && row[0]!.col !== layout.nameCol && isNoteCell(cells, r, row[0]!.col, label)) {
      return { r, kind: 'note', text: label };
    }
  }
  return { r, kind: 'data', text: label };
}

function isNoteCell(cells: Cells, r: number, c: number, text: string): boolean {
  const m = cells.mergeAt(r, c);
  return (m != null && m.right - m.left >= 2) || text.length >= 15;
}

/**
 * Which data rows each group, subtotal and total row stands for. A total covers the projects
 * above it (or, printed at the top, those below it); a subtotal those since the last group,
 * subtotal or total (or, printed under its group title, those up to the next one); a group
 * title the projects under it, down to the next group of its level or higher, or a total.
 */
export function coverage(rows: RowInfo[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const isData = (i: number) => rows[i]!.kind === 'data';
  const boundary = (i: number) => ['group', 'subtotal', 'total'].includes(rows[i]!.kind);
  rows.forEach((info, i) => {
    if (!['group', 'subtotal', 'total'].includes(info.kind) || info.isBreakdown) return;
    const before: number[] = [];
    const after: number[] = [];
    if (info.kind === 'total') {
      for (let j = 0; j < i; j++) if (isData(j)) before.push(rows[j]!.r);
      for (let j = i + 1; j < rows.length && rows[j]!.kind !== 'total'; j++) if (isData(j)) after.push(rows[j]!.r);
    } else if (info.kind === 'subtotal') {
      for (let j = i - 1; j >= 0 && !boundary(j); j--) if (isData(j)) before.unshift(rows[j]!.r);
      for (let j = i + 1; j < rows.length && !boundary(j); j++) if (isData(j)) after.push(rows[j]!.r);
    } else if (info.kind === 'group') {
      for (let j = i + 1; j < rows.length; j++) {
        const next = rows[j]!;
        if (next.kind === 'total' || (next.kind === 'group' && (next.level ?? 1) <= (info.level ?? 1))) break;
        if (isData(j)) after.push(next.r);
      }
    }
    out.set(info.r, before.length ? before : after);
  });
  return out;
}
