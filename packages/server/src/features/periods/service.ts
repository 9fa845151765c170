import { addMonths, chinaDate, defaultDeadline, formatPeriod, periodText, type PeriodOpenInput, type PeriodUpdateInput } from '@tuijin/core';
import type { Tx } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { scopePrefix } from '../../lib/permissions';
import { inTransaction, nowIso } from '../../lib/records';
import { notify, notifyEach, reportersByOrg } from '../notifications/service';
import { projectScope } from '../projects/policy';
import { loadReportSettings } from '../settings/report-settings';
import { presentPeriod } from './present';
import { findPeriod, projectsToReport } from './queries';

// The office's month: open a reporting period (every reporting project gets its report),
// move its deadline, remind those who have not sent, close it (and archive it), reopen it.

export async function loadPeriod(ctx: AppContext, db: Tx | AppContext['db'], user: SessionUser, id: number) {
  const p = await findPeriod(db, user, id);
  if (!p) throw notFound('报期');
  return presentPeriod(ctx, db, user, p);
}

const daysAfter = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The default deadline: the settings' day of the next month, or a week from today for a month opened late (补报). */
function defaultDeadlineFor(period: string, deadlineDay: number, today: string): string {
  const usual = defaultDeadline(period, deadlineDay);
  return usual >= today ? usual : daysAfter(today, 7);
}

/** Within the month's reach: not before the month, not after two months beyond it (or 60 days from today for a late month). */
function assertDeadline(period: string, deadline: string, today: string) {
  if (deadline < `${period}-01`) {
    throw new AppError('validation_failed', `报送截止日：不能早于 ${period} 月初`, [{ field: 'deadline', message: `报送截止日：不能早于 ${period} 月初` }]);
  }
  if (deadline > `${addMonths(period, 3)}-01` && deadline > daysAfter(today, 60)) {
    throw new AppError('validation_failed', '报送截止日：不能晚于报告月之后两个月', [{ field: 'deadline', message: '报送截止日：不能晚于报告月之后两个月' }]);
  }
}

