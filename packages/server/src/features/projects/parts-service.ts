import { KEY_LIST_LEVELS, type AnnualPlanInput, type ApprovalInput, type ApprovalItem, type KeyListLevel, type NodeInput } from '@tuijin/core';
import type { Tx } from '../../db/kysely';
import type { AuditRecord } from '../../lib/audit';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { diff, inTransaction, nowIso } from '../../lib/records';
import { isInScope } from '../../lib/permissions';
import { findProject } from './queries';
import { loadProject } from './service';

// The records that hang off a project: key-list memberships, annual plans, key nodes and
// approvals. Each has its own version, so editing a node never conflicts with someone
// editing the project's basic facts.

type Audit = (record: AuditRecord) => Promise<void>;

async function withProject<T>(ctx: AppContext, user: SessionUser, projectId: number, work: (tx: Tx, audit: Audit) => Promise<T>) {
  return inTransaction(ctx, user, async (tx, audit) => {
    if (!(await findProject(tx, user, projectId))) throw notFound('项目');
    await work(tx, audit);
    return loadProject(ctx, tx, user, projectId);
  });
}

/** A year's plan row; creating a key-list membership for a year puts the project in that year's ledger. */
async function ensurePlan(ctx: AppContext, tx: Tx, projectId: number, year: number) {
  const at = nowIso(ctx);
  await tx.insertInto('annualPlan').values({ projectId, year, plan: 0, target: 0, createdAt: at, updatedAt: at }).onConflict((oc) => oc.columns(['projectId', 'year']).doNothing()).execute();
}

export function addKeyList(ctx: AppContext, user: SessionUser, projectId: number, input: { year: number; level: KeyListLevel; docNo?: string | null }) {
  return withProject(ctx, user, projectId, async (tx, audit) => {
    const exists = await tx.selectFrom('projectKeyList').select('id').where('projectId', '=', projectId).where('year', '=', input.year).where('level', '=', input.level).executeTakeFirst();
    if (exists) throw new AppError('conflict', `该项目已列入 ${input.year} 年${KEY_LIST_LEVELS.label[input.level]}项目`);
    const { id } = await tx.insertInto('projectKeyList').values({ projectId, year: input.year, level: input.level, docNo: input.docNo ?? null, createdAt: nowIso(ctx) }).returning('id').executeTakeFirstOrThrow();
    await ensurePlan(ctx, tx, projectId, input.year);
    await audit({ action: 'create', objectType: 'key_list', objectId: id, projectId, after: input });
  });
}

export function removeKeyList(ctx: AppContext, user: SessionUser, projectId: number, keyListId: number) {
  return withProject(ctx, user, projectId, async (tx, audit) => {
    const row = await tx.selectFrom('projectKeyList').selectAll().where('id', '=', keyListId).where('projectId', '=', projectId).executeTakeFirst();
    if (!row) throw notFound('重点级别记录');
    await tx.deleteFrom('projectKeyList').where('id', '=', keyListId).execute();
    await audit({ action: 'delete', objectType: 'key_list', objectId: keyListId, projectId, before: { year: row.year, level: row.level, docNo: row.docNo } });
  });
}

export function savePlan(ctx: AppContext, user: SessionUser, projectId: number, input: AnnualPlanInput) {
  return withProject(ctx, user, projectId, async (tx, audit) => {
    const current = await tx.selectFrom('annualPlan').selectAll().where('projectId', '=', projectId).where('year', '=', input.year).executeTakeFirst();
    const at = nowIso(ctx);
    const { version, monthly, ...fields } = input;
    const row = { ...fields, ...(monthly === undefined ? {} : { monthly: monthly ? JSON.stringify(monthly) : null }) };
    if (!current) {
      const { id } = await tx.insertInto('annualPlan').values({ ...row, projectId, createdAt: at, updatedAt: at }).returning('id').executeTakeFirstOrThrow();
      await audit({ action: 'create', objectType: 'annual_plan', objectId: id, projectId, after: input });
      return;
    }
    if (version == null) throw new AppError('validation_failed', '该年度计划已存在，保存时须提供版本号', [{ field: 'version', message: '版本号：必须填写' }]);
    const done = await tx.updateTable('annualPlan').set({ ...row, version: version + 1, updatedAt: at }).where('id', '=', current.id).where('version', '=', version).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict({ ...current, monthly: current.monthly ? JSON.parse(current.monthly) : null });
    const { before, after } = diff(current as unknown as Record<string, unknown>, row);
    await audit({ action: 'update', objectType: 'annual_plan', objectId: current.id, projectId, before, after });
  });
}

