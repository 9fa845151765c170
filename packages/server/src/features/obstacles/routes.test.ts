import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { countyWithObstacle, type CountyWithObstacle } from '../../test/obstacle-fixtures';
import { recordDiscussion } from './raise';

// The obstacle ladder through HTTP: raised from a report or by hand, escalated with a notice
// number, resolved by its owner, confirmed (销号) or sent back by the office — and every move
// that does not exist refused with its reason.

describe.each(DIALECTS)('obstacles on %s', (dialect) => {
  let h: Harness;
  let c: CountyWithObstacle;
  beforeAll(async () => {
    h = await startHarness(dialect);
    c = await countyWithObstacle(h);
  });
  afterAll(() => h.close());

  const get = (cookie: string, id: number) => h.request('GET', `/api/v1/obstacles/${id}`, { cookie });
  const act = (cookie: string, id: number, action: string, body: Record<string, unknown>) => h.request('POST', `/api/v1/obstacles/${id}/${action}`, { cookie, body });
  const raise = async (body: Record<string, unknown> = {}) => {
    const res = await h.request('POST', '/api/v1/obstacles', { cookie: c.office.cookie, body: { projectId: c.project.id, kind: 'funds', description: '银行贷款审批进度慢', deadline: '2026-06-30', ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it('refuses anyone not logged in', async () => {
    expect((await h.request('GET', '/api/v1/obstacles')).statusCode).toBe(401);
    expect((await h.request('GET', `/api/v1/obstacles/${c.obstacleId}`)).statusCode).toBe(401);
    expect((await act('', c.obstacleId, 'resolve', { version: 1, resolution: 'x' })).statusCode).toBe(401);
  });

  it('shows the obstacle a report raised, with its source, first step, timers and a notice to the owner', async () => {
    const res = await get(c.office.cookie, c.obstacleId);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      projectId: c.project.id, kind: 'land', kindLabel: '用地', source: 'report', sourceLabel: '月报', status: 'open', statusLabel: '办理中',
      stage: 'assigned', stageLabel: '交办', ownerOrgId: c.dept.id, deadline: null, dueOn: '2026-07-02', escalateAt: '2026-07-03',
      nextStage: 'reminded', isOverdue: false, sourceRef: { kind: 'report', id: c.reportId, label: '2026年5月月报', link: `/reports/${c.reportId}` },
      steps: [{ step: 'raised', stepLabel: '登记交办', toStage: 'assigned', isAuto: false }],
    });
    const notices = (await h.request('GET', '/api/v1/notifications', { cookie: c.reviewer.cookie })).json();
    expect(notices.items.map((n: { kind: string }) => n.kind)).toContain('obstacle_assigned');
  });

  it('raises one by hand for the office, owner and leader from the project, and tells the owner', async () => {
    await h.request('PATCH', `/api/v1/projects/${c.project.id}`, { cookie: c.office.cookie, body: { version: (await h.request('GET', `/api/v1/projects/${c.project.id}`, { cookie: c.office.cookie })).json().version, leaderId: c.leader.id } });
    const { result, rows } = await c.f.audited(() => raise({ title: '贷款审批' }));
    expect(result).toMatchObject({ source: 'manual', sourceLabel: '直接登记', ownerOrgId: c.dept.id, ownerOrgName: c.dept.name, leaderId: c.leader.id, leaderName: '王副县长', deadline: '2026-06-30', dueOn: '2026-06-30', escalateAt: '2026-07-01', title: '贷款审批', version: 1 });
    expect(rows.map((r) => [r.action, r.objectType])).toEqual([['create', 'obstacle']]);
  });

  it('names the field in Chinese for bad input', async () => {
    const bad = await h.request('POST', '/api/v1/obstacles', { cookie: c.office.cookie, body: { projectId: c.project.id, kind: 'weather', description: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { message: string }) => d.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^问题类型：/), expect.stringMatching(/^问题描述：/)]));
    const past = await h.request('POST', '/api/v1/obstacles', { cookie: c.office.cookie, body: { projectId: c.project.id, kind: 'land', description: 'x', deadline: '2026-05-01' } });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toBe('办理期限：不能早于今天（2026-06-02）');
    const company = await h.request('POST', '/api/v1/obstacles', { cookie: c.office.cookie, body: { projectId: c.project.id, kind: 'land', description: 'x', ownerOrgId: c.company.id } });
    expect(company.statusCode).toBe(400);
    expect(company.json().error.message).toBe('责任单位：必须是部门或乡镇（园区）');
    expect((await h.request('GET', '/api/v1/obstacles?overdue=maybe', { cookie: c.office.cookie })).json().error.message).toMatch(/^是否逾期：/);
  });

  it('lets only the office raise, edit, escalate and close', async () => {
    const o = await raise();
    expect((await h.request('POST', '/api/v1/obstacles', { cookie: c.reviewer.cookie, body: { projectId: c.project.id, kind: 'land', description: 'x' } })).statusCode).toBe(403);
    expect((await h.request('PATCH', `/api/v1/obstacles/${o.id}`, { cookie: c.reviewer.cookie, body: { version: 1, description: 'y' } })).statusCode).toBe(403);
    expect((await act(c.reviewer.cookie, o.id, 'escalate', { version: 1 })).statusCode).toBe(403);
    expect((await act(c.reporter.cookie, o.id, 'resolve', { version: 1, resolution: '已解决' })).statusCode).toBe(403);
  });

  it('hides obstacles outside the caller\'s scope (404)', async () => {
    const other = await c.f.county('别的县');
    const stranger = await c.f.session('office', other.county);
    const otherDept = await c.f.org('department', c.region);
    const deptStranger = await c.f.session('department', c.region, { orgId: otherDept.id });
    const otherCompany = await c.f.org('company', c.region);
    const companyStranger = await c.f.session('reporter', c.region, { orgId: otherCompany.id });
    for (const who of [stranger, deptStranger, companyStranger]) {
      expect((await get(who.cookie, c.obstacleId)).statusCode).toBe(404);
      expect((await h.request('GET', '/api/v1/obstacles', { cookie: who.cookie })).json().total).toBe(0);
    }
    expect((await act(deptStranger.cookie, c.obstacleId, 'resolve', { version: 1, resolution: '已解决' })).statusCode).toBe(404);
    expect((await act(stranger.cookie, c.obstacleId, 'escalate', { version: 1 })).statusCode).toBe(404);
    const elsewhere = await h.request('POST', '/api/v1/obstacles', { cookie: stranger.cookie, body: { projectId: c.project.id, kind: 'land', description: 'x' } });
    expect(elsewhere.statusCode).toBe(404);
    // The company sees those of its own project.
    expect((await get(c.reporter.cookie, c.obstacleId)).statusCode).toBe(200);
  });

  it('escalates to 督办 only with its notice number, records the step and tells the owner', async () => {
    const o = await raise();
    const noDoc = await act(c.office.cookie, o.id, 'escalate', { version: 1, to: 'supervised' });
    expect(noDoc.statusCode).toBe(400);
    expect(noDoc.json().error).toMatchObject({ message: '督办单号：升级为督办必须填写督办单号', details: [{ field: 'docNo' }] });
    const { result: res, rows } = await c.f.audited(() => act(c.office.cookie, o.id, 'escalate', { version: 1, to: 'supervised', docNo: '督办〔2026〕12号', note: '限期两周' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'supervised', stageLabel: '督办', version: 2, nextStage: 'interviewed' });
    expect(res.json().steps.at(-1)).toMatchObject({ step: 'escalated', fromStage: 'assigned', toStage: 'supervised', docNo: '督办〔2026〕12号', note: '限期两周', isAuto: false });
    expect(rows.map((r) => [r.action, r.objectType])).toEqual([['escalate', 'obstacle']]);
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ stage: 'supervised', docNo: '督办〔2026〕12号' });
    const notices = (await h.request('GET', '/api/v1/notifications', { cookie: c.reviewer.cookie })).json();
    expect(notices.items[0]).toMatchObject({ kind: 'obstacle_escalated', title: expect.stringContaining('问题已升级为督办'), link: `/obstacles/${o.id}` });
    const down = await act(c.office.cookie, o.id, 'escalate', { version: 2, to: 'reminded' });
    expect(down.statusCode).toBe(422);
    expect(down.json().error.message).toBe('已处于「督办」，只能升级到更高一级');
  });

  it('refuses closing what nobody resolved, and resolving as another department', async () => {
    const o = await raise();
    const close = await act(c.office.cookie, o.id, 'close', { version: 1 });
    expect(close.statusCode).toBe(422);
    expect(close.json().error.message).toBe('责任单位尚未报告办结，不能销号');
    // A department that sees the project (responsible for it) but does not own this obstacle.
    const owner = await c.f.org('department', c.region, '县自然资源局');
    const edited = await h.request('PATCH', `/api/v1/obstacles/${o.id}`, { cookie: c.office.cookie, body: { version: 1, ownerOrgId: owner.id } });
    expect(edited.statusCode, edited.body).toBe(200);
    const wrong = await act(c.reviewer.cookie, o.id, 'resolve', { version: 2, resolution: '已协调解决' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.message).toBe('只有责任单位或重点项目办可以报告办结');
    const ownerUser = await c.f.session('department', c.region, { orgId: owner.id });
    const ok = await act(ownerUser.cookie, o.id, 'resolve', { version: 2, resolution: '已协调解决' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'resolved', resolution: '已协调解决', escalateAt: null });
  });

  it('walks 交办 → 督办 → 办结 → 退回 → 办结 → 销号, one audit record per move', async () => {
    const o = await raise();
    const trail: string[] = [];
    const step = async (cookie: string, action: string, body: Record<string, unknown>) => {
      const { result, rows } = await c.f.audited(() => act(cookie, o.id, action, body));
      expect(result.statusCode, result.body).toBe(200);
      expect(rows).toHaveLength(1);
      trail.push(`${rows[0]!.action}:${rows[0]!.objectType}:${rows[0]!.objectId}`);
      return result.json();
    };
    let v = await step(c.office.cookie, 'escalate', { version: 1, to: 'supervised', docNo: '督办〔2026〕13号' });
    v = await step(c.reviewer.cookie, 'resolve', { version: v.version, resolution: '贷款已获批' });
    expect(v.resolvedByName).toBe('department用户');
    expect((await act(c.office.cookie, o.id, 'escalate', { version: v.version })).json().error.message).toBe('责任单位已报告办结，待销号确认；如未解决，请先退回重办再升级');
    expect((await act(c.office.cookie, o.id, 'reopen', { version: v.version })).statusCode).toBe(400);
    v = await step(c.office.cookie, 'reopen', { version: v.version, note: '资金尚未到位' });
    expect(v).toMatchObject({ status: 'open', stage: 'supervised', resolution: null });
    expect(v.steps.at(-1)).toMatchObject({ step: 'reopened', note: '资金尚未到位' });
    v = await step(c.reviewer.cookie, 'resolve', { version: v.version, resolution: '首笔贷款 5000 万元已到位' });
    v = await step(c.office.cookie, 'close', { version: v.version, note: '经核实已解决' });
    expect(v).toMatchObject({ status: 'closed', statusLabel: '已销号', stage: 'supervised', confirmedByName: 'office用户', escalateAt: null, can: { close: false, escalate: false, resolve: false, edit: false, reopen: false } });
    expect(v.steps.map((s: { step: string }) => s.step)).toEqual(['raised', 'escalated', 'resolved', 'reopened', 'resolved', 'closed']);
    expect(trail).toEqual(['escalate', 'resolve', 'reopen', 'resolve', 'close'].map((a) => `${a}:obstacle:${o.id}`));
    const again = await act(c.office.cookie, o.id, 'escalate', { version: v.version });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toBe('问题已销号，不能升级');
    expect((await h.request('PATCH', `/api/v1/obstacles/${o.id}`, { cookie: c.office.cookie, body: { version: v.version, description: '改' } })).statusCode).toBe(422);
  });

  it('refuses the one who resolved it confirming it (四眼)', async () => {
    const o = await raise();
    const resolved = (await act(c.office.cookie, o.id, 'resolve', { version: 1, resolution: '办公室已协调' })).json();
    const self = await act(c.office.cookie, o.id, 'close', { version: resolved.version });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.message).toContain('四眼原则');
    const colleague = await c.f.session('office', c.region);
    expect((await act(colleague.cookie, o.id, 'close', { version: resolved.version })).statusCode).toBe(200);
  });

  it('answers a stale version with 409 and the obstacle as it now is', async () => {
    const o = await raise();
    await h.request('PATCH', `/api/v1/obstacles/${o.id}`, { cookie: c.office.cookie, body: { version: 1, description: '银行贷款审批进度慢，已两次补充材料' } });
    for (const [action, body] of [['escalate', {}], ['resolve', { resolution: 'x' }], ['close', {}], ['reopen', { note: 'x' }]] as const) {
      const res = await act(c.office.cookie, o.id, action, { version: 1, ...body });
      expect(res.statusCode, action).toBe(409);
      expect(res.json().error.details.current).toMatchObject({ version: 2, description: '银行贷款审批进度慢，已两次补充材料' });
    }
    expect((await h.request('PATCH', `/api/v1/obstacles/${o.id}`, { cookie: c.office.cookie, body: { version: 1, description: 'z' } })).statusCode).toBe(409);
  });

  it('edits the deadline, records it and moves the timers', async () => {
    const o = await raise();
    const { result, rows } = await c.f.audited(() => h.request('PATCH', `/api/v1/obstacles/${o.id}`, { cookie: c.office.cookie, body: { version: 1, deadline: '2026-07-15' } }));
    expect(result.json()).toMatchObject({ version: 2, deadline: '2026-07-15', dueOn: '2026-07-15', escalateAt: '2026-07-16' });
    expect(result.json().steps.at(-1)).toMatchObject({ step: 'edited', note: '修改了办理期限（办理期限：2026-06-30 → 2026-07-15）' });
    expect(rows.map((r) => r.action)).toEqual(['update']);
    expect(JSON.parse(rows[0]!.before!)).toEqual({ deadline: '2026-06-30' });
    const past = await h.request('PATCH', `/api/v1/obstacles/${o.id}`, { cookie: c.office.cookie, body: { version: 2, deadline: '2026-06-01' } });
    expect(past.statusCode).toBe(400);
    const same = await h.request('PATCH', `/api/v1/obstacles/${o.id}`, { cookie: c.office.cookie, body: { version: 2, deadline: '2026-07-15' } });
    expect(same.json().version).toBe(2);
  });

  it('records a meeting\'s discussion as a step, linked to the meeting, without touching the version', async () => {
    const o = await raise();
    const record = await recordDiscussion(h.ctx.db, c.office.id, { obstacleId: o.id, meetingId: 7, note: '会议议定：发改局牵头，两周内解决' }, h.clock.now().toISOString());
    expect(record).toMatchObject({ action: 'discuss', objectType: 'obstacle', objectId: o.id, after: { meetingId: 7 } });
    const view = (await get(c.office.cookie, o.id)).json();
    expect(view).toMatchObject({ version: 1, meetingId: 7, stage: 'assigned' });
    expect(view.steps.at(-1)).toMatchObject({ step: 'discussed', stepLabel: '联席会议研究', note: '会议议定：发改局牵头，两周内解决', userName: 'office用户' });
  });
});
