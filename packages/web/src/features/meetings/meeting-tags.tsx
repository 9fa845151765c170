import { Tag, Typography } from 'antd';
import type { ActionStatus, AgendaSource, MeetingStatus } from '@tuijin/core';
import type { ActionItem } from './types';

// The marks the meeting pages share: where an agenda item came from, the meeting's status,
// an action item's status and how late it is.

const SOURCE_COLOR: Record<AgendaSource, string> = { obstacle: 'volcano', warning: 'red', action: 'gold', other: 'default' };
export function SourceTag({ source, label }: { source: AgendaSource; label: string }) {
  return <Tag color={SOURCE_COLOR[source]} bordered={false} style={{ marginInlineEnd: 0 }} data-testid="agenda-source">{label}</Tag>;
}

const MEETING_COLOR: Record<MeetingStatus, string> = { draft: 'blue', held: 'orange', closed: 'green' };
export function MeetingStatusTag({ status, label }: { status: MeetingStatus; label: string }) {
  return <Tag color={MEETING_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid="meeting-status">{label}</Tag>;
}

const ACTION_COLOR: Record<ActionStatus, string> = { open: 'processing', done: 'success', cancelled: 'default' };
export function ActionStatusTag({ action }: { action: Pick<ActionItem, 'status' | 'statusLabel' | 'isOverdue'> }) {
  if (action.isOverdue) return <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="action-status">逾期</Tag>;
  return <Tag color={ACTION_COLOR[action.status]} style={{ marginInlineEnd: 0 }} data-testid="action-status">{action.statusLabel}</Tag>;
}

/** 完成时限 with how late it is. */
export function DeadlineText({ action }: { action: Pick<ActionItem, 'deadline' | 'isOverdue' | 'daysOverdue'> }) {
  if (!action.deadline) return <Typography.Text type="secondary">未设时限</Typography.Text>;
  return (
    <span className="num">
      {action.deadline}
      {action.isOverdue && <Typography.Text type="danger" style={{ marginInlineStart: 6, fontSize: 12 }}>逾期 {action.daysOverdue} 天</Typography.Text>}
    </span>
  );
}
