import { Tag, Tooltip } from 'antd';
import { REPORT_STATUS_LABEL, type Punctuality, type ReportStatus } from '@tuijin/core';

// The marks the month's lists share: a report's status, whether it came late, and how many of
// its photos the checks (time, place, copy) doubt, so a reviewer sees where to look first.

const STATUS_COLOR: Record<ReportStatus, string> = { draft: 'gold', submitted: 'processing', returned: 'orange', approved: 'success' };

/** 未填报 is a draft nobody has touched yet: grey, not the yellow of a started draft. */
export function ReportStatusTag({ status, isStarted = true }: { status: ReportStatus; isStarted?: boolean }) {
  const isUntouched = status === 'draft' && !isStarted;
  return (
    <Tag color={isUntouched ? 'default' : STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {isUntouched ? '未填报' : REPORT_STATUS_LABEL[status]}
    </Tag>
  );
}

/** 迟报: sent after the deadline day; 逾期: the deadline passed and nothing was sent. */
export function PunctualityTag({ punctuality }: { punctuality: Punctuality }) {
  if (punctuality === 'late') return <Tag color="red" bordered={false} style={{ marginInlineEnd: 0 }}>迟报</Tag>;
  if (punctuality === 'missing') return <Tag color="red" style={{ marginInlineEnd: 0 }}>逾期未报</Tag>;
  return null;
}

export const LateTag = () => <Tag color="red" bordered={false} style={{ marginInlineEnd: 0 }}>迟报</Tag>;

/**
 * 12 张 · 1 未通过 · 2 待核实 — a report's photos and those the checks doubt, in one cell that
 * wraps instead of spilling into the next column. Failed photos are a red tag: 需重点核查.
 */
export function PhotoCounts({ photoCount, failedCount, flaggedCount }: { photoCount: number; failedCount: number; flaggedCount: number }) {
  if (!photoCount) return <span style={{ color: '#bfbfbf' }}>无</span>;
  return (
    <span className="num photo-counts" data-testid="photo-counts">
      <span>{photoCount} 张</span>
      {failedCount > 0 && (
        <Tooltip title="需重点核查：拍摄时间、地点或重复照片核验未通过">
          <Tag color="red" bordered={false} style={{ marginInlineEnd: 0, fontWeight: 600 }} data-testid="photo-counts-failed">{failedCount} 未通过</Tag>
        </Tooltip>
      )}
      {flaggedCount > 0 && (
        <Tooltip title="照片缺少拍摄时间或位置信息，需人工核实">
          <span style={{ color: '#d46b08' }}>{flaggedCount} 待核实</span>
        </Tooltip>
      )}
    </span>
  );
}
