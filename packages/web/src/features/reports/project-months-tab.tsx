import { useMemo, useState } from 'react';
import { Alert, Card, Empty, Flex, Select, Space, Table, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { monthPace, ratio } from '@tuijin/core';
import { errorMessage } from '../../app/api-client';
import { percent, wan } from '../../components/format';
import { PageSpin } from '../../components/page-state';
import { currentYear, today } from '../../components/year-select';
import { periodLabel } from '../periods/period-format';
import { useProjectMonths } from './api';
import { FROM_PROJECT } from './report-origin';
import { ProjectMonthsChart } from './project-months-chart';
import { LateTag, ReportStatusTag } from './status-tags';
import type { ProjectMonths } from './types';

type Month = ProjectMonths['reports'][number];

const money = (v: number | null) => <span className="num">{v == null ? '—' : wan(v)}</span>;

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <div style={{ color: '#8c8c8c', fontSize: 12 }}>{label}</div>
      <div className="num" style={{ fontSize: 16, fontWeight: 600 }}>{value}</div>
    </div>
  );
}

/** The year's figures the chart draws, as numbers: plan, done so far, rate, and 序时进度. */
function YearFigures({ year, data }: { year: number; data: ProjectMonths }) {
  const plan = data.plans.find((p) => p.year === year);
  const last = [...data.reports].reverse().find((r) => r.period.startsWith(`${year}-`) && r.ytd != null);
  const done = last?.ytd ?? null;
  const now = today();
  // As the warnings measure it: the months the figure covers (10月末 = 10/12).
  const elapsed = year < Number(now.slice(0, 4)) ? 1 : year > Number(now.slice(0, 4)) ? 0 : monthPace(last?.period ?? null, now).share;
  return (
    <Flex wrap gap="8px 32px">
      <Figure label={`${year}年计划投资（万元）`} value={plan ? wan(plan.plan) : '未编制'} />
      <Figure label={`本年累计完成（万元）${last ? `· 截至${Number(last.period.slice(5))}月` : ''}`} value={done == null ? '—' : wan(done)} testId="months-ytd" />
      <Figure label="完成率" value={plan && done != null ? percent(ratio(done, plan.plan)) : '—'} />
      <Figure label="序时进度" value={plan ? percent(elapsed) : '—'} />
    </Flex>
  );
}

/** 月报 tab of a project: its months as a table, and the year's investment against the plan. */
export function ProjectMonthsTab({ projectId }: { projectId: number }) {
  const navigate = useNavigate();
  const { data, error, isPending } = useProjectMonths(projectId);
  const years = useMemo(() => {
    const set = new Set<number>([...(data?.reports ?? []).map((r) => Number(r.period.slice(0, 4))), ...(data?.plans ?? []).map((p) => p.year)]);
    return [...set].sort((a, b) => b - a);
  }, [data]);
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? (years.includes(currentYear()) ? currentYear() : years[0] ?? currentYear());
  const rows = useMemo(() => [...(data?.reports ?? [])].sort((a, b) => b.period.localeCompare(a.period)), [data]);

  if (isPending) return <PageSpin />;
  if (error) return <Alert type="error" showIcon message="月报加载失败" description={errorMessage(error)} />;

  return (
    <Flex vertical gap={12} data-testid="project-months">
      <Card
        size="small"
        title="投资完成与计划对比"
        extra={<Select<number> value={year} onChange={setChosen} options={years.map((y) => ({ value: y, label: `${y} 年` }))} style={{ width: 100 }} data-testid="months-year" />}
      >
        <YearFigures year={year} data={data} />
        {rows.some((r) => r.period.startsWith(`${year}-`)) || data.plans.some((p) => p.year === year)
          ? <ProjectMonthsChart year={year} data={data} />
          : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year} 年尚无月报和计划`} />}
      </Card>
      <Table<Month>
        className="ledger-table nowrap-head"
        size="small"
        bordered
        rowKey="id"
        data-testid="project-months-table"
        dataSource={rows}
        pagination={rows.length > 24 ? { pageSize: 24, showTotal: (t) => `共 ${t} 个月` } : false}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ onClick: () => navigate(`/reports/${r.id}`, { state: FROM_PROJECT }) })}
        locale={{ emptyText: <Empty description="本项目还没有月报：月报开启后，项目单位每月在此报送进展" /> }}
        columns={[
          { title: '月份', key: 'period', width: 110, render: (_v, r) => <Link to={`/reports/${r.id}`} state={FROM_PROJECT} onClick={(e) => e.stopPropagation()} className="num">{periodLabel(r.period)}</Link> },
          {
            title: '状态', key: 'status', width: 130,
            render: (_v, r) => <Space size={4} wrap={false}><ReportStatusTag status={r.status} isStarted={r.statusLabel !== '未填报'} />{r.isLate && <LateTag />}</Space>,
          },
          { title: '本月完成（万元）', key: 'thisMonth', width: 130, align: 'right', render: (_v, r) => (r.noChange && r.status !== 'draft' ? <Typography.Text type="secondary">无变化</Typography.Text> : money(r.thisMonth)) },
          { title: '本年累计（万元）', key: 'ytd', width: 130, align: 'right', render: (_v, r) => money(r.ytd) },
          { title: '开工以来累计（万元）', key: 'cumulative', width: 150, align: 'right', render: (_v, r) => money(r.cumulative) },
          {
            title: '形象进度', key: 'progress', width: 360,
            render: (_v, r) => (r.progress ? (
              <Tooltip title={r.progress} placement="topLeft">
                <div style={{ maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{r.progress}</div>
              </Tooltip>
            ) : <span style={{ color: '#bfbfbf' }}>—</span>),
          },
          { title: '截止日', dataIndex: 'deadline', key: 'deadline', width: 110, render: (v: string) => <span className="num">{v}</span> },
        ]}
      />
    </Flex>
  );
}
