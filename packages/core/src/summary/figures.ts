import { RANK_MEASURES } from './ranking';
import type { Tally } from './tally';
import type { Figure } from './types';
import { amountText, chineseNumeral, percentText } from './wording';

// Every number the paragraphs state, with its label and the words used for it, so the office
// can check the draft against a table (and a test can check the table against the ledger).

const count = (key: string, group: string, label: string, value: number): Figure => ({ key, group, label, value, unit: 'count', text: `${value}个` });
const money = (key: string, group: string, label: string, value: number): Figure => ({ key, group, label, value, unit: 'yuan', text: amountText(value) });
function share(key: string, group: string, label: string, part: number, whole: number): Figure {
  const text = percentText(part, whole);
  return { key, group, label, value: whole ? part / whole : null, unit: 'percent', text: text ?? '无法计算' };
}

export function listFigures(t: Tally): Figure[] {
  const figures: Figure[] = [
    count('projects', '数量', '实施重点项目', t.projects),
  ];
  for (const r of t.byCategory) {
    figures.push(
      count(`category.${r.category}.count`, '数量', `${r.label}项目个数`, r.count),
      money(`category.${r.category}.totalInvestment`, '数量', `${r.label}项目总投资`, r.totalInvestment),
    );
  }
  figures.push(
    money('totalInvestment', '规模', '项目总投资', t.totalInvestment),
    count('size.atLeast100m', '规模', '过亿元项目', t.size.atLeast100m),
    count('size.atLeast1b', '规模', '过10亿元项目', t.size.atLeast1b),
    count('size.atLeast10b', '规模', '过百亿元项目', t.size.atLeast10b),
  );
  for (const s of t.strategic) figures.push(count(`strategic.${s.industry}`, '层次', `${s.label}项目`, s.count));
  figures.push(
    count('strategic.total', '层次', '战略性新兴产业项目合计', t.strategicTotal),
    share('strategic.share', '层次', '战略性新兴产业项目占项目总数', t.strategicTotal, t.projects),
    money('annual.plan', '进展', '年度计划投资', t.annual.plan),
    money('annual.target', '进展', '年度力争投资', t.annual.target),
    money('annual.completed', '进展', '已完成投资', t.annual.completed),
    share('annual.completionRate', '进展', '已完成投资占年度计划', t.annual.completed, t.annual.plan),
  );
  const g = t.growth;
  if (g.basis === 'missing') {
    figures.push({ key: 'annual.growth', group: '进展', label: '同比增长', value: null, unit: 'percent', text: '上年同期无数据' });
  } else {
    figures.push(money('annual.lastYear', '进展', g.basis === 'partial' ? `上年同期完成投资（${g.withFigure}个有数据的项目）` : '上年同期完成投资', g.base));
    if (g.basis === 'partial') figures.push(money('annual.comparable', '进展', `本年已完成投资（同上${g.withFigure}个项目）`, g.current));
    figures.push(share('annual.growth', '进展', '同比增长', g.current - g.base, g.base));
  }
  figures.push(
    count('completions', '进展', '本年竣工项目', t.completions),
    share('completions.share', '进展', '竣工项目占项目总数', t.completions, t.projects),
    count('keyList.count', '市级及以上重点项目', '列入市级及以上重点项目', t.keyList.count),
    count('keyList.province', '市级及以上重点项目', '其中省级重点项目', t.keyList.province),
    count('keyList.national', '市级及以上重点项目', '其中国家重点项目', t.keyList.national),
    money('keyList.totalInvestment', '市级及以上重点项目', '总投资', t.keyList.totalInvestment),
    money('keyList.plan', '市级及以上重点项目', '年度计划投资', t.keyList.plan),
    money('keyList.completed', '市级及以上重点项目', '当年已完成投资', t.keyList.completed),
    share('keyList.completionRate', '市级及以上重点项目', '已完成投资占年度计划', t.keyList.completed, t.keyList.plan),
  );
  for (const r of t.ranking) {
    if (!r.ranks) continue;
    for (const [measure, label] of RANK_MEASURES) {
      figures.push({ key: `ranking.${r.code}.${measure}`, group: '位次', label: `${r.name}${label}`, value: r.ranks[measure], unit: 'rank', text: `第${chineseNumeral(r.ranks[measure])}` });
    }
  }
  return figures;
}
