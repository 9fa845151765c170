import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hourlyObstacleEscalation } from '../../lib/jobs/scheduler';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { countyWithObstacle, type CountyWithObstacle } from '../../test/obstacle-fixtures';
import { escalateDueObstacles } from './escalation-job';

// 自动升级 with the fake clock: the deadline passes → 提醒, 7 days later → 督办, 14 more → 约谈;
// each step recorded as automatic with its rule, the owner and the office told, the trail
// written, the version users edit against untouched, and each hourly slot run once.

describe.each(DIALECTS)('the automatic escalation on %s', (dialect) => {
  let h: Harness;
  let c: CountyWithObstacle;
  let timed: number;
  let resolved: number;
  let raw: number;
  beforeAll(async () => {
    h = await startHarness(dialect);
    c = await countyWithObstacle(h);
    const raise = async (body: Record<string, unknown>) => {
      const res = await h.request('POST', '/api/v1/obstacles', { cookie: c.office.cookie, body: { projectId: c.project.id, kind: 'utilities', description: '施工临时用电容量不足', ...body } });
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json() as { id: number };
    };
    timed = (await raise({ deadline: '2026-06-10' })).id;
    resolved = (await raise({ deadline: '2026-06-05' })).id;
    const r = await h.request('POST', `/api/v1/obstacles/${resolved}/resolve`, { cookie: c.reviewer.cookie, body: { version: 1, resolution: '已增容' } });
    if (r.statusCode !== 200) throw new Error(r.body);
    // One written by code that set no timers: the job times it.
    const at = h.clock.now().toISOString();
    raw = (await h.ctx.db.insertInto('obstacle').values({
      projectId: c.project.id, regionCode: c.region, kind: 'other', description: '旧数据', source: 'manual', sourceId: null, ownerOrgId: c.dept.id,
      leaderId: null, deadline: null, status: 'open', stage: 'assigned', stageAt: at, raisedBy: null, raisedAt: at, createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => h.close());

  const row = (id: number) => h.ctx.db.selectFrom('obstacle').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const autoSteps = (id: number) => h.ctx.db.selectFrom('obstacleStep').selectAll().where('obstacleId', '=', id).where('isAuto', '=', 1).orderBy('id').execute();

  it('waits through the deadline day, but times what was never timed', async () => {
    h.clock.set('2026-06-10T15:00:00Z'); // 23:00 in China, still the deadline day
    expect(await escalateDueObstacles(h.ctx)).toEqual({ moved: 0, steps: 0, timed: 1, retimed: 0 });
    expect(await row(raw)).toMatchObject({ stage: 'assigned', dueOn: '2026-07-02', escalateAt: '2026-07-03', version: 1 });
    expect((await row(timed)).stage).toBe('assigned');
  });

  it('reminds the day after the deadline, once per hourly slot, without touching the version', async () => {
    h.clock.set('2026-06-11T00:30:00Z');
    const before = await row(timed);
    const { result, rows } = await c.f.audited(() => hourlyObstacleEscalation(h.ctx));
    expect(result).toEqual({ moved: 1, steps: 1, timed: 0, retimed: 0 });
    expect(await hourlyObstacleEscalation(h.ctx)).toBeNull();
    const after = await row(timed);
    expect(after).toMatchObject({ stage: 'reminded', stageAt: '2026-06-11T00:30:00.000Z', escalateAt: '2026-06-18', version: before.version, updatedAt: before.updatedAt });
    expect(await autoSteps(timed)).toMatchObject([{ step: 'escalated', fromStage: 'assigned', toStage: 'reminded', note: '办理期限 2026-06-10 已过仍未办结，自动提醒', userId: null }]);
    expect(rows.map((r) => [r.action, r.objectType, r.objectId, r.username])).toEqual([['escalate', 'obstacle', String(timed), 'system']]);
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ stage: 'reminded', auto: true });
    const notices = await h.ctx.db.selectFrom('notification').select(['userId', 'title']).where('kind', '=', 'obstacle_escalated').where('link', '=', `/obstacles/${timed}`).execute();
    expect(notices.map((n) => n.userId).sort()).toEqual([c.office.id, c.reviewer.id].sort());
    expect(notices[0]!.title).toContain('问题已自动升级为提醒');
  });

  it('lets a user edit against the version they read after the job moved it', async () => {
    c.office.cookie = await c.f.login(c.office.username);
    const res = await h.request('PATCH', `/api/v1/obstacles/${timed}`, { cookie: c.office.cookie, body: { version: 1, title: '用电增容' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'reminded', version: 2, escalateAt: '2026-06-18' });
  });

  it('supervises 7 days after the reminder, not a day before', async () => {
    h.clock.set('2026-06-17T01:00:00Z');
    expect(await escalateDueObstacles(h.ctx)).toMatchObject({ moved: 0 });
    h.clock.set('2026-06-18T01:00:00Z');
    expect(await escalateDueObstacles(h.ctx)).toMatchObject({ moved: 1 });
    expect(await row(timed)).toMatchObject({ stage: 'supervised', escalateAt: '2026-07-02' });
  });

  it('interviews 14 days after 督办, reminds the report\'s obstacle after its default deadline, and stops at the top', async () => {
    h.clock.set('2026-07-02T01:00:00Z');
    expect(await escalateDueObstacles(h.ctx)).toMatchObject({ moved: 1 });
    expect(await row(timed)).toMatchObject({ stage: 'interviewed', escalateAt: null });
    h.clock.set('2026-07-03T01:00:00Z');
    expect(await escalateDueObstacles(h.ctx)).toMatchObject({ moved: 2 });
    expect(await row(c.obstacleId)).toMatchObject({ stage: 'reminded', escalateAt: '2026-07-10' });
    h.clock.set('2026-12-31T01:00:00Z');
    await escalateDueObstacles(h.ctx);
    expect((await autoSteps(timed)).map((s) => s.toStage)).toEqual(['reminded', 'supervised', 'interviewed']);
    // A job that did not run for months catches up, each missed step with its rule.
    // The first was due that very day; the others were due while it was not running, and say so.
    expect((await autoSteps(raw)).map((s) => s.note)).toEqual([
      '办理期限 2026-07-02 已过仍未办结，自动提醒', '提醒后 7 天仍未办结，自动升级为督办（应于 2026-07-10 升级，2026-12-31 补记）', '督办后 14 天仍未办结，自动升级为约谈（应于 2026-07-24 升级，2026-12-31 补记）',
    ]);
  });

  it('never climbs an obstacle waiting for 销号', async () => {
    expect(await row(resolved)).toMatchObject({ status: 'resolved', stage: 'assigned', escalateAt: null });
    expect(await autoSteps(resolved)).toEqual([]);
  });

  it('follows the region\'s own settings', async () => {
    h.clock.set('2027-01-04T01:00:00Z');
    // Half a year on, the first office account's password has expired: a colleague does it.
    c.office = await c.f.session('office', c.region);
    const current = (await h.request('GET', '/api/v1/settings/supervision', { cookie: c.office.cookie })).json();
    const saved = await h.request('PUT', '/api/v1/settings/supervision', { cookie: c.office.cookie, body: { ...current.settings, remindAfterDays: 2, superviseAfterDays: 3, version: null } });
    expect(saved.statusCode, saved.body).toBe(200);
    const o = (await h.request('POST', '/api/v1/obstacles', { cookie: c.office.cookie, body: { projectId: c.project.id, kind: 'land', description: '新问题', deadline: '2027-01-05' } })).json();
    expect(o).toMatchObject({ dueOn: '2027-01-05', escalateAt: '2027-01-08' });
    // One raised before the change waits 督办 by the old rule until the job re-times it.
    const before = (await h.request('POST', '/api/v1/obstacles', { cookie: c.office.cookie, body: { projectId: c.project.id, kind: 'funds', description: '旧规则', deadline: '2027-01-20' } })).json();
    expect(before).toMatchObject({ escalateAt: '2027-01-23' });
    await h.ctx.db.updateTable('obstacle').set({ escalateAt: '2027-01-21' }).where('id', '=', before.id).execute();
    expect(await escalateDueObstacles(h.ctx)).toMatchObject({ retimed: 1 });
    expect(await row(before.id)).toMatchObject({ escalateAt: '2027-01-23' });
    h.clock.set('2027-01-08T01:00:00Z');
    await escalateDueObstacles(h.ctx);
    expect(await row(o.id)).toMatchObject({ stage: 'reminded', escalateAt: '2027-01-11' });
  });

  it('starts 交办 afresh when an obstacle is sent back after its deadline, instead of climbing to 约谈 at once', async () => {
    h.clock.set('2027-01-10T02:00:00Z');
    const office = await c.f.session('office', c.region);
    const owner = await c.f.session('department', c.region, { orgId: c.dept.id });
    const o = (await h.request('POST', '/api/v1/obstacles', { cookie: office.cookie, body: { projectId: c.project.id, kind: 'land', description: '补办用地手续', deadline: '2027-01-20' } })).json();
    const resolved = (await h.request('POST', `/api/v1/obstacles/${o.id}/resolve`, { cookie: owner.cookie, body: { version: 1, resolution: '已补办' } })).json();
    expect(resolved).toMatchObject({ status: 'resolved', stage: 'assigned' });
    // Six weeks after the deadline the office finds it not solved and sends it back.
    h.clock.set('2027-03-01T02:00:00Z');
    const reopened = await h.request('POST', `/api/v1/obstacles/${o.id}/reopen`, { cookie: await c.f.login(office.username), body: { version: resolved.version, note: '手续仍未办结' } });
    // The region reminds 2 days after a deadline and supervises 3 days after that (set above): counted from the send-back.
    expect(reopened.json()).toMatchObject({ status: 'open', stage: 'assigned', escalateAt: '2027-03-04' });
    await escalateDueObstacles(h.ctx);
    expect(await row(o.id)).toMatchObject({ stage: 'assigned' });
    h.clock.set('2027-03-04T01:00:00Z');
    await escalateDueObstacles(h.ctx);
    expect(await row(o.id)).toMatchObject({ stage: 'reminded', escalateAt: '2027-03-07' });
    expect((await autoSteps(o.id)).map((s) => [s.toStage, s.note])).toEqual([['reminded', '退回重办 2 天后仍未办结（办理期限 2027-01-20 已过），自动提醒']]);
  });

  it('tells the 包保领导 from 督办 up, by the job and by hand, and not before', async () => {
    h.clock.set('2027-04-01T02:00:00Z');
    const office = await c.f.session('office', c.region);
    const leaderUser = await c.f.session('leader', c.region);
    await h.ctx.db.updateTable('appUser').set({ personId: c.leader.id }).where('id', '=', leaderUser.id).execute();
    const raise = async (description: string, deadline: string) => (await h.request('POST', '/api/v1/obstacles', {
      cookie: office.cookie, body: { projectId: c.project.id, kind: 'funds', description, deadline, leaderId: c.leader.id },
    })).json() as { id: number; version: number };
    const leaderNotices = async (id: number) => (await h.ctx.db.selectFrom('notification').select(['title', 'body']).where('userId', '=', leaderUser.id).where('link', '=', `/obstacles/${id}`).execute());
    const auto = await raise('贷款审批未完成', '2027-04-05');
    const byHand = await raise('自筹资金未到位', '2027-06-30');
    // This region reminds 2 days after the deadline and supervises 3 days later (set above).
    h.clock.set('2027-04-08T01:00:00Z');
    await escalateDueObstacles(h.ctx);
    expect(await row(auto.id)).toMatchObject({ stage: 'reminded' });
    expect(await leaderNotices(auto.id), 'a reminder is the department\'s business').toEqual([]);
    h.clock.set('2027-04-11T01:00:00Z');
    await escalateDueObstacles(h.ctx);
    expect(await row(auto.id)).toMatchObject({ stage: 'supervised' });
    expect(await leaderNotices(auto.id)).toMatchObject([{ title: expect.stringContaining('问题已自动升级为督办') }]);
    const current = await row(byHand.id);
    const res = await h.request('POST', `/api/v1/obstacles/${byHand.id}/escalate`, { cookie: await c.f.login(office.username), body: { version: current.version, to: 'interviewed', docNo: '示督〔2027〕3号' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await leaderNotices(byHand.id)).toMatchObject([{ title: expect.stringContaining('包保项目问题已升级为约谈'), body: expect.stringContaining('督办单号：示督〔2027〕3号') }]);
  });
});
