import { useState } from 'react';
import { Alert, App, Button, Empty, Space, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, EditOutlined, PlusOutlined, ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../app/api-client';
import { LoadError, PageSpin } from '../../components/page-state';
import { useMeeting, useMeetingStatus, useRebuildAgenda, useRemoveItem, useReorderAgenda } from './api';
import { ObstacleDialog } from '../obstacles/raise-obstacle-dialog';
import { ActionModal } from './action-modal';
import { ActionTable } from './action-table';
import { AgendaItemCard, type ItemHandlers } from './agenda-item-card';
import { AttendeesModal } from './attendees-modal';
import { ItemModal } from './item-modal';
import { MeetingFormModal } from './meeting-form-modal';
import { MeetingStatusTag } from './meeting-tags';
import type { ActionItem, MeetingItem, MeetingView } from './types';

// /meetings/:id: the meeting from agenda to final minutes. 筹备中: the agenda built itself and
// the office edits it; 已召开: the minutes are written per item, action items assigned; 纪要已定稿:
// locked, the obstacles discussed linked, the owners told. The minutes download as .docx.

type Dialog =
  | { kind: 'meeting' } | { kind: 'attendees' } | { kind: 'item'; item?: MeetingItem; focus?: 'minutes' }
  | { kind: 'action'; action?: ActionItem; itemId?: number | null } | { kind: 'obstacle'; projectId: number };

const STEP: Record<MeetingView['status'], number> = { draft: 0, held: 1, closed: 2 };

function useWrite() {
  const { message, modal } = App.useApp();
  return async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) message.success(done);
    } catch (error) {
      if (isApiError(error, 'version_conflict')) modal.warning({ title: '会议已被他人修改', content: '页面已刷新为最新内容，请查看后再操作。', okText: '知道了' });
      else message.error(errorMessage(error));
    }
  };
}

