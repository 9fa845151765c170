import { useState, type ReactNode } from 'react';
import { App, Button, Grid, List, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../app/api-client';
import { useMe } from '../../app/auth';
import { useDeleteAction, useUpdateAction } from './api';
import { ActionCloseModal } from './action-close-modal';
import { ActionStatusTag, DeadlineText } from './meeting-tags';
import type { ActionItem } from './types';

// 督办事项 as a table: what, on which project, who (责任单位/责任人), by when, where it stands;
// the owner reports it done, the office cancels, reopens, rewords or deletes it. On a phone each
// one is a card with the same facts, an overdue one in red with how many days late.

/** Which meeting decided it (or 督导检查交办), a link for those who read meetings. */
function MeetingOf({ a, readsMeetings }: { a: ActionItem; readsMeetings: boolean }) {
  if (!a.meetingId) return <>督导检查交办</>;
  return readsMeetings ? <Link to={`/meetings/${a.meetingId}`}>{a.meetingTitle}</Link> : <>{a.meetingTitle}</>;
}

function DoneNote({ a }: { a: ActionItem }) {
  if (!a.doneNote) return null;
  return <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{a.status === 'cancelled' ? '取消原因' : '办理结果'}：{a.doneNote}</Typography.Text>;
}

function ActionCard({ a, n, showMeeting, readsMeetings, buttons }: { a: ActionItem; n: number; showMeeting?: boolean; readsMeetings: boolean; buttons: ReactNode }) {
  return (
    <List.Item className={`phone-card${a.isOverdue ? ' phone-card-overdue' : ''}`} data-testid="action-card">
      <div className="phone-card-head">
        <span className="phone-card-title" data-testid="action-row"><span className="num" style={{ color: '#8c8c8c' }}>{n}. </span>{a.description}</span>
        <ActionStatusTag action={a} />
      </div>
      {showMeeting && <div className="cell-sub" style={{ marginTop: 2 }}><MeetingOf a={a} readsMeetings={readsMeetings} /></div>}
      <div className="meta-line phone-card-facts">
        <span><span className="phone-card-label">责任单位</span>{a.ownerOrgName ?? '—'}{a.ownerPersonName && ` · ${a.ownerPersonName}`}</span>
        <span className={a.isOverdue ? 'phone-card-danger' : undefined} data-testid="action-card-deadline"><span className="phone-card-label">完成时限</span><DeadlineText action={a} /></span>
        {a.projectId && <span style={{ whiteSpace: 'normal' }}><span className="phone-card-label">项目</span><Link to={`/projects/${a.projectId}`}>{a.projectName}</Link></span>}
      </div>
      <DoneNote a={a} />
      {buttons}
    </List.Item>
  );
}

export function ActionTable({ actions, loading, showMeeting, onEdit, testId = 'action-table' }: {
  actions: ActionItem[];
  loading?: boolean;
  /** Across meetings: which meeting decided each one. */
  showMeeting?: boolean;
  onEdit?: (a: ActionItem) => void;
  testId?: string;
}) {
  const { modal, message } = App.useApp();
  const update = useUpdateAction();
  const remove = useDeleteAction();
  const [closing, setClosing] = useState<{ action: ActionItem; to: 'done' | 'cancelled' } | null>(null);
  const isNarrow = Grid.useBreakpoint().md === false;
  // A department reads the items given to it, not the meetings (their link would be refused).
  const readsMeetings = !['department', 'reporter'].includes(useMe().role);

  const reopen = (a: ActionItem) => modal.confirm({
    title: '重新办理该督办事项？', content: '办理结果将被清除，责任单位会收到退回重办的通知。', okText: '重新办理', cancelText: '取消',
    onOk: async () => {
      try { await update.mutateAsync({ id: a.id, version: a.version, status: 'open' }); message.success('已退回重新办理'); } catch (e) { message.error(errorMessage(e)); }
    },
  });
  const del = (a: ActionItem) => modal.confirm({
    title: '删除该督办事项？', content: a.description, okText: '删除', okButtonProps: { danger: true }, cancelText: '取消',
    onOk: async () => {
      try { await remove.mutateAsync({ id: a.id, version: a.version }); message.success('已删除'); } catch (e) { message.error(errorMessage(e)); }
    },
  });

  const buttons = (a: ActionItem) => (
    <Space size={0} wrap>
      {a.status === 'open' && a.canSetStatus && <Button type="link" size="small" onClick={() => setClosing({ action: a, to: 'done' })} data-testid="action-done">办结</Button>}
      {a.status !== 'open' && a.canCancel && <Button type="link" size="small" onClick={() => reopen(a)} data-testid="action-reopen">重新办理</Button>}
      {a.status === 'open' && a.canCancel && <Button type="link" size="small" onClick={() => setClosing({ action: a, to: 'cancelled' })}>取消</Button>}
      {a.canEdit && onEdit && <Button type="link" size="small" onClick={() => onEdit(a)} data-testid="action-edit">修改</Button>}
      {a.canEdit && onEdit && <Button type="link" size="small" danger onClick={() => del(a)}>删除</Button>}
    </Space>
  );
  const hasButtons = (a: ActionItem) => (a.status === 'open' && (a.canSetStatus || a.canCancel)) || (a.status !== 'open' && a.canCancel) || (a.canEdit && onEdit != null);

  if (isNarrow) {
    return (
      <>
        <List<ActionItem>
          dataSource={actions}
          loading={loading}
          rowKey="id"
          locale={{ emptyText: '暂无督办事项' }}
          data-testid={`${testId.replace(/-table$/, '')}-cards`}
          renderItem={(a, i) => <ActionCard a={a} n={i + 1} showMeeting={showMeeting} readsMeetings={readsMeetings} buttons={hasButtons(a) ? <div style={{ marginTop: 4, marginInlineStart: -7 }}>{buttons(a)}</div> : null} />}
        />
        {closing && <ActionCloseModal action={closing.action} to={closing.to} onClose={() => setClosing(null)} />}
      </>
    );
  }

  return (
    <>
      <Table<ActionItem>
        size="small"
        rowKey="id"
        className="nowrap-head"
        data-testid={testId}
        loading={loading}
        dataSource={actions}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(a) => (a.isOverdue ? 'row-overdue' : '')}
        locale={{ emptyText: '暂无督办事项' }}
        columns={[
          { title: '序号', key: 'n', width: 56, align: 'center', render: (_v, _a, i) => <span className="num">{i + 1}</span> },
          {
            title: '督办事项', key: 'description', width: 300,
            render: (_v, a) => (
              <div style={{ whiteSpace: 'normal', minWidth: 180 }} data-testid="action-row">
                <div>{a.description}</div>
                {showMeeting && <span className="cell-sub"><MeetingOf a={a} readsMeetings={readsMeetings} /></span>}
                <DoneNote a={a} />
              </div>
            ),
          },
          { title: '项目', key: 'project', width: 170, render: (_v, a) => (a.projectId ? <Link to={`/projects/${a.projectId}`}>{a.projectName}</Link> : '—') },
          { title: '责任单位', dataIndex: 'ownerOrgName', key: 'owner', width: 130, render: (v: string | null) => v ?? '—' },
          { title: '责任人', dataIndex: 'ownerPersonName', key: 'person', width: 80, render: (v: string | null) => v ?? '—' },
          { title: '完成时限', key: 'deadline', width: 150, render: (_v, a) => <DeadlineText action={a} /> },
          { title: '状态', key: 'status', width: 70, render: (_v, a) => <ActionStatusTag action={a} /> },
          {
            title: '办理', key: 'do', width: 180,
            render: (_v, a) => buttons(a),
          },
        ]}
      />
      {closing && <ActionCloseModal action={closing.action} to={closing.to} onClose={() => setClosing(null)} />}
    </>
  );
}