/** Opens a month for the user's own region; `by` is null when the schedule opens it. */
export async function openPeriod(ctx: AppContext, user: SessionUser, input: PeriodOpenInput, by: number | null = user.id) {
  const today = chinaDate(ctx.clock.now());
  const current = formatPeriod(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
  if (input.period > current) throw new AppError('validation_failed', `月份：${periodText(input.period)}还没有到，不能提前开启`, [{ field: 'period', message: `月份：${periodText(input.period)}还没有到，不能提前开启` }]);
  return inTransaction(ctx, user, async (tx, audit) => {
    const settings = await loadReportSettings(tx, user.regionCode);
    const deadline = input.deadline ?? defaultDeadlineFor(input.period, settings.deadlineDay, today);
    assertDeadline(input.period, deadline, today);
    if (deadline < today) throw new AppError('validation_failed', `报送截止日：不能早于今天（${today}）`, [{ field: 'deadline', message: `报送截止日：不能早于今天（${today}）` }]);
    const exists = await tx.selectFrom('reportingPeriod').select('id').where('regionCode', '=', user.regionCode).where('period', '=', input.period).executeTakeFirst();
    if (exists) throw new AppError('conflict', `${periodText(input.period)}月报已经开启过`);
    const at = nowIso(ctx);
    const { id } = await tx.insertInto('reportingPeriod').values({
      regionCode: user.regionCode, period: input.period, deadline, status: 'open', note: input.note ?? null,
      openedAt: at, openedBy: by, createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow();
    const projects = await projectsToReport(tx, user.regionCode, scopePrefix(user), input.period);
    for (let i = 0; i < projects.length; i += 500) {
      await tx.insertInto('monthlyReport').values(projects.slice(i, i + 500).map((p) => ({
        projectId: p.id, periodId: id, period: input.period, status: 'draft', createdAt: at, updatedAt: at,
      }))).execute();
    }
    await audit({ action: 'open', objectType: 'reporting_period', objectId: id, after: { period: input.period, deadline, reports: projects.length, auto: by == null } });
    const owners = await tx.selectFrom('monthlyReport').innerJoin('project', 'project.id', 'monthlyReport.projectId')
      .select('project.ownerOrgId').distinct().where('monthlyReport.periodId', '=', id).execute();
    await notify(tx, [...(await reportersByOrg(tx, owners.map((o) => o.ownerOrgId))).values()].flat(), {
      kind: 'period_opened', title: `${periodText(input.period)}月报已开启`, body: `请于 ${deadline} 前报送本月进展和现场照片。`, link: '/my-reports',
    }, at);
    return loadPeriod(ctx, tx, user, id);
  });
}

async function periodForOffice(ctx: AppContext, tx: Tx, user: SessionUser, id: number, version: number) {
  const p = await findPeriod(tx, user, id);
  // An office manages the months it opened; a county sees a city's month but does not run it.
  if (!p || p.regionCode !== user.regionCode) throw notFound('报期');
  if (p.version !== version) throw versionConflict(await presentPeriod(ctx, tx, user, p));
  return p;
}

export async function updatePeriod(ctx: AppContext, user: SessionUser, id: number, input: PeriodUpdateInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const p = await periodForOffice(ctx, tx, user, id, input.version);
    const deadline = input.deadline ?? p.deadline;
    const today = chinaDate(ctx.clock.now());
    assertDeadline(p.period, deadline, today);
    // Moving a deadline into the past would make everyone late at a stroke; keeping one that has passed is fine.
    if (deadline !== p.deadline && deadline < today) throw new AppError('validation_failed', `报送截止日：不能改为今天（${today}）以前的日期`, [{ field: 'deadline', message: '报送截止日：不能早于今天' }]);
    const note = input.note === undefined ? p.note : input.note;
    if (deadline === p.deadline && note === p.note) return presentPeriod(ctx, tx, user, p);
    await tx.updateTable('reportingPeriod').set({ deadline, note, version: p.version + 1, updatedAt: nowIso(ctx) }).where('id', '=', id).execute();
    await audit({ action: 'update', objectType: 'reporting_period', objectId: id, before: { deadline: p.deadline, note: p.note }, after: { deadline, note } });
    return loadPeriod(ctx, tx, user, id);
  });
}

export async function setPeriodStatus(ctx: AppContext, user: SessionUser, id: number, version: number, status: 'open' | 'closed') {
  return inTransaction(ctx, user, async (tx, audit) => {
    const p = await periodForOffice(ctx, tx, user, id, version);
    if (p.status === status) throw new AppError('unprocessable', status === 'closed' ? `${periodText(p.period)}月报已经关闭` : `${periodText(p.period)}月报正在填报中`);
    const at = nowIso(ctx);
    await tx.updateTable('reportingPeriod').set({
      status, version: p.version + 1, updatedAt: at,
      // A reopened month's archive no longer says what the month holds: it goes (the sweeper removes the file).
      ...(status === 'closed' ? { closedAt: at, closedBy: user.id } : { closedAt: null, closedBy: null, archiveKey: null, archiveSha256: null, archiveSize: null, archivedAt: null }),
    }).where('id', '=', id).execute();
    await audit({ action: status === 'closed' ? 'close' : 'reopen', objectType: 'reporting_period', objectId: id, before: { status: p.status }, after: { status } });
    return loadPeriod(ctx, tx, user, id);
  });
}

/** 催报: a notice to each company whose report is not sent (or was returned and not sent again). */
export async function remindPeriod(ctx: AppContext, user: SessionUser, id: number, reportIds: number[] | null) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const p = await findPeriod(tx, user, id);
    if (!p) throw notFound('报期');
    if (p.status !== 'open') throw new AppError('unprocessable', `${periodText(p.period)}月报已关闭`);
    let q = tx.selectFrom('monthlyReport').innerJoin('project', 'project.id', 'monthlyReport.projectId')
      .select(['monthlyReport.id', 'monthlyReport.status', 'project.name', 'project.ownerOrgId'])
      .where(projectScope(user)).where('monthlyReport.periodId', '=', id).where('monthlyReport.status', 'in', ['draft', 'returned']);
    if (reportIds) q = q.where('monthlyReport.id', 'in', reportIds.length ? reportIds : [-1]);
    const due = await q.execute();
    const at = nowIso(ctx);
    const reporters = await reportersByOrg(tx, due.map((r) => r.ownerOrgId));
    await notifyEach(tx, due.flatMap((r) => (reporters.get(r.ownerOrgId ?? -1) ?? []).map((userId) => ({
      userId,
      notice: {
        kind: 'report_reminder', title: `请尽快报送「${r.name}」${periodText(p.period)}月报`,
        body: `报送截止日：${p.deadline}。${r.status === 'returned' ? '月报已被退回，请按审核意见修改后重新报送。' : ''}`, link: `/reports/${r.id}`,
      },
    }))), at);
    for (let i = 0; i < due.length; i += 500) {
      await tx.updateTable('monthlyReport').set((eb) => ({ remindedAt: at, remindCount: eb('remindCount', '+', 1) })).where('id', 'in', due.slice(i, i + 500).map((r) => r.id)).execute();
    }
    const reached = new Set(due.flatMap((r) => reporters.get(r.ownerOrgId ?? -1) ?? [])).size;
    await audit({ action: 'remind', objectType: 'reporting_period', objectId: id, after: { reports: due.length, users: reached } });
    return { reports: due.length, users: reached, companies: new Set(due.map((r) => r.ownerOrgId).filter((o) => o != null)).size, reportIds: due.map((r) => r.id), projects: due.map((r) => r.name) };
  });
}
