import { useState } from 'react';
import { Alert, Button, Empty, Grid, List, Pagination, Space, Table, Tabs, Tag, Typography } from 'antd';
import { CameraOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { MonthInput } from '../../components/date-input';
import { PersonSelect } from '../../components/ref-selects';
import { today } from '../../components/year-select';
import { useVisits } from './api';
import { CommitmentView } from './commitment-view';
import type { Visit } from './types';
import { VisitModal } from './visit-modal';

/** /visits 「领导走访」: the visits leaders recorded, and each leader's month against the commitment. */
export function VisitListPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const isNarrow = Grid.useBreakpoint().md === false;
  const readsRegion = me.role !== 'department' && me.role !== 'reporter';
  const tab = readsRegion && params.get('tab') === 'commitment' ? 'commitment' : 'visits';
  const month = params.get('month') ?? today().slice(0, 7);
  // A leader sees their own visits first; anyone may choose another leader (or all).
  const leaderParam = params.get('leaderId');
  const leaderId = leaderParam === 'all' ? null : Number(leaderParam) || (me.role === 'leader' ? me.personId : null);
  const page = Number(params.get('page')) || 1;
  const [open, setOpen] = useState<number | 'new' | null>(null);
  const set = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change)) if (v == null) next.delete(k); else next.set(k, v);
    if (!('page' in change)) next.delete('page');
    setParams(next, { replace: true });
  };
  const { data, error, isFetching } = useVisits({ month, leaderId: leaderId ?? undefined, page, pageSize: 50 });
  const visits = data?.items ?? [];

  const record = (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <MonthInput value={month} onChange={(m) => set({ month: m })} data-testid="visit-month" />
        <PersonSelect value={leaderId} onChange={(v) => set({ leaderId: v ? String(v) : 'all' })} placeholder="全部领导" style={{ width: 200 }} data-testid="visit-leader-filter" />
        {data && <Typography.Text type="secondary">共 {data.total} 次走访，合计 {visits.reduce((s, v) => s + v.days, 0)} 天</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon message="走访记录加载失败" description={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {isNarrow ? (
        <List<Visit>
          dataSource={visits}
          loading={isFetching && !data}
          locale={{ emptyText: <Empty description="本月还没有走访记录" /> }}
          data-testid="visit-cards"
          renderItem={(v) => (
            <List.Item onClick={() => setOpen(v.id)} style={{ cursor: 'pointer', display: 'block' }} data-testid="visit-card">
              <Space size={6} wrap><span className="num" style={{ fontWeight: 600 }}>{v.visitedOn}</span><span>{v.leaderName}</span><Tag style={{ marginInlineEnd: 0 }}>{v.days === 1 ? '一天' : '半天'}</Tag>{v.photoCount > 0 && <Tag icon={<CameraOutlined />} style={{ marginInlineEnd: 0 }}>{v.photoCount}</Tag>}</Space>
              <div style={{ fontWeight: 500, marginTop: 2 }}>{v.projectName}</div>
              {v.found && <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>发现：{v.found}</Typography.Paragraph>}
            </List.Item>
          )}
        />
      ) : (
        <Table<Visit>
          size="small"
          rowKey="id"
          className="ledger-table nowrap-head"
          data-testid="visit-table"
          loading={isFetching && !data}
          dataSource={visits}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(v) => ({ onClick: () => setOpen(v.id) })}
          locale={{ emptyText: <Empty description="本月还没有走访记录" /> }}
          columns={[
            { title: '走访日期', dataIndex: 'visitedOn', key: 'date', width: 100, render: (v: string) => <span className="num">{v}</span> },
            { title: '走访领导', key: 'leader', width: 140, render: (_v, v) => <div>{v.leaderName}{v.leaderTitle && <span className="cell-sub">{v.leaderTitle}</span>}</div> },
            { title: '项目', key: 'project', width: 220, render: (_v, v) => <Link to={`/projects/${v.projectId}`} onClick={(e) => e.stopPropagation()}>{v.projectName}</Link> },
            { title: '时间', key: 'days', width: 60, render: (_v, v) => (v.days === 1 ? '一天' : '半天') },
            { title: '现场发现', dataIndex: 'found', key: 'found', width: 300, render: (t: string | null) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: t }} style={{ margin: 0, minWidth: 240, whiteSpace: 'normal' }}>{t ?? '—'}</Typography.Paragraph> },
            { title: '协调决定', dataIndex: 'decided', key: 'decided', width: 300, render: (t: string | null) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: t }} style={{ margin: 0, minWidth: 240, whiteSpace: 'normal' }}>{t ?? '—'}</Typography.Paragraph> },
            {
              title: '照片', key: 'photos', width: 150,
              render: (_v, v) => (v.media?.length ? (
                <Space size={4}>{v.media.slice(0, 3).map((m) => (m.urls.thumb ? <img key={m.id} src={m.urls.thumb} alt="" width={40} height={40} style={{ objectFit: 'cover', borderRadius: 4 }} /> : null))}{v.photoCount > 3 && <span className="num">+{v.photoCount - 3}</span>}</Space>
              ) : <Typography.Text type="secondary">—</Typography.Text>),
            },
          ]}
        />
      )}
      {(data?.total ?? 0) > 50 && <Pagination style={{ marginTop: 12, textAlign: 'right' }} current={page} pageSize={50} total={data?.total ?? 0} showSizeChanger={false} onChange={(p) => set({ page: String(p) })} />}
    </>
  );

  return (
    <div className="page-card" data-testid="visit-list-page">
      <div className="page-title">
        <Space align="baseline" size={12}>
          <h1>领导走访</h1>
          <Typography.Text type="secondary">包保领导每月拿出三分之一的时间到项目调查研究、协调解决问题</Typography.Text>
        </Space>
        {me.can.recordVisits && <Button type="primary" size={isNarrow ? 'large' : 'middle'} icon={<PlusOutlined />} onClick={() => setOpen('new')} data-testid="visit-create">登记走访</Button>}
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key === 'commitment' ? 'commitment' : null })}
        items={[
          { key: 'visits', label: '走访记录', children: record },
          ...(readsRegion ? [{ key: 'commitment', label: <span data-testid="tab-commitment">走访情况</span>, children: <CommitmentView month={month} onMonth={(m) => set({ month: m })} /> }] : []),
        ]}
      />
      {open != null && <VisitModal visitId={open === 'new' ? null : open} onClose={() => setOpen(null)} />}
    </div>
  );
}
