import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  CATEGORIES, INDUSTRIES, KEY_LIST_LEVELS, NATURES, STAGE_LABEL, chinaDate, toUnitString, type Category, type MoneyUnit, type Stage,
} from '@tuijin/core';
import type { AppContext, SessionUser } from '../../lib/context';
import { maskPhone } from '../../lib/crypto-box';
import { can } from '../../lib/permissions';
import { neutralizeFormula } from '../../lib/documents/cell-safety';
import { ledgerExportQuery, ledgerLevelsQuery, type LedgerFilter } from './ledger-queries';

// The ledger as offices print it: a title, an as-of line, a two-row header, the rows
// grouped by category with subtotals, a total, amounts in 万元 or 亿元, frozen panes and an
// A3 landscape print setup. Streamed, so 20,000 rows never sit in memory as a workbook.
// The headers use the wordings the importer reads, so an export imports back unchanged.

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

interface Column { header: string; parent?: string; width: number; money?: boolean }

function columns(year: number, through: number | null, unitLabel: string): Column[] {
  const annual = `${year}年度投资（${unitLabel}）`;
  return [
    { header: '序号', width: 6 }, { header: '项目名称', width: 30 }, { header: '项目代码', width: 22 },
    { header: '项目类别', width: 12 }, { header: '所属行业', width: 12 }, { header: '建设性质', width: 8 },
    { header: '项目进展', width: 8 }, { header: '项目级别', width: 12 }, { header: '项目单位', width: 26 },
    { header: '统一社会信用代码', width: 21 }, { header: '所在乡镇（园区）', width: 14 }, { header: '建设地点', width: 16 },
    { header: '建设内容及规模', width: 40 }, { header: `总投资（${unitLabel}）`, width: 13, money: true },
    { parent: annual, header: '计划投资', width: 12, money: true }, { parent: annual, header: '力争投资', width: 12, money: true },
    { parent: annual, header: through ? `1-${through}月完成` : '累计完成', width: 12, money: true },
    { parent: annual, header: '上年同期完成', width: 12, money: true },
    { header: '开工时间', width: 11 }, { header: '竣工时间', width: 11 }, { header: '包保县级领导', width: 10 },
    { header: '第一责任人', width: 10 }, { header: '责任单位', width: 16 }, { header: '联系人', width: 8 }, { header: '联系电话', width: 14 },
  ];
}

const text = (v: string | null | undefined) => (v == null || v === '' ? null : neutralizeFormula(v));

