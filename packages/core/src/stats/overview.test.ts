import { describe, expect, it } from 'vitest';
import { buildOverview, type OverviewInput } from './overview';

// A county's year as the server would read it: grouped counts and integer-yuan sums.
const input: OverviewInput = {
  year: 2024,
  byCategory: [
    { category: 'industrial', count: 42, totalInvestment: 12_345_678_901 },
    { category: 'infrastructure', count: 17, totalInvestment: 3_000_000_001 },
    // services: no projects this year, so no row
  ],
  bySize: { atLeast100m: 30, atLeast1b: 5, atLeast10b: 0 },
  byIndustry: [
    { industry: 'food', count: 3 },
    { industry: 'equipment', count: 12 },
    { industry: 'transport', count: 9 },
    { industry: 'new_energy', count: 12 },
    { industry: 'textiles', count: 0 },
    { industry: 'unlisted_trade', count: 1 },
  ],
  byStage: [
    { stage: 'under_construction', count: 30 },
    { stage: 'signed', count: 10 },
    { stage: 'suspended', count: 2 },
    { stage: 'completed', count: 0 },
    { stage: 'operating', count: 17 },
  ],
  annual: { plan: 5_000_000_000, target: 5_500_000_000, completed: 4_000_000_000, completedLastYear: 3_200_000_000 },
  byLevel: [
    { level: 'province', count: 4, totalInvestment: 6_000_000_000, plan: 1_000_000_000, completed: 800_000_000 },
    { level: 'county', count: 50, totalInvestment: 9_000_000_000, plan: 3_000_000_000, completed: 2_700_000_000 },
    { level: 'national', count: 1, totalInvestment: 345_678_902, plan: 0, completed: 10_000_000 },
  ],
};

describe('buildOverview', () => {
  const overview = buildOverview(input);

  it('adds up projects and investment over the categories', () => {
    expect(overview.year).toBe(2024);
    expect(overview.projects).toBe(59);
    expect(overview.totalInvestment).toBe(15_345_678_902);
  });

  it('lists every category in catalogue order, missing ones as zero', () => {
    expect(overview.byCategory).toEqual([
      { category: 'industrial', label: '工业', count: 42, totalInvestment: 12_345_678_901 },
      { category: 'services', label: '服务业', count: 0, totalInvestment: 0 },
      { category: 'infrastructure', label: '基础设施和民生', count: 17, totalInvestment: 3_000_000_001 },
    ]);
  });

  it('passes the size brackets through', () => {
    expect(overview.bySize).toEqual({ atLeast100m: 30, atLeast1b: 5, atLeast10b: 0 });
  });

  it('sorts industries by count, ties by id, drops zeros and keeps unknown ids as their own label', () => {
    expect(overview.byIndustry).toEqual([
      { industry: 'equipment', label: '装备制造', count: 12 },
      { industry: 'new_energy', label: '新能源', count: 12 },
      { industry: 'transport', label: '交通', count: 9 },
      { industry: 'food', label: '食品加工', count: 3 },
      { industry: 'unlisted_trade', label: 'unlisted_trade', count: 1 },
    ]);
  });

  it('lists stages in life order and omits those with no projects', () => {
    expect(overview.byStage).toEqual([
      { stage: 'signed', label: '签约', count: 10 },
      { stage: 'under_construction', label: '在建', count: 30 },
      { stage: 'operating', label: '投产', count: 17 },
      { stage: 'suspended', label: '停缓建', count: 2 },
    ]);
  });

  it('computes growth on last year and the completion rate of the plan', () => {
    expect(overview.annual).toEqual({
      plan: 5_000_000_000, target: 5_500_000_000, completed: 4_000_000_000, completedLastYear: 3_200_000_000,
      growth: 0.25, completionRate: 0.8,
    });
  });

  it('reports every key-list level, with a null rate where nothing was planned', () => {
    expect(overview.byLevel).toEqual([
      { level: 'county', label: '县级重点', count: 50, totalInvestment: 9_000_000_000, plan: 3_000_000_000, completed: 2_700_000_000, completionRate: 0.9 },
      { level: 'city', label: '市级重点', count: 0, totalInvestment: 0, plan: 0, completed: 0, completionRate: null },
      { level: 'province', label: '省级重点', count: 4, totalInvestment: 6_000_000_000, plan: 1_000_000_000, completed: 800_000_000, completionRate: 0.8 },
      { level: 'national', label: '国家重点', count: 1, totalInvestment: 345_678_902, plan: 0, completed: 10_000_000, completionRate: null },
    ]);
  });
});

describe('buildOverview rates', () => {
  const annualOf = (annual: OverviewInput['annual']) => buildOverview({ ...input, annual }).annual;

  it.each<[string, OverviewInput['annual'], number | null, number | null]>([
    ['normal year', { plan: 100, target: 120, completed: 110, completedLastYear: 100 }, 0.1, 1.1],
    ['decline', { plan: 100, target: 100, completed: 50, completedLastYear: 200 }, -0.75, 0.5],
    ['no last year', { plan: 100, target: 100, completed: 50, completedLastYear: 0 }, null, 0.5],
    ['no plan', { plan: 0, target: 0, completed: 50, completedLastYear: 25 }, 1, null],
    ['nothing at all', { plan: 0, target: 0, completed: 0, completedLastYear: 0 }, null, null],
  ])('%s', (_case, annual, growth, completionRate) => {
    const result = annualOf(annual);
    expect(result.growth).toBe(growth);
    expect(result.completionRate).toBe(completionRate);
  });
});

describe('buildOverview edge cases', () => {
  const empty = buildOverview({
    year: 2025,
    byCategory: [],
    bySize: { atLeast100m: 0, atLeast1b: 0, atLeast10b: 0 },
    byIndustry: [],
    byStage: [],
    annual: { plan: 0, target: 0, completed: 0, completedLastYear: 0 },
    byLevel: [],
  });

  it('still lists every category and level, all zero', () => {
    expect(empty.projects).toBe(0);
    expect(empty.totalInvestment).toBe(0);
    expect(empty.byCategory.map((r) => [r.category, r.count, r.totalInvestment])).toEqual([
      ['industrial', 0, 0], ['services', 0, 0], ['infrastructure', 0, 0],
    ]);
    expect(empty.byLevel.map((r) => [r.level, r.count, r.completionRate])).toEqual([
      ['county', 0, null], ['city', 0, null], ['province', 0, null], ['national', 0, null],
    ]);
    expect(empty.byIndustry).toEqual([]);
    expect(empty.byStage).toEqual([]);
  });

  it('ignores rows for unknown categories rather than counting them twice', () => {
    const o = buildOverview({ ...input, byCategory: [...input.byCategory, { category: 'mystery', count: 5, totalInvestment: 1 }] });
    expect(o.projects).toBe(59);
    expect(o.totalInvestment).toBe(15_345_678_902);
  });

  it('refuses a total investment beyond the exact range', () => {
    expect(() => buildOverview({
      ...input,
      byCategory: [
        { category: 'industrial', count: 1, totalInvestment: Number.MAX_SAFE_INTEGER },
        { category: 'services', count: 1, totalInvestment: 1 },
      ],
    })).toThrow(RangeError);
  });
});
