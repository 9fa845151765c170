import { Tag, Typography } from 'antd';
import { OBSTACLE_STAGE_LABEL, OBSTACLE_STATUS_LABEL, type ObstacleStage, type ObstacleStatus } from '@tuijin/core';

// The ladder in colour: 交办 is routine, 提醒 a first warning, 督办 serious, 约谈 the most serious.

export const STAGE_COLOR: Record<ObstacleStage, string> = { assigned: 'blue', reminded: 'gold', supervised: 'orange', interviewed: 'red' };
const STATUS_COLOR: Record<ObstacleStatus, string> = { open: 'processing', resolved: 'warning', closed: 'success' };

export function ObstacleStageTag({ stage }: { stage: ObstacleStage }) {
  return <Tag color={STAGE_COLOR[stage]} style={{ marginInlineEnd: 0 }} data-testid="obstacle-stage">{OBSTACLE_STAGE_LABEL[stage] ?? stage}</Tag>;
}

export function ObstacleStatusTag({ status }: { status: ObstacleStatus }) {
  return <Tag color={STATUS_COLOR[status]} bordered={false} style={{ marginInlineEnd: 0 }} data-testid="obstacle-status">{OBSTACLE_STATUS_LABEL[status] ?? status}</Tag>;
}

/** 办理期限 with how far past it the obstacle is, in red; without a given one, the default it runs against. */
export function DueText({ o }: { o: { deadline: string | null; dueOn: string | null; overdueDays: number } }) {
  const due = o.deadline ?? o.dueOn;
  if (!due) return <Typography.Text type="secondary">未定</Typography.Text>;
  return (
    <span className="num" style={{ whiteSpace: 'nowrap' }}>
      {due}
      {!o.deadline && <Typography.Text type="secondary" style={{ fontSize: 12 }}>（默认）</Typography.Text>}
      {o.overdueDays > 0 && <Typography.Text type="danger" strong style={{ marginInlineStart: 6, fontSize: 12 }} data-testid="obstacle-overdue">逾期 {o.overdueDays} 天</Typography.Text>}
    </span>
  );
}
