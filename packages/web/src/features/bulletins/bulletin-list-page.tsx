import { useState, type ReactNode } from 'react';
import { Alert, Button, Empty, Grid, List, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { BulletinListItem } from '@tuijin/core';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { dateTime } from '../../components/format';
import { dateLabel, periodLabel } from '../periods/period-format';
import { useBulletins } from './api';
import { BulletinStatusTag } from './bulletin-tags';
import { DraftModal } from './draft-modal';

// /bulletins 「月度通报」: one bulletin a month, newest first. The office drafts the month's from
// its data, edits and publishes it; everyone who reads the assessment opens them here.

function Published({ b }: { b: BulletinListItem }) {
  if (b.status !== 'published') return <Typography.Text type="secondary">—</Typography.Text>;
  return <span className="cell-wrap"><span>{b.publishedByName ?? '—'}</span><span className="num">{dateTime(b.publishedAt)}</span></span>;
}

/** On a phone: one card a month. */
function BulletinCards({ items, loading, empty, onOpen, showRegion }: { items: BulletinListItem[]; loading: boolean; empty: ReactNode; onOpen: (id: number) => void; showRegion: boolean }) {
  return (
    <List<BulletinListItem>
      dataSource={items}
      loading={loading}
      locale={{ emptyText: empty }}
      data-testid="bulletin-cards"
      renderItem={(b) => (
        <List.Item className="phone-card phone-card-link" onClick={() => onOpen(b.id)} data-testid="bulletin-card">
          <div className="phone-card-head">
            <Link to={`/bulletins/${b.id}`} onClick={(e) => e.stopPropagation()} className="phone-card-title" data-testid="bulletin-link">{showRegion ? `${b.regionName} · ` : ''}{periodLabel(b.period)} · {b.title}</Link>
            <BulletinStatusTag status={b.status} />
          </div>
          <div className="meta-line">
            {b.docNo && <span>{b.docNo}</span>}
            <span>印发 {dateLabel(b.issuedOn)}</span>
            {b.status === 'published' && <span>{b.publishedByName ?? ''} 发布于 {dateTime(b.publishedAt)}</span>}
          </div>
        </List.Item>
      )}
    />
  );
}

export function BulletinListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const list = useBulletins();
  const [isDrafting, setDrafting] = useState(false);
  const isNarrow = Grid.useBreakpoint().md === false;
  const canDraft = me.can.manageAssessment;
  // Newest month first, whatever order the reply came in.
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.period.localeCompare(a.period) || b.id - a.id);
  const open = (id: number) => navigate(`/bulletins/${id}`);
  // A city's or province's list holds its counties' published bulletins too: they are told apart by region.
  const hasOtherRegions = items.some((b) => b.regionCode !== me.regionCode);
  const own = items.filter((b) => b.regionCode === me.regionCode);
  const isLoading = list.isFetching && !list.data;
  const empty = isLoading ? ' ' : (
    <Empty description={canDraft ? '还没有月度通报：选择月份后，系统按该月数据自动起草' : '还没有发布的月度通报'}>
      {canDraft && <Button type="primary" onClick={() => setDrafting(true)}>起草通报</Button>}
    </Empty>
  );

  return (
    <div className="page-card" data-testid="bulletin-list-page">
      <div className="page-title">
        <Space align="baseline" size={12}>
          <h1>月度通报</h1>
          <Typography.Text type="secondary">{me.regionName} · 一月一通报：投资完成、红黄预警、问题解决、督导检查、考核排名和影像对比</Typography.Text>
        </Space>
        {canDraft && <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrafting(true)} data-testid="bulletin-create">起草通报</Button>}
      </div>
      {list.error && <Alert type="error" showIcon message="通报列表加载失败" description={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
      {isNarrow ? (
        <BulletinCards items={items} loading={isLoading} empty={empty} onOpen={open} showRegion={hasOtherRegions} />
      ) : (
        <Table<BulletinListItem>
          size="small"
          rowKey="id"
          className="ledger-table nowrap-head"
          data-testid="bulletin-table"
          loading={isLoading}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(b) => ({ onClick: () => open(b.id) })}
          locale={{ emptyText: empty }}
          columns={[
            { title: '月份', key: 'period', width: 110, render: (_v, b) => <span className="num" style={{ fontWeight: 600 }}>{periodLabel(b.period)}</span> },
            ...(hasOtherRegions ? [{ title: '地区', key: 'region', width: 120, render: (_v: unknown, b: BulletinListItem) => b.regionName }] : []),
            { title: '标题', key: 'title', render: (_v, b) => <Link to={`/bulletins/${b.id}`} onClick={(e) => e.stopPropagation()} data-testid="bulletin-link">{b.title}</Link> },
            { title: '文号', dataIndex: 'docNo', key: 'docNo', width: 190, render: (v: string) => v || <Typography.Text type="secondary">未填写</Typography.Text> },
            { title: '状态', key: 'status', width: 90, render: (_v, b) => <BulletinStatusTag status={b.status} /> },
            { title: '印发日期', key: 'issuedOn', width: 130, render: (_v, b) => <span className="num">{dateLabel(b.issuedOn)}</span> },
            { title: '发布人 / 发布时间', key: 'published', width: 220, render: (_v, b) => <Published b={b} /> },
            { title: '操作', key: 'open', width: 80, render: (_v, b) => <Link to={`/bulletins/${b.id}`} onClick={(e) => e.stopPropagation()}>{b.status === 'draft' && canDraft ? '编辑' : '查看'}</Link> },
          ]}
        />
      )}
      {isDrafting && <DraftModal existing={own} onOpen={open} onClose={() => setDrafting(false)} />}
    </div>
  );
}
