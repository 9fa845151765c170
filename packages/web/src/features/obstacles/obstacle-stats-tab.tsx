import { Alert, Grid, Table, Typography } from 'antd';
import { errorMessage } from '../../app/api-client';
import { useObstacleStats } from './api';
import type { ObstacleStatRow } from './types';

// 谁在办什么: per 责任单位 or 包保领导, what is open, what is past its deadline, what waits for
// 销号, what is closed and in how many days (the median). A row opens that owner's open list.

const count = (n: number, danger = false) => (n ? <Typography.Text type={danger ? 'danger' : undefined} strong={danger} className="num">{n}</Typography.Text> : <Typography.Text type="secondary">0</Typography.Text>);

export function ObstacleStatsTab({ by, onPick }: { by: 'department' | 'leader'; onPick: (id: number) => void }) {
  const { data, error, isFetching } = useObstacleStats(by);
  const who = by === 'department' ? '责任单位' : '包保领导';
  const isNarrow = Grid.useBreakpoint().md === false;
  return (
    <>
      {error && <Alert type="error" showIcon message="统计加载失败" description={errorMessage(error)} style={{ marginBottom: 12 }} />}
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
          { title: who, dataIndex: 'name', key: 'name', width: isNarrow ? 120 : 200, fixed: 'left', ellipsis: { showTitle: true } },
          { title: '办理中', key: 'open', width: 80, align: 'right', render: (_v, r) => count(r.open) },
          { title: '其中逾期', key: 'overdue', width: 90, align: 'right', render: (_v, r) => count(r.overdue, true) },
          { title: '督办 / 约谈中', key: 'escalated', width: 110, align: 'right', render: (_v, r) => count(r.escalated) },
          { title: '待销号', key: 'resolved', width: 80, align: 'right', render: (_v, r) => count(r.resolved) },
          { title: '已销号', key: 'closed', width: 80, align: 'right', render: (_v, r) => count(r.closed) },
          { title: '办结用时（中位数）', key: 'median', width: 140, align: 'right', render: (_v, r) => (r.medianDaysToClose == null ? <Typography.Text type="secondary">—</Typography.Text> : <span className="num">{r.medianDaysToClose} 天</span>) },
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
    </>
  );
}
