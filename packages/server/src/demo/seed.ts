import { APPROVAL_ITEMS, chinaDate, type Role } from '@tuijin/core';
import type { AppContext } from '../lib/context';
import { writeAudit } from '../lib/audit';
import { generatePassword } from '../lib/passwords';
import { nowIso, transact } from '../lib/records';
import { systemUser } from '../lib/system-user';
import { ensureRootRegion } from '../bootstrap';
import { createOrg } from '../features/orgs/service';
import { createPerson } from '../features/people/service';
import { insertUser } from '../features/users/service';
import { createProject } from '../features/projects/service';
import { addKeyList, addNode, saveApproval, savePlan } from '../features/projects/parts-service';
import { generateProject, makeUscc, rng } from './generate';
import { writeTransaction } from '../lib/transactions';
import type { SessionUser } from '../lib/context';
import { seedReporting, sessionUserOf, type DemoProject } from './reports';
import { lastMeetingDay, seedLastMeeting, seedVisits } from './meetings-visits';
import { playObstacles } from './obstacles';
import { recomputeWarnings } from '../features/warnings/recompute';
import { seedAssessment } from './assessment';
import { scopePrefix } from '../lib/permissions';

// 示范县: a small living county a newcomer can open at once. Loaded once; a second call
// finds it and does nothing. Everything goes through the same services as the app, so
// it is validated and audited like any user's work.

export const DEMO_COUNTY = '371499';
const DEPARTMENTS = ['县发展和改革局', '县工业和信息化局', '县自然资源局', '县住房和城乡建设局', '县商务局', '县文化和旅游局', '县交通运输局', '县水利局'];
const TOWNSHIPS = ['经济开发区', '高新技术产业园', '城关镇', '晏城街道', '物流园区'];
const BANKS = ['农业银行示范县支行', '建设银行示范县支行', '示范县农村商业银行'];
const LEADERS = [['王建国', '县委副书记'], ['李明', '常务副县长'], ['张华', '副县长'], ['刘强', '副县长'], ['陈静', '县人大常委会副主任']];
const STAFF = [['赵磊', '项目负责人'], ['孙丽', '办公室主任'], ['周涛', '总经理'], ['吴敏', '财务经理'], ['郑伟', '工程部经理'], ['冯雪', '综合部部长']];

export interface DemoResult { users: { username: string; role: Role; password: string }[] }

export async function loadDemo(ctx: AppContext, options: { projects?: number } = {}): Promise<DemoResult | null> {
  await ensureRootRegion(ctx);
  if (await ctx.db.selectFrom('region').select('code').where('code', '=', DEMO_COUNTY).executeTakeFirst()) return null;
  // One transaction for the whole county: it lands whole or not at all.
  return writeTransaction(ctx.db, (tx) => seed({ ...ctx, db: tx }, options));
}

