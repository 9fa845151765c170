import { DEFAULT_SCHEME } from '@tuijin/core';
import { makeUscc, rng } from '../demo/generate';
import { factories, PASSWORD } from './factories';
import type { Harness } from './harness';
import { makeJpeg } from './media/fixtures';
import { uploadBuffer } from './report-fixtures';

// What the fuzz of every route (lib/fuzz.test.ts) stands on: a county holding one record of
// every kind a route's path can name (a project with its parts, a month with a report, a photo
// and an upload, an obstacle, an inspection, a meeting, a visit, a scored month, a bulletin, an
// award), the pools of ids the fuzz draws path parameters from, and the table of every route
// with a valid body and query, which the fuzz mutates. A new route is added to the table here,
// or the test comparing it with the app's routes fails.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a successful answer of a route is: a file for the downloads, JSON for everything else. */
export function fileType(path: string, method = 'GET'): string {
  if (method !== 'GET') return 'application/json';
  if (path.endsWith('.xlsx') || path.endsWith('.docx') || path.endsWith('/docx')) return 'application/vnd.openxmlformats';
  if (path.endsWith('/media/:id/:variant')) return '';
  if (path.endsWith('/periods/:id/archive')) return 'application/zip';
  return 'application/json';
}
export interface Route { method: Method; path: string; body?: Record<string, unknown> | (() => Record<string, unknown>); query?: Record<string, string> }

/** The registered routes, read back from Fastify's route tree (HEAD is Fastify's own). */
export function registeredRoutes(tree: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack[depth] = (depth ? stack[depth - 1]! : '') + m[2]!;
    for (const method of m[3]!.split(', ')) if (method !== 'HEAD') out.push(`${method} ${stack[depth]}`);
  }
  return out.sort();
}

export type FuzzRole = 'office' | 'sysadmin' | 'auditor';

