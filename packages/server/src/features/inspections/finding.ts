import { chinaDate, compareBooksAndSite, isBooksAhead, STAGE_LABEL, type FindingSaveInput, type Stage } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, invalid, notFound, versionConflict } from '../../lib/errors';
import { isInScope } from '../../lib/permissions';
import { diff, inTransaction, nowIso, parseJson } from '../../lib/records';
import { projectScope } from '../projects/policy';
import { loadReportSettings } from '../settings/report-settings';
import { gatherBooks } from './books';
import { demandStatuses, settleDemands } from './demands';
import { canWriteInspection, inspectionStatus, presentFinding, type FindingObserved, type StoredDemand } from './present';
import { findFindingMedia, findFindingRow, findInspection } from './queries';

// 检查记录: one per project of an inspection, written on site on a phone. Saving compares what
// the inspector saw with the books at that moment (the latest report sent, the ledger) and keeps
// the comparison and the report it was made against, so the record says what was true then.

/** A project of the inspection the user may see, with what the finding page shows of it. */
function findInspectedProject(db: Executor, user: SessionUser, inspectionId: number, projectId: number) {
  return db.selectFrom('inspectionProject as ip')
    .innerJoin('project', 'project.id', 'ip.projectId')
    .leftJoin('org as resp', 'resp.id', 'project.responsibleOrgId')
    .leftJoin('org as owner', 'owner.id', 'project.ownerOrgId')
    .leftJoin('person as leader', 'leader.id', 'project.leaderId')
    .select([
      'project.id', 'project.name', 'project.code', 'project.stage', 'project.regionCode', 'project.totalInvestment', 'project.address',
      'project.responsibleOrgId', 'project.leaderId', 'resp.name as responsibleOrgName', 'owner.name as ownerOrgName', 'leader.name as leaderName',
    ])
    .where('ip.inspectionId', '=', inspectionId).where('ip.projectId', '=', projectId).where(projectScope(user))
    .executeTakeFirst();
}

export async function loadFindingSheet(ctx: AppContext, db: Executor, user: SessionUser, inspectionId: number, projectId: number) {
  const i = await findInspection(db, user, inspectionId);
  if (!i) throw notFound('督导检查');
  const project = await findInspectedProject(db, user, inspectionId, projectId);
  if (!project) throw notFound('检查项目');
  const [books, row, settings, visited] = await Promise.all([
    gatherBooks(db, projectId),
    findFindingRow(db, inspectionId, projectId),
    loadReportSettings(db, project.regionCode),
    db.selectFrom('finding').select((eb) => eb.fn.countAll<number>().as('n')).where('inspectionId', '=', inspectionId).executeTakeFirst(),
  ]);
  const finding = row ? presentFinding(row, await findFindingMedia(db, [row.id]), await demandStatuses(db, parseJson<StoredDemand[]>(row.demands, []))) : null;
  const status = inspectionStatus(i.status, Number(visited?.n ?? 0));
  return {
    inspection: { id: i.id, title: i.title, plannedDate: i.plannedDate, status, version: i.version },
    project: { ...project, stageLabel: STAGE_LABEL[project.stage as Stage] ?? project.stage },
    books, finding,
    canEdit: canWriteInspection(user, i),
    settings: { maxImageMb: settings.maxImageMb, maxVideoMb: settings.maxVideoMb },
    today: chinaDate(ctx.clock.now()),
  };
}
export type FindingSheet = Awaited<ReturnType<typeof loadFindingSheet>>;

