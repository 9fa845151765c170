import { Progress, Table, type TableColumnsType } from 'antd';
import { columnsWidth } from '../../components/table-width';
import type { RollUp } from './types';
import { LEVEL_TEXT_COLOR } from './warning-tags';

// A roll-up (汇总) by 责任单位, 包保领导, 乡镇园区 or county: each group's projects by colour, the
// most red first; a row opens the list filtered to that group.

function Bar({ r }: { r: RollUp }) {
  const total = Math.max(r.projects, 1);
  return (
    <div style={{ display: 'flex', height: 10, borderRadius: 5, overflow: 'hidden', background: '#f0f0f0', minWidth: 120 }} aria-hidden>
      <div style={{ width: `${(r.red / total) * 100}%`, background: LEVEL_TEXT_COLOR.red }} />
      <div style={{ width: `${(r.yellow / total) * 100}%`, background: '#fadb14' }} />
      <div style={{ width: `${(r.green / total) * 100}%`, background: '#95de64' }} />
    </div>
  );
}

const count = (color: string) => (v: number) => <span className="num" style={{ color: v ? color : '#bfbfbf', fontWeight: v ? 600 : 400 }}>{v}</span>;

export function RollUpTable({ rows, groupTitle, onPick, loading, testId, isNarrow }: { rows: RollUp[]; groupTitle: string; onPick: (row: RollUp) => void; loading: boolean; testId: string; isNarrow: boolean }) {
  const all: TableColumnsType<RollUp> = [
    { title: groupTitle, dataIndex: 'name', width: isNarrow ? 120 : 180, ellipsis: true },
    { title: '红色', dataIndex: 'red', width: isNarrow ? 52 : 64, align: 'right', render: count(LEVEL_TEXT_COLOR.red) },
    { title: '黄色', dataIndex: 'yellow', width: isNarrow ? 52 : 64, align: 'right', render: count(LEVEL_TEXT_COLOR.yellow) },
    { title: '绿色', dataIndex: 'green', width: isNarrow ? 52 : 64, align: 'right', render: count(LEVEL_TEXT_COLOR.green) },
    { title: '项目数', dataIndex: 'projects', width: isNarrow ? 62 : 72, align: 'right', render: (v: number) => <span className="num">{v}</span> },
    { title: '预警条数', dataIndex: 'warnings', width: 84, align: 'right', render: (v: number) => <span className="num">{v}</span> },
    {
      title: '红黄绿占比', key: 'bar', width: 200,
      render: (_v, r) => <Bar r={r} />,
    },
    {
      title: '预警率', key: 'rate', width: 110,
      // status normal: a group all in warning is no success to tick.
      render: (_v, r) => <Progress percent={r.projects ? Math.round(((r.red + r.yellow) / r.projects) * 100) : 0} size="small" status="normal" format={(p) => `${p}%`} strokeColor={r.red ? LEVEL_TEXT_COLOR.red : '#faad14'} />,
    },
  ];
  // A phone keeps the counts; the bars and rates need the width of a desk.
  const columns = isNarrow ? all.filter((c) => c.key !== 'bar' && c.key !== 'rate' && !('dataIndex' in c && c.dataIndex === 'warnings')) : all;
  return (
    <Table<RollUp>
      className="ledger-table nowrap-head"
      data-testid={testId}
      size="small"
      bordered
      rowKey={(r) => String(r.id ?? 'none')}
      columns={columns}
      dataSource={rows}
      loading={loading}
      scroll={{ x: columnsWidth(columns) }}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      onRow={(r) => ({ onClick: () => onPick(r) })}
      locale={{ emptyText: '暂无项目' }}
    />
  );
}
