import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Empty, Grid, List, Space, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { useActionItems, useMeetings } from './api';
import { ActionItemsView } from './action-items-view';
import { MeetingFormModal } from './meeting-form-modal';
import { MeetingStatusTag } from './meeting-tags';
import type { MeetingSummary } from './types';

/** 督办事项 of a meeting in a few words: how many, how many still open, how many overdue (in red). */
function ActionCounts({ m }: { m: MeetingSummary }) {
  if (!m.counts.actions) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={8} className="num">
      <span>共 {m.counts.actions}</span>
      <span>未办结 {m.counts.openActions}</span>
      {m.counts.overdueActions > 0 && <Typography.Text type="danger">逾期 {m.counts.overdueActions}</Typography.Text>}
    </Space>
  );
}

/** On a phone: one card a meeting, its status, agenda and action counts on screen. */
function MeetingCards({ meetings, loading, empty, onOpen }: { meetings: MeetingSummary[]; loading: boolean; empty: ReactNode; onOpen: (id: number) => void }) {
  return (
    <List<MeetingSummary>
      dataSource={meetings}
      loading={loading}
      locale={{ emptyText: empty }}
      data-testid="meeting-cards"
      renderItem={(m) => (
        <List.Item className="phone-card phone-card-link" onClick={() => onOpen(m.id)} data-testid="meeting-card">
          <div className="phone-card-head">
            <Link to={`/meetings/${m.id}`} onClick={(e) => e.stopPropagation()} className="phone-card-title" style={{ fontWeight: 600 }} data-testid="meeting-link">{m.title}</Link>
            <MeetingStatusTag status={m.status} label={m.statusLabel} />
          </div>
          <div className="meta-line">
            <span className="num">{m.heldOn}</span>
            {m.place && <span>{m.place}</span>}
            {m.chair && <span>主持：{m.chair}</span>}
          </div>
          <div className="meta-line phone-card-facts">
            <span><span className="phone-card-label">议题</span><span className="num">{m.counts.items}</span></span>
            <span><span className="phone-card-label">督办事项</span><ActionCounts m={m} /></span>
          </div>
        </List.Item>
      )}
    />
  );
}

/** /meetings 「联席会议」: the meetings and, in the second tab, every meeting's 督办事项. */
export function MeetingListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // A department does not read the meetings themselves, only the action items given to it.
  const readsMeetings = me.role !== 'department' && me.role !== 'reporter';
  const tab = !readsMeetings ? 'actions' : params.get('tab') === 'actions' ? 'actions' : 'meetings';
  const [isCreating, setCreating] = useState(false);
  const meetings = useMeetings({ pageSize: 100 }, readsMeetings);
  const overdue = useActionItems({ overdue: '1', pageSize: 1 }).data?.counts.overdue ?? 0;
  const items = meetings.data?.items ?? [];
  const isNarrow = Grid.useBreakpoint().md === false;
  const emptyText = meetings.isFetching && !meetings.data ? ' ' : (
    <Empty description={me.can.manageMeetings ? '还没有联席会议：创建会议后，议程会根据问题督办、红色预警和督办事项自动生成' : '还没有联席会议'}>
      {me.can.manageMeetings && <Button type="primary" onClick={() => setCreating(true)}>召开联席会议</Button>}
    </Empty>
  );

  const meetingTable = (
    <>
      {meetings.error && <Alert type="error" showIcon message="会议列表加载失败" description={errorMessage(meetings.error)} style={{ marginBottom: 12 }} />}
      {isNarrow ? (
        <MeetingCards meetings={items} loading={meetings.isFetching && !meetings.data} empty={emptyText} onOpen={(id) => navigate(`/meetings/${id}`)} />
      ) : (
        <Table<MeetingSummary>
          size="small"
          rowKey="id"
          className="ledger-table nowrap-head"
          data-testid="meeting-table"
          loading={meetings.isFetching && !meetings.data}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(m) => ({ onClick: () => navigate(`/meetings/${m.id}`) })}
          locale={{ emptyText }}
          columns={[
            { title: '会议名称', key: 'title', render: (_v, m) => <Link to={`/meetings/${m.id}`} onClick={(e) => e.stopPropagation()} style={{ fontWeight: 600 }} data-testid="meeting-link">{m.title}</Link> },
            { title: '会议日期', dataIndex: 'heldOn', key: 'heldOn', width: 110, render: (v: string) => <span className="num">{v}</span> },
            { title: '地点', dataIndex: 'place', key: 'place', width: 180, render: (v: string | null) => v ?? '—' },
            { title: '主持人', dataIndex: 'chair', key: 'chair', width: 120, render: (v: string | null) => v ?? '—' },
            { title: '状态', key: 'status', width: 110, render: (_v, m) => <MeetingStatusTag status={m.status} label={m.statusLabel} /> },
            { title: '议题', key: 'items', width: 70, align: 'right', render: (_v, m) => <span className="num">{m.counts.items}</span> },
            { title: '督办事项', key: 'actions', width: 190, render: (_v, m) => <ActionCounts m={m} /> },
          ]}
        />
      )}
    </>
  );

  return (
    <div className="page-card" data-testid="meeting-list-page">
      <div className="page-title">
        <Space align="baseline" size={12}>
          <h1>联席会议</h1>
          <Typography.Text type="secondary">{me.regionName} · 每月一次：包保领导和牵头部门汇报进展，集中研究解决问题，交办督办事项</Typography.Text>
        </Space>
        {me.can.manageMeetings && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="meeting-create">召开联席会议</Button>}
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'actions' ? { tab: 'actions' } : {}, { replace: true })}
        items={[
          ...(readsMeetings ? [{ key: 'meetings', label: '会议', children: meetingTable }] : []),
          { key: 'actions', label: <span data-testid="tab-actions">督办事项 <Badge count={overdue} size="small" title={`逾期 ${overdue} 项`} /></span>, children: <ActionItemsView /> },
        ]}
      />
      {isCreating && <MeetingFormModal onClose={() => setCreating(false)} onSaved={(id) => navigate(`/meetings/${id}`)} />}
    </div>
  );
}