async function seed(ctx: AppContext, options: { projects?: number }): Promise<DemoResult> {
  const r = rng(20_211_231);
  const at = nowIso(ctx);
  for (const [code, name, level, parentCode] of [
    ['370000', '山东省', 'province', '100000'], ['371400', '德州市', 'city', '370000'], [DEMO_COUNTY, '示范县', 'county', '371400'],
  ] as const) {
    await ctx.db.insertInto('region').values({ code, name, level, parentCode, createdAt: at, updatedAt: at }).onConflict((oc) => oc.column('code').doNothing()).execute();
  }
  const office = systemUser('office', DEMO_COUNTY);
  const org = (kind: 'department' | 'township' | 'bank' | 'company', name: string, extra = {}) =>
    createOrg(ctx, office, { kind, name, regionCode: DEMO_COUNTY, ...extra });
  const departments: { id: number }[] = [];
  for (const name of DEPARTMENTS) departments.push(await org('department', name));
  const townships = [];
  for (const name of TOWNSHIPS) townships.push(await org('township', name));
  const banks = [];
  for (const name of BANKS) banks.push(await org('bank', name));
  const leaders: { id: number }[] = [];
  for (const [name, title] of LEADERS) leaders.push(await createPerson(ctx, office, { name: name!, title, regionCode: DEMO_COUNTY, phone: `139${String(r.int(10_000_000, 99_999_999))}` }));

  const year = Number(chinaDate(ctx.clock.now()).slice(0, 4));
  const monthsElapsed = Number(chinaDate(ctx.clock.now()).slice(5, 7)) - 1 || 1;
  const count = options.projects ?? 36;
  const companies = new Map<string, number>();
  let firstCompany: number | null = null;
  let building = 0;
  const pickDepartment = (featured: boolean) => {
    const drawn = r.pick(departments).id;
    return featured ? departments[0]!.id : drawn;
  };
  const built: DemoProject[] = [];
  const usedNames = new Set<string>();
  const uniqueName = (name: string, word: string) => {
    let n = usedNames.has(name) ? `${word}${name}` : name;
    for (let k = 2; usedNames.has(n); k++) n = `${word}${name}（${k}）`;
    usedNames.add(n);
    return n;
  };
  for (let i = 0; i < count; i++) {
    const g = generateProject(r, i % 7 === 6 ? 1 : 0, year, monthsElapsed);
    const companyName = `示范${g.companyWord}${g.category === 'infrastructure' ? '建设投资' : '实业'}有限公司`;
    let ownerOrgId = companies.get(companyName);
    if (!ownerOrgId) {
      ownerOrgId = (await org('company', companyName, { uscc: makeUscc(r, DEMO_COUNTY), contactName: r.pick(STAFF)[0], contactPhone: `138${String(r.int(10_000_000, 99_999_999))}` })).id;
      companies.set(companyName, ownerOrgId);
    }
    // The demo's company account belongs to a company with a project being built: it has a report to fill.
    if (g.stage === 'under_construction') firstCompany ??= ownerOrgId;
    // The printed department account (县发展和改革局) reviews the first two projects being built:
    // the printed company's, and another whose report this month raised a problem.
    const isFeatured = g.stage === 'under_construction' && building++ < 2;
    const [staffName, staffTitle] = r.pick(STAFF);
    const first = await createPerson(ctx, office, { name: staffName!, title: staffTitle, orgId: ownerOrgId, regionCode: DEMO_COUNTY, phone: `137${String(r.int(10_000_000, 99_999_999))}` });
    const project = await createProject(ctx, office, {
      name: uniqueName(g.name, g.companyWord),
      regionCode: DEMO_COUNTY, category: g.category, industry: g.industry, nature: g.nature, stage: g.stage,
      totalInvestment: g.totalInvestment, contentScale: g.contentScale, ownerOrgId,
      townshipId: r.pick(townships).id, responsibleOrgId: pickDepartment(isFeatured), bankOrgId: r.pick(banks).id,
      leaderId: r.pick(leaders).id, firstResponsibleId: first.id, contactId: first.id,
      team: '县直有关部门抽调人员组成专班', implementationPlan: '倒排工期、挂图作战，按月分解任务，确保按期竣工投产。',
      commitStartDate: g.commitStartDate, commitCompletionDate: g.commitCompletionDate,
      commitTarget: `${year}年完成投资${Math.round(g.plan / 10_000)}万元`, commitDuty: '包保领导牵头，责任单位具体负责', commitRewardPenalty: '纳入年度目标考核',
      lng: 116.6 + r.next() * 0.4, lat: 36.6 + r.next() * 0.3, address: `${r.pick(TOWNSHIPS)}${r.pick(['东区', '西区', '南区', '北区'])}`,
      stageDate: `${year}-01-10`,
      // Projects already building started on their committed day (the 开工 node below agrees).
      ...(['under_construction', 'completed', 'operating'].includes(g.stage) && g.commitStartDate <= chinaDate(ctx.clock.now()) ? { actualStartDate: g.commitStartDate } : {}),
    });
    built.push({
      id: project.id, ownerOrgId, responsibleOrgId: project.responsibleOrgId!, stage: g.stage, totalInvestment: g.totalInvestment,
      lng: project.lng!, lat: project.lat!, completed: g.completed, monthsElapsed,
    });
    let detail = project;
    for (const level of g.levels) detail = await addKeyList(ctx, office, project.id, { year, level });
    const plan = detail.plans.find((p) => p.year === year)!;
    const monthly = Array.from({ length: 12 }, (_, m) => (m < 11 ? Math.floor(g.plan / 12 / 10_000) * 10_000 : 0));
    monthly[11] = g.plan - monthly.slice(0, 11).reduce((s, v) => s + v, 0);
    await savePlan(ctx, office, project.id, {
      year, plan: g.plan, target: g.target, monthly, completed: g.completed, completedThrough: `${year}-${String(monthsElapsed).padStart(2, '0')}`,
      completedLastYear: g.completedLastYear, progressGoal: '年底主体完工', version: plan.version,
    });
    await addNode(ctx, office, project.id, { kind: 'start', name: '开工建设', plannedDate: g.commitStartDate, actualDate: g.stage === 'under_construction' || g.stage === 'completed' || g.stage === 'operating' ? g.commitStartDate : null });
    await addNode(ctx, office, project.id, { kind: 'completion', name: '竣工验收', plannedDate: g.commitCompletionDate, actualDate: g.stage === 'completed' || g.stage === 'operating' ? g.commitCompletionDate : null });
    for (const item of APPROVAL_ITEMS.ids.slice(0, g.stage === 'signed' ? 2 : 7)) {
      await saveApproval(ctx, office, project.id, item, { status: 'done', doneDate: `${year - 1}-${String(r.int(1, 12)).padStart(2, '0')}-10` });
    }
  }

  const users: DemoResult['users'] = [];
  const system = { userId: null, username: 'system', role: null, ip: null };
  const accounts: [string, string, Role, number | null][] = [
    ['demo_office', '示范县重点项目办', 'office', null],
    ['demo_leader', '王建国', 'leader', null],
    ['demo_dept', '县发展和改革局', 'department', departments[0]!.id],
    ['demo_company', firstCompany ? '企业填报员' : '企业', 'reporter', firstCompany],
    ['demo_viewer', '只读用户', 'viewer', null],
    ['demo_inspector', '督查组', 'inspector', null],
  ];
  for (const [username, displayName, role, orgId] of accounts) {
    const password = generatePassword();
    await transact(ctx, (tx) =>
      insertUser(ctx, tx, { username, displayName, role, regionCode: DEMO_COUNTY, orgId, password, ...(username === 'demo_leader' ? { personId: leaders[0]!.id } : {}) }, { mustChangePassword: false, audit: (rec) => writeAudit(tx, system, ctx.clock.now(), rec) }),
    );
    users.push({ username, role, password });
  }
  const accountOf = await seedMonths(ctx, built, departments.map((d) => d.id), r);
  // The obstacles' weeks, with last month's joint meeting on its day; the leaders' visits; today's warnings.
  const officeId = (await ctx.db.selectFrom('appUser').select('id').where('username', '=', 'demo_office').executeTakeFirstOrThrow()).id;
  const officeUser = await sessionUserOf(ctx, officeId);
  await playObstacles(ctx, { office: officeUser, ownerOf: accountOf }, r, new Map([[lastMeetingDay(chinaDate(ctx.clock.now())), () => seedLastMeeting(ctx, officeUser)]]));
  await seedVisits(ctx, officeUser, r);
  await recomputeWarnings(ctx, officeUser, scopePrefix(officeUser));
  await seedAssessment(ctx, officeUser);
  return { users };
}

