import { SUBJECT_LABEL, type SubjectKind } from '../assessment/scheme';
import type { Drafted } from './compose-progress';
import { monthOf, movementText, scoreText } from './format';
import type { BulletinInput, BulletinRankingFact } from './input';
import type { BulletinRankingLine, BulletinTable } from './types';

// 考核排名情况: the month's scores as the scoring feature ranked them — the first and last
// projects, every 责任单位 (and the other groups the scheme ranks), with 红旗/黄旗 and each
// one's movement since last month. Not scored yet, the section says so; 重新生成 after scoring
// fills it in.

/** Projects shown from each end of the ranking. */
export const RANKING_ENDS = 10;
const FLAG_LABEL = { red: '红旗', yellow: '黄旗' } as const;
const GROUPS: SubjectKind[] = ['department', 'leader', 'township', 'region'];

export function rankingLine(r: BulletinRankingFact): BulletinRankingLine {
  return { name: r.name, rank: r.rank, total: r.total, movement: r.previousRank == null ? null : r.previousRank - r.rank, flag: r.flag };
}

function rankingTable(title: string, nameColumn: string, rows: BulletinRankingFact[]): BulletinTable {
  return {
    title, columns: ['名次', nameColumn, '得分', '较上月', '红黄旗'],
    rows: rows.map(rankingLine).map((l) => [String(l.rank), l.name, l.total.toFixed(1), movementText(l.movement), l.flag ? FLAG_LABEL[l.flag] : '']),
    numeric: [true, false, true, false, false],
  };
}

const listed = (rows: BulletinRankingFact[]) => rows.map((r) => `${r.name}（${scoreText(r.total)}）`).join('、');

export function draftRankings(input: BulletinInput): Drafted {
  const month = monthOf(input.period);
  if (!input.rankings) return { text: `本月考核尚未计分，${month}月份考核排名待计分后另行通报。`, tables: [] };
  const { schemeName, rankings } = input.rankings;
  const tables: BulletinTable[] = [];
  const paragraphs: string[] = [];
  const projects = [...(rankings.project ?? [])].sort((a, b) => a.rank - b.rank);
  if (projects.length) {
    const twoEnds = projects.length > RANKING_ENDS * 2;
    const first = projects.slice(0, RANKING_ENDS);
    const last = twoEnds ? projects.slice(-RANKING_ENDS) : [];
    paragraphs.push(`按照《${schemeName}》，对${month}月份${projects.length}个重点项目进行考核计分。得分前${first.length}名的项目依次为：${listed(first)}${twoEnds ? `；后${last.length}名的项目依次为：${listed(last)}` : ''}。`);
    if (twoEnds) {
      tables.push(rankingTable(`项目考核排名（前${first.length}名）`, '项目名称', first), rankingTable(`项目考核排名（后${last.length}名）`, '项目名称', last));
    } else {
      tables.push(rankingTable('项目考核排名', '项目名称', projects));
    }
  }
  for (const kind of GROUPS) {
    const rows = [...(rankings[kind] ?? [])].sort((a, b) => a.rank - b.rank);
    if (!rows.length) continue;
    const label = SUBJECT_LABEL[kind];
    paragraphs.push(`${label}中，${rows[0]!.name}得分最高（${scoreText(rows[0]!.total)}）${rows.length > 1 ? `，${rows[rows.length - 1]!.name}得分最低（${scoreText(rows[rows.length - 1]!.total)}）` : ''}。`);
    tables.push(rankingTable(`${label}考核排名`, label, rows));
  }
  const flagged = (flag: 'red' | 'yellow') => [...projects, ...GROUPS.flatMap((k) => rankings[k] ?? [])].filter((r) => r.flag === flag).map((r) => r.name);
  const red = flagged('red');
  const yellow = flagged('yellow');
  if (red.length || yellow.length) {
    paragraphs.push([red.length ? `授予${red.join('、')}红旗` : '', yellow.length ? `对${yellow.join('、')}亮黄旗` : ''].filter(Boolean).join('；') + '。');
  }
  if (!paragraphs.length) paragraphs.push(`${month}月份考核已计分，暂无排名结果。`);
  return { text: paragraphs.join('\n\n'), tables };
}
