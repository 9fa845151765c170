import { useMemo } from 'react';
import { toUnitString } from '@tuijin/core';
import { EChart, type ChartOption } from '../../components/use-echart';
import type { ProjectMonths } from './types';

// 账面: a year of one project month by month — what was done each month (bars), the year's
// running total (line) against the plan's own monthly breakdown, and 序时进度 (the share of the
// year elapsed × the annual plan), the yardstick the office's bulletins use.

type Plan = ProjectMonths['plans'][number];
type Month = ProjectMonths['reports'][number];

const MONTHS = Array.from({ length: 12 }, (_v, i) => i + 1);
const toWan = (yuan: number) => Number(toUnitString(yuan, 'wan'));
const wanLabel = (v: unknown) => (v == null || v === '-' ? '—' : `${Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元`);

/** The plan's cumulative monthly breakdown, or null when the plan is not broken down by month. */
function planCumulative(plan: Plan | undefined): number[] | null {
  if (!plan?.monthly || plan.monthly.length !== 12) return null;
  let sum = 0;
  return plan.monthly.map((m) => (sum += m));
}

export function monthsOption(year: number, reports: Month[], plan: Plan | undefined): ChartOption {
  const byMonth = new Map(reports.filter((r) => r.period.startsWith(`${year}-`)).map((r) => [Number(r.period.slice(5, 7)), r]));
  const cumulative = planCumulative(plan);
  const series: ChartOption['series'] = [
    { name: '本月完成', type: 'bar', barMaxWidth: 22, data: MONTHS.map((m) => { const v = byMonth.get(m)?.thisMonth; return v == null ? null : toWan(v); }) },
    {
      name: '本年累计完成', type: 'line', symbolSize: 7, lineStyle: { width: 3 }, connectNulls: true,
      data: MONTHS.map((m) => { const v = byMonth.get(m)?.ytd; return v == null ? null : toWan(v); }),
    },
  ];
  if (plan && cumulative) {
    series.push({ name: '计划累计（月度分解）', type: 'line', symbol: 'none', lineStyle: { type: 'dashed', width: 2 }, data: cumulative.map(toWan) });
  } else if (plan) {
    series.push({ name: '年度计划', type: 'line', symbol: 'none', lineStyle: { type: 'dashed', width: 2 }, data: MONTHS.map(() => toWan(plan.plan)) });
  }
  if (plan) {
    // 序时进度: plan × month / 12, in whole yuan before converting.
    series.push({ name: '序时进度', type: 'line', symbol: 'none', lineStyle: { type: 'dotted', width: 2 }, data: MONTHS.map((m) => toWan(Math.round((plan.plan * m) / 12))) });
  }
  return {
    color: ['#9ec5fe', '#1d5fbf', '#36a3a0', '#f0a020'],
    tooltip: { trigger: 'axis', valueFormatter: wanLabel },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: MONTHS.map((m) => `${m}月`) },
    yAxis: { type: 'value', name: '万元', nameTextStyle: { align: 'right' } },
    series,
  };
}

export function ProjectMonthsChart({ year, data }: { year: number; data: ProjectMonths }) {
  const plan = data.plans.find((p) => p.year === year);
  const option = useMemo(() => monthsOption(year, data.reports, plan), [year, data.reports, plan]);
  return <EChart option={option} height={320} testId="project-months-chart" />;
}
