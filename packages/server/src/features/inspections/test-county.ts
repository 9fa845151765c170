import type { Harness } from '../../test/harness';
import { allowNoPhotos, openMonth, putChunk, reportingCounty } from '../../test/report-fixtures';

// A county whose books an inspection can check: a project under construction whose May report
// (sent and approved) says the main structure was topped out on 28 May with 9,000 万元 invested
// since the start; a second project not yet reported; an inspector and a department user; and a
// neighbouring county that must never see any of it. The clock stands at 10 June, the visit day.

export const W = 10_000;
export const VISIT_DAY = '2026-06-10';

export async function inspectedCounty(h: Harness) {
  h.clock.set('2026-06-02T02:00:00Z');
  const c = await reportingCounty(h, { name: '城南智能装备产业园' });
  const leader = await c.f.person(c.region, '李副县长');
  await h.request('PATCH', `/api/v1/projects/${c.project.id}`, { cookie: c.office.cookie, body: { version: 1, leaderId: leader.id } });
  const addNode = async (body: Record<string, unknown>) => {
    const res = await h.request('POST', `/api/v1/projects/${c.project.id}/nodes`, { cookie: c.office.cookie, body });
    if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`node failed: ${res.statusCode} ${res.body}`);
    return (res.json().nodes as { id: number; name: string }[]).find((n) => n.name === body.name)!.id;
  };
  const nodes = {
    start: await addNode({ kind: 'start', name: '开工建设', plannedDate: '2026-03-01', actualDate: '2026-03-05' }),
    topping: await addNode({ kind: 'other', name: '主体封顶', plannedDate: '2026-05-31' }),
    completion: await addNode({ kind: 'completion', name: '竣工验收', plannedDate: '2026-12-31' }),
  };
  await allowNoPhotos(h, c);
  const { reportId } = await openMonth(h, c);
  const view = (await h.request('GET', `/api/v1/reports/${reportId}`, { cookie: c.reporter.cookie })).json();
  const saved = await h.request('PATCH', `/api/v1/reports/${reportId}`, {
    cookie: c.reporter.cookie,
    body: { version: view.version, thisMonth: 1500 * W, ytd: 4000 * W, cumulative: 9000 * W, progress: '主体结构封顶，开始砌筑围护墙', nodesMet: [{ nodeId: nodes.topping, date: '2026-05-28' }] },
  });
  if (saved.statusCode !== 200) throw new Error(`report save failed: ${saved.body}`);
  const sent = await h.request('POST', `/api/v1/reports/${reportId}/submit`, { cookie: c.reporter.cookie, body: { version: saved.json().version } });
  if (sent.statusCode !== 200) throw new Error(`report submit failed: ${sent.body}`);
  const second = await c.f.project(c.region, { name: '高新区标准化厂房', stage: 'preparing', responsibleOrgId: c.dept.id, totalInvestment: 80_000_000 });
  // A week later: the sessions of the report days have timed out, so everyone logs in again.
  h.clock.set(`${VISIT_DAY}T08:00:00Z`);
  for (const who of [c.office, c.reviewer, c.reporter]) who.cookie = await c.f.login(who.username);
  const inspector = await c.f.session('inspector', c.region);
  const viewer = await c.f.session('viewer', c.region);
  const far = await c.f.county('外县');
  const farOffice = await c.f.session('office', far.county);
  const farInspector = await c.f.session('inspector', far.county);
  const foreign = await c.f.project(far.county, { name: '外县项目', stage: 'under_construction' });
  return { ...c, leader, nodes, reportId, second, inspector, viewer, far, farOffice, farInspector, farProject: foreign };
}
export type InspectedCounty = Awaited<ReturnType<typeof inspectedCounty>>;

export async function planInspection(h: Harness, c: InspectedCounty, body: Record<string, unknown> = {}) {
  const res = await h.request('POST', '/api/v1/inspections', {
    cookie: c.office.cookie,
    body: { title: '2026年6月重点项目联合督导检查', plannedDate: VISIT_DAY, team: [{ userId: c.inspector.id }, { name: '县发改局 王五' }], projectIds: [c.project.id, c.second.id], ...body },
  });
  if (res.statusCode !== 201) throw new Error(`plan failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; version: number; projects: { projectId: number }[] };
}

/** What an inspector records when the site contradicts the books: the topping-out has not happened. */
export const contradiction = (c: InspectedCounty, extra: Record<string, unknown> = {}) => ({
  version: null, visitedOn: VISIT_DAY, observedProgress: '主体结构施工至五层，尚未封顶', progressVerdict: 'behind', observedStage: 'under_construction',
  nodesMet: [c.nodes.start], investmentEstimate: 6000 * W, rating: 'poor', note: '现场施工人员约 40 人',
  demands: [
    { description: '如实填报形象进度，5 日内更正月报', kind: 'construction', raiseAs: 'obstacle', deadline: '2026-06-20' },
    { description: '补充主体施工计划，确保 7 月底前封顶', kind: 'construction', raiseAs: 'action', deadline: '2026-06-30' },
  ],
  ...extra,
});

/** Sends a photo for a finding through the resumable protocol and returns the last answer. */
export async function uploadToFinding(h: Harness, cookie: string, findingId: number, filename: string, data: Buffer) {
  const created = await h.request('POST', `/api/v1/findings/${findingId}/uploads`, { cookie, body: { filename, size: data.length } });
  if (created.statusCode !== 201) return created;
  const { id } = created.json() as { id: string };
  const put = await putChunk(h, cookie, id, 0, data);
  if (put.statusCode !== 200) return put;
  return h.request('POST', `/api/v1/uploads/${id}/complete`, { cookie });
}
