import { OBSTACLE_KIND_LABEL, type ObstacleKind } from '../reports/catalog';
import { INSPECTION_RATING_LABEL, OBSTACLE_STAGE_LABEL, WARNING_LEVEL_LABEL } from '../supervision/catalog';
import { WARNING_RULE_LABEL } from '../supervision/warning-rules';
import type { Drafted } from './compose-progress';
import { monthEnd, monthOf, namesText, scopeWord } from './format';
import type { BulletinInput, BulletinWarningFact } from './input';
import type { BulletinFigures } from './types';

// 预警项目, 问题解决, 督导检查, 影像对比 and 下步工作要求: what went wrong in the month and what
// the office asks for next, in its words.

const kindLabel = (kind: string) => OBSTACLE_KIND_LABEL[kind as ObstacleKind] ?? kind;

export function draftWarnings(input: BulletinInput, f: BulletinFigures): Drafted {
  const scope = scopeWord(input.regionName, input.regionLevel);
  const month = monthOf(input.period);
  // One line per project, red first, its warnings' reasons together.
  const byProject = new Map<number, { name: string; dept: string | null; level: 'red' | 'yellow'; reasons: string[]; rules: string[] }>();
  const ordered = [...input.warnings].sort((a, b) => (a.level === b.level ? 0 : a.level === 'red' ? -1 : 1) || a.projectName.localeCompare(b.projectName, 'zh-CN'));
  for (const w of ordered as BulletinWarningFact[]) {
    const line = byProject.get(w.projectId) ?? { name: w.projectName, dept: w.departmentName, level: w.level, reasons: [], rules: [] };
    if (w.level === 'red') line.level = 'red';
    line.reasons.push(w.reason);
    line.rules.push(WARNING_RULE_LABEL[w.rule] ?? w.rule);
    byProject.set(w.projectId, line);
  }
  const lines = [...byProject.values()].sort((a, b) => (a.level === b.level ? 0 : a.level === 'red' ? -1 : 1));
  const table = {
    title: '红黄预警项目', columns: ['序号', '项目名称', '责任单位', '预警等级', '预警类型', '预警原因'],
    rows: lines.map((l, i) => [String(i + 1), l.name, l.dept ?? '—', WARNING_LEVEL_LABEL[l.level], l.rules.join('；'), l.reasons.join('；')]),
    numeric: [true, false, false, false, false, false],
  };
  if (!lines.length) return { text: `截至${month}月末，${scope}无红色、黄色预警项目。`, tables: [] };
  const paragraphs = [`截至${month}月末，${scope}共有红色预警项目${f.warnings.red}个、黄色预警项目${f.warnings.yellow}个。`];
  const red = lines.filter((l) => l.level === 'red');
  // The paragraph names the projects and what is wrong; the reasons with their figures are the table's.
  if (red.length) paragraphs.push(`红色预警项目：${red.slice(0, 10).map((l) => `${l.name}（${[...new Set(l.rules)].join('、')}）`).join('；')}${red.length > 10 ? `等${red.length}个` : ''}，具体原因见下表。`);
  paragraphs.push('请相关责任单位和包保领导认真分析滞后原因，逐项制定追赶措施，限期整改销号。');
  return { text: paragraphs.join('\n\n'), tables: [table] };
}

