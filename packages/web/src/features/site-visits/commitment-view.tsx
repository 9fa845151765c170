import { Alert, Card, Col, Grid, List, Progress, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { CommitmentStatus } from '@tuijin/core';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../app/api-client';
import { SupervisionSettingsButton } from '../supervision-settings/supervision-settings-modal';
import { MonthInput } from '../../components/date-input';
import { useCommitment } from './api';
import type { LeaderCommitment } from './types';

// 走访情况: each responsible leader's days at the projects this month against the commitment
// (设置: 每月走访天数; the summary asks a third of the month), and the 包保 projects not yet
// visited this year.

const STATUS_COLOR: Record<CommitmentStatus, string> = { met: 'success', on_track: 'processing', behind: 'warning', short: 'error', upcoming: 'default' };
const monthText = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`;

function DaysBar({ r }: { r: LeaderCommitment }) {
  return (
    <Progress
      percent={Math.min(100, Math.round(r.share * 100))}
      status={r.isMet ? 'success' : r.status === 'short' ? 'exception' : 'normal'}
      strokeColor={r.status === 'behind' ? '#fa8c16' : undefined}
      format={() => <span className="num">{r.days}/{r.commitment} 天</span>}
      data-testid="commitment-progress"
    />
  );
}

/** On a phone: one card a leader, the bar across the width. */
function LeaderCards({ rows, loading }: { rows: LeaderCommitment[]; loading: boolean }) {
  return (
    <List<LeaderCommitment>
      dataSource={rows}
      loading={loading}
      data-testid="commitment-cards"
      renderItem={(r) => (
        <List.Item style={{ display: 'block' }} data-testid="commitment-leader">
          <Space size={8} style={{ width: '100%', justifyContent: 'space-between' }}>
            <span><Typography.Text strong>{r.name}</Typography.Text> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.title}</Typography.Text></span>
            <Tag color={STATUS_COLOR[r.status]} style={{ marginInlineEnd: 0 }}>{r.statusLabel}{r.shortBy > 0 ? ` · 差 ${r.shortBy} 天` : ''}</Tag>
          </Space>
          <DaysBar r={r} />
          {r.notVisitedThisYear.length > 0 && <Typography.Text type="danger" style={{ fontSize: 12 }}>本年未走访：{r.notVisitedThisYear.map((p) => p.name).join('、')}</Typography.Text>}
        </List.Item>
      )}
    />
  );
}

function LeaderTable({ rows, loading, month }: { rows: LeaderCommitment[]; loading: boolean; month: string }) {
  return (
    <Table<LeaderCommitment>
      size="small"
      rowKey="leaderId"
      className="nowrap-head"
      data-testid="commitment-table"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '没有包保领导' }}
      columns={[
        { title: '包保领导', key: 'name', width: 150, render: (_v, r) => <div data-testid="commitment-leader"><div style={{ fontWeight: 600 }}>{r.name}</div>{r.title && <span className="cell-sub">{r.title}</span>}</div> },
        {
          title: `${monthText(month)}到项目天数`, key: 'days', width: 260,
          render: (_v, r) => (
            <Tooltip title={r.status === 'on_track' || r.status === 'behind' ? `按序时应已到 ${r.expectedByNow} 天` : undefined}>
              <div style={{ minWidth: 220 }}><DaysBar r={r} /></div>
            </Tooltip>
          ),
        },
        { title: '状态', key: 'status', width: 90, render: (_v, r) => <Tag color={STATUS_COLOR[r.status]} style={{ marginInlineEnd: 0 }} data-testid="commitment-status">{r.statusLabel}</Tag> },
        { title: '差额', key: 'short', width: 80, align: 'right', render: (_v, r) => (r.shortBy > 0 ? <Typography.Text type={r.status === 'short' ? 'danger' : undefined} className="num">差 {r.shortBy} 天</Typography.Text> : <Typography.Text type="success">—</Typography.Text>) },
        {
          title: '本月走访项目', key: 'visited', width: 300,
          render: (_v, r) => (r.projectsVisited.length
            ? <div className="cell-wrap" style={{ maxWidth: 320 }}>{r.projectsVisited.map((p) => <Link key={p.id} to={`/projects/${p.id}`}><Tag style={{ marginInlineEnd: 0 }}>{p.name} {p.days}天</Tag></Link>)}</div>
            : <Typography.Text type="secondary">本月未走访</Typography.Text>),
        },
        {
          title: '本年未走访的包保项目', key: 'missing', width: 300,
          render: (_v, r) => (r.notVisitedThisYear.length
            ? <div className="cell-wrap" style={{ maxWidth: 320 }} data-testid="commitment-missing">{r.notVisitedThisYear.map((p) => <Link key={p.id} to={`/projects/${p.id}`}><Tag color="red" style={{ marginInlineEnd: 0 }}>{p.name}</Tag></Link>)}</div>
            : <Typography.Text type="secondary">{r.packagedCount ? `包保 ${r.packagedCount} 个项目均已走访` : '—'}</Typography.Text>),
        },
      ]}
    />
  );
}

export function CommitmentView({ month, onMonth }: { month: string; onMonth: (m: string) => void }) {
  const { data, error, isFetching } = useCommitment(month, true);
  const rows = data?.leaders ?? [];
  const isNarrow = Grid.useBreakpoint().md === false;
  return (
    <div data-testid="commitment-view">
      <Space wrap style={{ marginBottom: 12 }}>
        <MonthInput value={month} onChange={(m) => m && onMonth(m)} data-testid="commitment-month" />
        {data && <Typography.Text type="secondary">承诺标准：每位包保领导每月到项目 {data.commitmentDays} 天</Typography.Text>}
        <SupervisionSettingsButton />
      </Space>
      {error && <Alert type="error" showIcon message="走访情况加载失败" description={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {data && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={12} md={6}><Card size="small"><Statistic title="包保领导" value={data.totals.leaders} suffix="人" /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title="已达标" value={data.totals.met} suffix={`/ ${data.totals.leaders}`} valueStyle={{ color: '#389e0d' }} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title="到项目合计" value={data.totals.days} suffix="天" /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title="本年有未走访包保项目" value={rows.filter((r) => r.notVisitedThisYear.length).length} suffix="人" valueStyle={{ color: '#cf1322' }} /></Card></Col>
        </Row>
      )}
      {isNarrow ? <LeaderCards rows={rows} loading={isFetching && !data} /> : <LeaderTable rows={rows} loading={isFetching && !data} month={month} />}
    </div>
  );
}