export function MeetingPage() {
  const id = Number(useParams().id);
  const { data: m, error, refetch, isLoading } = useMeeting(id);
  const { modal } = App.useApp();
  const write = useWrite();
  const status = useMeetingStatus(id);
  const rebuild = useRebuildAgenda(id);
  const reorder = useReorderAgenda(id);
  const remove = useRemoveItem(id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (isLoading) return <PageSpin />;
  if (error || !m) return <LoadError error={error} onRetry={() => void refetch()} extra={<Link to="/meetings"><Button>返回会议列表</Button></Link>} />;

  const handlers: ItemHandlers = {
    onEdit: (item, focus) => setDialog({ kind: 'item', item, focus }),
    onAddAction: (item) => setDialog({ kind: 'action', itemId: item.id }),
    onRaiseObstacle: (item) => {
      if (item.projectId != null) setDialog({ kind: 'obstacle', projectId: item.projectId });
    },
    onMove: (item, by) => {
      const ids = m.items.map((i) => i.id);
      const at = ids.indexOf(item.id);
      [ids[at], ids[at + by]] = [ids[at + by]!, ids[at]!];
      void write(() => reorder.mutateAsync({ version: m.version, itemIds: ids }));
    },
    onRemove: (item) => modal.confirm({
      title: '将该议题移出议程？', content: item.source === 'other' ? item.title : `${item.title}（重新生成议程时不会再自动加入）`, okText: '移出', okButtonProps: { danger: true }, cancelText: '取消',
      onOk: () => write(() => remove.mutateAsync({ itemId: item.id, version: item.version }), '已移出议程'),
    }),
  };
  const unrecorded = m.items.filter((i) => !i.reported && !i.decided && !i.actions.length).length;
  const confirmStatus = (to: 'held' | 'closed') => modal.confirm({
    title: to === 'held' ? '标记会议已召开？' : '定稿会议纪要？',
    content: to === 'held' ? '议程将不再自动生成，可开始记录各议题的汇报情况和议定事项。' : (
      <>
        <p>定稿后纪要不能再修改；上会研究的问题将记入其督办过程，督办事项的责任单位会收到通知。</p>
        {unrecorded > 0 && <p data-testid="meeting-close-unrecorded" style={{ color: '#d46b08' }}>有 {unrecorded} 项议题未记录汇报情况、议定事项或督办事项，纪要中将列为「未及研究，转下次会议」。</p>}
      </>
    ),
    okText: to === 'held' ? '已召开' : '定稿', cancelText: '取消',
    onOk: () => write(() => status.mutateAsync({ version: m.version, status: to }), to === 'held' ? '会议已召开，请记录汇报和议定事项' : '会议纪要已定稿'),
  });

  return (
    <div data-testid="meeting-page">
      <div className="page-card" style={{ marginBottom: 12 }}>
        <Link to="/meetings" style={{ fontSize: 13 }}><ArrowLeftOutlined /> 联席会议</Link>
        <div className="page-title" style={{ marginTop: 8 }}>
          <Space align="center" size={10} wrap>
            <h1 data-testid="meeting-title">{m.title}</h1>
            <MeetingStatusTag status={m.status} label={m.statusLabel} />
          </Space>
          <Space wrap>
            {m.canEdit && <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'meeting' })} data-testid="meeting-edit">编辑会议信息</Button>}
            {m.canRebuild && <Button icon={<ReloadOutlined />} loading={rebuild.isPending} onClick={() => void write(() => rebuild.mutateAsync({ version: m.version }), '议程已重新生成，已保留手工修改')} data-testid="meeting-rebuild">重新生成议程</Button>}
            {m.canManage && m.status === 'draft' && <Button type="primary" onClick={() => confirmStatus('held')} data-testid="meeting-hold">标记为已召开</Button>}
            {m.canManage && m.status === 'held' && <Button type="primary" onClick={() => confirmStatus('closed')} data-testid="meeting-close">定稿会议纪要</Button>}
            <Button icon={<DownloadOutlined />} href={m.minutesUrl} download data-testid="meeting-minutes">下载会议纪要</Button>
          </Space>
        </div>
        <div className="meta-line" data-testid="meeting-meta">
          <span>会议日期：{m.heldOn}</span>
          <span>地点：{m.place ?? '未填写'}</span>
          <span>主持人：{m.chair ?? '未填写'}</span>
          <span>议题 {m.counts.items} 项 · 督办事项 {m.counts.actions} 项{m.counts.overdueActions ? `（逾期 ${m.counts.overdueActions}）` : ''}</span>
        </div>
        <Steps
          size="small"
          current={STEP[m.status]}
          style={{ marginTop: 16, maxWidth: 720 }}
          items={[
            { title: '筹备', description: '议程自动生成，可编辑' },
            { title: '召开', description: '记录汇报、议定、督办事项' },
            { title: '纪要定稿', description: '锁定，通知责任单位' },
          ]}
        />
        {m.summary && <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}><Typography.Text type="secondary">会议概述：</Typography.Text>{m.summary}</Typography.Paragraph>}
      </div>

      <div className="page-card" style={{ marginBottom: 12 }}>
        <div className="page-title">
          <Space align="baseline" size={12}>
            <h1>议程</h1>
            <Typography.Text type="secondary">自动列入：已到督办/约谈或逾期的问题、红色预警项目、到期或逾期的督办事项；严重的在前</Typography.Text>
          </Space>
          {m.canEdit && <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'item' })} data-testid="agenda-add">添加议题</Button>}
        </div>
        {m.items.length === 0 && <Empty description="暂无议题：目前没有需要上会研究的事项，可手工添加议题" />}
        {m.items.map((item, index) => <AgendaItemCard key={item.id} meeting={m} item={item} index={index} handlers={handlers} />)}
        {m.removedItems.length > 0 && (
          <Alert type="info" showIcon style={{ marginTop: 4 }} message={`已移出议程 ${m.removedItems.length} 项（重新生成时不再加入）：${m.removedItems.map((i) => i.title).join('；')}`} />
        )}
      </div>

      <div className="page-card" style={{ marginBottom: 12 }}>
        <div className="page-title">
          <h1><TeamOutlined /> 参会人员</h1>
          {m.canEdit && <Button onClick={() => setDialog({ kind: 'attendees' })} data-testid="attendees-edit">编辑参会人员</Button>}
        </div>
        {m.attendees.length
          ? <Space size={[8, 8]} wrap data-testid="attendees">{m.attendees.map((a, i) => <Tag key={i} style={{ padding: '2px 8px' }}>{a.name}{a.unit ? <Typography.Text type="secondary">（{a.unit}）</Typography.Text> : null}</Tag>)}</Space>
          : <Typography.Text type="secondary">尚未填写；定稿纪要前请填写参会人员。</Typography.Text>}
      </div>

      <div className="page-card">
        <div className="page-title">
          <Space align="baseline" size={12}>
            <h1>督办事项</h1>
            <Typography.Text type="secondary">会议交办的事项，责任单位按时限办结，跟踪至销号</Typography.Text>
          </Space>
          {m.canEdit && <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'action' })} data-testid="action-add">添加督办事项</Button>}
        </div>
        <ActionTable actions={m.actions} onEdit={m.canEdit ? (action) => setDialog({ kind: 'action', action }) : undefined} testId="meeting-action-table" />
      </div>

      {dialog?.kind === 'meeting' && <MeetingFormModal meeting={m} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'attendees' && <AttendeesModal meeting={m} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'item' && <ItemModal meeting={m} item={dialog.item} focus={dialog.focus} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'obstacle' && <ObstacleDialog projectId={dialog.projectId} meetingId={m.id} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'action' && <ActionModal meeting={m} action={dialog.action} itemId={dialog.itemId} onClose={() => setDialog(null)} />}
    </div>
  );
}
