import { Card, Grid, List, Progress, Table, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { KeyListLevel } from '@tuijin/core';
import { percent, yi, wan } from '../../components/format';
import { LEVEL_COLOR } from '../../components/tags';
import { useLedger, type LedgerRow } from '../ledger/api';
import { parseLedgerParams } from '../ledger/use-ledger-params';
import type { Overview } from './api';

type LevelRow = Overview['byLevel'][number];

const num = (s: string) => <span className="num">{s}</span>;
const ledgerLink = (year: number, level: KeyListLevel) => `/ledger?year=${year}&level=${level}&sort=plan&order=desc`;

/** 完成率 as a bar a phone can read at a glance (the figure beside it). */
function RateBar({ rate }: { rate: number | null }) {
  if (rate == null) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Progress percent={Math.min(100, Math.round(rate * 100))} size="small" status="normal" format={() => <span className="num">{percent(rate)}</span>} style={{ margin: 0 }} />;
}

/** The biggest projects of one key list this year, from the ledger endpoint. */
function LevelProjects({ year, level, isNarrow }: { year: number; level: KeyListLevel; isNarrow: boolean }) {
  const params = { ...parseLedgerParams(new URLSearchParams()), year, level: [level], sort: 'plan' as const, pageSize: 20 };
  const { data, isFetching } = useLedger(params);
  const more = data && data.total > 10 ? <Link to={ledgerLink(year, level)}>共 {data.total} 个，在台账中查看全部 →</Link> : undefined;
  if (isNarrow) {
    return (
      <List<LedgerRow>
        size="small"
        rowKey="id"
        loading={isFetching}
        dataSource={(data?.items ?? []).slice(0, 10)}
        locale={{ emptyText: '该级别暂无项目' }}
        footer={more}
        data-testid="level-project-cards"
        renderItem={(r) => (
          <List.Item className="phone-card" data-testid="level-project-card">
            <div className="phone-card-head">
              <Link to={`/projects/${r.id}`} className="phone-card-title">{r.name}</Link>
              <span className="phone-card-side num">完成率 <b>{percent(r.completionRate)}</b></span>
            </div>
            <div className="meta-line">
              <span>总投资 <span className="num">{wan(r.totalInvestment)}</span> 万元</span>
              <span>年度计划 <span className="num">{wan(r.plan)}</span> 万元</span>
              <span>已完成 <span className="num">{wan(r.completed)}</span> 万元</span>
            </div>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<LedgerRow>
      size="small"
      rowKey="id"
      loading={isFetching}
      dataSource={(data?.items ?? []).slice(0, 10)}
      pagination={false}
      scroll={{ x: 'max-content' }}
      className="nowrap-head"
      locale={{ emptyText: '该级别暂无项目' }}
      footer={more ? () => more : undefined}
      columns={[
        { title: '项目名称', key: 'name', render: (_v, r) => <Link to={`/projects/${r.id}`} style={{ whiteSpace: 'nowrap' }}>{r.name}</Link> },
        { title: '总投资（万元）', key: 'ti', align: 'right', width: 130, render: (_v, r) => num(wan(r.totalInvestment)) },
        { title: '年度计划（万元）', key: 'plan', align: 'right', width: 130, render: (_v, r) => num(wan(r.plan)) },
        { title: '已完成（万元）', key: 'done', align: 'right', width: 130, render: (_v, r) => num(wan(r.completed)) },
        { title: '完成率', key: 'rate', align: 'right', width: 80, render: (_v, r) => num(percent(r.completionRate)) },
      ]}
    />
  );
}

/** On a phone: one card a key list, its 完成率 as a bar, the amounts in 亿元 below. */
function LevelCards({ data }: { data: Overview }) {
  const year = data.year;
  return (
    <List<LevelRow>
      rowKey="level"
      dataSource={data.byLevel}
      data-testid="level-cards"
      renderItem={(r) => (
        <List.Item className="phone-card" data-testid="level-card">
          <div className="phone-card-head" style={{ alignItems: 'center' }}>
            <span><Tag color={LEVEL_COLOR[r.level]} bordered={false}>{r.label}</Tag><span className="num">{r.count} 个</span></span>
            {r.count > 0 && <Link to={ledgerLink(year, r.level)} className="phone-card-side">查看项目</Link>}
          </div>
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 4 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>完成率</Typography.Text>
            <div style={{ flex: 1, minWidth: 0 }}><RateBar rate={r.completionRate} /></div>
          </div>
          <div className="meta-line" style={{ marginTop: 2 }}>
            <span>总投资 <span className="num">{yi(r.totalInvestment)}</span> 亿元</span>
            <span>{year}年计划 <span className="num">{yi(r.plan)}</span> 亿元</span>
            <span>已完成 <span className="num">{yi(r.completed)}</span> 亿元</span>
          </div>
        </List.Item>
      )}
    />
  );
}

/** 各级重点项目: counts, investment and completion per key list, then the projects of each. */
export function OverviewLevels({ data }: { data: Overview }) {
  const year = data.year;
  const isNarrow = Grid.useBreakpoint().md === false;
  return (
    <Card size="small" title="各级重点项目完成情况" data-testid="overview-levels">
      {isNarrow ? (
        <LevelCards data={data} />
      ) : (
        <Table<LevelRow>
          size="small"
          bordered
          rowKey="level"
          pagination={false}
          scroll={{ x: 'max-content' }}
          className="nowrap-head"
          dataSource={data.byLevel}
          columns={[
            {
              title: '级别', dataIndex: 'label', width: 120,
              render: (label: string, r) => <Tag color={LEVEL_COLOR[r.level]} bordered={false}>{label}</Tag>,
            },
            { title: '项目数', dataIndex: 'count', align: 'right', width: 90, render: (c: number) => num(`${c} 个`) },
            { title: '总投资（亿元）', dataIndex: 'totalInvestment', align: 'right', render: (v: number) => num(yi(v)) },
            { title: `${year}年计划（亿元）`, dataIndex: 'plan', align: 'right', render: (v: number) => num(yi(v)) },
            { title: '已完成（亿元）', dataIndex: 'completed', align: 'right', render: (v: number) => num(yi(v)) },
            { title: '完成率', dataIndex: 'completionRate', align: 'right', width: 90, render: (v: number | null) => num(percent(v)) },
            { title: '', key: 'link', width: 100, render: (_v, r) => (r.count ? <Link to={ledgerLink(year, r.level)}>查看项目</Link> : null) },
          ]}
        />
      )}
      <Tabs
        style={{ marginTop: 12 }}
        destroyOnHidden
        items={data.byLevel.filter((l) => l.count > 0).map((l) => ({
          key: l.level,
          label: `${l.label}（${l.count}）`,
          children: <LevelProjects year={year} level={l.level} isNarrow={isNarrow} />,
        }))}
      />
    </Card>
  );
}
