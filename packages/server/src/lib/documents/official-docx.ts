import {
  AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';

// The building blocks of a Chinese official document (GB/T 9704 党政机关公文格式, as county
// offices lay it out), shared by the documents the system writes (会议纪要, 月度通报, 年度总结):
// A4, margins 37/35/28/26 mm, the 发文机关 header in red 小标宋 over a red rule, the title in
// 小标宋 二号 centred, the body in 仿宋_GB2312 三号 at a fixed 28-point line, first-level headings
// 一、 in 黑体, second-level （一） in 楷体, bordered tables in 仿宋 小四.

export const MM = 56.7; // twips per millimetre
export const PT = 2; // docx sizes are half-points
export const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', sub: '楷体_GB2312' } as const;
/** 公文 red (the 版头 and its rule). */
export const RED = 'C00000';
export const LINE = { line: 28 * 20, lineRule: LineRuleType.EXACT };
/** The text width of an A4 page within the 公文 margins, in twips (210 − 28 − 26 mm). */
export const TEXT_WIDTH = Math.round(156 * MM);

export const run = (text: string, font: string = FONT.body, size = 16, bold = false, color?: string) =>
  new TextRun({ text, bold, size: size * PT, color, font: { ascii: font, eastAsia: font, hAnsi: font } });

/** A body paragraph indented two characters, as 公文 paragraphs are. */
export const body = (...runs: TextRun[]) => new Paragraph({ children: runs, indent: { firstLine: 32 * 20 }, spacing: LINE, alignment: AlignmentType.JUSTIFIED });
export const heading = (text: string) => new Paragraph({ children: [run(text, FONT.heading)], indent: { firstLine: 32 * 20 }, spacing: LINE, keepNext: true });
export const sub = (text: string) => new Paragraph({ children: [run(text, FONT.sub)], indent: { firstLine: 32 * 20 }, spacing: LINE, keepNext: true });
export const blank = () => new Paragraph({ children: [], spacing: LINE });

/** The document title: 小标宋 二号, centred. */
export const title = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 12 * 20, after: 12 * 20 }, children: [run(text, FONT.title, 22)] });

/** 版头: the 发文机关 in red 小标宋, the 文号 centred under it, then a red rule across the page. */
export function redHeader(issuer: string, docNo: string): Paragraph[] {
  const rule = { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 };
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 10 * 20, after: 16 * 20 }, children: [run(issuer, FONT.title, 26, false, RED)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, border: { bottom: rule }, children: [run(docNo)] }),
    blank(),
  ];
}

/** 发文机关 and date at the end, right-aligned. */
export const signOff = (issuer: string, date: string) => [
  blank(),
  new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [run(issuer)] }),
  new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [run(dateText(date))] }),
];

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二, 21 → 二十一 (items rarely pass thirty). */
export function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]!;
  if (n < 20) return `十${NUMERALS[n - 11]!}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${NUMERALS[tens - 1]!}十${ones ? NUMERALS[ones - 1]! : ''}`;
}

/** '2026-11-20' → 2026年11月20日. */
export const dateText = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export type CellAlign = 'left' | 'center' | 'right';

export function cell(text: string, width: number, options: { bold?: boolean; center?: boolean; align?: CellAlign } = {}) {
  const align = options.align ?? (options.center ? 'center' : 'left');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    // A line break in the text is a paragraph of its own in the cell (1.… 2.… lists).
    children: text.split('\n').map((line) => new Paragraph({
      alignment: align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      children: [run(line, options.bold ? FONT.heading : FONT.body, 12)],
    })),
  });
}

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** A bordered table, the header row in 黑体 and repeated on each page; widths in twips. */
export function borderedTable(head: string[], rows: string[][], widths: number[], align: (col: number) => CellAlign = () => 'left'): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, widths[i]!, { bold: true, center: true })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((text, i) => cell(text, widths[i]!, { align: align(i) })) })),
    ],
  });
}

/** An A4 公文 with the default body font, packed to a .docx. */
export async function officialDocument(options: { creator: string; title: string; children: (Paragraph | Table)[] }): Promise<Buffer> {
  const doc = new Document({
    creator: options.creator,
    title: options.title,
    styles: { default: { document: { run: { font: { ascii: FONT.body, eastAsia: FONT.body, hAnsi: FONT.body }, size: 16 * PT } } } },
    sections: [{
      properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } } },
      children: options.children,
    }],
  });
  return Packer.toBuffer(doc);
}
