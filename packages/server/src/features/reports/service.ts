import { chinaDate, isPeriod, periodText, reportActionRefusal, type ReportSaveInput, type ReportStatus } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { Updateable } from 'kysely';
import type { MonthlyReportTable } from '../../db/types';

type MonthlyReportPatch = Updateable<MonthlyReportTable>;
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { can } from '../../lib/permissions';
import { diff, inTransaction, nowIso } from '../../lib/records';
import { findMediaOf } from '../media/queries';
import { presentMedia } from '../media/present';
import { findProject } from '../projects/queries';
import { loadReportSettings, regionLine } from '../settings/report-settings';
import { presentReport, type ReportDetail } from './present';
import { findPreviousFigures, findReport, type ReportRow } from './queries';

export async function loadReport(ctx: AppContext, db: Executor, user: SessionUser, id: number): Promise<ReportDetail> {
  const r = await findReport(db, user, id);
  if (!r) throw notFound('月报');
  const year = Number(r.period.slice(0, 4));
  const [previous, plan, nodes, media, events, settings, points] = await Promise.all([
    findPreviousFigures(db, r.projectId, r.period),
    db.selectFrom('annualPlan').select(['plan', 'target', 'monthly', 'completed', 'completedThrough']).where('projectId', '=', r.projectId).where('year', '=', year).executeTakeFirst(),
    db.selectFrom('projectNode').select(['id', 'name', 'kind', 'plannedDate', 'actualDate']).where('projectId', '=', r.projectId).orderBy('plannedDate').orderBy('id').execute(),
    findMediaOf(db, { reportIds: [r.id] }),
    db.selectFrom('reportEvent').leftJoin('appUser', 'appUser.id', 'reportEvent.userId')
      .select(['reportEvent.action', 'reportEvent.fromStatus', 'reportEvent.toStatus', 'reportEvent.comment', 'reportEvent.at', 'appUser.displayName as userName'])
      .where('reportEvent.reportId', '=', r.id).orderBy('reportEvent.id').execute(),
    loadReportSettings(db, r.regionCode),
    db.selectFrom('shootingPoint').select(['id', 'name', 'description']).where('projectId', '=', r.projectId).where('deletedAt', 'is', null).orderBy('sort').orderBy('id').execute(),
  ]);
  return presentReport(user, r, {
    previous,
    plan: plan ? { ...plan, monthly: plan.monthly ? (JSON.parse(plan.monthly) as number[]) : null } : null,
    nodes, media: media.map(presentMedia), events, points,
    settings: { minPhotos: settings.minPhotos, maxImageMb: settings.maxImageMb, maxVideoMb: settings.maxVideoMb },
  }, ctx.clock.now());
}

