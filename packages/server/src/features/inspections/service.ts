import type { InspectionCreateInput, InspectionListQuery, InspectionUpdateInput } from '@tuijin/core';
import type { Executor, Tx } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, invalid, notFound, versionConflict } from '../../lib/errors';
import { isInScope, scopePrefix } from '../../lib/permissions';
import { diff, inTransaction, nowIso, parseJson } from '../../lib/records';
import { projectScope } from '../projects/policy';
import { canWriteInspection, presentInspection, presentInspectionSummary, type InspectionDetail, type TeamMember } from './present';
import { findInspection, findInspectionProjects, inspectionCounts, inspectionListQuery, type InspectionRow } from './queries';

// 督导检查的计划: a title, a day, a team and the projects to visit. The office or an inspector
// plans it; it changes (versioned) until it is finished, and is removed only while nothing has
// been recorded in it.

export async function loadInspection(db: Executor, user: SessionUser, id: number): Promise<InspectionDetail> {
  const i = await findInspection(db, user, id);
  if (!i) throw notFound('督导检查');
  return presentInspection(user, i, await findInspectionProjects(db, user, id));
}

export async function listInspections(db: Executor, user: SessionUser, query: InspectionListQuery) {
  const base = inspectionListQuery(db, user, query);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    base.leftJoin('appUser as creator', 'creator.id', 'inspection.createdBy').selectAll('inspection').select('creator.displayName as createdByName')
      .orderBy('inspection.plannedDate', 'desc').orderBy('inspection.id', 'desc')
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
  ]);
  const counts = await inspectionCounts(db, user, rows.map((r) => r.id));
  return {
    items: rows.map((r) => presentInspectionSummary(r, counts.get(r.id) ?? { total: 0, visited: 0, booksAhead: 0 })),
    total: Number(count?.n ?? 0), page: query.page, pageSize: query.pageSize,
  };
}

/** The projects named, each once and each one the user may see; otherwise a 400 naming the item. */
async function assertProjects(tx: Executor, user: SessionUser, ids: number[]) {
  const twice = ids.findIndex((v, k) => ids.indexOf(v) !== k);
  if (twice >= 0) throw invalid([{ field: `projectIds.${twice}`, message: `检查项目第 ${twice + 1} 项：同一项目只能选择一次` }]);
  const found = new Set((await tx.selectFrom('project').select('project.id').where('project.id', 'in', ids).where(projectScope(user)).execute()).map((p) => p.id));
  const missing = ids.findIndex((v) => !found.has(v));
  if (missing >= 0) throw invalid([{ field: `projectIds.${missing}`, message: `检查项目第 ${missing + 1} 项：项目不存在或无权查看` }]);
}

/** Team members as stored: a user of the caller's region (named as the account is) or a name. */
async function resolveTeam(tx: Executor, user: SessionUser, team: InspectionCreateInput['team']): Promise<TeamMember[]> {
  const ids = team.map((m) => m.userId).filter((v): v is number => v != null);
  const users = ids.length
    ? await tx.selectFrom('appUser').select(['id', 'displayName']).where('id', 'in', ids).where('regionCode', 'like', `${scopePrefix(user)}%`).execute()
    : [];
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return team.map((m, k) => {
    if (m.userId == null) return { userId: null, name: m.name! };
    const name = names.get(m.userId);
    if (!name) throw invalid([{ field: `team.${k}.userId`, message: `检查组成员第 ${k + 1} 项的用户：不存在或不在本地区` }]);
    return { userId: m.userId, name };
  });
}

export async function createInspection(ctx: AppContext, user: SessionUser, input: InspectionCreateInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    await assertProjects(tx, user, input.projectIds);
    const team = await resolveTeam(tx, user, input.team);
    const at = nowIso(ctx);
    const { id } = await tx.insertInto('inspection').values({
      regionCode: user.regionCode, title: input.title, plannedDate: input.plannedDate, status: 'planned', team: JSON.stringify(team),
      note: input.note ?? null, createdBy: user.id, createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('inspectionProject').values(input.projectIds.map((projectId) => ({ inspectionId: id, projectId }))).execute();
    await audit({ action: 'create', objectType: 'inspection', objectId: id, after: { title: input.title, plannedDate: input.plannedDate, team, projectIds: input.projectIds } });
    return loadInspection(tx, user, id);
  });
}

/** The inspection if the user may change it now, or why not (404 outside scope, 403, 409 stale, 422 finished). */
async function writableInspection(tx: Tx, user: SessionUser, id: number, version: number | null): Promise<InspectionRow> {
  const i = await findInspection(tx, user, id);
  if (!i) throw notFound('督导检查');
  if (!isInScope(user, i.regionCode)) throw new AppError('forbidden', '这次督导检查由上级安排，只能查看');
  if (version != null && i.version !== version) throw versionConflict(await loadInspection(tx, user, id));
  if (!canWriteInspection(user, i)) throw new AppError('unprocessable', '督导检查已完成，不能再修改');
  return i;
}

