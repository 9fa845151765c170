import { CATEGORIES } from '../catalog';
import { sumYuan } from '../money';
import { monthOf, moneyText, namesText, paceText, rateText, pointsBetween, scopeWord, wanCell } from './format';
import type { BulletinInput, BulletinProjectFacts } from './input';
import type { BulletinFigures, BulletinTable } from './types';

// 总体情况, 分类推进情况, 责任单位推进情况 and (for a city) 各县（市、区）推进情况: the money
// against the plan and 序时进度, as sentences the office would write and as tables.

export interface Drafted { text: string; tables: BulletinTable[] }

const PROGRESS_COLUMNS = ['项目数', '年度计划（万元）', '累计完成（万元）', '完成率', '红色预警', '黄色预警'];

interface GroupRow { label: string; count: number; plan: number; completed: number; rate: number | null; red: number; yellow: number }

function groupRow(label: string, projects: readonly BulletinProjectFacts[]): GroupRow {
  const plan = sumYuan(projects.map((p) => p.plan));
  const completed = sumYuan(projects.map((p) => p.completedYtd));
  return {
    label, count: projects.length, plan, completed, rate: plan > 0 ? completed / plan : null,
    red: projects.filter((p) => p.level === 'red').length, yellow: projects.filter((p) => p.level === 'yellow').length,
  };
}

const cells = (r: GroupRow) => [r.label, String(r.count), wanCell(r.plan), wanCell(r.completed), rateText(r.rate), String(r.red), String(r.yellow)];

function progressTable(title: string, first: string, rows: GroupRow[], all: readonly BulletinProjectFacts[]): BulletinTable {
  return {
    title, columns: [first, ...PROGRESS_COLUMNS],
    rows: [...rows.map(cells), cells(groupRow('合计', all))],
    numeric: [false, true, true, true, true, true, true],
  };
}

/** Highest completion rate first; groups without a plan last. */
const byRate = (a: GroupRow, b: GroupRow) => (b.rate ?? -1) - (a.rate ?? -1) || b.completed - a.completed || a.label.localeCompare(b.label, 'zh-CN');

export function draftOverview(input: BulletinInput, f: BulletinFigures): Drafted {
  const scope = scopeWord(input.regionName, input.regionLevel);
  const month = monthOf(input.period);
  const categories = CATEGORIES.ids
    .map((c) => [CATEGORIES.label[c], f.byCategory[c]] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label}项目${n}个`);
  const head = `截至${month}月末，${scope}${f.projects}个重点项目${categories.length ? `（${categories.join('、')}）` : ''}`;
  let money: string;
  if (f.completionRate == null) {
    money = `${head}累计完成投资${moneyText(f.completedYtd)}（年度计划尚未下达）`;
  } else {
    money = `${head}累计完成投资${moneyText(f.completedYtd)}，占年度计划${moneyText(f.annualPlan)}的${rateText(f.completionRate)}，${paceText(f.paceGap ?? 0)}（序时进度${rateText(f.pace)}）`;
  }
  const growth = f.growth == null ? '上年同期数据不全，暂不作同比' : f.growth >= 0 ? `同比增长${rateText(f.growth)}` : `同比下降${rateText(-f.growth)}`;
  const paragraphs = [`${money}；${growth}。${month}月份完成投资${moneyText(f.thisMonthInvestment)}。`];
  const moves: string[] = [];
  if (f.started.count) moves.push(`新开工项目${f.started.count}个（${namesText(f.started.names)}）`);
  if (f.completed.count) moves.push(`竣工投产项目${f.completed.count}个（${namesText(f.completed.names)}）`);
  paragraphs.push(moves.length ? `${month}月份，${moves.join('，')}。` : `${month}月份无新开工、竣工投产项目。`);
  paragraphs.push(`截至月末，${scope}共有红色预警项目${f.warnings.red}个、黄色预警项目${f.warnings.yellow}个；本月新增问题${f.obstacles.opened}个，办结销号${f.obstacles.closed}个。`);
  return { text: paragraphs.join('\n\n'), tables: [] };
}

export function draftCategories(input: BulletinInput, f: BulletinFigures): Drafted {
  const rows = CATEGORIES.ids.map((c) => groupRow(CATEGORIES.label[c], input.projects.filter((p) => p.category === c)));
  const parts = rows.filter((r) => r.count > 0).map((r) =>
    `${r.label}项目${r.count}个，年度计划投资${moneyText(r.plan)}，累计完成${moneyText(r.completed)}${r.rate == null ? '' : `，完成率${rateText(r.rate)}，${paceText(pointsBetween(r.rate, f.pace))}`}`);
  const text = parts.length ? `分类别看：${parts.join('；')}。` : '本月无在库重点项目。';
  return { text, tables: [progressTable('重点项目分类推进情况', '项目类别', rows, input.projects)] };
}

export function draftDepartments(input: BulletinInput, f: BulletinFigures): Drafted {
  const groups = new Map<string, BulletinProjectFacts[]>();
  for (const p of input.projects) {
    const key = p.departmentName ?? '未明确责任单位';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const rows = [...groups].map(([label, ps]) => groupRow(label, ps)).sort(byRate);
  const named = rows.filter((r) => r.label !== '未明确责任单位' && r.rate != null);
  const ahead = named.filter((r) => r.rate! >= f.pace).slice(0, 3);
  const behind = named.filter((r) => r.rate! < f.pace);
  const paragraphs: string[] = [];
  if (ahead.length) paragraphs.push(`从责任单位看，${ahead.map((r) => `${r.label}（${rateText(r.rate)}）`).join('、')}完成率较高，达到序时进度要求。`);
  if (behind.length) paragraphs.push(`${namesText(behind.map((r) => r.label), 8)}完成率低于序时进度，请加大推进力度，确保完成年度目标任务。`);
  if (!paragraphs.length) paragraphs.push('各责任单位推进情况见下表。');
  return { text: paragraphs.join('\n\n'), tables: [progressTable('各责任单位推进情况', '责任单位', rows, input.projects)] };
}

/** A city's (or province's) counties: the table with their places, and who leads. */
export function draftCounties(input: BulletinInput, f: BulletinFigures): Drafted {
  const rows = f.counties;
  const table: BulletinTable = {
    title: '各县（市、区）推进情况', columns: ['县（市、区）', '项目数', '年度计划（万元）', '累计完成（万元）', '完成率', '位次'],
    rows: rows.map((r, i) => [r.name, String(r.projects), wanCell(r.annualPlan), wanCell(r.completedYtd), rateText(r.rate), String(i + 1)]),
    numeric: [false, true, true, true, true, true],
  };
  if (!rows.length) return { text: '本月各县（市、区）暂无在库重点项目。', tables: [table] };
  const lines = [`在${input.regionLevel === 'city' ? '全市' : '全省'}各县（市、区）中，${rows[0]!.name}累计完成投资${moneyText(rows[0]!.completedYtd)}，居第一`];
  const byRate = rows.filter((r) => r.rate != null).sort((a, b) => b.rate! - a.rate!);
  if (byRate.length) lines.push(`${byRate[0]!.name}完成率${rateText(byRate[0]!.rate)}，居第一`);
  const last = byRate.length > 1 ? byRate[byRate.length - 1]! : null;
  const text = `${lines.join('；')}${last ? `；${last.name}完成率${rateText(last.rate)}，居末位` : ''}。`;
  return { text, tables: [table] };
}
