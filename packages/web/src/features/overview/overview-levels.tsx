import { Card, Table, Tabs, Tag } from 'antd';
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

/** The biggest projects of one key list this year, from the ledger endpoint. */
function LevelProjects({ year, level }: { year: number; level: KeyListLevel }) {
  const params = { ...parseLedgerParams(new URLSearchParams()), year, level: [level], sort: 'plan' as const, pageSize: 20 };
  const { data, isFetching } = useLedger(params);
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
      footer={data && data.total > 10 ? () => <Link to={ledgerLink(year, level)}>共 {data.total} 个，在台账中查看全部 →</Link> : undefined}
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

/** 各级重点项目: counts, investment and completion per key list, then the projects of each. */
export function OverviewLevels({ data }: { data: Overview }) {
  const year = data.year;
  return (
    <Card size="small" title="各级重点项目完成情况" data-testid="overview-levels">
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
      <Tabs
        style={{ marginTop: 12 }}
        destroyOnHidden
        items={data.byLevel.filter((l) => l.count > 0).map((l) => ({
          key: l.level,
          label: `${l.label}（${l.count}）`,
          children: <LevelProjects year={year} level={l.level} />,
        }))}
      />
    </Card>
  );
}
