import { noChangeFigures, periodText, submissionProblems } from '@tuijin/core';
import type { Tx } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, versionConflict } from '../../lib/errors';
import { inTransaction, nowIso, parseJson } from '../../lib/records';
import { notify, officeUsersFor, settleNotices, usersOfOrgs } from '../notifications/service';
import { raiseObstacle } from '../obstacles/raise';
import { loadReportSettings, regionLine } from '../settings/report-settings';
import type { ReportProblem } from './present';
import { findPreviousFigures, type ReportRow } from './queries';
import { editableReport, loadReport } from './service';

/**
 * 报送: the report is checked whole (figures, 形象进度, photos, or 无变化 with its reason),
 * locked, and its problems become obstacle records the supervision work tracks. A returned
 * report sent again keeps its obstacles: each problem remembers the record it raised.
 */
export async function submitReport(ctx: AppContext, user: SessionUser, id: number, version: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const r = await editableReport(ctx, tx, user, id, version, 'submit');
    const [settings, previous, photos] = await Promise.all([
      loadReportSettings(tx, r.regionCode),
      findPreviousFigures(tx, r.projectId, r.period),
      tx.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).where('reportId', '=', id).where('kind', '=', 'photo').where('deletedAt', 'is', null).executeTakeFirst(),
    ]);
    const isNoChange = r.noChange === 1;
    const { problems, notes } = submissionProblems(
      { thisMonth: r.thisMonth, ytd: r.ytd, cumulative: r.cumulative, explanation: r.explanation, progress: r.progress, noChange: isNoChange, noChangeReason: r.noChangeReason },
      { previous, totalInvestment: r.totalInvestment, photoCount: Number(photos?.n ?? 0), minPhotos: settings.minPhotos },
    );
    if (problems.length) throw new AppError('validation_failed', problems[0]!.message, problems);
    const figures = isNoChange ? noChangeFigures(previous) : { thisMonth: r.thisMonth, ytd: r.ytd, cumulative: r.cumulative };
    const at = nowIso(ctx);
    const raised = await raiseObstacles(tx, user, r, at);
    const done = await tx.updateTable('monthlyReport').set({
      ...figures, status: 'submitted', figureNotes: JSON.stringify(notes), problems: JSON.stringify(raised.problems),
      submittedAt: at, submittedBy: user.id, firstSubmittedAt: r.firstSubmittedAt ?? at, startedAt: r.startedAt ?? at,
      reviewedAt: null, reviewedBy: null, version: version + 1, updatedAt: at, updatedBy: user.id,
    }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(await loadReport(ctx, tx, user, id));
    await tx.insertInto('reportEvent').values({ reportId: id, action: 'submit', fromStatus: r.status, toStatus: 'submitted', comment: null, userId: user.id, at }).execute();
    for (const obstacle of raised.created) {
      await audit({ action: 'create', objectType: 'obstacle', objectId: obstacle.id, projectId: r.projectId, after: obstacle.fields });
    }
    await audit({ action: 'submit', objectType: 'monthly_report', objectId: id, projectId: r.projectId, before: { status: r.status }, after: { status: 'submitted', ...figures, notes: notes.map((n) => n.code) } });
    await settleNotices(tx, `/reports/${id}`, ['report_reminder', 'report_returned'], at);
    const reviewers = await usersOfOrgs(tx, [r.responsibleOrgId], 'department');
    await notify(tx, reviewers.length ? reviewers : await officeUsersFor(tx, regionLine(r.regionCode)), {
      kind: 'report_submitted', title: `${r.projectName} ${periodText(r.period)}月报待审核`, body: `${user.displayName} 已报送，请审核。`, link: `/reports/${id}`,
    }, at);
    return loadReport(ctx, tx, user, id);
  });
}

async function raiseObstacles(tx: Tx, user: SessionUser, r: ReportRow, at: string) {
  const problems = parseJson<ReportProblem[]>(r.problems, []);
  const created: { id: number; fields: Record<string, unknown> }[] = [];
  for (const p of problems) {
    if (p.obstacleId) continue;
    // Raised at 交办 with its timers and a notice to the owner (features/obstacles/raise.ts).
    const { id } = await raiseObstacle(tx, user.id, {
      projectId: r.projectId, regionCode: r.regionCode, kind: p.kind, description: p.description, source: 'report',
      sourceId: r.id, ownerOrgId: r.responsibleOrgId, leaderId: r.leaderId, deadline: null,
    }, at, r.projectName);
    p.obstacleId = id;
    created.push({ id, fields: { kind: p.kind, description: p.description, source: 'report', reportId: r.id, period: r.period } });
  }
  return { problems, created };
}
