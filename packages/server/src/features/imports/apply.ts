import { chinaDate, type ProjectCreate, type ProjectUpdate } from '@tuijin/core';
import type { AppContext, SessionUser } from '../../lib/context';
import { addKeyList, savePlan } from '../projects/parts-service';
import { createProject, transitionStage, updateProject } from '../projects/service';
import type { Directory } from './directory';
import type { RowPlan } from './plan';

// Carries out a plan inside the caller's transaction (ctx.db is the transaction), through
// the same use cases a person's edits go through: validated, versioned and audited, so each
// project's history shows what the import changed.

const PROJECT_FIELDS = new Set([
  'code', 'name', 'category', 'industry', 'nature', 'contentScale', 'totalInvestment', 'address', 'commitStartDate',
  'commitCompletionDate', 'annualRevenue', 'annualProfitTax', 'foreign', 'ownerOrgId', 'townshipId', 'responsibleOrgId',
  'leaderId', 'firstResponsibleId', 'contactId',
]);
const PLAN_FIELDS = new Set(['plan', 'target', 'completed', 'completedThrough', 'completedLastYear']);

async function resolveRefs(ctx: AppContext, user: SessionUser, dir: Directory, row: RowPlan) {
  const r = row.record;
  const refs: Partial<ProjectCreate> = {};
  if (r.ownerName) refs.ownerOrgId = await dir.ensureOrg(ctx, user, 'company', r.ownerName, r.uscc ? { uscc: r.uscc } : {});
  if (r.township) refs.townshipId = await dir.ensureOrg(ctx, user, 'township', r.township);
  if (r.responsibleOrgName) refs.responsibleOrgId = await dir.ensureOrg(ctx, user, 'department', r.responsibleOrgName);
  if (r.leaderName) refs.leaderId = await dir.ensurePerson(ctx, user, r.leaderName, { title: '县级领导' });
  if (r.firstResponsibleName) refs.firstResponsibleId = await dir.ensurePerson(ctx, user, r.firstResponsibleName, { title: '第一责任人' });
  if (r.contactName) refs.contactId = await dir.ensurePerson(ctx, user, r.contactName, r.contactPhone ? { phone: r.contactPhone } : {});
  return refs;
}

function projectValues(row: RowPlan, refs: Partial<ProjectCreate>): Partial<ProjectCreate> {
  const r = row.record;
  const all: Record<string, unknown> = {
    code: r.code, name: r.name, category: r.category, industry: r.industry, nature: r.nature, contentScale: r.contentScale,
    totalInvestment: r.totalInvestment, address: r.address, commitStartDate: r.commitStartDate,
    commitCompletionDate: r.commitCompletionDate, annualRevenue: r.annualRevenue, annualProfitTax: r.annualProfitTax,
    foreign: r.foreign, ...refs,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as Partial<ProjectCreate>;
}

export async function applyRow(ctx: AppContext, user: SessionUser, dir: Directory, row: RowPlan, year: number, through: string | null) {
  const refs = await resolveRefs(ctx, user, dir, row);
  const values = projectValues(row, refs);
  const changed = new Set(row.changes.map((c) => c.field));
  let projectId = row.projectId;
  let detail;
  if (projectId == null) {
    const r = row.record;
    // Without a stage column: money already spent means building has begun.
    const stage = row.stage ?? (r.completed ? 'under_construction' : 'signed');
    detail = await createProject(ctx, user, {
      industry: 'other', nature: 'new', ...values, regionCode: user.regionCode, stage, stageDate: chinaDate(ctx.clock.now()),
    } as ProjectCreate);
    projectId = detail.id;
  } else {
    const patch = Object.fromEntries(Object.entries(values).filter(([k]) => PROJECT_FIELDS.has(k) && changed.has(k)));
    if (Object.keys(patch).length) detail = await updateProject(ctx, user, projectId, { ...patch, version: row.version! } as ProjectUpdate);
    if (row.stage) {
      const version = detail?.version ?? row.version!;
      detail = await transitionStage(ctx, user, projectId, { to: row.stage, date: chinaDate(ctx.clock.now()), note: '台账导入', version });
    }
  }
  await savePlanFromRow(ctx, user, projectId, row, year, through, changed);
  for (const level of row.addLevels) await addKeyList(ctx, user, projectId, { year, level, docNo: null });
}

async function savePlanFromRow(ctx: AppContext, user: SessionUser, projectId: number, row: RowPlan, year: number, through: string | null, changed: Set<string>) {
  const r = row.record;
  const touchesPlan = [...changed].some((f) => PLAN_FIELDS.has(f));
  if (!touchesPlan) return;
  const current = await ctx.db.selectFrom('annualPlan').selectAll().where('projectId', '=', projectId).where('year', '=', year).executeTakeFirst();
  const plan = r.plan ?? current?.plan ?? 0;
  await savePlan(ctx, user, projectId, {
    year,
    plan,
    // A ledger without a 力争 column keeps the target no lower than the plan.
    target: Math.max(r.target ?? current?.target ?? plan, plan),
    completed: r.completed ?? current?.completed ?? 0,
    completedThrough: r.completed != null ? through : current?.completedThrough ?? null,
    completedLastYear: r.completedLastYear ?? current?.completedLastYear ?? null,
    version: current?.version,
  });
}
