import { monthPace } from '../period';
import { sumYuan } from '../money';
import { monthEnd, pointsBetween } from './format';
import type { BulletinInput, BulletinProjectFacts } from './input';
import type { BulletinFigures } from './types';

// The summary numbers of a month's bulletin, from the gathered facts. Money stays integer yuan;
// rates are fractions, the gap to 序时进度 percentage points with one decimal.

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** Last year's same months over the projects in play; null when a project that ran last year lacks it. */
export function lastYearTotal(projects: readonly BulletinProjectFacts[]): number | null {
  if (!projects.length) return null;
  let missing = false;
  const total = sumYuan(projects.map((p) => {
    // A 新建 project had nothing last year: its zero is a fact, not a gap.
    if (p.lastYearYtd == null && p.nature !== 'new') missing = true;
    return p.lastYearYtd ?? 0;
  }));
  return missing ? null : total;
}

/** Counties (or the regions below a city) by completed investment, first first. */
export function countyRows(projects: readonly BulletinProjectFacts[]) {
  const by = new Map<string, { code: string; name: string; projects: number; annualPlan: number; completedYtd: number }>();
  for (const p of projects) {
    const row = by.get(p.regionCode) ?? { code: p.regionCode, name: p.regionName, projects: 0, annualPlan: 0, completedYtd: 0 };
    row.projects += 1;
    row.annualPlan = sumYuan([row.annualPlan, p.plan]);
    row.completedYtd = sumYuan([row.completedYtd, p.completedYtd]);
    by.set(p.regionCode, row);
  }
  return [...by.values()]
    .map((r) => ({ ...r, rate: rate(r.completedYtd, r.annualPlan) }))
    .sort((a, b) => b.completedYtd - a.completedYtd || a.code.localeCompare(b.code));
}

export function composeFigures(input: BulletinInput): BulletinFigures {
  const { projects, period } = input;
  const asOf = monthEnd(period);
  const start = `${period}-01`;
  const annualPlan = sumYuan(projects.map((p) => p.plan));
  const completedYtd = sumYuan(projects.map((p) => p.completedYtd));
  const completionRate = rate(completedYtd, annualPlan);
  // 序时进度 at the month's end: 10月末 = 10/12.
  const pace = monthPace(period, asOf).share;
  const lastYearYtd = lastYearTotal(projects);
  const inMonth = (d: string | null) => d != null && d >= start && d <= asOf;
  const started = input.milestones.filter((m) => m.kind === 'start');
  const completed = input.milestones.filter((m) => m.kind === 'completion');
  const open = input.obstacles.filter((o) => o.raisedOn <= asOf && (o.closedOn == null || o.closedOn > asOf));
  const levels = new Map<number, string>();
  for (const p of projects) if (p.level) levels.set(p.id, p.level);
  const findings = input.findings;
  return {
    period, asOf, regionLevel: input.regionLevel,
    projects: projects.length,
    byCategory: {
      industrial: projects.filter((p) => p.category === 'industrial').length,
      services: projects.filter((p) => p.category === 'services').length,
      infrastructure: projects.filter((p) => p.category === 'infrastructure').length,
    },
    totalInvestment: sumYuan(projects.map((p) => p.totalInvestment)),
    annualPlan, completedYtd, completionRate, pace,
    paceGap: completionRate == null ? null : pointsBetween(completionRate, pace),
    lastYearYtd,
    growth: lastYearYtd ? (completedYtd - lastYearYtd) / lastYearYtd : null,
    thisMonthInvestment: sumYuan(projects.map((p) => p.thisMonth)),
    started: { count: started.length, names: started.map((m) => m.name) },
    completed: { count: completed.length, names: completed.map((m) => m.name) },
    warnings: { red: [...levels.values()].filter((l) => l === 'red').length, yellow: [...levels.values()].filter((l) => l === 'yellow').length },
    obstacles: {
      opened: input.obstacles.filter((o) => inMonth(o.raisedOn)).length,
      closed: input.obstacles.filter((o) => inMonth(o.closedOn)).length,
      open: open.length,
      overdue: open.filter((o) => o.dueOn != null && o.dueOn < asOf).length,
    },
    inspections: {
      count: new Set(findings.map((f) => f.inspectionId)).size,
      findings: findings.length,
      booksAhead: findings.filter((f) => f.booksAhead).length,
      poor: findings.filter((f) => f.rating === 'poor').length,
    },
    scored: input.rankings != null,
    counties: input.regionLevel === 'county' ? [] : countyRows(projects),
    generatedAt: input.generatedAt,
  };
}