export function draftObstacles(input: BulletinInput, f: BulletinFigures): Drafted {
  const month = monthOf(input.period);
  const start = `${input.period}-01`;
  const end = monthEnd(input.period);
  const inMonth = (d: string | null) => d != null && d >= start && d <= end;
  const opened = input.obstacles.filter((o) => inMonth(o.raisedOn));
  const closed = input.obstacles.filter((o) => inMonth(o.closedOn));
  const kinds = new Map<string, number>();
  for (const o of opened) kinds.set(kindLabel(o.kind), (kinds.get(kindLabel(o.kind)) ?? 0) + 1);
  const kindText = [...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}${n}个`).join('、');
  const parts = [`${month}月份，新增项目建设问题${opened.length}个${kindText ? `（${kindText}）` : ''}，办结销号${closed.length}个`];
  const { supervised, interviewed } = input.escalations;
  if (supervised || interviewed) parts.push(`对${supervised}个问题启动督办、${interviewed}个问题约谈责任单位`);
  const paragraphs = [`${parts.join('；')}。截至月末，尚有${f.obstacles.open}个问题未解决${f.obstacles.overdue ? `，其中逾期${f.obstacles.overdue}个` : ''}。`];
  if (f.obstacles.overdue) paragraphs.push('请各责任单位对逾期问题逐一研究解决办法，能解决的限期解决，需提请联席会议研究的及时报县重点项目推进办公室。');
  const listed = [...new Map([...opened, ...closed].map((o) => [o.id, o])).values()].sort((a, b) => a.raisedOn.localeCompare(b.raisedOn) || a.id - b.id);
  const tables = listed.length ? [{
    title: '本月新增和销号问题', columns: ['序号', '项目名称', '问题类型', '问题', '责任单位', '办理情况'],
    rows: listed.map((o, i) => [
      String(i + 1), o.projectName, kindLabel(o.kind), o.title, o.ownerName ?? '—',
      o.closedOn != null && o.closedOn <= end ? '已销号' : `办理中（${OBSTACLE_STAGE_LABEL[o.stage] ?? o.stage}）`,
    ]),
    numeric: [true, false, false, false, false, false],
  }] : [];
  return { text: paragraphs.join('\n\n'), tables };
}

export function draftInspections(input: BulletinInput, f: BulletinFigures): Drafted {
  const month = monthOf(input.period);
  const fs = [...input.findings].sort((a, b) => a.visitedOn.localeCompare(b.visitedOn) || a.projectName.localeCompare(b.projectName, 'zh-CN'));
  if (!fs.length) return { text: `${month}月份未开展督导检查。`, tables: [] };
  const rated = (r: string) => fs.filter((x) => x.rating === r).length;
  const ahead = fs.filter((x) => x.booksAhead);
  const demands = fs.reduce((n, x) => n + x.demands.length, 0);
  const parts = [`${month}月份，开展督导检查${f.inspections.count}次，实地检查项目${fs.length}个次`];
  if (fs.some((x) => x.rating)) parts.push(`评价为好的${rated('good')}个、一般的${rated('fair')}个、差的${rated('poor')}个`);
  parts.push(ahead.length ? `${ahead.length}个项目账面进度超前于现场（${namesText(ahead.map((x) => x.projectName))}），已要求如实更正` : '未发现账面进度超前于现场的情况');
  parts.push(`共提出整改要求${demands}条`);
  const paragraphs = [`${parts.join('；')}。`];
  if (demands) paragraphs.push('请各项目单位和责任单位对照整改要求逐条整改，整改情况随下月月报一并报送。');
  return {
    text: paragraphs.join('\n\n'),
    tables: [{
      title: '督导检查发现问题', columns: ['序号', '项目名称', '检查日期', '评价', '账面与现场', '整改要求'],
      rows: fs.map((x, i) => [
        String(i + 1), x.projectName, x.visitedOn, x.rating ? INSPECTION_RATING_LABEL[x.rating] : '—', x.booksAhead ? '账面超前于现场' : '相符',
        x.demands.length ? x.demands.map((d, k) => `${k + 1}.${d}`).join('\n') : '—',
      ]),
      numeric: [true, false, false, false, false, false],
    }],
  };
}

export function draftPhotos(input: BulletinInput): Drafted {
  if (!input.photos.length) return { text: '本月暂无同一拍摄点位的前后影像对比。', tables: [] };
  return { text: '本月选取部分项目同一拍摄点位的影像资料进行前后对比（左图为前期，右图为本期），形象进度变化如下。', tables: [] };
}

export function draftRequirements(input: BulletinInput): Drafted {
  const office = input.regionLevel === 'county' ? '县重点项目推进办公室' : '市重点项目推进办公室';
  return {
    text: [
      '（一）加快项目建设进度。各责任单位要对照年度投资计划和关键节点，倒排工期、挂图作战，红色、黄色预警项目要逐一分析原因、制定追赶措施，确保按序时进度完成投资任务。',
      '（二）强化要素保障。对尚未解决的问题，各责任单位要按交办时限抓紧办理；逾期未解决的，按程序提请督办、约谈，需联席会议研究的及时提报。',
      `（三）抓好督导整改。对督导检查发现的问题要立行立改，整改情况于下月5日前报${office}。`,
      '（四）如实报送月报。各项目单位要按时、如实填报月报，上传同一点位影像资料，做到账面与地面相一致。',
    ].join('\n\n'),
    tables: [],
  };
}
