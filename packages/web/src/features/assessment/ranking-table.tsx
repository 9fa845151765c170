import type { ReactNode } from 'react';
import { List, Table, Typography, type PaginationProps, type TableColumnsType } from 'antd';
import { SUBJECT_LABEL, type SubjectKind } from '@tuijin/core';
import { columnsWidth, STICKY_TABLE } from '../../components/table-width';
import { FlagTag, Movement, score } from './score-marks';
import type { RankingItem } from './types';

// A month's ranking of one kind of subject: on a desk a table (rank, name, total, 基础分/加分,
// movement, flag, and for groups the projects counted), on a phone one card a subject. A row
// or card opens the explanation of its score.

interface Props {
  kind: SubjectKind;
  items: RankingItem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  empty: ReactNode;
  isNarrow: boolean;
  onPage: (page: number) => void;
  onOpen: (item: RankingItem) => void;
}

const isGroup = (kind: SubjectKind) => kind !== 'project';

function RankCell({ rank }: { rank: number }) {
  // The first three stand out, as on the office's printed tables.
  const isTop = rank <= 3;
  return <span className="num" style={{ fontWeight: isTop ? 700 : 400, color: isTop ? '#d4380d' : undefined }} data-testid="ranking-rank">{rank}</span>;
}

function BaseBonus({ item }: { item: RankingItem }) {
  return (
    <span className="num">
      {score(item.base)}
      <Typography.Text type={item.bonus > 0 ? 'success' : 'secondary'}> / {item.bonus > 0 ? `+${score(item.bonus)}` : '0'}</Typography.Text>
    </span>
  );
}

function columns(kind: SubjectKind): TableColumnsType<RankingItem> {
  return [
    { title: '名次', key: 'rank', width: 64, align: 'center', render: (_v, r) => <RankCell rank={r.rank} /> },
    { title: SUBJECT_LABEL[kind], key: 'name', width: 300, render: (_v, r) => <Typography.Link data-testid="ranking-name">{r.name}</Typography.Link> },
    { title: '总分', key: 'total', width: 80, align: 'right', render: (_v, r) => <span className="num" style={{ fontWeight: 600 }} data-testid="ranking-total">{score(r.total)}</span> },
    { title: '基础分 / 加分', key: 'base', width: 130, align: 'right', render: (_v, r) => <BaseBonus item={r} /> },
    { title: '较上月', key: 'movement', width: 80, align: 'center', render: (_v, r) => <Movement item={r} /> },
    { title: '红黄旗', key: 'flag', width: 80, align: 'center', render: (_v, r) => <FlagTag flag={r.flag} /> },
    ...(isGroup(kind) ? [{ title: '计分项目数', key: 'projects', width: 100, align: 'right' as const, render: (_v: unknown, r: RankingItem) => <span className="num">{r.projects ?? '—'}</span> }] : []),
  ];
}

function RankingCards({ kind, items, loading, empty, onOpen, pagination }: Pick<Props, 'kind' | 'items' | 'loading' | 'empty' | 'onOpen'> & { pagination: PaginationProps }) {
  return (
    <List<RankingItem>
      dataSource={items}
      pagination={{ ...pagination, size: 'small', align: 'center' }}
      loading={loading}
      locale={{ emptyText: empty }}
      data-testid="ranking-cards"
      renderItem={(r) => (
        <List.Item className="phone-card phone-card-link" onClick={() => onOpen(r)} data-testid="ranking-card">
          <div className="phone-card-head" style={{ alignItems: 'center' }}>
            <span style={{ display: 'flex', alignItems: 'baseline', gap: 10, minWidth: 0 }}>
              <span style={{ flex: 'none', minWidth: 28, textAlign: 'right', fontSize: 18 }}><RankCell rank={r.rank} /></span>
              <span className="phone-card-title" data-testid="ranking-name">{r.name}</span>
            </span>
            <span className="phone-card-side num" style={{ fontSize: 18, fontWeight: 600 }} data-testid="ranking-total">{score(r.total)}</span>
          </div>
          <div className="meta-line phone-card-facts" style={{ paddingLeft: 38, alignItems: 'center' }}>
            <span><span className="phone-card-label">较上月</span><Movement item={r} /></span>
            {r.bonus > 0 && <span><span className="phone-card-label">加分</span><span className="num">+{score(r.bonus)}</span></span>}
            {isGroup(kind) && r.projects != null && <span><span className="phone-card-label">项目</span><span className="num">{r.projects}</span></span>}
            <FlagTag flag={r.flag} />
          </div>
        </List.Item>
      )}
    />
  );
}

export function RankingTable(props: Props) {
  const { kind, items, total, page, pageSize, loading, empty, isNarrow, onPage, onOpen } = props;
  const pagination: PaginationProps = { current: page, pageSize, total, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n: number) => `共 ${n} 个`, onChange: onPage };
  if (isNarrow) return <RankingCards kind={kind} items={items} loading={loading} empty={empty} onOpen={onOpen} pagination={pagination} />;
  const cols = columns(kind);
  return (
    <Table<RankingItem>
      className="ledger-table nowrap-head"
      data-testid="ranking-table"
      size="small"
      bordered
      rowKey={(r) => String(r.subjectId)}
      columns={cols}
      dataSource={items}
      loading={loading}
      scroll={{ x: columnsWidth(cols) }}
      sticky={STICKY_TABLE}
      onRow={(r) => ({ onClick: () => onOpen(r) })}
      pagination={pagination}
      locale={{ emptyText: empty }}
    />
  );
}
