import {
  AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, type ParagraphChild,
} from 'docx';

// The look of an official document (党政机关公文格式, GB/T 9704-2012) in Word terms: A4 with
// the standard margins, the title in 小标宋 二号, the text in 仿宋_GB2312 三号 on a fixed 28-point
// line, level-one headings in 黑体, level-two in 楷体, tables in 仿宋 小四. Word falls back to an
// installed Song/Fang Song face where these are missing, so the document still reads right.

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
export const FONTS = { title: font('方正小标宋简体'), body: font('仿宋_GB2312'), heading: font('黑体'), kai: font('楷体_GB2312') };
/** Half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt, 五号 10.5 pt. */
export const SIZES = { title: 44, body: 32, table: 24, small: 21 };
export const RED = 'C00000';
/** GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (in twips: 1 mm ≈ 56.7). */
export const PAGE = { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } };
const LINE = { line: 560, lineRule: 'exact' as const };

export function title(text: string) {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 320, line: 700, lineRule: 'exact' }, children: [new TextRun({ text, font: FONTS.title, size: SIZES.title })] });
}

/** A body paragraph, first line indented two characters. */
export function body(children: (string | ParagraphChild)[], options: { indent?: boolean; align?: 'right' | 'center' } = {}) {
  return new Paragraph({
    alignment: options.align === 'right' ? AlignmentType.RIGHT : options.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: 640 },
    spacing: LINE,
    children: children.map((c) => (typeof c === 'string' ? new TextRun({ text: c, font: FONTS.body, size: SIZES.body }) : c)),
  });
}

export const run = (text: string, o: { bold?: boolean; color?: string; size?: number } = {}) =>
  new TextRun({ text, font: FONTS.body, size: o.size ?? SIZES.body, bold: o.bold, color: o.color });

/** 「一、总体情况」 in 黑体; 「（一）项目名」 in 楷体. */
export function heading(text: string, level: 1 | 2) {
  return new Paragraph({ indent: { firstLine: 640 }, spacing: { ...LINE, before: level === 1 ? 120 : 0 }, keepNext: true, children: [new TextRun({ text, font: level === 1 ? FONTS.heading : FONTS.kai, size: SIZES.body, bold: level === 2 })] });
}

export interface CellSpec { text: string; bold?: boolean; color?: string; shade?: string; align?: 'left' | 'center' }

function cell(spec: CellSpec, width: number, isHeader: boolean) {
  const lines = spec.text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    shading: spec.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: spec.shade } : isHeader ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } : undefined,
    children: lines.map((line) => new Paragraph({
      alignment: (spec.align ?? (isHeader ? 'center' : 'left')) === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: [new TextRun({ text: line, font: isHeader ? FONTS.heading : FONTS.body, size: SIZES.table, bold: spec.bold, color: spec.color })],
    })),
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** A bordered table, the header row repeated on each page; widths are percentages of the text width. */
export function table(header: string[], rows: CellSpec[][], widths: number[]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, k) => cell({ text: h }, widths[k]!, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, k) => cell(c, widths[k]!, false)) })),
    ],
  });
}

/** A blank line's worth of space between blocks. */
export const gap = () => new Paragraph({ spacing: { after: 120 }, children: [] });
