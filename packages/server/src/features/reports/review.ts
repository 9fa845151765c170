import { periodText, reportActionRefusal, type ReportReviewInput, type ReportStatus } from '@tuijin/core';
import type { Tx } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { can } from '../../lib/permissions';
import { inTransaction, nowIso, parseJson } from '../../lib/records';
import type { AuditRecord } from '../../lib/audit';
import { notify, settleNotices, usersOfOrgs } from '../notifications/service';
import type { NodeMet } from './present';
import { findReport, type ReportRow } from './queries';
import { loadReport } from './service';

// The reviewer's side: the responsible department (or the office) approves a submitted report
// or returns it with comments. An approved report is what the ledger then says: the year's
// completed investment and the key nodes met are written through, each change audited.

async function reviewableReport(ctx: AppContext, tx: Tx, user: SessionUser, id: number, version: number, action: 'approve' | 'return') {
  const r = await findReport(tx, user, id);
  if (!r) throw notFound('月报');
  if (!can(user, 'reviewReports')) throw new AppError('forbidden', '只有责任单位或重点项目办可以审核月报');
  if (r.version !== version) throw versionConflict(await loadReport(ctx, tx, user, id));
  // A closed month takes no more changes from the company, so sending a report back is pointless
  // then; a report sent in time is still approved after the office closes the month.
  if (r.periodStatus !== 'open' && action === 'return') throw new AppError('unprocessable', `${periodText(r.period)}月报已关闭，不能再退回；如需退回修改，请重点项目办先重新开启该月`);
  const refusal = reportActionRefusal(r.status as ReportStatus, action, { side: 'reviewer', userId: user.id }, r.submittedBy);
  if (refusal) throw new AppError('unprocessable', refusal);
  return r;
}

export async function returnReport(ctx: AppContext, user: SessionUser, id: number, input: ReportReviewInput) {
  if (!input.comment?.trim()) throw new AppError('validation_failed', '审核意见：退回时必须写明原因', [{ field: 'comment', message: '审核意见：退回时必须写明原因' }]);
  return decide(ctx, user, id, input, 'return');
}

export async function approveReport(ctx: AppContext, user: SessionUser, id: number, input: ReportReviewInput) {
  return decide(ctx, user, id, input, 'approve');
}

async function decide(ctx: AppContext, user: SessionUser, id: number, input: ReportReviewInput, action: 'approve' | 'return') {
  return inTransaction(ctx, user, async (tx, audit) => {
    const r = await reviewableReport(ctx, tx, user, id, input.version, action);
    const at = nowIso(ctx);
    const to = action === 'approve' ? 'approved' : 'returned';
    const done = await tx.updateTable('monthlyReport').set({
      status: to, reviewedAt: at, reviewedBy: user.id, reviewComment: input.comment ?? null,
      returnCount: action === 'return' ? r.returnCount + 1 : r.returnCount,
      version: input.version + 1, updatedAt: at, updatedBy: user.id,
    }).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(await loadReport(ctx, tx, user, id));
    await tx.insertInto('reportEvent').values({ reportId: id, action, fromStatus: r.status, toStatus: to, comment: input.comment ?? null, userId: user.id, at }).execute();
    await audit({ action, objectType: 'monthly_report', objectId: id, projectId: r.projectId, before: { status: r.status }, after: { status: to, comment: input.comment ?? null } });
    if (action === 'approve') await applyToLedger(tx, r, at, audit);
    await settleNotices(tx, `/reports/${id}`, ['report_submitted'], at);
    const recipients = [...(r.submittedBy ? [r.submittedBy] : []), ...(await usersOfOrgs(tx, [r.ownerOrgId], 'reporter'))];
    await notify(tx, recipients, action === 'approve'
      ? { kind: 'report_approved', title: `${r.projectName} ${periodText(r.period)}月报已审核通过`, body: input.comment ?? null, link: `/reports/${id}` }
      : { kind: 'report_returned', title: `${r.projectName} ${periodText(r.period)}月报被退回`, body: `退回原因：${input.comment}`, link: `/reports/${id}` }, at);
    return loadReport(ctx, tx, user, id);
  });
}

/**
 * What an approved report tells the ledger: the year's completed investment through this month
 * (never overwriting a later month's figure) and the actual dates of the key nodes it met
 * (never overwriting a date already recorded).
 */
async function applyToLedger(tx: Tx, r: ReportRow, at: string, audit: (record: AuditRecord) => Promise<void>) {
  const year = Number(r.period.slice(0, 4));
  const plan = await tx.selectFrom('annualPlan').select(['id', 'completed', 'completedThrough', 'version']).where('projectId', '=', r.projectId).where('year', '=', year).executeTakeFirst();
  if (plan && r.ytd != null && (plan.completedThrough == null || plan.completedThrough <= r.period) && (plan.completed !== r.ytd || plan.completedThrough !== r.period)) {
    await tx.updateTable('annualPlan').set({ completed: r.ytd, completedThrough: r.period, version: plan.version + 1, updatedAt: at }).where('id', '=', plan.id).execute();
    await audit({ action: 'update', objectType: 'annual_plan', objectId: plan.id, projectId: r.projectId, before: { completed: plan.completed, completedThrough: plan.completedThrough }, after: { completed: r.ytd, completedThrough: r.period, fromReport: r.id } });
  }
  for (const met of parseJson<NodeMet[]>(r.nodesMet, [])) {
    const node = await tx.selectFrom('projectNode').select(['id', 'actualDate', 'version']).where('id', '=', met.nodeId).where('projectId', '=', r.projectId).executeTakeFirst();
    if (!node || node.actualDate) continue;
    await tx.updateTable('projectNode').set({ actualDate: met.date, version: node.version + 1, updatedAt: at }).where('id', '=', node.id).execute();
    await audit({ action: 'update', objectType: 'node', objectId: node.id, projectId: r.projectId, before: { actualDate: null }, after: { actualDate: met.date, fromReport: r.id } });
  }
}
