import {
  AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import type { MeetingView } from './present';

// 会议纪要 in the style of a Chinese official document (GB/T 9704 党政机关公文格式, as county
// offices lay it out): A4, margins 37/35/28/26 mm, the title in 小标宋 二号 centred, the body in
// 仿宋_GB2312 三号 at a fixed 28-point line, first-level headings 一、 in 黑体, second-level
// （一） in 楷体; the action items as a table with 责任单位/责任人/完成时限.

const MM = 56.7; // twips per millimetre
const PT = 2; // docx sizes are half-points
const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', sub: '楷体_GB2312' } as const;
const LINE = { line: 28 * 20, lineRule: LineRuleType.EXACT };

const run = (text: string, font: string = FONT.body, size = 16, bold = false) =>
  new TextRun({ text, bold, size: size * PT, font: { ascii: font, eastAsia: font, hAnsi: font } });

/** A body paragraph indented two characters, as 公文 paragraphs are. */
const body = (...runs: TextRun[]) => new Paragraph({ children: runs, indent: { firstLine: 32 * 20 }, spacing: LINE, alignment: AlignmentType.JUSTIFIED });
const heading = (text: string) => new Paragraph({ children: [run(text, FONT.heading)], indent: { firstLine: 32 * 20 }, spacing: LINE });
const sub = (text: string) => new Paragraph({ children: [run(text, FONT.sub)], indent: { firstLine: 32 * 20 }, spacing: LINE });
const blank = () => new Paragraph({ children: [], spacing: LINE });

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

function cell(text: string, width: number, options: { bold?: boolean; center?: boolean } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({ alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, options.bold ? FONT.heading : FONT.body, 12)] })],
  });
}

function actionTable(view: MeetingView): Table {
  const widths = [700, 3400, 1900, 1700, 1000, 1400];
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const head = ['序号', '督办事项', '项目', '责任单位', '责任人', '完成时限'];
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, widths[i]!, { bold: true, center: true })) }),
      ...view.actions.map((a, n) => new TableRow({
        children: [
          cell(String(n + 1), widths[0]!, { center: true }), cell(a.description, widths[1]!), cell(a.projectName ?? '—', widths[2]!),
          cell(a.ownerOrgName ?? '—', widths[3]!), cell(a.ownerPersonName ?? '—', widths[4]!), cell(a.deadline ? dateText(a.deadline) : '—', widths[5]!, { center: true }),
        ],
      })),
    ],
  });
}

/** The minutes of a meeting as a .docx file. */
export async function minutesDocx(view: MeetingView, issuer: string): Promise<Buffer> {
  const attendees = view.attendees.map((a) => (a.unit ? `${a.name}（${a.unit}）` : a.name)).join('、') || '（未填写）';
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 12 * 20 }, children: [run('会议纪要', FONT.title, 22)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(view.title, FONT.sub, 16)] }),
    blank(),
    body(run('时间：', FONT.heading), run(dateText(view.heldOn))),
    body(run('地点：', FONT.heading), run(view.place ?? '（未填写）')),
    body(run('主持：', FONT.heading), run(view.chair ?? '（未填写）')),
    body(run('参会人员：', FONT.heading), run(attendees)),
    blank(),
    body(run(`${dateText(view.heldOn)}，${view.chair ?? ''}${view.place ? `在${view.place}` : ''}主持召开${view.title}，听取重点项目推进情况汇报，研究解决项目建设中的困难和问题。现将会议议定事项纪要如下：`)),
  ];
  if (view.summary) children.push(body(run(view.summary)));
  children.push(heading('一、议定事项'));
  // Items the meeting reached (something reported or decided, or an action item given); the
  // rest were not reached and go to the next meeting, named once, not printed as empty forms.
  const reached = view.items.filter((item) => item.reported || item.decided || item.actions.length);
  const notReached = view.items.filter((item) => !reached.includes(item));
  if (!reached.length) children.push(body(run('本次会议未记录议定事项。')));
  reached.forEach((item, i) => {
    children.push(sub(`（${chineseNumber(i + 1)}）${item.title}`));
    if (item.background) children.push(body(run('议题背景：', FONT.heading), run(item.background)));
    children.push(body(run('汇报情况：', FONT.heading), run(item.reported ? `${item.reporter ? `${item.reporter}汇报：` : ''}${item.reported}` : '（未记录）')));
    children.push(body(run('会议议定：', FONT.heading), run(item.decided ?? '（未记录）')));
  });
  if (notReached.length) children.push(body(run('以下议题本次会议未及研究，转下次会议：', FONT.heading), run(`${notReached.map((item) => item.title).join('；')}。`)));
  children.push(heading('二、督办事项'));
  if (view.actions.length) {
    children.push(body(run(`会议共交办督办事项 ${view.actions.length} 项，请各责任单位按时限办结，并将办理结果报县重点项目推进办公室。`)));
    children.push(actionTable(view));
  } else {
    children.push(body(run('本次会议未交办督办事项。')));
  }
  children.push(blank(), new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [run(issuer)] }));
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [run(dateText(view.heldOn))] }));

  const doc = new Document({
    creator: issuer,
    title: `${view.title}纪要`,
    styles: { default: { document: { run: { font: { ascii: FONT.body, eastAsia: FONT.body, hAnsi: FONT.body }, size: 16 * PT } } } },
    sections: [{
      properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } } },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