/** Records (version null) or changes the project's finding; a stale or doubled save is 409 with the sheet as it is. */
export async function saveFinding(ctx: AppContext, user: SessionUser, inspectionId: number, projectId: number, input: FindingSaveInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const i = await findInspection(tx, user, inspectionId);
    if (!i) throw notFound('督导检查');
    const project = await findInspectedProject(tx, user, inspectionId, projectId);
    if (!project) throw notFound('检查项目');
    if (!isInScope(user, i.regionCode)) throw new AppError('forbidden', '这次督导检查由上级安排，只能查看');
    const existing = await findFindingRow(tx, inspectionId, projectId);
    if ((existing?.version ?? null) !== input.version) throw versionConflict(await loadFindingSheet(ctx, tx, user, inspectionId, projectId));
    if (!canWriteInspection(user, i)) throw new AppError('unprocessable', '督导检查已完成，检查记录不能再修改');
    const today = chinaDate(ctx.clock.now());
    if (input.visitedOn > today) throw invalid([{ field: 'visitedOn', message: `检查日期：不能晚于今天（${today}）` }]);
    await assertNodes(tx, projectId, input.nodesMet);
    if (existing && existing.visitedOn !== input.visitedOn) {
      const photos = await findFindingMedia(tx, [existing.id]);
      if (photos.length) throw new AppError('unprocessable', '检查日期：已上传现场照片（照片按检查日期核验拍摄时间），如需修改日期请先删除照片', [{ field: 'visitedOn', message: '已有照片，不能修改检查日期' }]);
    }
    const books = await gatherBooks(tx, projectId);
    const observed: FindingObserved = { progressVerdict: input.progressVerdict ?? null, nodesMet: input.nodesMet, investmentEstimate: input.investmentEstimate ?? null };
    const comparison = compareBooksAndSite(books, {
      visitedOn: input.visitedOn, progress: input.observedProgress ?? null, progressVerdict: observed.progressVerdict,
      stage: input.observedStage ?? null, nodesMet: input.nodesMet, investmentEstimate: observed.investmentEstimate,
    });
    const at = nowIso(ctx);
    const row = {
      visitedOn: input.visitedOn, reportId: books.report?.id ?? null, observedProgress: input.observedProgress ?? null, observedStage: input.observedStage ?? null,
      observed: JSON.stringify(observed), comparison: JSON.stringify(comparison), booksAhead: isBooksAhead(comparison) ? 1 : 0,
      rating: input.rating ?? null, note: input.note ?? null,
    };
    let id: number;
    if (existing) {
      id = existing.id;
      const done = await tx.updateTable('finding').set({ ...row, version: existing.version + 1, updatedAt: at })
        .where('id', '=', id).where('version', '=', existing.version).executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) throw versionConflict(await loadFindingSheet(ctx, tx, user, inspectionId, projectId));
    } else {
      ({ id } = await tx.insertInto('finding').values({
        inspectionId, projectId, inspectorId: user.id, status: 'recorded', demands: '[]', ...row, createdAt: at, updatedAt: at,
      }).returning('id').executeTakeFirstOrThrow());
    }
    const stored = parseJson<StoredDemand[]>(existing?.demands, []);
    const demands = await settleDemands(tx, user.id, id, project, stored, input.demands, today, at, audit);
    await tx.updateTable('finding').set({ demands: JSON.stringify(demands) }).where('id', '=', id).execute();
    // The audit keeps what the inspector said and what it led to; the comparison follows from them.
    const { comparison: _comparison, ...said } = { ...row, observed, demands };
    if (existing) {
      const was = { ...existing, observed: parseJson<FindingObserved>(existing.observed, { progressVerdict: null, nodesMet: [], investmentEstimate: null }), demands: stored };
      const change = diff(was as unknown as Record<string, unknown>, said as Record<string, unknown>);
      await audit({ action: 'update', objectType: 'finding', objectId: id, projectId, before: change.before, after: change.after });
    } else {
      await audit({ action: 'create', objectType: 'finding', objectId: id, projectId, after: { ...said, inspectionId } });
    }
    return loadFindingSheet(ctx, tx, user, inspectionId, projectId);
  });
}

async function assertNodes(db: Executor, projectId: number, ids: number[]) {
  if (!ids.length) return;
  const twice = ids.findIndex((v, k) => ids.indexOf(v) !== k);
  if (twice >= 0) throw invalid([{ field: `nodesMet.${twice}`, message: `现场已完成节点第 ${twice + 1} 项：同一节点只能选择一次` }]);
  const found = new Set((await db.selectFrom('projectNode').select('id').where('projectId', '=', projectId).where('id', 'in', ids).execute()).map((n) => n.id));
  const wrong = ids.findIndex((v) => !found.has(v));
  if (wrong >= 0) throw invalid([{ field: `nodesMet.${wrong}`, message: `现场已完成节点第 ${wrong + 1} 项：不是本项目的关键节点` }]);
}
