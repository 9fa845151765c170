import { INDUSTRIES, STRATEGIC_INDUSTRIES, type RegionLevel } from '../catalog';
import { rankingClause, rankingOrder } from './ranking';
import type { Growth, Tally } from './tally';
import type { SummaryArea } from './types';
import { amountText, percentText } from './wording';

// The sentences of 「一、基本情况」 in the voice of the office's own summary: 一是数量多 …
// 二是规模大 … 三是层次高 … 四是进展快 …, then the key-list paragraph and, for a city, where
// each county stands. One paragraph per point, so the office can edit them one by one.

const AREA_WORD: Record<RegionLevel, string> = { country: '全国', province: '全省', city: '全市', county: '全县' };
const SUB_REGIONS_WORD: Partial<Record<RegionLevel, string>> = { province: '各市', city: '各县（市、区）' };

export interface Voice {
  /** 全县 / 全市 / 全省. */
  area: string;
  /** 今年以来 or 2025年 (a past year's summary). */
  since: string;
  /** 今年 or 2025年. */
  thisYear: string;
}

export function voiceOf(area: SummaryArea, year: number, isCurrentYear: boolean): Voice {
  return {
    area: AREA_WORD[area.level],
    since: isCurrentYear ? '今年以来' : `${year}年`,
    thisYear: isCurrentYear ? '今年' : `${year}年`,
  };
}

function quantity(t: Tally, v: Voice): string {
  const parts = t.byCategory.filter((r) => r.count > 0).map((r) =>
    r.category === 'unknown'
      ? `类别不明的项目${r.count}个，总投资${amountText(r.totalInvestment)}`
      : `${r.label}项目${r.count}个，总投资${amountText(r.totalInvestment)}`);
  return `一是数量多。${v.since}${v.area}共实施重点项目${t.projects}个，其中，${parts.join('；')}。`;
}

function scale(t: Tally): string {
  const { atLeast100m, atLeast1b, atLeast10b } = t.size;
  const single = atLeast100m === 0
    ? '单体投资均在1亿元以下'
    : [`${atLeast100m}个项目过亿元`, atLeast1b ? `${atLeast1b}个项目过10亿元` : '', atLeast10b ? `${atLeast10b}个项目过百亿元` : ''].filter(Boolean).join('，');
  return `二是规模大。从总体规模看，项目总投资达到${amountText(t.totalInvestment)}；从单体规模看，${single}。`;
}

function level(t: Tally): string {
  if (!t.strategicTotal) {
    const names = STRATEGIC_INDUSTRIES.map((i) => INDUSTRIES.label[i]).join('、');
    return `三是层次高。本年实施项目中暂无${names}等战略性新兴产业项目。`;
  }
  const list = t.strategic.map((s) => `${s.label}项目${s.count}个`).join('，');
  return `三是层次高。${list}，战略性新兴产业项目合计${t.strategicTotal}个，占到项目总数${percentText(t.strategicTotal, t.projects)}。`;
}

function growthText(g: Growth): string {
  if (g.basis === 'missing') return '上年同期完成投资无数据，暂不计算同比增长';
  if (g.basis === 'zero') return '上年同期完成投资为0，无法计算同比增长';
  const change = g.current - g.base;
  const words = change === 0 ? '与上年同期持平' : `同比${change > 0 ? '增长' : '下降'}${percentText(Math.abs(change), g.base)}`;
  return g.basis === 'partial' ? `按有上年同期数据的${g.withFigure}个项目计算，${words}` : words;
}

function progress(t: Tally, v: Voice): string {
  const { plan, target, completed } = t.annual;
  const planned = plan
    ? `${v.thisYear}计划年度投资${amountText(plan)}${target && target !== plan ? `，力争${amountText(target)}` : ''}`
    : `${v.thisYear}年度计划投资尚未填报`;
  const done = t.completions
    ? `竣工项目达到${t.completions}个，占到项目总数的${percentText(t.completions, t.projects)}。`
    : `${v.thisYear}暂无竣工项目。`;
  return `四是进展快。${planned}，已完成投资${amountText(completed)}，${growthText(t.growth)}。${done}`;
}

function keyList(t: Tally, v: Voice): string {
  const k = t.keyList;
  if (!k.count) return `${v.thisYear}，${v.area}暂无项目被列入市级及以上重点项目。`;
  const higher = [k.province ? `${k.province}个省级` : '', k.national ? `${k.national}个国家级` : ''].filter(Boolean).join('、');
  const money = k.plan
    ? `年度计划投资${amountText(k.plan)}，当年已完成投资${amountText(k.completed)}，占年度计划的${percentText(k.completed, k.plan)}`
    : `年度计划投资尚未填报，当年已完成投资${amountText(k.completed)}`;
  return `${v.thisYear}，${v.area}有${k.count}个项目被列入市级重点项目${higher ? `（其中${higher}）` : ''}，总投资${amountText(k.totalInvestment)}，${money}。`;
}

function ranking(t: Tally, area: SummaryArea): string | null {
  const word = SUB_REGIONS_WORD[area.level];
  if (!word || !t.ranking.some((r) => r.ranks)) return null;
  return `在${AREA_WORD[area.level]}${word}中，${rankingOrder(t.ranking).map(rankingClause).join('；')}。`;
}

export function writeParagraphs(t: Tally, area: SummaryArea, isCurrentYear: boolean): string[] {
  const v = voiceOf(area, t.year, isCurrentYear);
  if (!t.projects) {
    return [`${v.since}${v.area}暂无实施中的重点项目（本年台账中没有已签约的项目），本部分待台账录入后生成。`];
  }
  const paragraphs = [quantity(t, v), scale(t), level(t), progress(t, v), keyList(t, v)];
  const ranks = ranking(t, area);
  if (ranks) paragraphs.push(ranks);
  return paragraphs;
}
