import { CATEGORIES, INDUSTRIES, KEY_LIST_LEVELS, type Category, type KeyListLevel } from '../catalog';
import { ratio, sumYuan } from '../money';
import { STAGES, STAGE_LABEL, type Stage } from '../stages';

// The figures of the office's annual summary (一、基本情况), built from grouped sums the
// server reads with SQL. All amounts are integer yuan; rates are fractions (0.967 = 96.7%)
// and null where the base is zero.

export interface OverviewInput {
  year: number;
  byCategory: { category: string; count: number; totalInvestment: number }[];
  bySize: { atLeast100m: number; atLeast1b: number; atLeast10b: number };
  byIndustry: { industry: string; count: number }[];
  byStage: { stage: string; count: number }[];
  annual: { plan: number; target: number; completed: number; completedLastYear: number };
  byLevel: { level: string; count: number; totalInvestment: number; plan: number; completed: number }[];
}

export interface Overview {
  year: number;
  projects: number;
  totalInvestment: number;
  byCategory: { category: Category; label: string; count: number; totalInvestment: number }[];
  bySize: { atLeast100m: number; atLeast1b: number; atLeast10b: number };
  byIndustry: { industry: string; label: string; count: number }[];
  byStage: { stage: Stage; label: string; count: number }[];
  annual: {
    plan: number; target: number; completed: number; completedLastYear: number;
    growth: number | null; completionRate: number | null;
  };
  byLevel: {
    level: KeyListLevel; label: string; count: number; totalInvestment: number;
    plan: number; completed: number; completionRate: number | null;
  }[];
}

export function buildOverview(input: OverviewInput): Overview {
  const byCategory = CATEGORIES.ids.map((category) => {
    const row = input.byCategory.find((r) => r.category === category);
    return { category, label: CATEGORIES.label[category], count: row?.count ?? 0, totalInvestment: row?.totalInvestment ?? 0 };
  });
  const industryLabel = INDUSTRIES.label as Record<string, string>;
  const byIndustry = input.byIndustry
    .filter((r) => r.count > 0)
    .map((r) => ({ industry: r.industry, label: industryLabel[r.industry] ?? r.industry, count: r.count }))
    .sort((a, b) => b.count - a.count || a.industry.localeCompare(b.industry));
  const byStage = STAGES.map((stage) => ({
    stage, label: STAGE_LABEL[stage], count: input.byStage.find((r) => r.stage === stage)?.count ?? 0,
  })).filter((r) => r.count > 0);
  const { plan, target, completed, completedLastYear } = input.annual;
  const byLevel = KEY_LIST_LEVELS.ids.map((level) => {
    const row = input.byLevel.find((r) => r.level === level);
    const p = row?.plan ?? 0;
    const c = row?.completed ?? 0;
    return {
      level, label: KEY_LIST_LEVELS.label[level], count: row?.count ?? 0,
      totalInvestment: row?.totalInvestment ?? 0, plan: p, completed: c, completionRate: ratio(c, p),
    };
  });
  return {
    year: input.year,
    projects: byCategory.reduce((s, r) => s + r.count, 0),
    totalInvestment: sumYuan(byCategory.map((r) => r.totalInvestment)),
    byCategory,
    bySize: input.bySize,
    byIndustry,
    byStage,
    annual: {
      plan, target, completed, completedLastYear,
      growth: completedLastYear ? (completed - completedLastYear) / completedLastYear : null,
      completionRate: ratio(completed, plan),
    },
    byLevel,
  };
}