export async function exportLedger(ctx: AppContext, user: SessionUser, f: LedgerFilter, unit: Extract<MoneyUnit, 'wan' | 'yi'>, regionName: string) {
  const rows = await ledgerExportQuery(ctx.db, user, f).execute();
  const levels = new Map<number, string[]>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    if (ids.length) for (const l of await ledgerLevelsQuery(ctx.db, f.year, ids).execute()) levels.set(l.projectId, [...(levels.get(l.projectId) ?? []), l.level]);
  }
  const through = rows.reduce<number | null>((m, r) => (r.completedThrough ? Math.max(m ?? 0, Number(r.completedThrough.slice(5, 7))) : m), null);
  const unitLabel = unit === 'yi' ? '亿元' : '万元';
  const amount = (yuan: number | null | undefined) => (yuan == null ? null : Number(toUnitString(yuan, unit)));
  const showPhones = can(user, 'seePhones');

  const stream = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const cols = columns(f.year, through, unitLabel);
  const sheet = book.addWorksheet(`${f.year}年台账`, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }],
    pageSetup: { paperSize: 8 as never, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' },
  });
  sheet.columns = cols.map((c) => ({ width: c.width }));
  const last = cols.length;
  const title = sheet.addRow([`${regionName}${f.year}年重点项目台账`]);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  sheet.mergeCells(1, 1, 1, last);
  title.commit();
  const asOf = sheet.addRow([`（截至${chinaDate(ctx.clock.now()).replace(/^(\d+)-(\d+)-(\d+)$/, (_m, y, mo, d) => `${y}年${Number(mo)}月${Number(d)}日`)}）\u3000金额单位：${unitLabel}`]);
  asOf.alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, last);
  asOf.commit();
  const head1 = sheet.addRow(cols.map((c) => c.parent ?? c.header));
  const head2 = sheet.addRow(cols.map((c) => c.header));
  for (const r of [head1, head2]) {
    r.font = { bold: true };
    r.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  cols.forEach((c, i) => {
    if (!c.parent) sheet.mergeCells(3, i + 1, 4, i + 1);
  });
  const firstAnnual = cols.findIndex((c) => c.parent) + 1;
  sheet.mergeCells(3, firstAnnual, 3, firstAnnual + 3);
  head1.commit();
  head2.commit();

  const moneyCols = cols.map((c, i) => (c.money ? i : -1)).filter((i) => i >= 0);
  const sums = (list: typeof rows) => [
    list.reduce((s, r) => s + r.totalInvestment, 0), list.reduce((s, r) => s + (r.plan ?? 0), 0), list.reduce((s, r) => s + (r.target ?? 0), 0),
    list.reduce((s, r) => s + (r.completed ?? 0), 0), list.reduce((s, r) => s + (r.completedLastYear ?? 0), 0),
  ];
  const sumRow = (label: string, values: number[]) => {
    const cells: (string | number | null)[] = cols.map(() => null);
    cells[1] = label;
    moneyCols.forEach((c, i) => (cells[c] = amount(values[i])));
    const r = sheet.addRow(cells);
    r.font = { bold: true };
    moneyCols.forEach((c) => (r.getCell(c + 1).numFmt = '#,##0.00'));
    r.commit();
  };

  let seq = 0;
  CATEGORIES.ids.forEach((category: Category) => {
    const group = rows.filter((r) => r.category === category);
    if (!group.length) return;
    const g = sheet.addRow([`${CHINESE_NUMERALS[CATEGORIES.ids.indexOf(category)]}、${CATEGORIES.label[category]}项目（${group.length}个）`]);
    g.font = { bold: true };
    g.commit();
    for (const r of group) {
      const phone = r.contactPhoneEnc ? ctx.box.decrypt(r.contactPhoneEnc) : null;
      const values = [
        ++seq, text(r.name), text(r.code), CATEGORIES.label[r.category as Category] ?? r.category,
        (INDUSTRIES.label as Record<string, string>)[r.industry] ?? r.industry, (NATURES.label as Record<string, string>)[r.nature] ?? r.nature,
        STAGE_LABEL[r.stage as Stage] ?? r.stage,
        (levels.get(r.id) ?? []).map((l) => (KEY_LIST_LEVELS.label as Record<string, string>)[l]?.replace('重点', '') ?? l).join('；') || null,
        text(r.ownerName), text(r.uscc), text(r.townshipName), text(r.address), text(r.contentScale),
        amount(r.totalInvestment), amount(r.plan), amount(r.target), amount(r.completed), amount(r.completedLastYear),
        r.commitStartDate, r.commitCompletionDate, text(r.leaderName), text(r.firstResponsibleName), text(r.responsibleOrgName),
        text(r.contactName), phone ? (showPhones ? phone : maskPhone(phone)) : null,
      ];
      const row = sheet.addRow(values);
      moneyCols.forEach((c) => (row.getCell(c + 1).numFmt = '#,##0.00'));
      row.commit();
    }
    sumRow(`${CATEGORIES.label[category]}项目小计`, sums(group));
  });
  sumRow('总计', sums(rows));
  const footer = sheet.addRow([`填表人：\u3000\u3000\u3000\u3000\u3000审核人：\u3000\u3000\u3000\u3000\u3000导出时间：${chinaDate(ctx.clock.now())}`]);
  footer.commit();
  sheet.commit();
  const done = book.commit();
  return { stream, done, rows: rows.length };
}
