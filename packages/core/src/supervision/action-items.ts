import { daysBetween } from '../period';
import type { ActionStatus } from './catalog';

// 督办事项: what a joint meeting (or an inspection) assigned to a unit or a person, with a
// deadline, tracked to closure like an obstacle: 办理中 → 已完成 (with what was done) or
// 已取消 (the office withdraws it); the office may reopen either.

/** Overdue: still open and its deadline (a China calendar date) has passed. */
export function isActionOverdue(a: { status: string; deadline: string | null }, today: string): boolean {
  return a.status === 'open' && a.deadline != null && a.deadline < today;
}

/** Days past the deadline of an open item, 0 when not overdue. */
export function actionDaysOverdue(a: { status: string; deadline: string | null }, today: string): number {
  return isActionOverdue(a, today) ? daysBetween(a.deadline!, today) : 0;
}

/**
 * Why a status change is refused, or null. The owner (the department it was assigned to) may
 * only report it done, with a note of what was done; the office may also cancel or reopen.
 */
export function actionTransitionRefusal(
  from: ActionStatus,
  to: ActionStatus,
  facts: { isOffice: boolean; doneNote: string | null },
): string | null {
  if (from === to) return to === 'open' ? '该督办事项正在办理中' : to === 'done' ? '该督办事项已完成' : '该督办事项已取消';
  if (to === 'done') {
    if (from !== 'open') return '已取消的督办事项不能直接办结，请先恢复办理';
    if (!facts.doneNote) return '办结说明：请写明办理结果';
    return null;
  }
  if (!facts.isOffice) return to === 'cancelled' ? '只有重点项目办可以取消督办事项' : '只有重点项目办可以重新启动督办事项';
  if (to === 'cancelled' && !facts.doneNote) return '办结说明：取消督办事项请写明原因';
  return null;
}
