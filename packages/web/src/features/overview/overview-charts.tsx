import { useMemo } from 'react';
import { Card, Empty } from 'antd';
import { SIZE_BRACKETS, toUnitString } from '@tuijin/core';
import { EChart, type ChartOption } from '../../components/use-echart';
import type { Overview } from './api';

// Chart values in 亿元 come from core's exact decimal conversion of each single amount.
const toYi = (yuan: number) => Number(toUnitString(yuan, 'yi'));
const yiLabel = (v: unknown) => `${Number(v).toFixed(2)} 亿元`;
const countLabel = (v: unknown) => `${String(v)} 个`;
const grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };

function ChartCard({ title, isEmpty, option, testId, height = 280 }: { title: string; isEmpty: boolean; option: ChartOption; testId: string; height?: number }) {
  return (
    <Card size="small" title={title} styles={{ body: { padding: 12 } }}>
      {isEmpty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" style={{ height: height - 24 }} /> : <EChart option={option} height={height} testId={testId} />}
    </Card>
  );
}

export function CategoryChart({ data }: { data: Overview }) {
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: data.byCategory.map((c) => c.label) },
    yAxis: [
      { type: 'value', name: '个', minInterval: 1 },
      { type: 'value', name: '亿元', splitLine: { show: false } },
    ],
    series: [
      { name: '项目数', type: 'bar', barMaxWidth: 36, data: data.byCategory.map((c) => c.count), tooltip: { valueFormatter: countLabel } },
      { name: '总投资', type: 'bar', barMaxWidth: 36, yAxisIndex: 1, data: data.byCategory.map((c) => toYi(c.totalInvestment)), tooltip: { valueFormatter: yiLabel } },
    ],
  }), [data]);
  return <ChartCard title="按项目类别" isEmpty={data.projects === 0} option={option} testId="chart-category" />;
}

export function StageChart({ data }: { data: Overview }) {
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
    legend: { type: 'scroll', orient: 'vertical', right: 8, top: 'middle' },
    series: [{
      type: 'pie', radius: ['42%', '70%'], center: ['40%', '52%'], avoidLabelOverlap: true,
      label: { formatter: '{b} {c}' },
      data: data.byStage.map((s) => ({ name: s.label, value: s.count })),
    }],
  }), [data]);
  return <ChartCard title="按项目阶段" isEmpty={!data.byStage.length} option={option} testId="chart-stage" />;
}

export function IndustryChart({ data }: { data: Overview }) {
  const rows = useMemo(() => data.byIndustry.slice(0, 15).reverse(), [data]);
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: countLabel },
    grid: { ...grid, top: 8 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.label) },
    series: [{ name: '项目数', type: 'bar', barMaxWidth: 18, data: rows.map((r) => r.count), label: { show: true, position: 'right' } }],
  }), [rows]);
  return <ChartCard title="按所属行业" isEmpty={!rows.length} option={option} testId="chart-industry" height={Math.max(280, rows.length * 24 + 40)} />;
}

export function SizeChart({ data }: { data: Overview }) {
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: countLabel },
    grid,
    xAxis: { type: 'category', data: SIZE_BRACKETS.ids.map((b) => SIZE_BRACKETS.label[b]) },
    yAxis: { type: 'value', name: '个', minInterval: 1 },
    series: [{
      name: '项目数', type: 'bar', barMaxWidth: 48, label: { show: true, position: 'top', formatter: '{c} 个' },
      data: SIZE_BRACKETS.ids.map((b) => data.bySize[b]),
    }],
  }), [data]);
  return <ChartCard title="投资规模" isEmpty={data.projects === 0} option={option} testId="chart-size" />;
}

export function LevelChart({ data }: { data: Overview }) {
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: data.byLevel.map((l) => l.label) },
    yAxis: [
      { type: 'value', name: '亿元' },
      { type: 'value', name: '完成率', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: '年度计划', type: 'bar', barMaxWidth: 32, data: data.byLevel.map((l) => toYi(l.plan)), tooltip: { valueFormatter: yiLabel } },
      { name: '已完成', type: 'bar', barMaxWidth: 32, data: data.byLevel.map((l) => toYi(l.completed)), tooltip: { valueFormatter: yiLabel } },
      {
        name: '完成率', type: 'line', yAxisIndex: 1, symbolSize: 8,
        data: data.byLevel.map((l) => (l.completionRate == null ? null : Math.round(l.completionRate * 1000) / 10)),
        tooltip: { valueFormatter: (v) => (v == null ? '—' : `${String(v)}%`) },
      },
    ],
  }), [data]);
  return <ChartCard title="按重点级别：计划与完成" isEmpty={data.byLevel.every((l) => l.count === 0)} option={option} testId="chart-level" />;
}