/** The report of a project and month, made when the month is open and the project has none yet. */
export async function startReport(ctx: AppContext, user: SessionUser, input: { projectId: number; period: string }) {
  if (!isPeriod(input.period)) throw new AppError('validation_failed', '月份：必须是有效月份（YYYY-MM）', [{ field: 'period', message: '月份：必须是有效月份（YYYY-MM）' }]);
  return inTransaction(ctx, user, async (tx, audit) => {
    const project = await findProject(tx, user, input.projectId);
    if (!project) throw notFound('项目');
    const existing = await tx.selectFrom('monthlyReport').select('id').where('projectId', '=', project.id).where('period', '=', input.period).executeTakeFirst();
    if (existing) return loadReport(ctx, tx, user, existing.id);
    const period = await tx.selectFrom('reportingPeriod').select(['id', 'status'])
      .where('regionCode', 'in', regionLine(project.regionCode)).where('period', '=', input.period)
      .orderBy('regionCode', 'desc').executeTakeFirst();
    if (!period) throw new AppError('unprocessable', `${periodText(input.period)}月报尚未开启，请联系重点项目办`);
    if (period.status !== 'open') throw new AppError('unprocessable', `${periodText(input.period)}月报已关闭`);
    const at = nowIso(ctx);
    const { id } = await tx.insertInto('monthlyReport').values({
      projectId: project.id, periodId: period.id, period: input.period, status: 'draft', createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow();
    await audit({ action: 'create', objectType: 'monthly_report', objectId: id, projectId: project.id, after: { period: input.period } });
    return loadReport(ctx, tx, user, id);
  });
}

/** A report the company side may change now, or the reason it may not. */
export async function editableReport(ctx: AppContext, tx: Executor, user: SessionUser, id: number, version: number | null, action: 'save' | 'submit'): Promise<ReportRow> {
  const r = await findReport(tx, user, id);
  if (!r) throw notFound('月报');
  if (!can(user, 'fillReports')) throw new AppError('forbidden', '当前角色不能填报月报');
  if (version != null && r.version !== version) throw versionConflict(await loadReport(ctx, tx, user, id));
  if (r.periodStatus !== 'open') throw new AppError('unprocessable', `${periodText(r.period)}月报已关闭，不能再修改`);
  const refusal = reportActionRefusal(r.status as ReportStatus, action, { side: 'company', userId: user.id }, r.submittedBy);
  if (refusal) throw new AppError('unprocessable', refusal);
  return r;
}

/** Input fields → columns (JSON lists as text, the flag as 0/1). */
function toColumns(input: Omit<ReportSaveInput, 'version'>): MonthlyReportPatch {
  const row: Record<string, unknown> = { ...input };
  for (const key of ['funds', 'nodesMet', 'problems'] as const) if (input[key] !== undefined) row[key] = JSON.stringify(input[key]);
  if (input.noChange !== undefined) row.noChange = input.noChange ? 1 : 0;
  return row as MonthlyReportPatch;
}

export async function saveReport(ctx: AppContext, user: SessionUser, id: number, input: ReportSaveInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const current = await editableReport(ctx, tx, user, id, input.version, 'save');
    const { version, ...fields } = input;
    await assertNodesOfProject(tx, current.projectId, input.nodesMet, chinaDate(ctx.clock.now()));
    await assertOwnObstacles(tx, id, input.problems);
    const row = toColumns(fields);
    const { before, after } = diff(current as unknown as Record<string, unknown>, row as Record<string, unknown>);
    if (Object.keys(after).length === 0) return loadReport(ctx, tx, user, id);
    const at = nowIso(ctx);
    const done = await tx.updateTable('monthlyReport')
      .set({ ...row, version: version + 1, updatedAt: at, updatedBy: user.id, startedAt: current.startedAt ?? at })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(await loadReport(ctx, tx, user, id));
    await audit({ action: 'update', objectType: 'monthly_report', objectId: id, projectId: current.projectId, before, after });
    return loadReport(ctx, tx, user, id);
  });
}

async function assertNodesOfProject(tx: Executor, projectId: number, nodesMet: ReportSaveInput['nodesMet'], today: string) {
  if (!nodesMet?.length) return;
  const future = nodesMet.findIndex((n) => n.date > today);
  if (future >= 0) throw new AppError('validation_failed', `完成节点第 ${future + 1} 项的日期：不能晚于今天`, [{ field: `nodesMet.${future}.date`, message: `完成节点第 ${future + 1} 项的日期：不能晚于今天` }]);
  const ids = [...new Set(nodesMet.map((n) => n.nodeId))];
  if (ids.length !== nodesMet.length) throw new AppError('validation_failed', '完成节点：同一节点只能填写一次', [{ field: 'nodesMet', message: '完成节点：同一节点只能填写一次' }]);
  const rows = await tx.selectFrom('projectNode').select('id').where('projectId', '=', projectId).where('id', 'in', ids).execute();
  if (rows.length !== ids.length) throw new AppError('validation_failed', '完成节点：不是本项目的关键节点', [{ field: 'nodesMet', message: '完成节点：不是本项目的关键节点' }]);
}

/** A problem may name only an obstacle this report raised before (kept when it is sent again). */
async function assertOwnObstacles(tx: Executor, reportId: number, problems: ReportSaveInput['problems']) {
  const ids = (problems ?? []).map((p) => p.obstacleId).filter((v): v is number => v != null);
  if (!ids.length) return;
  const rows = await tx.selectFrom('obstacle').select('id').where('source', '=', 'report').where('sourceId', '=', reportId).where('id', 'in', ids).execute();
  if (rows.length !== new Set(ids).size) throw new AppError('validation_failed', '存在问题：问题编号不属于本月报', [{ field: 'problems', message: '存在问题：问题编号不属于本月报' }]);
}
