import { Alert, Grid, List, Table, Typography } from 'antd';
import { errorMessage } from '../../app/api-client';
import { useObstacleStats } from './api';
import type { ObstacleStatRow, ObstacleStats } from './types';

// 谁在办什么: per 责任单位 or 包保领导, what is open, what is past its deadline, what waits for
// 销号, what is closed and in how many days (the median). A row opens that owner's open list.

const count = (n: number, danger = false) => (n ? <Typography.Text type={danger ? 'danger' : undefined} strong={danger} className="num">{n}</Typography.Text> : <Typography.Text type="secondary">0</Typography.Text>);

const median = (days: number | null) => (days == null ? <Typography.Text type="secondary">—</Typography.Text> : <span className="num">{days} 天</span>);

/** A count on a card: 0 in grey, an overdue one in red. */
const fact = (n: number, danger = false) => <span className={`num${n && danger ? ' phone-card-danger' : ''}`} style={n ? undefined : { color: '#bfbfbf' }}>{n}</span>;

type CardRow = ObstacleStatRow & { isTotal?: boolean };

/** On a phone: one card an owner, every count on screen; the last card the total. */
function StatsCards({ stats, loading, by, onPick }: { stats?: ObstacleStats; loading: boolean; by: 'department' | 'leader'; onPick: (id: number) => void }) {
  const rows: CardRow[] = stats ? [...stats.items, ...(stats.items.length > 1 ? [{ ...stats.total, id: null, name: '合计', isTotal: true }] : [])] : [];
  return (
    <List<CardRow>
      dataSource={rows}
      loading={loading}
      rowKey={(r) => (r.isTotal ? 'total' : String(r.id ?? 0))}
      locale={{ emptyText: loading ? ' ' : '暂无问题' }}
      data-testid={`obstacle-stats-${by}-cards`}
      renderItem={(r) => (
        <List.Item
          className={`phone-card${r.isTotal ? ' phone-card-total' : r.id != null ? ' phone-card-link' : ''}`}
          onClick={() => !r.isTotal && r.id != null && onPick(r.id)}
          data-testid={r.isTotal ? 'stats-total' : 'stats-card'}
        >
          <div className="phone-card-head">
            <span className="phone-card-title" style={{ fontWeight: 600 }}>{r.name}</span>
            <span className="phone-card-side" style={{ fontWeight: 600 }}><span className="phone-card-label">办理中</span>{fact(r.open)}</span>
          </div>
          <div className="meta-line phone-card-facts">
            <span><span className="phone-card-label">其中逾期</span>{fact(r.overdue, true)}</span>
            <span><span className="phone-card-label">督办 / 约谈中</span>{fact(r.escalated)}</span>
            <span><span className="phone-card-label">待销号</span>{fact(r.resolved)}</span>
            <span><span className="phone-card-label">已销号</span>{fact(r.closed)}</span>
            <span><span className="phone-card-label">办结用时（中位数）</span>{r.medianDaysToClose == null ? <span className="phone-card-label">—</span> : <span className="num">{r.medianDaysToClose} 天</span>}</span>
          </div>
        </List.Item>
      )}
    />
  );
}

export function ObstacleStatsTab({ by, onPick }: { by: 'department' | 'leader'; onPick: (id: number) => void }) {
  const { data, error, isFetching } = useObstacleStats(by);
  const who = by === 'department' ? '责任单位' : '包保领导';
  const isNarrow = Grid.useBreakpoint().md === false;
  return (
    <>
      {error && <Alert type="error" showIcon message="统计加载失败" description={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {isNarrow ? (
        <StatsCards stats={data} loading={isFetching && !data} by={by} onPick={onPick} />
      ) : (
        <Table<ObstacleStatRow>
          size="small"
          bordered
          className="ledger-table nowrap-head"
          data-testid={`obstacle-stats-${by}`}
          rowKey={(r) => r.id ?? 0}
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          onRow={(r) => ({ onClick: () => r.id != null && onPick(r.id), style: { cursor: r.id != null ? 'pointer' : undefined } })}
          locale={{ emptyText: isFetching ? ' ' : '暂无问题' }}
          columns={[
            { title: who, dataIndex: 'name', key: 'name', width: 200, fixed: 'left', ellipsis: { showTitle: true } },
            { title: '办理中', key: 'open', width: 80, align: 'right', render: (_v, r) => count(r.open) },
            { title: '其中逾期', key: 'overdue', width: 90, align: 'right', render: (_v, r) => count(r.overdue, true) },
            { title: '督办 / 约谈中', key: 'escalated', width: 110, align: 'right', render: (_v, r) => count(r.escalated) },
            { title: '待销号', key: 'resolved', width: 80, align: 'right', render: (_v, r) => count(r.resolved) },
            { title: '已销号', key: 'closed', width: 80, align: 'right', render: (_v, r) => count(r.closed) },
            { title: '办结用时（中位数）', key: 'median', width: 140, align: 'right', render: (_v, r) => median(r.medianDaysToClose) },
          ]}
          summary={() => data && data.items.length > 1 ? (
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right"><span className="num">{data.total.open}</span></Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{count(data.total.overdue, true)}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right"><span className="num">{data.total.escalated}</span></Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right"><span className="num">{data.total.resolved}</span></Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right"><span className="num">{data.total.closed}</span></Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">{data.total.medianDaysToClose == null ? '—' : <span className="num">{data.total.medianDaysToClose} 天</span>}</Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null}
        />
      )}
    </>
  );
}
