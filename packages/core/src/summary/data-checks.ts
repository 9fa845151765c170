import { CATEGORIES } from '../catalog';
import { STAGE_LABEL, type Stage } from '../stages';
import { completionDate, isAboveCountyList, isAtOrPastCompletion, isKnownIndustry, knownCategory, yearOf } from './counting';
import type { Tally } from './tally';
import type { Inconsistency, SummaryProject } from './types';
import { amountText, nameList } from './wording';

// 数据核对提示: what in the ledger makes the draft doubtful. Nothing is hidden or patched: the
// draft states what the data says and these checks name the projects to correct.

/** Completed this year more than this many times the year's plan is taken for a typing error (万元 typed as 元, an extra zero). */
export const IMPLAUSIBLE_FACTOR = 3;

const names = (ps: readonly SummaryProject[]) => nameList(ps.map((p) => p.name));
const stageLabel = (s: string) => STAGE_LABEL[s as Stage] ?? s;

function categoryCheck(t: Tally): Inconsistency[] {
  const unknown = t.counted.filter((p) => knownCategory(p.category) == null);
  if (!unknown.length) return [];
  const known = t.byCategory.filter((r) => r.category !== 'unknown');
  const knownCount = known.reduce((s, r) => s + r.count, 0);
  const knownTotal = known.reduce((s, r) => s + r.totalInvestment, 0);
  const categories = CATEGORIES.ids.map((c) => CATEGORIES.label[c]).join('、');
  return [{
    code: 'category_unknown',
    message: `${unknown.length}个项目的项目类别缺失或不在「${categories}」之列（${names(unknown)}）：三类项目合计${knownCount}个、总投资${amountText(knownTotal)}，比实施项目总数${t.projects}个少${t.projects - knownCount}个，比项目总投资${amountText(t.totalInvestment)}少${amountText(t.totalInvestment - knownTotal)}。请在台账中补正项目类别。`,
  }];
}

function industryCheck(t: Tally): Inconsistency[] {
  const unknown = t.counted.filter((p) => !isKnownIndustry(p.industry));
  if (!unknown.length) return [];
  return [{ code: 'industry_unknown', message: `${unknown.length}个项目的所属行业缺失或不在行业目录中（${names(unknown)}），「层次高」中的战略性新兴产业项目数可能偏少。` }];
}

function planChecks(t: Tally): Inconsistency[] {
  const out: Inconsistency[] = [];
  const noPlan = (p: SummaryProject) => !p.plan || p.plan.plan <= 0;
  const listed = t.keyList.projects.filter(noPlan);
  if (listed.length) {
    out.push({ code: 'key_list_without_plan', message: `${listed.length}个市级及以上重点项目没有填报本年度计划投资（${names(listed)}），${t.keyList.plan ? '重点项目年度计划投资合计因此偏少' : '重点项目「占年度计划」的比例无法计算'}。` });
  }
  const building = t.counted.filter((p) => p.stage === 'under_construction' && noPlan(p) && !isAboveCountyList(p));
  if (building.length) {
    out.push({ code: 'plan_missing', message: `${building.length}个在建项目没有填报本年度计划投资（${names(building)}），年度计划投资合计偏少。` });
  }
  const withoutPlan = t.counted.filter((p) => p.plan && p.plan.plan <= 0 && p.plan.completed > 0);
  if (withoutPlan.length) {
    out.push({ code: 'completed_without_plan', message: `${withoutPlan.length}个项目年度计划投资为0，却已完成投资${amountText(withoutPlan.reduce((s, p) => s + (p.plan?.completed ?? 0), 0))}（${names(withoutPlan)}），请核实计划或完成数。` });
  }
  const far = t.counted.filter((p) => p.plan && p.plan.plan > 0 && p.plan.completed > IMPLAUSIBLE_FACTOR * p.plan.plan);
  for (const p of far) {
    const times = Math.round((p.plan!.completed / p.plan!.plan) * 10) / 10;
    out.push({ code: 'completed_far_above_plan', message: `「${p.name}」已完成投资${amountText(p.plan!.completed)}，是年度计划投资${amountText(p.plan!.plan)}的${times}倍，请核实是否单位或位数录错。` });
  }
  const overTotal = t.counted.filter((p) => p.plan && p.totalInvestment > 0 && p.plan.completed > p.totalInvestment);
  for (const p of overTotal) {
    out.push({ code: 'completed_above_total', message: `「${p.name}」本年已完成投资${amountText(p.plan!.completed)}，超过项目总投资${amountText(p.totalInvestment)}，请核实。` });
  }
  return out;
}

function lastYearCheck(t: Tally): Inconsistency[] {
  const g = t.growth;
  if (g.basis === 'missing') {
    return [{ code: 'last_year_missing', message: `实施项目都没有上年同期完成投资（年度计划中的「上年同期完成」或上年的年度计划），同比增长未计算。` }];
  }
  if (g.withoutFigure) {
    return [{ code: 'last_year_partial', message: `${g.withoutFigure}个项目没有上年同期完成投资，同比增长只按有数据的${g.withFigure}个项目计算；如是今年新开工项目，请在年度计划中填写上年同期完成为0。` }];
  }
  return [];
}

function completionChecks(t: Tally): Inconsistency[] {
  const out: Inconsistency[] = [];
  const undated = t.counted.filter((p) => isAtOrPastCompletion(p.stage) && completionDate(p) == null);
  if (undated.length) {
    out.push({ code: 'completion_date_missing', message: `${undated.length}个项目处于竣工、投产或达产阶段，但没有实际竣工日期（${names(undated)}），未计入本年竣工项目。` });
  }
  const early = t.counted.filter((p) => yearOf(completionDate(p)) === t.year && !isAtOrPastCompletion(p.stage));
  if (early.length) {
    out.push({ code: 'completion_stage_mismatch', message: `${early.length}个项目填有本年竣工日期，但项目阶段仍为「${[...new Set(early.map((p) => stageLabel(p.stage)))].join('、')}」（${names(early)}），未计入本年竣工项目。` });
  }
  return out;
}

function ledgerChecks(t: Tally): Inconsistency[] {
  const out: Inconsistency[] = [];
  const unsigned = t.notCounted.filter((n) => n.reason === 'not_signed').map((n) => n.project);
  const ended = t.notCounted.filter((n) => n.reason === 'terminated').map((n) => n.project);
  if (unsigned.length) out.push({ code: 'not_counted_unsigned', message: `本年台账中有${unsigned.length}个项目仍处于谋划或储备阶段（${names(unsigned)}），未计入实施项目。` });
  if (ended.length) out.push({ code: 'not_counted_terminated', message: `本年台账中有${ended.length}个项目已终止（${names(ended)}），未计入实施项目。` });
  // Being built during the year by its dates, yet in no plan or key list of the year.
  const missing = t.notCounted.filter((n) => n.reason === 'no_ledger').map((n) => n.project).filter((p) => {
    const started = yearOf(p.actualStartDate);
    const finished = yearOf(completionDate(p));
    return started != null && started <= t.year && (finished == null || finished >= t.year) && (p.stage === 'under_construction' || p.stage === 'suspended');
  });
  if (missing.length) out.push({ code: 'active_without_plan', message: `${missing.length}个项目本年处于在建或停缓建状态，但没有本年度计划、也未列入本年重点项目（${names(missing)}），未计入实施项目。` });
  return out;
}

export function checkData(t: Tally): Inconsistency[] {
  if (!t.projects) return ledgerChecks(t);
  return [...categoryCheck(t), ...industryCheck(t), ...planChecks(t), ...lastYearCheck(t), ...completionChecks(t), ...ledgerChecks(t)];
}
