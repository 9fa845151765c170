import { canTransition, chinaDate, FIELD_LABELS, projectDateProblems, STAGE_LABEL, type ProjectDates, type ProjectCreate, type ProjectUpdate, type Stage, type StageTransitionInput } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { ProjectPatch } from '../../db/types';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { diff, inTransaction, nowIso, parseJson } from '../../lib/records';
import { presentProject, type ProjectDetail } from './present';
import { findProject, findProjectParts } from './queries';
import { checkProjectRefs } from './refs';
import { joinOpenMonths } from '../periods/join-open-months';

/** The rules across fields, checked on the record as it will be, not only on what a PATCH sent. */
function assertConsistent(p: ProjectDates & { totalInvestment?: number | null; fundingSources?: string | null }, today: string) {
  const errors: { field: string; message: string }[] = projectDateProblems(p, today).map((e) => ({
    field: e.field, message: `${FIELD_LABELS[e.field] ?? e.field}：${e.message}`,
  }));
  const funding = parseJson<{ amount: number }[]>(p.fundingSources ?? null, []);
  if (p.totalInvestment != null && funding.reduce((s, f) => s + f.amount, 0) > p.totalInvestment) {
    errors.push({ field: 'fundingSources', message: '资金来源：资金来源合计不能超过总投资' });
  }
  if (errors.length) throw new AppError('validation_failed', errors[0]!.message, errors);
}

/** Names compared for duplicates: no spaces, full-width letters and digits folded. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Input fields → columns: JSON for lists, the foreign amount spread over three columns. */
export function toColumns(input: Partial<ProjectCreate> | ProjectUpdate): ProjectPatch {
  const { foreign, fundingSources, tags, sitePolygon, version: _v, ...rest } = input as ProjectUpdate;
  const row: ProjectPatch = { ...rest };
  delete (row as Record<string, unknown>).stage;
  delete (row as Record<string, unknown>).stageDate;
  if (input.name !== undefined) row.nameKey = nameKey(input.name);
  if (foreign !== undefined) {
    row.foreignAmount = foreign?.amount ?? null;
    row.foreignCurrency = foreign?.currency ?? null;
    row.foreignRate = foreign?.rate ?? null;
  }
  if (fundingSources !== undefined) row.fundingSources = JSON.stringify(fundingSources);
  if (tags !== undefined) row.tags = JSON.stringify(tags);
  if (sitePolygon !== undefined) row.sitePolygon = sitePolygon ? JSON.stringify(sitePolygon) : null;
  return row;
}

export async function loadProject(ctx: AppContext, db: Executor, user: SessionUser, id: number): Promise<ProjectDetail> {
  const row = await findProject(db, user, id);
  if (!row) throw notFound('项目');
  return presentProject(ctx, user, row, await findProjectParts(db, id));
}

/**
 * A project code is unique; a name is unique within a county for the same project unit
 * (real ledgers carry 「正大食品加工项目」 twice, for two different companies).
 */
async function assertUnique(db: Executor, input: { code?: string | null; name?: string; regionCode?: string; ownerOrgId?: number | null }, exceptId?: number) {
  if (input.code) {
    let q = db.selectFrom('project').select(['id', 'name']).where('code', '=', input.code).where('deletedAt', 'is', null);
    if (exceptId) q = q.where('id', '!=', exceptId);
    const other = await q.executeTakeFirst();
    // The other project may lie outside the caller's scope: say that it exists, not what it is.
    if (other) throw new AppError('conflict', `项目代码 ${input.code} 已被其他项目使用`, [{ field: 'code', message: '项目代码：已被其他项目使用' }]);
  }
  if (input.name && input.regionCode) {
    let q = db
      .selectFrom('project')
      .select('id')
      .where('regionCode', '=', input.regionCode)
      .where('nameKey', '=', nameKey(input.name))
      .where('deletedAt', 'is', null)
      // Same name is the same project unless both name their (different) project units.
      .where((eb) => (input.ownerOrgId == null ? eb.lit(true) : eb.or([eb('ownerOrgId', 'is', null), eb('ownerOrgId', '=', input.ownerOrgId)])));
    if (exceptId) q = q.where('id', '!=', exceptId);
    if (await q.executeTakeFirst()) throw new AppError('conflict', `本地区已有同名项目「${input.name}」`, [{ field: 'name', message: '名称：本地区已有同一项目单位的同名项目' }]);
  }
}

