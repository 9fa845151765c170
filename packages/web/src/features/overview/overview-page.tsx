import type { ReactNode } from 'react';
import { Alert, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { formatAmount } from '@tuijin/core';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { PageSpin } from '../../components/page-state';
import { currentYear, YearSelect } from '../../components/year-select';
import { useOverview, type Overview } from './api';
import { CategoryChart, IndustryChart, LevelChart, SizeChart, StageChart } from './overview-charts';
import { OverviewLevels } from './overview-levels';
import { OverviewWarningCard } from '../warnings/overview-warning-card';

function StatCard({ title, value, suffix, testId, footer, to }: { title: string; value: ReactNode; suffix?: string; testId: string; footer?: ReactNode; to?: string }) {
  const body = (
    <Card size="small" hoverable={to != null} data-testid={testId} style={{ height: '100%' }}>
      <Statistic title={title} valueRender={() => <span className="num">{value}</span>} suffix={suffix} />
      {footer && <div style={{ color: '#8c8c8c', fontSize: 12, marginTop: 4 }}>{footer}</div>}
    </Card>
  );
  return to ? <Link to={to}>{body}</Link> : body;
}

const yi = (yuan: number) => formatAmount(yuan, 'yi', 2);
const pct = (v: number | null) => (v == null ? '—' : (v * 100).toFixed(1));

function Cards({ data }: { data: Overview }) {
  const { annual } = data;
  const growth = annual.growth;
  const growthColor = growth == null ? undefined : growth >= 0 ? '#cf1322' : '#389e0d';
  const cards = [
    { title: '项目总数', value: data.projects.toLocaleString('zh-CN'), suffix: '个', testId: 'stat-projects', to: `/ledger?year=${data.year}` },
    { title: '总投资', value: yi(data.totalInvestment), suffix: '亿元', testId: 'stat-investment' },
    { title: `${data.year}年计划投资`, value: yi(annual.plan), suffix: '亿元', testId: 'stat-plan' },
    { title: '力争投资', value: yi(annual.target), suffix: '亿元', testId: 'stat-target' },
    { title: '已完成投资', value: yi(annual.completed), suffix: '亿元', testId: 'stat-completed', footer: `上年同期 ${yi(annual.completedLastYear)} 亿元` },
    {
      title: '同比增长',
      // A sign, not an arrow icon: at this size the up-arrow reads as the character 个.
      value: <span style={{ color: growthColor }}>{growth != null && (growth >= 0 ? '+' : '−')}{pct(growth == null ? null : Math.abs(growth))}</span>,
      suffix: growth == null ? undefined : '%',
      testId: 'stat-growth',
    },
    { title: '完成率', value: pct(annual.completionRate), suffix: annual.completionRate == null ? undefined : '%', testId: 'stat-rate', footer: '已完成 ÷ 年度计划' },
  ];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 12 }} data-testid="overview-stats">
      {cards.map((c) => <StatCard key={c.testId} {...c} />)}
    </div>
  );
}

/** 概览: the year's figures as the annual summary states them, with charts and key lists. */
export function OverviewPage() {
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const yearParam = Number(search.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : currentYear();
  const { data, error, isPending } = useOverview(year);

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="overview-page">
      <div className="page-card" style={{ paddingBlock: 12 }}>
        <div className="page-title" style={{ marginBottom: 0 }}>
          <Space align="baseline" size={12}>
            <h1>概览</h1>
            <Typography.Text type="secondary">{me.regionName} · 纳入 {year} 年台账（有年度计划）的项目</Typography.Text>
          </Space>
          <YearSelect value={year} onChange={(y) => setSearch(y === currentYear() ? {} : { year: String(y) })} testId="overview-year" />
        </div>
      </div>
      {error && <Alert type="error" showIcon message="统计数据加载失败" description={errorMessage(error)} />}
      {isPending && !error && <PageSpin />}
      {data && (
        <>
          <Cards data={data} />
          {me.can.readSupervision && <OverviewWarningCard />}
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}><CategoryChart data={data} /></Col>
            <Col xs={24} xl={12}><StageChart data={data} /></Col>
            <Col xs={24} xl={12}><SizeChart data={data} /></Col>
            <Col xs={24} xl={12}><LevelChart data={data} /></Col>
            <Col xs={24}><IndustryChart data={data} /></Col>
          </Row>
          <OverviewLevels data={data} />
        </>
      )}
    </Space>
  );
}
