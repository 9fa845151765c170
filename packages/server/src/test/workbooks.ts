import ExcelJS from 'exceljs';

// Spreadsheets built in the tests the way offices lay them out (no file from outside the repo).

export type Cell = string | number | Date | null;

export async function xlsx(sheets: { name: string; rows: Cell[][]; merges?: string[] }[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name);
    for (const row of s.rows) ws.addRow(row);
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface LedgerRow {
  name: string; type: string; industry: string; owner: string; uscc: string; township: string; total: number;
  plan: number; target: number; done: number; stage: string; leader: string; dept: string; contact: string;
}

const HEADER_1 = ['序号', '项目名称', '项目类型', '产业类别', '项目单位', '统一社会信用代码', '所在乡镇（园区）', '建设规模及内容', '总投资（万元）', '其中：外资（万美元）', '建设年限', '2023年', '2023年', '2023年', '1-9月', '1-9月', '当前进展', '形象进度', '县级包抓领导', '牵头单位', '项目联系人', '存在问题'];
const HEADER_2 = ['序号', '项目名称', '项目类型', '产业类别', '项目单位', '统一社会信用代码', '所在乡镇（园区）', '建设规模及内容', '总投资（万元）', '其中：外资（万美元）', '建设年限', '计划投资', '目标投资', '计划开工（竣工）节点', '完成投资', '占年计划%', '当前进展', '形象进度', '县级包抓领导', '牵头单位', '项目联系人', '存在问题'];

/** The layout of a real county ledger: title, as-of line, two-row merged header, groups, subtotals, total, sign-off. */
export function countyLedger(groups: { title: string; label: string; rows: LedgerRow[] }[], options: { month?: number } = {}) {
  const month = options.month ?? 9;
  const h1 = HEADER_1.map((h) => (h === '1-9月' ? `1-${month}月` : h));
  const rows: Cell[][] = [
    ['XX县2023年县级重点建设项目推进情况表'],
    [`（截至2023年${month}月30日）`],
    h1,
    HEADER_2,
  ];
  let seq = 0;
  const all: LedgerRow[] = [];
  for (const g of groups) {
    rows.push([g.title]);
    for (const r of g.rows) {
      seq++;
      all.push(r);
      rows.push([seq, r.name, r.type, r.industry, r.owner, r.uscc, r.township, '新建厂房及配套设施', r.total, '', '2023-2025', r.plan, r.target, '', r.done, r.plan ? Math.round((r.done / r.plan) * 1000) / 10 : 0, r.stage, '主体施工', r.leader, r.dept, r.contact, '无']);
    }
    const sum = (f: keyof LedgerRow) => g.rows.reduce((s, r) => s + (r[f] as number), 0);
    rows.push(['', `${g.label}小计`, '', '', '', '', '', '', sum('total'), '', '', sum('plan'), sum('target'), '', sum('done')]);
  }
  const total = (f: keyof LedgerRow) => all.reduce((s, r) => s + (r[f] as number), 0);
  rows.push(['', '总计', '', '', '', '', '', '', total('total'), '', '', total('plan'), total('target'), '', total('done')]);
  rows.push(['填表人：　　　　　审核人：　　　　　填报日期：2023年10月8日']);
  const merges = ['A1:V1', 'A2:V2', 'L3:N3', 'O3:P3', ...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'Q', 'R', 'S', 'T', 'U', 'V'].map((c) => `${c}3:${c}4`)];
  return xlsx([{ name: '台账', rows, merges }]);
}