export async function createProject(ctx: AppContext, user: SessionUser, input: ProjectCreate) {
  return inTransaction(ctx, user, async (tx, audit) => {
    await checkProjectRefs(tx, user, input);
    await assertUnique(tx, input);
    assertConsistent(toColumns(input), chinaDate(ctx.clock.now()));
    const at = nowIso(ctx);
    const stageDate = input.stageDate ?? chinaDate(ctx.clock.now());
    const { id } = await tx
      .insertInto('project')
      .values({
        ...(toColumns(input) as Required<Pick<ProjectPatch, 'name' | 'nameKey' | 'regionCode' | 'category' | 'industry' | 'nature' | 'totalInvestment'>>),
        stage: input.stage, stageDate, createdAt: at, updatedAt: at, createdBy: user.id, updatedBy: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('stageTransition').values({ projectId: id, fromStage: null, toStage: input.stage, date: stageDate, note: '建档', userId: user.id, at }).execute();
    await audit({ action: 'create', objectType: 'project', objectId: id, projectId: id, after: input });
    await joinOpenMonths(tx, [id], at, audit);
    return loadProject(ctx, tx, user, id);
  });
}

export async function updateProject(ctx: AppContext, user: SessionUser, id: number, input: ProjectUpdate) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const current = await findProject(tx, user, id);
    if (!current) throw notFound('项目');
    await checkProjectRefs(tx, user, input);
    await assertUnique(tx, {
      code: input.code,
      name: input.name ?? current.name,
      regionCode: input.regionCode ?? current.regionCode,
      ownerOrgId: input.ownerOrgId === undefined ? current.ownerOrgId : input.ownerOrgId,
    }, id);
    const row = toColumns(input);
    const { before, after } = diff(current as unknown as Record<string, unknown>, row as Record<string, unknown>);
    // A save that changes nothing is not a write: no new version, nothing to audit.
    if (Object.keys(after).length === 0) {
      if (current.version !== input.version) throw versionConflict(presentProject(ctx, user, current, await findProjectParts(tx, id)));
      return loadProject(ctx, tx, user, id);
    }
    assertConsistent({ ...current, ...row }, chinaDate(ctx.clock.now()));
    const done = await tx
      .updateTable('project')
      .set({ ...row, version: input.version + 1, updatedAt: nowIso(ctx), updatedBy: user.id })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(presentProject(ctx, user, current, await findProjectParts(tx, id)));
    await audit({ action: 'update', objectType: 'project', objectId: id, projectId: id, before, after });
    return loadProject(ctx, tx, user, id);
  });
}

export async function deleteProject(ctx: AppContext, user: SessionUser, id: number, version: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const current = await findProject(tx, user, id);
    if (!current) throw notFound('项目');
    const done = await tx
      .updateTable('project')
      .set({ deletedAt: nowIso(ctx), version: version + 1, updatedBy: user.id })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(presentProject(ctx, user, current, await findProjectParts(tx, id)));
    await audit({ action: 'delete', objectType: 'project', objectId: id, projectId: id, before: { name: current.name, code: current.code } });
    return { ok: true };
  });
}

// Entering a stage fills the matching actual date when it is still empty.
const ACTUAL_DATE: Partial<Record<Stage, 'actualStartDate' | 'actualCompletionDate' | 'actualProductionDate'>> = {
  under_construction: 'actualStartDate',
  completed: 'actualCompletionDate',
  operating: 'actualProductionDate',
};

export async function transitionStage(ctx: AppContext, user: SessionUser, id: number, input: StageTransitionInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const current = await findProject(tx, user, id);
    if (!current) throw notFound('项目');
    const from = current.stage as Stage;
    if (current.version === input.version && !canTransition(from, input.to, current.resumeStage as Stage | null)) {
      throw new AppError('unprocessable', `项目不能从「${STAGE_LABEL[from]}」转为「${STAGE_LABEL[input.to]}」`, [{ field: 'to', message: '目标阶段：不允许的阶段变更' }]);
    }
    if (current.stageDate && input.date < current.stageDate) {
      throw new AppError('validation_failed', `阶段日期不能早于上一阶段日期 ${current.stageDate}`, [{ field: 'date', message: '日期：早于上一阶段日期' }]);
    }
    const patch: ProjectPatch = {
      stage: input.to, stageDate: input.date,
      resumeStage: input.to === 'suspended' ? from : null,
    };
    const actual = ACTUAL_DATE[input.to];
    if (actual && !current[actual]) patch[actual] = input.date;
    const done = await tx
      .updateTable('project')
      .set({ ...patch, version: input.version + 1, updatedAt: nowIso(ctx), updatedBy: user.id })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(presentProject(ctx, user, current, await findProjectParts(tx, id)));
    await tx.insertInto('stageTransition').values({ projectId: id, fromStage: from, toStage: input.to, date: input.date, note: input.note ?? null, userId: user.id, at: nowIso(ctx) }).execute();
    await audit({ action: 'change_stage', objectType: 'project', objectId: id, projectId: id, before: { stage: from }, after: { stage: input.to, date: input.date, note: input.note ?? null } });
    await joinOpenMonths(tx, [id], nowIso(ctx), audit);
    return loadProject(ctx, tx, user, id);
  });
}
