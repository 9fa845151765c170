// The life of a monthly report (月报): the company's reporter fills a draft and submits it;
// the responsible department (or the office) approves it or returns it with comments; a
// returned report is corrected and submitted again. A submitted report is locked.

export const REPORT_STATUS_LABEL = {
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回',
  approved: '已审核',
} as const;
export type ReportStatus = keyof typeof REPORT_STATUS_LABEL;

export type ReportAction = 'save' | 'submit' | 'return' | 'approve';

export const REPORT_ACTION_LABEL: Record<ReportAction, string> = {
  save: '保存草稿', submit: '报送', return: '退回', approve: '审核通过',
};

const MOVES: Record<ReportAction, { from: readonly ReportStatus[]; to: ReportStatus }> = {
  save: { from: ['draft', 'returned'], to: 'draft' },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
};

export interface ReportActor {
  /** Acting as the project's company (reporter) or as a reviewer (department or office). */
  side: 'company' | 'reviewer';
  userId: number;
}

/**
 * Whether an actor may take an action on a report in a status, and if not, why (Chinese).
 * Reviewers never approve what they submitted themselves (四眼原则: the office may fill a
 * report for a company, but then someone else approves it).
 */
export function reportActionRefusal(
  status: ReportStatus,
  action: ReportAction,
  actor: ReportActor,
  submittedBy: number | null,
): string | null {
  const move = MOVES[action];
  if (!move.from.includes(status)) {
    return `月报当前为「${REPORT_STATUS_LABEL[status]}」，不能${REPORT_ACTION_LABEL[action]}`;
  }
  if ((action === 'return' || action === 'approve') && actor.side !== 'reviewer') return '只有责任单位或重点项目办可以审核月报';
  if (action === 'approve' && submittedBy === actor.userId) return '不能审核自己报送的月报';
  return null;
}

export function statusAfter(action: ReportAction): ReportStatus {
  return MOVES[action].to;
}