export async function fuzzCounty(h: Harness) {
  const f = factories(h);
  const codes = await f.county('模糊测试县');
  const cookies: Record<FuzzRole, string> = { office: '', sysadmin: '', auditor: '' };
  const pools = { id: [] as number[], orgId: [] as number[], personId: [] as number[], userId: [] as number[], projectId: [] as number[], keyListId: [] as number[], nodeId: [] as number[], code: [] as string[], uploadId: [] as string[] };
  let serial = 0;
  /** The fuzz may log itself out or reset its own password: a fresh session of the same role. */
  async function freshSession(role: FuzzRole) {
    cookies[role] = (await f.session(role, role === 'sysadmin' ? codes.city : codes.county)).cookie;
  }

  const r = rng(4242);
  for (const role of Object.keys(cookies) as (keyof typeof cookies)[]) await freshSession(role);
  const dept = await f.org('department', codes.county);
  const company = await f.org('company', codes.county);
  const township = await f.org('township', codes.county);
  const bank = await f.org('bank', codes.county);
  const leader = await f.person(codes.county, '李县长');
  const contact = await f.person(codes.county, '联系人');
  const reporter = await f.user('reporter', codes.county, { orgId: company.id });
  const viewer = await f.user('viewer', codes.county);
  const project = await f.project(codes.county, { ownerOrgId: company.id, responsibleOrgId: dept.id, leaderId: leader.id });
  const withParts = await f.project(codes.county);
  const office = cookies.office;
  const kl = (await h.request('POST', `/api/v1/projects/${withParts.id}/key-lists`, { cookie: office, body: { year: 2026, level: 'county' } })).json();
  const nd = (await h.request('POST', `/api/v1/projects/${withParts.id}/nodes`, { cookie: office, body: { kind: 'start', name: '开工', plannedDate: '2026-03-01' } })).json();
  await h.request('PUT', `/api/v1/projects/${withParts.id}/plans/2026`, { cookie: office, body: { plan: 100, target: 120 } });
  const other = await f.county('外县');
  const foreignOrg = await f.org('company', other.county);
  const foreignProject = await f.project(other.county);

  // A month with a report, a photo, a shooting point and an unfinished upload, for the report routes.
  h.clock.set('2026-06-02T02:00:00Z');
  const period = (await h.request('POST', '/api/v1/periods', { cookie: office, body: { period: '2026-05' } })).json();
  const report = await h.ctx.db.selectFrom('monthlyReport').select('id').where('projectId', '=', project.id).executeTakeFirstOrThrow();
  const photo = (await uploadBuffer(h, office, report.id, 'site.jpg', await makeJpeg({ width: 64, height: 48 }))).json();
  const point = (await h.request('POST', `/api/v1/projects/${project.id}/shooting-points`, { cookie: office, body: { name: '东门' } })).json().items[0];
  const upload = (await h.request('POST', `/api/v1/reports/${report.id}/uploads`, { cookie: office, body: { filename: 'a.jpg', size: 10 } })).json();
  const obstacle = (await h.request('POST', '/api/v1/obstacles', { cookie: office, body: { projectId: project.id, kind: 'land', description: '用地指标未落实', deadline: '2026-06-30' } })).json();
  pools.uploadId = [upload.id, 'f'.repeat(32)];
  // An inspection of the project with its finding, for the inspection routes.
  const inspection = (await h.request('POST', '/api/v1/inspections', { cookie: office, body: { title: '模糊督导检查', plannedDate: '2026-06-01', projectIds: [project.id] } })).json();
  const finding = (await h.request('PUT', `/api/v1/inspections/${inspection.id}/projects/${project.id}/finding`, { cookie: office, body: { version: null, visitedOn: '2026-06-01' } })).json().finding;
  // A joint meeting with an item and an action item, and a leader's visit, for their routes.
  const meeting = (await h.request('POST', '/api/v1/meetings', { cookie: office, body: { title: '模糊联席会议', heldOn: '2026-06-02' } })).json();
  const meetingItem = (await h.request('POST', `/api/v1/meetings/${meeting.id}/items`, { cookie: office, body: { title: '模糊议题' } })).json().items.at(-1);
  const action = (await h.request('POST', `/api/v1/meetings/${meeting.id}/actions`, { cookie: office, body: { description: '模糊督办', ownerOrgId: dept.id, deadline: '2026-06-30' } })).json().actions[0];
  const visit = (await h.request('POST', '/api/v1/site-visits', { cookie: office, body: { leaderId: leader.id, projectId: project.id, visitedOn: '2026-06-01' } })).json();
  // A month scored and a year-end award, for the assessment routes.
  await h.request('POST', '/api/v1/scores/compute', { cookie: office, body: { period: '2026-05' } });
  const bulletin = (await h.request('POST', '/api/v1/bulletins', { cookie: office, body: { period: '2026-05' } })).json();
  const award = (await h.request('POST', '/api/v1/assessment-awards', { cookie: office, body: { year: 2026, subjectKind: 'project', subjectId: project.id, kind: 'reward', title: '先进', decidedOn: '2026-06-01' } })).json();
  pools.orgId = [dept.id, company.id, township.id, bank.id, foreignOrg.id];
  pools.personId = [leader.id, contact.id];
  pools.userId = [reporter.id, viewer.id];
  pools.projectId = [project.id, withParts.id, foreignProject.id];
  pools.keyListId = kl.keyLists.map((k: { id: number }) => k.id);
  pools.nodeId = nd.nodes.map((n: { id: number }) => n.id);
  pools.code = [codes.county, codes.city, codes.province, other.county, `${codes.city.slice(0, 4)}77`];
  const defaults: Record<string, number | string> = {
    orgs: bank.id, people: contact.id, users: viewer.id, projects: withParts.id, keyListId: pools.keyListId[0]!, nodeId: pools.nodeId[0]!, code: codes.county,
    periods: period.id, reports: report.id, media: photo.id, 'shooting-points': point.id, uploads: upload.id, variant: 'thumb',
    obstacles: obstacle.id,
    inspections: inspection.id, findings: finding.id, projectId: project.id,
    meetings: meeting.id, itemId: meetingItem.id, 'action-items': action.id, 'site-visits': visit.id,
    'assessment-awards': award.id, bulletins: bulletin.id,
  };
  pools.id = [...new Set([...pools.orgId, ...pools.personId, ...pools.userId, ...pools.projectId, ...pools.keyListId, ...pools.nodeId, period.id, report.id, photo.id, point.id])];

  const county = codes.county;
  const project0 = { name: '模糊项目', regionCode: county, category: 'industrial', industry: 'equipment', nature: 'new', totalInvestment: 150_000_000, ownerOrgId: company.id, leaderId: leader.id, commitStartDate: '2026-03-01', lng: 116.3, lat: 37.4, tags: ['链主'], fundingSources: [{ source: 'enterprise', amount: 1000 }], foreign: { amount: 100, currency: 'USD', rate: '7.1' }, sitePolygon: [[116.1, 37.1], [116.2, 37.1], [116.2, 37.2]] };
  const routes: Route[] = [
    { method: 'GET', path: '/api/v1/health' },
    { method: 'POST', path: '/api/v1/auth/login', body: { username: 'fuzz_nobody', password: 'Wrong#Pass2026' } },
    { method: 'POST', path: '/api/v1/auth/logout' },
    { method: 'GET', path: '/api/v1/auth/me' },
    { method: 'POST', path: '/api/v1/auth/password', body: { currentPassword: PASSWORD, newPassword: 'Fuzz#Changed2026' } },
    { method: 'GET', path: '/api/v1/audit', query: { page: '1', pageSize: '10', action: 'login' } },
    { method: 'GET', path: '/api/v1/audit/verify' },
    { method: 'GET', path: '/api/v1/regions' },
    { method: 'POST', path: '/api/v1/regions', body: () => ({ code: `${codes.city.slice(0, 4)}${String(10 + (++serial % 90))}`, name: '新区', level: 'county', parentCode: codes.city }) },
    { method: 'PATCH', path: '/api/v1/regions/:code', body: { name: '改名', version: 1 } },
    { method: 'GET', path: '/api/v1/orgs', query: { kind: 'company', q: '公司', page: '1', pageSize: '20', regionCode: county } },
    { method: 'POST', path: '/api/v1/orgs', body: () => ({ kind: 'company', name: `模糊公司${++serial}`, shortName: '模糊', regionCode: county, uscc: makeUscc(r, county), address: '地址', contactName: '王', contactPhone: '13800138000' }) },
    { method: 'GET', path: '/api/v1/orgs/:id' },
    { method: 'PATCH', path: '/api/v1/orgs/:id', body: { version: 1, name: '改名单位', contactPhone: '0534-2612345', regionCode: county } },
    { method: 'DELETE', path: '/api/v1/orgs/:id', query: { version: '1' } },
    { method: 'GET', path: '/api/v1/people', query: { q: '李', orgId: String(dept.id), regionCode: county } },
    { method: 'POST', path: '/api/v1/people', body: { name: '模糊人员', title: '局长', phone: '13900001111', orgId: dept.id, regionCode: county } },
    { method: 'GET', path: '/api/v1/people/:id' },
    { method: 'PATCH', path: '/api/v1/people/:id', body: { version: 1, title: '副局长', orgId: dept.id, regionCode: county } },
    { method: 'DELETE', path: '/api/v1/people/:id', query: { version: '1' } },
    { method: 'GET', path: '/api/v1/users', query: { q: 'fuzz', page: '1' } },
    { method: 'POST', path: '/api/v1/users', body: () => ({ username: `fuzz.user${++serial}`, displayName: '模糊用户', role: 'reporter', regionCode: county, orgId: company.id, personId: contact.id, password: 'Initial#Pass2026' }) },
    { method: 'GET', path: '/api/v1/users/:id' },
    { method: 'PATCH', path: '/api/v1/users/:id', body: { version: 1, displayName: '改名', role: 'viewer', regionCode: county, orgId: null, personId: leader.id, disabled: false } },
    { method: 'POST', path: '/api/v1/users/:id/reset-password' },
    { method: 'GET', path: '/api/v1/projects', query: { q: '项目', year: '2026', category: 'industrial,services', stage: 'signed', size: 'atLeast100m', ownerOrgId: String(company.id), sort: 'plan', order: 'asc', page: '1', pageSize: '50' } },
    { method: 'POST', path: '/api/v1/projects', body: () => ({ ...project0, name: `模糊项目${++serial}` }) },
    { method: 'GET', path: '/api/v1/projects/:id' },
    { method: 'PATCH', path: '/api/v1/projects/:id', body: { version: 1, contentScale: '规模', totalInvestment: 200_000_000, responsibleOrgId: dept.id, commitCompletionDate: '2027-12-31' } },
    { method: 'DELETE', path: '/api/v1/projects/:id', query: { version: '1' } },
    { method: 'POST', path: '/api/v1/projects/:id/stage', body: { to: 'under_construction', date: '2026-07-01', note: '开工', version: 1 } },
    { method: 'GET', path: '/api/v1/projects/:id/history' },
    { method: 'POST', path: '/api/v1/projects/:id/key-lists', body: { year: 2026, level: 'city', docNo: '德政发〔2026〕1号' } },
    { method: 'DELETE', path: '/api/v1/projects/:id/key-lists/:keyListId' },
    { method: 'PUT', path: '/api/v1/projects/:id/plans/:year', body: { plan: 1200, target: 1300, monthly: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100], progressGoal: '主体封顶', completed: 10, completedThrough: '2026-05', completedLastYear: 5, version: 1 } },
    { method: 'POST', path: '/api/v1/projects/:id/nodes', body: { kind: 'start', name: '开工', plannedDate: '2026-03-01', actualDate: '2026-03-05', responsibleOrgId: dept.id, note: '备注' } },
    { method: 'PATCH', path: '/api/v1/projects/:id/nodes/:nodeId', body: { version: 1, actualDate: '2026-03-06', name: '改名' } },
    { method: 'DELETE', path: '/api/v1/projects/:id/nodes/:nodeId', query: { version: '1' } },
    { method: 'PUT', path: '/api/v1/projects/:id/approvals/:item', body: { status: 'done', doneDate: '2026-02-01', docNo: '环审〔2026〕3号', authority: '市生态环境局', note: '', version: 1 } },
    { method: 'GET', path: '/api/v1/stats/overview', query: { year: '2026' } },
    { method: 'GET', path: '/api/v1/projects/export.xlsx', query: { year: '2026', category: 'industrial', unit: 'yi' } },
    { method: 'POST', path: '/api/v1/imports/ledger', query: { filename: '台账.xlsx', year: '2026' }, body: { not: 'a file' } },
    { method: 'POST', path: '/api/v1/imports/:id/preview', body: { year: 2026, mapping: { '3': 'plan', '4': null }, rates: { USD: '7.1' } } },
    { method: 'POST', path: '/api/v1/imports/:id/commit', body: {} },
    { method: 'DELETE', path: '/api/v1/imports/:id' },
    { method: 'GET', path: '/api/v1/imports' },
    { method: 'GET', path: '/api/v1/periods' },
    { method: 'POST', path: '/api/v1/periods', body: { period: '2026-04', deadline: '2026-05-05', note: '四月' } },
    { method: 'GET', path: '/api/v1/periods/:id' },
    { method: 'PATCH', path: '/api/v1/periods/:id', body: { deadline: '2026-06-08', note: '延期', version: 1 } },
    { method: 'POST', path: '/api/v1/periods/:id/close', body: { version: 1, archive: false } },
    { method: 'POST', path: '/api/v1/periods/:id/reopen', body: { version: 2 } },
    { method: 'POST', path: '/api/v1/periods/:id/remind', body: { reportIds: [1, 2] } },
    { method: 'POST', path: '/api/v1/periods/:id/archive' },
    { method: 'GET', path: '/api/v1/periods/:id/archive' },
    { method: 'GET', path: '/api/v1/reports', query: { periodId: '1', status: 'missing', q: '项目', mine: 'review', page: '1', pageSize: '20' } },
    { method: 'POST', path: '/api/v1/reports', body: { projectId: 1, period: '2026-05' } },
    { method: 'GET', path: '/api/v1/reports/:id' },
    { method: 'PATCH', path: '/api/v1/reports/:id', body: { version: 1, thisMonth: 100, ytd: 200, cumulative: 300, explanation: '说明', funds: [{ source: 'enterprise', amount: 50 }], progress: '进度', nodesMet: [{ nodeId: 1, date: '2026-05-02' }], problems: [{ kind: 'land', description: '用地' }], nextPlan: '计划', coordination: '协调', noChange: false, noChangeReason: null } },
    { method: 'POST', path: '/api/v1/reports/:id/submit', body: { version: 1 } },
    { method: 'POST', path: '/api/v1/reports/:id/return', body: { version: 2, comment: '退回' } },
    { method: 'POST', path: '/api/v1/reports/:id/approve', body: { version: 2, comment: '同意' } },
    { method: 'POST', path: '/api/v1/reports/:id/uploads', body: { filename: 'x.jpg', size: 1000, caption: '说明', shootingPointId: 1 } },
    { method: 'GET', path: '/api/v1/uploads/:id' },
    { method: 'PUT', path: '/api/v1/uploads/:id/chunks', query: { offset: '0' } },
    { method: 'POST', path: '/api/v1/uploads/:id/complete' },
    { method: 'DELETE', path: '/api/v1/uploads/:id' },
    { method: 'GET', path: '/api/v1/media/:id/:variant' },
    { method: 'PATCH', path: '/api/v1/media/:id', body: { version: 1, caption: '东门', shootingPointId: 1, sort: 2 } },
    { method: 'DELETE', path: '/api/v1/media/:id', query: { version: '1' } },
    { method: 'GET', path: '/api/v1/projects/:id/reports' },
    { method: 'GET', path: '/api/v1/projects/:id/media' },
    { method: 'GET', path: '/api/v1/projects/:id/shooting-points' },
    { method: 'POST', path: '/api/v1/projects/:id/shooting-points', body: { name: '西门', description: '西门外', lng: 116.3, lat: 37.4, sort: 1 } },
    { method: 'PATCH', path: '/api/v1/shooting-points/:id', body: { version: 1, name: '西门外', sort: 2 } },
    { method: 'DELETE', path: '/api/v1/shooting-points/:id', query: { version: '1' } },
    { method: 'GET', path: '/api/v1/settings/reports' },
    { method: 'PUT', path: '/api/v1/settings/reports', body: { version: null, deadlineDay: 5, autoOpen: false, openDay: 25, minPhotos: 1, maxDistanceMetres: 1000, maxHashDistance: 6, maxImageMb: 30, maxVideoMb: 500 } },
    { method: 'GET', path: '/api/v1/settings/supervision' },
    { method: 'PUT', path: '/api/v1/settings/supervision', body: { version: null, remindAfterDays: 0, superviseAfterDays: 7, interviewAfterDays: 14, defaultDeadlineDays: 30, behindYellow: 10, behindRed: 30, visitDaysPerMonth: 10 } },
    { method: 'GET', path: '/api/v1/obstacles', query: { kind: 'land', status: 'open', stage: 'assigned', ownerOrgId: String(dept.id), leaderId: String(leader.id), projectId: String(project.id), source: 'manual', overdue: 'true', q: '用地', page: '1', pageSize: '20' } },
    { method: 'GET', path: '/api/v1/obstacles/stats', query: { by: 'leader' } },
    { method: 'POST', path: '/api/v1/obstacles', body: { projectId: project.id, kind: 'funds', title: '资金', description: '贷款未到位', ownerOrgId: dept.id, leaderId: leader.id, deadline: '2026-07-31' } },
    { method: 'GET', path: '/api/v1/obstacles/:id' },
    { method: 'PATCH', path: '/api/v1/obstacles/:id', body: { version: 1, kind: 'approvals', title: '手续', description: '环评未批', ownerOrgId: dept.id, leaderId: leader.id, deadline: '2026-08-31' } },
    { method: 'POST', path: '/api/v1/obstacles/:id/escalate', body: { version: 1, to: 'supervised', docNo: '督办〔2026〕1号', note: '限期办结' } },
    { method: 'POST', path: '/api/v1/obstacles/:id/resolve', body: { version: 1, resolution: '已解决' } },
    { method: 'POST', path: '/api/v1/obstacles/:id/close', body: { version: 2, note: '核实' } },
    { method: 'POST', path: '/api/v1/obstacles/:id/reopen', body: { version: 2, note: '未解决' } },
    { method: 'GET', path: '/api/v1/notifications', query: { unread: '1' } },
    { method: 'GET', path: '/api/v1/inspections', query: { status: 'ongoing', q: '检查', page: '1', pageSize: '20' } },
    { method: 'POST', path: '/api/v1/inspections', body: { title: '模糊检查', plannedDate: '2026-06-02', team: [{ name: '王五' }, { userId: viewer.id }], projectIds: [project.id, withParts.id], note: '备注' } },
    { method: 'GET', path: '/api/v1/inspections/:id' },
    { method: 'PATCH', path: '/api/v1/inspections/:id', body: { version: 1, title: '改名检查', plannedDate: '2026-06-03', team: [{ name: '赵六' }], projectIds: [project.id], note: null } },
    { method: 'DELETE', path: '/api/v1/inspections/:id', query: { version: '1' } },
    { method: 'POST', path: '/api/v1/inspections/:id/finish', body: { version: 1 } },
    { method: 'GET', path: '/api/v1/inspections/:id/report.docx' },
    { method: 'GET', path: '/api/v1/inspections/:id/projects/:projectId' },
    { method: 'PUT', path: '/api/v1/inspections/:id/projects/:projectId/finding', body: { version: 1, visitedOn: '2026-06-01', observedProgress: '主体施工', progressVerdict: 'behind', observedStage: 'under_construction', nodesMet: [1], investmentEstimate: 1000, rating: 'fair', demands: [{ description: '整改', kind: 'land', raiseAs: 'action', deadline: '2026-07-01' }], note: '备注' } },
    { method: 'POST', path: '/api/v1/findings/:id/uploads', body: { filename: 'x.jpg', size: 1000, caption: '说明', shootingPointId: 1 } },
    { method: 'POST', path: '/api/v1/notifications/read', body: { ids: [1, 2] } },
    { method: 'GET', path: '/api/v1/warnings', query: { level: 'red', rule: 'start_overdue', responsibleOrgId: String(dept.id), leaderId: String(leader.id), townshipId: String(township.id), regionCode: county, q: '项目', page: '1', pageSize: '20' } },
    { method: 'GET', path: '/api/v1/warnings/summary', query: { regionCode: county } },
    { method: 'POST', path: '/api/v1/warnings/recompute', body: {} },
    { method: 'GET', path: '/api/v1/projects/:id/warnings' },
    { method: 'GET', path: '/api/v1/meetings', query: { status: 'draft', year: '2026', page: '1', pageSize: '20' } },
    { method: 'POST', path: '/api/v1/meetings', body: { title: '2026年6月重点项目联席会议', heldOn: '2026-06-20', place: '县政府', chair: '县长' } },
    { method: 'GET', path: '/api/v1/meetings/:id' },
    { method: 'PATCH', path: '/api/v1/meetings/:id', body: { version: 1, title: '改名会议', heldOn: '2026-06-21', place: '会议室', chair: '主持', attendees: [{ name: '张三', unit: '县发改局' }], summary: '概述' } },
    { method: 'POST', path: '/api/v1/meetings/:id/status', body: { version: 1, status: 'held' } },
    { method: 'POST', path: '/api/v1/meetings/:id/rebuild', body: { version: 1 } },
    { method: 'PUT', path: '/api/v1/meetings/:id/order', body: { version: 1, itemIds: [1, 2] } },
    { method: 'POST', path: '/api/v1/meetings/:id/items', body: { title: '议题', background: '背景', projectId: project.id } },
    { method: 'PATCH', path: '/api/v1/meetings/:id/items/:itemId', body: { version: 1, title: '议题改', background: '背景', reporter: '汇报人', reported: '汇报', decided: '议定' } },
    { method: 'DELETE', path: '/api/v1/meetings/:id/items/:itemId', query: { version: '1' } },
    { method: 'POST', path: '/api/v1/meetings/:id/actions', body: { meetingItemId: 1, description: '督办', ownerOrgId: dept.id, ownerPersonId: leader.id, deadline: '2026-07-01', projectId: project.id } },
    { method: 'GET', path: '/api/v1/meetings/:id/minutes.docx' },
    { method: 'GET', path: '/api/v1/action-items', query: { status: 'open', overdue: '1', ownerOrgId: String(dept.id), meetingId: '1', projectId: String(project.id), page: '1', pageSize: '20' } },
    { method: 'PATCH', path: '/api/v1/action-items/:id', body: { version: 1, status: 'done', doneNote: '已办', description: '改', ownerOrgId: dept.id, ownerPersonId: leader.id, deadline: '2026-07-02', projectId: project.id } },
    { method: 'DELETE', path: '/api/v1/action-items/:id', query: { version: '1' } },
    { method: 'GET', path: '/api/v1/site-visits', query: { leaderId: String(leader.id), projectId: String(project.id), month: '2026-06', page: '1', pageSize: '20' } },
    { method: 'GET', path: '/api/v1/site-visits/commitment', query: { month: '2026-06' } },
    { method: 'POST', path: '/api/v1/site-visits', body: { leaderId: leader.id, projectId: project.id, visitedOn: '2026-06-02', days: 0.5, found: '发现', decided: '决定' } },
    { method: 'GET', path: '/api/v1/site-visits/:id' },
    { method: 'PATCH', path: '/api/v1/site-visits/:id', body: { version: 1, visitedOn: '2026-06-01', days: 1, found: '发现', decided: '决定' } },
    { method: 'DELETE', path: '/api/v1/site-visits/:id', query: { version: '1' } },
    { method: 'POST', path: '/api/v1/site-visits/:id/uploads', body: { filename: 'x.jpg', size: 1000, caption: '说明', shootingPointId: 1 } },
    { method: 'GET', path: '/api/v1/bulletins', query: { year: '2026', page: '1', pageSize: '20' } },
    { method: 'POST', path: '/api/v1/bulletins', body: { period: '2026-04' } },
    { method: 'GET', path: '/api/v1/bulletins/:id' },
    { method: 'PATCH', path: '/api/v1/bulletins/:id', body: { version: 1, title: '通报', docNo: '〔2026〕5号', issuer: '县重点项目推进办公室', issuedOn: '2026-06-10', sections: [{ key: 'overview', text: '总体情况' }], photos: [{ beforeMediaId: photo.id, afterMediaId: photo.id, caption: '对比' }] } },
    { method: 'POST', path: '/api/v1/bulletins/:id/regenerate', body: { version: 1 } },
    { method: 'POST', path: '/api/v1/bulletins/:id/publish', body: { version: 1 } },
    { method: 'GET', path: '/api/v1/bulletins/:id/docx' },
    { method: 'DELETE', path: '/api/v1/bulletins/:id', query: { version: '1' } },
    { method: 'GET', path: '/api/v1/scoring-schemes', query: { period: '2026-05' } },
    { method: 'POST', path: '/api/v1/scoring-schemes', body: { name: '修订', effectiveFrom: '2026-07', baseVersion: 0, note: '说明', document: DEFAULT_SCHEME } },
    { method: 'GET', path: '/api/v1/scores', query: { period: '2026-05', kind: 'department', q: '局', page: '1', pageSize: '20' } },
    { method: 'POST', path: '/api/v1/scores/compute', body: { period: '2026-05' } },
    { method: 'POST', path: '/api/v1/scores/publish', body: { period: '2026-05', version: 1 } },
    { method: 'GET', path: '/api/v1/scores/explain', query: { period: '2026-05', kind: 'project', subjectId: String(project.id) } },
    { method: 'GET', path: '/api/v1/scores/year', query: { year: '2026', kind: 'project' } },
    { method: 'GET', path: '/api/v1/assessment-awards', query: { year: '2026' } },
    { method: 'POST', path: '/api/v1/assessment-awards', body: { year: 2026, subjectKind: 'department', subjectId: dept.id, kind: 'penalty', title: '通报批评', detail: '详情', docNo: '〔2026〕1号', decidedOn: '2026-06-02' } },
    { method: 'PATCH', path: '/api/v1/assessment-awards/:id', body: { version: 1, kind: 'reward', title: '改', detail: '详情', docNo: '文号', decidedOn: '2026-06-03' } },
    { method: 'DELETE', path: '/api/v1/assessment-awards/:id', query: { version: '1' } },
    { method: 'GET', path: '/api/v1/summaries/:year/basic' },
    { method: 'PUT', path: '/api/v1/summaries/:year/basic', body: { text: '一是数量多。今年以来全县共实施重点项目1个。', version: 0 } },
    { method: 'DELETE', path: '/api/v1/summaries/:year/basic', query: { version: '1' } },
    { method: 'GET', path: '/api/v1/summaries/:year/basic.docx' },
  ];

  return { f, codes, cookies, freshSession, pools, defaults, routes };
}