async function checkNodeOrg(tx: Tx, user: SessionUser, orgId: number | null | undefined) {
  if (orgId == null) return;
  const org = await tx.selectFrom('org').select('regionCode').where('id', '=', orgId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!org || !isInScope(user, org.regionCode)) {
    throw new AppError('validation_failed', '责任单位不存在或不在管辖范围内', [{ field: 'responsibleOrgId', message: '责任单位：不存在或不在管辖范围内' }]);
  }
}

export function addNode(ctx: AppContext, user: SessionUser, projectId: number, input: NodeInput) {
  return withProject(ctx, user, projectId, async (tx, audit) => {
    await checkNodeOrg(tx, user, input.responsibleOrgId);
    const at = nowIso(ctx);
    const { version: _v, ...fields } = input;
    const { id } = await tx.insertInto('projectNode').values({ ...fields, projectId, createdAt: at, updatedAt: at }).returning('id').executeTakeFirstOrThrow();
    await audit({ action: 'create', objectType: 'node', objectId: id, projectId, after: fields });
  });
}

export function updateNode(ctx: AppContext, user: SessionUser, projectId: number, nodeId: number, input: Partial<NodeInput> & { version: number }) {
  return withProject(ctx, user, projectId, async (tx, audit) => {
    const current = await tx.selectFrom('projectNode').selectAll().where('id', '=', nodeId).where('projectId', '=', projectId).executeTakeFirst();
    if (!current) throw notFound('关键节点');
    await checkNodeOrg(tx, user, input.responsibleOrgId);
    const { version, ...fields } = input;
    const done = await tx.updateTable('projectNode').set({ ...fields, version: version + 1, updatedAt: nowIso(ctx) }).where('id', '=', nodeId).where('version', '=', version).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(current);
    const { before, after } = diff(current as unknown as Record<string, unknown>, fields);
    await audit({ action: 'update', objectType: 'node', objectId: nodeId, projectId, before, after });
  });
}

export function deleteNode(ctx: AppContext, user: SessionUser, projectId: number, nodeId: number, version: number) {
  return withProject(ctx, user, projectId, async (tx, audit) => {
    const current = await tx.selectFrom('projectNode').selectAll().where('id', '=', nodeId).where('projectId', '=', projectId).executeTakeFirst();
    if (!current) throw notFound('关键节点');
    const done = await tx.deleteFrom('projectNode').where('id', '=', nodeId).where('version', '=', version).executeTakeFirst();
    if (Number(done.numDeletedRows) === 0) throw versionConflict(current);
    await audit({ action: 'delete', objectType: 'node', objectId: nodeId, projectId, before: { name: current.name, plannedDate: current.plannedDate, actualDate: current.actualDate } });
  });
}

export function saveApproval(ctx: AppContext, user: SessionUser, projectId: number, item: ApprovalItem, input: ApprovalInput) {
  return withProject(ctx, user, projectId, async (tx, audit) => {
    const current = await tx.selectFrom('projectApproval').selectAll().where('projectId', '=', projectId).where('item', '=', item).executeTakeFirst();
    const { version, ...fields } = input;
    const at = nowIso(ctx);
    if (!current) {
      const { id } = await tx.insertInto('projectApproval').values({ ...fields, item, projectId, createdAt: at, updatedAt: at }).returning('id').executeTakeFirstOrThrow();
      await audit({ action: 'create', objectType: 'approval', objectId: id, projectId, after: { item, ...fields } });
      return;
    }
    if (version == null) throw new AppError('validation_failed', '该手续记录已存在，保存时须提供版本号', [{ field: 'version', message: '版本号：必须填写' }]);
    const done = await tx.updateTable('projectApproval').set({ ...fields, version: version + 1, updatedAt: at }).where('id', '=', current.id).where('version', '=', version).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(current);
    const { before, after } = diff(current as unknown as Record<string, unknown>, fields);
    await audit({ action: 'update', objectType: 'approval', objectId: current.id, projectId, before: { item, ...before }, after: { item, ...after } });
  });
}
