import { MEASURES, monthBounds, type Measure, type ScoreFacts, type ScoreRef } from './measure';
import type { Formula, ScoringScheme, SchemeItem } from './scheme';

// Scoring a month: each item of the scheme reads its metric's measure through its formula.
// Items that do not apply to a project this month (no plan, no node due, no report asked) drop
// out and the applicable ones are scaled to a hundred, so a project is not rewarded or punished
// for what it could not do; bonuses are added on top. Groups (责任单位, 包保领导, 乡镇园区,
// counties) score as the mean of their projects' totals. Ranks are competition ranks (1, 1, 3).

export interface ItemScore {
  key: string;
  applicable: boolean;
  score: number;
  /** The item's full marks (a bonus item's cap). */
  max: number;
  value: number | null;
  events: number;
  figures: Record<string, number | string | null>;
  refs: ScoreRef[];
}

export interface ProjectScore {
  projectId: number;
  /** The hundred-mark score of the applicable items, before bonuses. */
  base: number;
  bonus: number;
  total: number;
  /** The full marks of the items that applied (what `base` was scaled from). */
  applicableWeight: number;
  items: ItemScore[];
}

/** Two decimals, as a score is kept and shown. */
export const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

export function applyFormula(formula: Formula, weight: number, measure: Pick<Measure, 'value' | 'events'>): number {
  switch (formula.kind) {
    case 'ratio':
      return weight * Math.max(0, Math.min((measure.value ?? 0) / formula.full, 1));
    case 'bands': {
      const band = formula.bands.find((b) => (measure.value ?? 0) >= b.atLeast - 1e-9);
      return band ? weight * band.share : 0;
    }
    case 'deduction':
      return weight - Math.min(formula.per * measure.events, formula.max ?? weight);
    case 'bonus':
      return Math.min(formula.per * measure.events, formula.max);
  }
}

export function scoreItem(item: SchemeItem, facts: ScoreFacts, period: string, bounds = monthBounds(period)): ItemScore {
  const m = MEASURES[item.metric](facts, bounds);
  const isBonus = item.formula.kind === 'bonus';
  const max = item.formula.kind === 'bonus' ? item.formula.max : item.weight;
  return {
    key: item.key, applicable: m.applicable, score: m.applicable ? round2(applyFormula(item.formula, item.weight, m)) : 0,
    max: isBonus ? max : item.weight, value: m.value, events: m.events, figures: m.figures, refs: m.refs,
  };
}

export function scoreProject(facts: ScoreFacts, scheme: ScoringScheme, period: string, bounds = monthBounds(period)): ProjectScore {
  const items = scheme.items.map((item) => scoreItem(item, facts, period, bounds));
  let earned = 0;
  let weight = 0;
  let bonus = 0;
  scheme.items.forEach((item, i) => {
    const s = items[i]!;
    if (!s.applicable) return;
    if (item.formula.kind === 'bonus') bonus += s.score;
    else { earned += s.score; weight += item.weight; }
  });
  // Nothing applied at all (a project with no plan, no dates, no report, no finding): a full
  // base, so it neither leads nor trails for want of anything to score.
  const base = weight > 0 ? round2((earned / weight) * 100) : 100;
  return { projectId: facts.projectId, base, bonus: round2(bonus), total: round2(base + bonus), applicableWeight: round2(weight), items };
}

export interface GroupScore<G> {
  group: G;
  base: number;
  bonus: number;
  total: number;
  projectIds: number[];
  /** Each item's mean score over the projects it applied to (null when it applied to none). */
  items: { key: string; score: number | null; applied: number }[];
}

/** Groups' scores as the mean of their projects'; a project with no group is left out. */
export function scoreGroups<G>(scores: readonly ProjectScore[], groupOf: (projectId: number) => G | null, itemKeys: readonly string[]): GroupScore<G>[] {
  const byGroup = new Map<G, ProjectScore[]>();
  for (const s of scores) {
    const g = groupOf(s.projectId);
    if (g == null) continue;
    const list = byGroup.get(g);
    if (list) list.push(s); else byGroup.set(g, [s]);
  }
  const mean = (xs: number[]) => round2(xs.reduce((a, b) => a + b, 0) / xs.length);
  return [...byGroup].map(([group, list]) => ({
    group,
    base: mean(list.map((s) => s.base)),
    bonus: mean(list.map((s) => s.bonus)),
    total: mean(list.map((s) => s.total)),
    projectIds: list.map((s) => s.projectId),
    items: itemKeys.map((key, i) => {
      const applied = list.map((s) => s.items[i]!).filter((x) => x.key === key && x.applicable);
      return { key, score: applied.length ? mean(applied.map((x) => x.score)) : null, applied: applied.length };
    }),
  }));
}

export interface Ranked<T> { item: T; rank: number; flag: 'red' | 'yellow' | null }

/**
 * Competition ranks by total, highest first (ties share a rank; ties listed by `tieBreak`).
 * 红旗 for the first `red` ranks, 黄旗 for the last `yellow` from the bottom (a subject tied into
 * either gets the flag too); a subject never holds both, and red wins.
 */
export function rankTotals<T>(items: readonly T[], total: (t: T) => number, flags: { red: number; yellow: number }, tieBreak: (a: T, b: T) => number = () => 0): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => total(b) - total(a) || tieBreak(a, b));
  const totals = sorted.map(total);
  const ranked: Ranked<T>[] = [];
  let lowerFrom = sorted.length; // first index whose total is below the current one
  for (let i = 0; i < sorted.length; i++) {
    const rank = i > 0 && totals[i] === totals[i - 1] ? ranked[i - 1]!.rank : i + 1;
    if (rank === i + 1) { lowerFrom = i + 1; while (lowerFrom < sorted.length && totals[lowerFrom] === totals[i]) lowerFrom++; }
    const fromBottom = sorted.length - lowerFrom + 1; // 1 + how many score lower
    const flag = rank <= flags.red ? 'red' : fromBottom <= flags.yellow ? 'yellow' : null;
    ranked.push({ item: sorted[i]!, rank, flag });
  }
  return ranked;
}

/** The version in force for a month: the latest that took effect on or before it. */
export function schemeInForce<V extends { effectiveFrom: string; version: number }>(versions: readonly V[], period: string): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > period) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.version > best.version)) best = v;
  }
  return best;
}

/** The year-end grade of an average score. */
export function gradeOf(average: number, grades: ScoringScheme['grades']): string {
  return grades.find((g) => average >= g.atLeast - 1e-9)?.label ?? '不合格';
}

/** The year's standing: each subject's mean of its monthly totals, over the months it was scored. */
export function yearAverages<K>(months: readonly { period: string; totals: ReadonlyMap<K, number> }[]): Map<K, { average: number; months: number; monthly: { period: string; total: number }[] }> {
  const out = new Map<K, { sum: number; monthly: { period: string; total: number }[] }>();
  for (const m of months) {
    for (const [k, total] of m.totals) {
      const o = out.get(k) ?? { sum: 0, monthly: [] };
      o.sum += total;
      o.monthly.push({ period: m.period, total });
      out.set(k, o);
    }
  }
  return new Map([...out].map(([k, o]) => [k, { average: round2(o.sum / o.monthly.length), months: o.monthly.length, monthly: o.monthly }]));
}
