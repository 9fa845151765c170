import type { Harness } from './harness';
import { factories } from './factories';

// A county the month before its joint meeting: an obstacle at 督办, another past its deadline on
// a project that is also red-warned, a project red-warned twice, one yellow-warned (not for the
// meeting), and an earlier meeting's action item now overdue. Rows are written as the obstacle
// ladder and the warning engine write them, so the agenda is built from real rows.

export const MEETING_DAY = '2026-11-20';

export async function meetingCounty(h: Harness) {
  const f = factories(h);
  const codes = await f.county();
  const region = codes.county;
  const land = await f.org('department', region, '县自然资源局');
  const power = await f.org('department', region, '县供电公司');
  const company = await f.org('company', region);
  const office = await f.session('office', region);
  const viewer = await f.session('viewer', region);
  const landDept = await f.session('department', region, { orgId: land.id });
  const powerDept = await f.session('department', region, { orgId: power.id });
  const reporter = await f.session('reporter', region, { orgId: company.id });
  const leader = await f.person(region, '王建国');
  const base = { ownerOrgId: company.id, responsibleOrgId: land.id, leaderId: leader.id };
  const p = {
    supervised: await f.project(region, { ...base, name: '年产10万吨新型建材项目' }),
    lateAndRed: await f.project(region, { ...base, name: '智能装备产业园' }),
    twiceRed: await f.project(region, { ...base, name: '城区供水管网改造', responsibleOrgId: power.id }),
    yellow: await f.project(region, { ...base, name: '物流园二期' }),
  };
  const at = '2026-11-01T02:00:00.000Z';
  const obstacle = async (projectId: number, fields: { stage: string; deadline: string | null; kind?: string; description?: string; status?: string }) =>
    (await h.ctx.db.insertInto('obstacle').values({
      projectId, regionCode: region, kind: fields.kind ?? 'land', description: fields.description ?? '用地指标未落实', source: 'manual', sourceId: null,
      ownerOrgId: land.id, leaderId: leader.id, deadline: fields.deadline, dueOn: fields.deadline, status: fields.status ?? 'open',
      raisedBy: null, raisedAt: '2026-09-01T02:00:00.000Z', stage: fields.stage, stageAt: at, createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow()).id;
  const warning = async (projectId: number, rule: string, level: string, reason: string) =>
    (await h.ctx.db.insertInto('warning').values({ projectId, regionCode: region, rule, level, reason, facts: '{}', since: '2026-10-05T00:00:00.000Z', updatedAt: at }).returning('id').executeTakeFirstOrThrow()).id;
  const obstacles = {
    supervised: await obstacle(p.supervised.id, { stage: 'supervised', deadline: '2026-10-31', description: '二期用地指标未落实' }),
    late: await obstacle(p.lateAndRed.id, { stage: 'reminded', deadline: '2026-11-10', kind: 'funds', description: '银行贷款未到位' }),
    notYet: await obstacle(p.yellow.id, { stage: 'assigned', deadline: '2026-12-31' }),
    resolved: await obstacle(p.yellow.id, { stage: 'interviewed', deadline: '2026-10-01', status: 'resolved' }),
  };
  const warnings = {
    lateRed: await warning(p.lateAndRed.id, 'behind_pace', 'red', '投资完成 40%，落后序时进度 45 个百分点'),
    start: await warning(p.twiceRed.id, 'start_overdue', 'red', '计划开工日期 2026-06-30 已过，尚未开工'),
    pace: await warning(p.twiceRed.id, 'behind_pace', 'red', '投资完成 10%，落后序时进度 75 个百分点'),
    yellow: await warning(p.yellow.id, 'report_late', 'yellow', '10月月报逾期未报'),
  };
  return { f, codes, region, land, power, company, office, viewer, landDept, powerDept, reporter, leader, p, obstacles, warnings };
}
export type MeetingCounty = Awaited<ReturnType<typeof meetingCounty>>;

/** Moves the clock (weeks on: sessions would have timed out) and logs everyone in again. */
export async function moveTo(h: Harness, c: MeetingCounty, iso: string) {
  h.clock.set(iso);
  for (const who of [c.office, c.viewer, c.landDept, c.powerDept, c.reporter]) who.cookie = await c.f.login(who.username);
}

/** An earlier meeting (October) whose one action item, due 2026-11-05, is still open. */
export async function earlierMeeting(h: Harness, c: MeetingCounty) {
  const created = await h.request('POST', '/api/v1/meetings', { cookie: c.office.cookie, body: { title: '2026年10月重点项目联席会议', heldOn: '2026-10-20' } });
  if (created.statusCode !== 201) throw new Error(`meeting failed: ${created.statusCode} ${created.body}`);
  const meeting = created.json();
  const action = await h.request('POST', `/api/v1/meetings/${meeting.id}/actions`, {
    cookie: c.office.cookie,
    body: { description: '协调电力部门完成线路迁改', ownerOrgId: c.power.id, deadline: '2026-11-05', projectId: c.p.twiceRed.id },
  });
  if (action.statusCode !== 201) throw new Error(`action failed: ${action.statusCode} ${action.body}`);
  return { meeting, actionId: (action.json().actions as { id: number }[])[0]!.id };
}
