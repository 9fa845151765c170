import type { KeyListLevel, ProjectCreate } from '@tuijin/core';
import { addKeyList, addNode, savePlan } from '../features/projects/parts-service';
import { transitionStage } from '../features/projects/service';
import { nowIso } from '../lib/records';
import { systemUser } from '../lib/system-user';
import { factories } from './factories';
import type { Harness } from './harness';

// A county's 2026 worked out by hand for the annual summary (the harness's clock is in June
// 2026): five projects carried out — three 工业 (one over 100亿, one 4.2亿, one 15亿), one 服务业
// of 118亿 that 竣工 in May, one 基础设施 of 5000万 — three strategic, three on the city list
// (one provincial too), plans, completions and last year's figures (one only on last year's
// plan row). A reserve project with a plan and a terminated one are in the ledger, not counted.
// A second county of the same city has one city-listed project (for the city's ranking); a
// county elsewhere has a project with no category and a city-listed project with no plan.

const YI = 100_000_000;
const WAN = 10_000;
export const SUMMARY_YEAR = 2026;

interface Spec {
  name: string;
  fields: Partial<ProjectCreate>;
  levels?: KeyListLevel[];
  plan?: { plan: number; target: number; completed: number; completedLastYear: number | null };
  lastYearPlanCompleted?: number;
}

export async function summaryCounties(h: Harness) {
  const f = factories(h);
  const codes = await f.county('示范县');
  const county = codes.county;
  const sibling = `${codes.city.slice(0, 4)}03`;
  const at = nowIso(h.ctx);
  await h.ctx.db.insertInto('region').values({ code: sibling, name: '邻县', level: 'county', parentCode: codes.city, createdAt: at, updatedAt: at }).execute();
  const elsewhere = (await f.county('问题县')).county;

  async function build(region: string, spec: Spec) {
    const office = systemUser('office', region);
    const p = await f.project(region, { name: spec.name, ...spec.fields });
    for (const level of spec.levels ?? []) await addKeyList(h.ctx, office, p.id, { year: SUMMARY_YEAR, level });
    if (spec.lastYearPlanCompleted != null) {
      await savePlan(h.ctx, office, p.id, { year: SUMMARY_YEAR - 1, plan: spec.lastYearPlanCompleted, target: spec.lastYearPlanCompleted, completed: spec.lastYearPlanCompleted });
    }
    if (spec.plan) {
      const v = await h.ctx.db.selectFrom('annualPlan').select('version').where('projectId', '=', p.id).where('year', '=', SUMMARY_YEAR).executeTakeFirst();
      await savePlan(h.ctx, office, p.id, { year: SUMMARY_YEAR, ...spec.plan, completedThrough: '2026-05', version: v?.version });
    }
    return p;
  }

  const p = {
    equipment: await build(county, { name: '装备制造产业园', fields: { industry: 'equipment', stage: 'under_construction', totalInvestment: 120 * YI }, levels: ['county', 'city', 'province'], plan: { plan: 10 * YI, target: 11 * YI, completed: 9 * YI, completedLastYear: 8 * YI } }),
    stent: await build(county, { name: '心脏支架产业化', fields: { industry: 'biomedicine', stage: 'signed', totalInvestment: 420_000_000 }, levels: ['county', 'city'], plan: { plan: 2 * YI, target: 220_000_000, completed: 0, completedLastYear: 0 } }),
    park: await build(county, { name: '欢乐世界', fields: { category: 'services', industry: 'tourism', stage: 'under_construction', stageDate: '2024-03-01', totalInvestment: 118 * YI, actualStartDate: '2024-03-01' }, levels: ['county', 'city'], plan: { plan: 30 * YI, target: 33 * YI, completed: 30 * YI, completedLastYear: 26 * YI } }),
    road: await build(county, { name: '城区道路提升', fields: { category: 'infrastructure', industry: 'transport', stage: 'under_construction', totalInvestment: 5000 * WAN }, levels: ['county'], plan: { plan: 5000 * WAN, target: 5000 * WAN, completed: 4000 * WAN, completedLastYear: 4000 * WAN } }),
    solar: await build(county, { name: '光伏组件', fields: { industry: 'new_energy', stage: 'operating', totalInvestment: 15 * YI }, levels: ['county'], plan: { plan: 3 * YI, target: 3 * YI, completed: 250_000_000, completedLastYear: null }, lastYearPlanCompleted: 3 * YI }),
    reserve: await build(county, { name: '储备物流园', fields: { category: 'services', industry: 'logistics', stage: 'reserve', totalInvestment: 9 * YI }, plan: { plan: 0, target: 0, completed: 0, completedLastYear: null } }),
    ended: await build(county, { name: '已终止化工项目', fields: { industry: 'chemicals', stage: 'terminated', stageDate: '2026-03-01', totalInvestment: 3 * YI }, plan: { plan: YI, target: YI, completed: 0, completedLastYear: null } }),
    // Not in 2026's ledger at all: no plan, no key list, not being built.
    outside: await build(county, { name: '未列入项目', fields: { totalInvestment: 50 * YI } }),
    siblingListed: await build(sibling, { name: '邻县物流港', fields: { category: 'services', industry: 'logistics', stage: 'under_construction', totalInvestment: 20 * YI }, levels: ['city'], plan: { plan: 5 * YI, target: 5 * YI, completed: 4 * YI, completedLastYear: 3 * YI } }),
    uncategorised: await build(elsewhere, { name: '无类别项目', fields: { stage: 'under_construction', totalInvestment: 3 * YI }, plan: { plan: YI, target: YI, completed: 5000 * WAN, completedLastYear: 4000 * WAN } }),
    listedWithoutPlan: await build(elsewhere, { name: '无计划市级项目', fields: { stage: 'under_construction', totalInvestment: 12 * YI }, levels: ['city'] }),
  };
  // 欢乐世界 竣工 in May (the transition fills its 实际竣工日期); 光伏组件 finished last November by its 竣工 node.
  await transitionStage(h.ctx, systemUser('office', county), p.park.id, { to: 'completed', date: '2026-05-20', version: p.park.version });
  await addNode(h.ctx, systemUser('office', county), p.solar.id, { kind: 'completion', name: '竣工验收', plannedDate: '2025-11-30', actualDate: '2025-11-30' });
  // The schema refuses an unknown category; an old import or a hand edit in the database does not.
  await h.ctx.db.updateTable('project').set({ category: '' }).where('id', '=', p.uncategorised.id).execute();

  const companyId = (await f.org('company', county)).id;
  return {
    f, codes, county, sibling, elsewhere, p,
    office: await f.session('office', county),
    office2: await f.session('office', county),
    viewer: await f.session('viewer', county),
    leader: await f.session('leader', county),
    reporter: await f.session('reporter', county, { orgId: companyId }),
    cityOffice: await f.session('office', codes.city),
    elsewhereOffice: await f.session('office', elsewhere),
  };
}
export type SummaryCounties = Awaited<ReturnType<typeof summaryCounties>>;
