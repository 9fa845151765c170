import { chinaDate, projectCreate, projectUpdate, type KeyListLevel, type ProjectCreate } from '@tuijin/core';
import type { Tx } from '../../db/kysely';
import type { ProjectPatch } from '../../db/types';
import type { AuditRecord } from '../../lib/audit';
import type { AppContext, SessionUser } from '../../lib/context';
import { nowIso } from '../../lib/records';
import { AppError } from '../../lib/errors';
import { parse } from '../../lib/validate';
import { toColumns } from '../projects/service';
import type { Directory } from './directory';
import type { RowPlan } from './plan';

// Carries out a plan inside the caller's transaction: a few statements a row, and one
// audit record a project holding every fact the import set or changed (so the project's
// history shows the import), instead of the dozen round trips of the one-record use cases.
// Values still pass the same schemas as a person's edit.

const PLAN_FIELDS = ['plan', 'target', 'completed', 'completedThrough', 'completedLastYear'] as const;

export interface ApplyContext {
  ctx: AppContext;
  tx: Tx;
  user: SessionUser;
  directory: Directory;
  year: number;
  through: string | null;
  audit: (record: AuditRecord) => Promise<void>;
}

async function resolveRefs(a: ApplyContext, row: RowPlan): Promise<Partial<ProjectCreate>> {
  const r = row.record;
  const d = a.directory;
  const refs: Partial<ProjectCreate> = {};
  if (r.ownerName) refs.ownerOrgId = await d.ensureOrg(a.ctx, a.user, 'company', r.ownerName, r.uscc ? { uscc: r.uscc } : {});
  if (r.township) refs.townshipId = await d.ensureOrg(a.ctx, a.user, 'township', r.township);
  if (r.responsibleOrgName) refs.responsibleOrgId = await d.ensureOrg(a.ctx, a.user, 'department', r.responsibleOrgName);
  if (r.leaderName) refs.leaderId = await d.ensurePerson(a.ctx, a.user, r.leaderName, { title: '县级领导' });
  if (r.firstResponsibleName) refs.firstResponsibleId = await d.ensurePerson(a.ctx, a.user, r.firstResponsibleName, { title: '第一责任人' });
  if (r.contactName) refs.contactId = await d.ensurePerson(a.ctx, a.user, r.contactName, r.contactPhone ? { phone: r.contactPhone } : {});
  return refs;
}

function projectValues(row: RowPlan, refs: Partial<ProjectCreate>): Record<string, unknown> {
  const r = row.record;
  const all: Record<string, unknown> = {
    code: r.code, name: r.name, category: r.category, industry: r.industry, nature: r.nature, contentScale: r.contentScale,
    totalInvestment: r.totalInvestment, address: r.address, commitStartDate: r.commitStartDate,
    commitCompletionDate: r.commitCompletionDate, annualRevenue: r.annualRevenue, annualProfitTax: r.annualProfitTax,
    foreign: r.foreign, ...refs,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
}

function planValues(a: ApplyContext, row: RowPlan, current: { plan: number; target: number; completed: number; completedThrough: string | null; completedLastYear: number | null } | undefined) {
  const r = row.record;
  const plan = r.plan ?? current?.plan ?? 0;
  return {
    plan,
    // A ledger without a 力争 column keeps the target no lower than the plan.
    target: Math.max(r.target ?? current?.target ?? plan, plan),
    completed: r.completed ?? current?.completed ?? 0,
    completedThrough: r.completed != null ? a.through : current?.completedThrough ?? null,
    completedLastYear: r.completedLastYear ?? current?.completedLastYear ?? null,
  };
}

async function addLevels(a: ApplyContext, projectId: number, levels: KeyListLevel[]) {
  if (!levels.length) return;
  await a.tx.insertInto('projectKeyList').values(levels.map((level) => ({ projectId, year: a.year, level, docNo: null, createdAt: nowIso(a.ctx) }))).execute();
}

export async function createFromRow(a: ApplyContext, row: RowPlan) {
  const refs = await resolveRefs(a, row);
  const r = row.record;
  // Without a stage column: money already spent means building has begun.
  const stage = row.stage ?? (r.completed ? 'under_construction' : 'signed');
  const today = chinaDate(a.ctx.clock.now());
  const input = parse(projectCreate, { industry: 'other', nature: 'new', ...projectValues(row, refs), regionCode: a.user.regionCode, stage, stageDate: today });
  const at = nowIso(a.ctx);
  const { id } = await a.tx
    .insertInto('project')
    .values({ ...(toColumns(input) as Required<Pick<ProjectPatch, 'name' | 'nameKey' | 'regionCode' | 'category' | 'industry' | 'nature' | 'totalInvestment'>>), stage, stageDate: today, createdAt: at, updatedAt: at, createdBy: a.user.id || null, updatedBy: a.user.id || null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await a.tx.insertInto('stageTransition').values({ projectId: id, fromStage: null, toStage: stage, date: today, note: '台账导入', userId: a.user.id || null, at }).execute();
  const plan = planValues(a, row, undefined);
  await a.tx.insertInto('annualPlan').values({ projectId: id, year: a.year, ...plan, createdAt: at, updatedAt: at }).execute();
  await addLevels(a, id, row.addLevels);
  await a.audit({ action: 'import_create', objectType: 'project', objectId: id, projectId: id, after: { ...input, year: a.year, ...plan, levels: row.addLevels } });
  return id;
}

export async function updateFromRow(a: ApplyContext, row: RowPlan) {
  const projectId = row.projectId!;
  const refs = await resolveRefs(a, row);
  const changed = new Set(row.changes.map((c) => c.field));
  const values = Object.fromEntries(Object.entries(projectValues(row, refs)).filter(([k]) => changed.has(k)));
  const at = nowIso(a.ctx);
  const patch: ProjectPatch = Object.keys(values).length ? toColumns(parse(projectUpdate, { ...values, version: row.version! })) : {};
  const today = chinaDate(a.ctx.clock.now());
  if (row.stage) Object.assign(patch, { stage: row.stage, stageDate: today, resumeStage: row.stage === 'suspended' ? row.currentStage : null });
  if (Object.keys(patch).length) {
    const done = await a.tx
      .updateTable('project')
      .set({ ...patch, version: row.version! + 1, updatedAt: at, updatedBy: a.user.id || null })
      .where('id', '=', projectId)
      .where('version', '=', row.version!)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw new AppError('conflict', `项目「${row.name}」在导入期间被他人修改，请重新预览后再导入`);
  }
  if (row.stage) {
    await a.tx.insertInto('stageTransition').values({ projectId, fromStage: row.currentStage, toStage: row.stage, date: today, note: '台账导入', userId: a.user.id || null, at }).execute();
  }
  if (PLAN_FIELDS.some((f) => changed.has(f))) {
    const current = await a.tx.selectFrom('annualPlan').selectAll().where('projectId', '=', projectId).where('year', '=', a.year).executeTakeFirst();
    const plan = planValues(a, row, current);
    if (current) await a.tx.updateTable('annualPlan').set({ ...plan, version: current.version + 1, updatedAt: at }).where('id', '=', current.id).execute();
    else await a.tx.insertInto('annualPlan').values({ projectId, year: a.year, ...plan, createdAt: at, updatedAt: at }).execute();
  }
  await addLevels(a, projectId, row.addLevels);
  const before = Object.fromEntries(row.changes.map((c) => [c.field, c.before]));
  const after = Object.fromEntries(row.changes.map((c) => [c.field, c.after]));
  await a.audit({ action: 'import_update', objectType: 'project', objectId: projectId, projectId, before, after });
}