/** Every company and department gets its account (not printed); then the last months happen. */
async function seedMonths(ctx: AppContext, projects: DemoProject[], departmentIds: number[], r: ReturnType<typeof rng>): Promise<(orgId: number) => SessionUser> {
  const system = { userId: null, username: 'system', role: null, ip: null };
  const accountOf = new Map<number, SessionUser>();
  const existing = await ctx.db.selectFrom('appUser').select(['id', 'orgId']).where('regionCode', '=', DEMO_COUNTY).where('orgId', 'is not', null).execute();
  for (const u of existing) accountOf.set(u.orgId!, await sessionUserOf(ctx, u.id));
  const orgIds = [...new Set([...projects.map((p) => p.ownerOrgId), ...departmentIds])];
  for (const orgId of orgIds) {
    if (accountOf.has(orgId)) continue;
    const isDept = departmentIds.includes(orgId);
    const id = await transact(ctx, (tx) => insertUser(ctx, tx, {
      username: `${isDept ? 'dept' : 'company'}_${orgId}`, displayName: isDept ? '责任单位审核员' : '企业填报员', role: isDept ? 'department' : 'reporter',
      regionCode: DEMO_COUNTY, orgId, password: generatePassword(),
    }, { mustChangePassword: true, audit: (rec) => writeAudit(tx, system, ctx.clock.now(), rec) }));
    accountOf.set(orgId, await sessionUserOf(ctx, id));
  }
  const office = await ctx.db.selectFrom('appUser').select('id').where('username', '=', 'demo_office').executeTakeFirstOrThrow();
  const pick = (orgId: number) => accountOf.get(orgId) ?? (() => { throw new Error(`no demo account for org ${orgId}`); })();
  await seedReporting(ctx, projects, { office: await sessionUserOf(ctx, office.id), reporterOf: pick, reviewerOf: pick, featuredDeptId: departmentIds[0] }, r);
  return pick;
}