export async function updateInspection(ctx: AppContext, user: SessionUser, id: number, input: InspectionUpdateInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const i = await writableInspection(tx, user, id, input.version);
    const { version, projectIds, team, ...fields } = input;
    const row: Record<string, unknown> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (team) row.team = JSON.stringify(await resolveTeam(tx, user, team));
    const current = await tx.selectFrom('inspectionProject').select('projectId').where('inspectionId', '=', id).orderBy('id').execute();
    const before = current.map((p) => p.projectId);
    let projectChange: { before: number[]; after: number[] } | null = null;
    if (projectIds && JSON.stringify(projectIds) !== JSON.stringify(before)) {
      await assertProjects(tx, user, projectIds);
      const removed = before.filter((p) => !projectIds.includes(p));
      if (removed.length) {
        const visited = await tx.selectFrom('finding').innerJoin('project', 'project.id', 'finding.projectId').select('project.name')
          .where('finding.inspectionId', '=', id).where('finding.projectId', 'in', removed).execute();
        if (visited.length) throw new AppError('unprocessable', `「${visited.map((v) => v.name).join('」「')}」已有检查记录，不能移出本次检查`);
        await tx.deleteFrom('inspectionProject').where('inspectionId', '=', id).where('projectId', 'in', removed).execute();
      }
      const added = projectIds.filter((p) => !before.includes(p));
      if (added.length) await tx.insertInto('inspectionProject').values(added.map((projectId) => ({ inspectionId: id, projectId }))).execute();
      projectChange = { before, after: projectIds };
    }
    const changed = diff(i as unknown as Record<string, unknown>, row);
    if (!Object.keys(changed.after).length && !projectChange) return loadInspection(tx, user, id);
    const done = await tx.updateTable('inspection').set({ ...row, version: version + 1, updatedAt: nowIso(ctx) })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(await loadInspection(tx, user, id));
    await audit({
      action: 'update', objectType: 'inspection', objectId: id,
      before: { ...changed.before, ...(projectChange ? { projectIds: projectChange.before } : {}) },
      after: { ...changed.after, ...(projectChange ? { projectIds: projectChange.after } : {}) },
    });
    return loadInspection(tx, user, id);
  });
}

export async function deleteInspection(ctx: AppContext, user: SessionUser, id: number, version: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const i = await writableInspection(tx, user, id, version);
    const recorded = await tx.selectFrom('finding').select('id').where('inspectionId', '=', id).limit(1).executeTakeFirst();
    if (recorded) throw new AppError('unprocessable', '督导检查已有检查记录，不能删除');
    await tx.deleteFrom('inspectionProject').where('inspectionId', '=', id).execute();
    await tx.deleteFrom('inspection').where('id', '=', id).where('version', '=', version).execute();
    await audit({ action: 'delete', objectType: 'inspection', objectId: id, before: { title: i.title, plannedDate: i.plannedDate, team: parseJson(i.team, []) } });
    return { ok: true };
  });
}

/**
 * 完成检查: every project of the plan has its finding and its rating; then the plan and its
 * findings are locked and the report can be issued. Projects not visited are taken out of the
 * plan first, so the report never lists a project as inspected that was not.
 */
export async function finishInspection(ctx: AppContext, user: SessionUser, id: number, version: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const i = await writableInspection(tx, user, id, version);
    const rows = await tx.selectFrom('inspectionProject as ip').innerJoin('project', 'project.id', 'ip.projectId')
      .leftJoin('finding', (j) => j.onRef('finding.inspectionId', '=', 'ip.inspectionId').onRef('finding.projectId', '=', 'ip.projectId'))
      .select(['project.name', 'finding.id as findingId', 'finding.rating', 'finding.booksAhead']).where('ip.inspectionId', '=', id).orderBy('ip.id').execute();
    const unvisited = rows.filter((r) => r.findingId == null).map((r) => r.name);
    if (unvisited.length) throw new AppError('unprocessable', `尚有 ${unvisited.length} 个项目未记录检查情况：${unvisited.slice(0, 5).join('、')}${unvisited.length > 5 ? '等' : ''}。请先记录，或将其移出本次检查`);
    const unrated = rows.filter((r) => r.rating == null).map((r) => r.name);
    if (unrated.length) throw new AppError('unprocessable', `尚有 ${unrated.length} 个项目未评价：${unrated.slice(0, 5).join('、')}${unrated.length > 5 ? '等' : ''}`);
    const at = nowIso(ctx);
    const done = await tx.updateTable('inspection').set({ status: 'finished', finishedAt: at, version: version + 1, updatedAt: at })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(await loadInspection(tx, user, id));
    await audit({
      action: 'finish', objectType: 'inspection', objectId: id, before: { status: i.status },
      after: { status: 'finished', projects: rows.length, booksAhead: rows.filter((r) => r.booksAhead === 1).length },
    });
    return loadInspection(tx, user, id);
  });
}
