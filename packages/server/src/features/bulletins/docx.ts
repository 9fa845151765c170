import { photoPeriodsText, type BulletinPhoto, type BulletinTable, type BulletinView } from '@tuijin/core';
import { AlignmentType, ImageRun, Paragraph, TextRun, type Table } from 'docx';
import {
  blank, body, borderedTable, FONT, heading, LINE, officialDocument, redHeader, run, signOff, TEXT_WIDTH, title, type CellAlign,
} from '../../lib/documents/official-docx';

// The monthly bulletin (月度通报) as a Word file in 公文 layout: the red 版头 with the 发文机关 and
// the 文号 over a red rule, the title, the sections 一、二、三 in 黑体 with their paragraphs and
// bordered tables, the photo comparisons two by two with their captions, then the 发文机关 and
// date. A draft is marked 征求意见稿; a published bulletin is rendered once and stored.

export interface PhotoImage { data: Buffer; width: number; height: number }

/** Room for two photos side by side on the 156 mm text line (pixels at 96 dpi). */
const PHOTO_BOX = { width: 280, height: 210 };

function fit(image: PhotoImage) {
  const scale = Math.min(PHOTO_BOX.width / Math.max(image.width, 1), PHOTO_BOX.height / Math.max(image.height, 1));
  return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
}

/** Column widths by what a column holds: 序号 narrow, figures medium, words wide. */
function widths(t: BulletinTable): number[] {
  const weight = t.columns.map((c, i) => {
    if (c === '序号' || c === '名次') return 0.6;
    if (/原因|整改要求|^问题$|办理情况|预警类型/.test(c)) return 2.6;
    if (/名称|责任单位|县（市、区）|项目类别|包保领导|乡镇园区/.test(c)) return 2;
    return t.numeric[i] ? 1.1 : 1.2;
  });
  const sum = weight.reduce((a, b) => a + b, 0);
  return weight.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
}

function tableBlock(t: BulletinTable): (Paragraph | Table)[] {
  const align = (col: number): CellAlign => (t.numeric[col] ? 'right' : 'left');
  const caption = t.title ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, keepNext: true, children: [run(t.title, FONT.heading, 14)] })] : [];
  return [...caption, borderedTable(t.columns, t.rows, widths(t), align), blank()];
}

function photoBlock(p: BulletinPhoto, images: Map<number, PhotoImage>): Paragraph[] {
  const pair = [images.get(p.before.mediaId), images.get(p.after.mediaId)];
  const children: (ImageRun | TextRun)[] = [];
  pair.forEach((image, i) => {
    if (i === 1) children.push(new TextRun({ text: '  ' }));
    if (!image) {
      children.push(run('（照片缺失）', FONT.body, 12));
      return;
    }
    children.push(new ImageRun({ type: 'jpg', data: image.data, transformation: fit(image), altText: { name: p.caption, title: p.caption, description: p.caption } }));
  });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120 }, children }),
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: LINE, children: [run(p.caption, FONT.sub, 14)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(photoPeriodsText(p), FONT.body, 12)] }),
  ];
}

/** The bulletin as a .docx; `images` holds the display image of each photo printed. */
export async function bulletinDocx(view: BulletinView, images: Map<number, PhotoImage>, options: { isDraft: boolean }): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  if (options.isDraft) children.push(new Paragraph({ alignment: AlignmentType.LEFT, spacing: LINE, children: [run('征求意见稿', FONT.heading)] }));
  // An unnumbered draft keeps the 文号's place, as a document waiting for its number does.
  children.push(...redHeader(view.issuer, view.docNo || '〔    〕  号'));
  children.push(title(view.title));
  for (const section of view.sections) {
    children.push(heading(section.heading));
    for (const paragraph of section.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)) {
      children.push(body(run(paragraph.replace(/\s*\n\s*/g, ''))));
    }
    for (const t of section.tables) children.push(...tableBlock(t));
    if (section.key === 'photos') for (const p of view.photos) children.push(...photoBlock(p, images));
  }
  children.push(...signOff(view.issuer, view.issuedOn));
  return officialDocument({ creator: view.issuer, title: view.title, children });
}
