import { formatAmount, YUAN_PER_YI, type CategoryRow } from '@tuijin/core';
import { blank, body, borderedTable, FONT, heading, officialDocument, run, signOff, title, TEXT_WIDTH } from '../../lib/documents/official-docx';

// 《YYYY年重点项目工作总结（基本情况）》 as an editable Word file in the 公文 layout: the title,
// 「一、基本情况」 with the text (the office's when saved, else the draft), and a table of the
// figures by category. The data checks stay in the app: the document is what goes out, and a
// check is a note for the office to act on, not a sentence of the summary.

export interface SummaryDocument {
  year: number;
  regionName: string;
  issuer: string;
  /** 'YYYY-MM-DD', printed under the issuer. */
  date: string;
  paragraphs: string[];
  byCategory: CategoryRow[];
}

export function summaryFilename(year: number): string {
  return `${year}年重点项目工作总结（基本情况）.docx`;
}

/** The figures table in 亿元 when the region's total reaches one 亿, else in 万元. */
function figuresTable(rows: CategoryRow[]) {
  const total = rows.find((r) => r.category === 'total')?.totalInvestment ?? 0;
  const unit = total >= YUAN_PER_YI ? 'yi' : 'wan';
  const unitText = unit === 'yi' ? '亿元' : '万元';
  const money = (yuan: number) => formatAmount(yuan, unit, 2);
  const widths = [0.28, 0.14, 0.2, 0.2, 0.18].map((w) => Math.floor(TEXT_WIDTH * w));
  return borderedTable(
    ['类别', '项目个数（个）', `总投资（${unitText}）`, `年度计划投资（${unitText}）`, `已完成投资（${unitText}）`],
    rows.map((r) => [r.label, String(r.count), money(r.totalInvestment), money(r.plan), money(r.completed)]),
    widths,
    (col) => (col === 0 ? 'left' : col === 1 ? 'center' : 'right'),
  );
}

export function summaryDocx(doc: SummaryDocument): Promise<Buffer> {
  const heading1 = `${doc.regionName}${doc.year}年重点项目工作总结`;
  return officialDocument({
    creator: doc.issuer,
    title: `${heading1}（基本情况）`,
    children: [
      title(heading1),
      heading('一、基本情况'),
      ...doc.paragraphs.map((p) => body(run(p))),
      blank(),
      body(run(`附表：${doc.regionName}${doc.year}年重点项目基本情况统计表`, FONT.heading)),
      figuresTable(doc.byCategory),
      ...signOff(doc.issuer, doc.date),
    ],
  });
}
