import { AlignmentType, Paragraph, type Table } from 'docx';
import { blank, body, borderedTable, chineseNumber, dateText, FONT, heading, LINE, officialDocument, run, signOff, sub } from '../../lib/documents/official-docx';
import type { MeetingView } from './present';

// 会议纪要 in the style of a Chinese official document (the 公文 blocks in official-docx.ts):
// the title in 小标宋 二号 centred, the body in 仿宋_GB2312 三号, first-level headings 一、 in
// 黑体, second-level （一） in 楷体; the action items as a table with 责任单位/责任人/完成时限.

export { chineseNumber, dateText } from '../../lib/documents/official-docx';

function actionTable(view: MeetingView): Table {
  const widths = [700, 3400, 1900, 1700, 1000, 1400];
  const head = ['序号', '督办事项', '项目', '责任单位', '责任人', '完成时限'];
  const rows = view.actions.map((a, n) => [
    String(n + 1), a.description, a.projectName ?? '—', a.ownerOrgName ?? '—', a.ownerPersonName ?? '—', a.deadline ? dateText(a.deadline) : '—',
  ]);
  return borderedTable(head, rows, widths, (col) => (col === 0 || col === 5 ? 'center' : 'left'));
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
  children.push(...signOff(issuer, view.heldOn));

  return officialDocument({ creator: issuer, title: `${view.title}纪要`, children });
}
