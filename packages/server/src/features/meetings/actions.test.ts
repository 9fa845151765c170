import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { earlierMeeting, meetingCounty, moveTo, type MeetingCounty } from '../../test/meeting-fixtures';

interface Action { id: number; status: string; version: number; isOverdue: boolean; daysOverdue: number; description: string; canSetStatus: boolean; canEdit: boolean }

describe.each(DIALECTS)('督办事项 across meetings on %s', (dialect) => {
  let h: Harness;
  let c: MeetingCounty;
  let powerAction: number;
  let landAction: number;
  beforeAll(async () => {
    h = await startHarness(dialect);
    h.clock.set('2026-10-20T02:00:00Z');
    c = await meetingCounty(h);
    powerAction = (await earlierMeeting(h, c)).actionId;
    const second = (await h.request('POST', '/api/v1/meetings', { cookie: c.office.cookie, body: { title: '2026年10月第二次联席会议', heldOn: '2026-10-28' } })).json();
    const res = await h.request('POST', `/api/v1/meetings/${second.id}/actions`, { cookie: c.office.cookie, body: { description: '完成二期用地组卷报批', ownerOrgId: c.land.id, deadline: '2026-11-25', projectId: c.p.supervised.id } });
    landAction = res.json().actions[0].id;
    await moveTo(h, c, '2026-11-18T02:00:00Z');
  });
  afterAll(() => h.close());

  const list = (cookie: string, query = '') => h.request('GET', `/api/v1/action-items${query}`, { cookie });
  const patch = (cookie: string, id: number, body: Record<string, unknown>) => h.request('PATCH', `/api/v1/action-items/${id}`, { cookie, body });
  const current = async (id: number) => ((await list(c.office.cookie)).json().items as Action[]).find((a) => a.id === id)!;

  it('lists every meeting’s action items for the office, overdue ones first, with counts', async () => {
    expect((await h.request('GET', '/api/v1/action-items')).statusCode).toBe(401);
    const all = (await list(c.office.cookie)).json();
    expect(all.items.map((a: Action) => a.id)).toEqual([powerAction, landAction]);
    expect(all.items[0]).toMatchObject({ isOverdue: true, daysOverdue: 13, meetingTitle: '2026年10月重点项目联席会议', ownerOrgName: '县供电公司', projectName: '城区供水管网改造', canSetStatus: true, canEdit: true });
    expect(all.items[1]).toMatchObject({ isOverdue: false, daysOverdue: 0 });
    expect(all.counts).toEqual({ open: 2, overdue: 1, done: 0, cancelled: 0 });
    expect((await list(c.office.cookie, '?overdue=1')).json().items.map((a: Action) => a.id)).toEqual([powerAction]);
    expect((await list(c.office.cookie, '?overdue=0')).json().items.map((a: Action) => a.id)).toEqual([landAction]);
    expect((await list(c.office.cookie, `?ownerOrgId=${c.land.id}`)).json().total).toBe(1);
    const bad = await list(c.office.cookie, '?overdue=maybe&status=finished');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { message: string }) => d.message)).toEqual(['状态：取值无效，可选：办理中、已完成、已取消', '是否逾期：只能是 1 或 0']);
  });

  it('becomes overdue as the clock passes its deadline', async () => {
    await moveTo(h, c, '2026-11-26T02:00:00Z');
    expect(await current(landAction)).toMatchObject({ isOverdue: true, daysOverdue: 1 });
    await moveTo(h, c, '2026-11-18T02:00:00Z');
  });

  it('shows a department what it owns or what is on its projects, and lets only the owner report it done', async () => {
    const land = (await list(c.landDept.cookie)).json();
    expect(land.items.map((a: Action) => a.id)).toEqual([landAction]);
    expect(land.items[0]).toMatchObject({ canSetStatus: true, canEdit: false });
    expect((await patch(c.landDept.cookie, powerAction, { version: 1, status: 'done', doneNote: '已办' })).statusCode).toBe(404);
    // The company sees the item on its project, and cannot act on it.
    const company = (await list(c.reporter.cookie)).json();
    expect(company.total).toBe(2);
    expect((await patch(c.reporter.cookie, landAction, { version: 1, status: 'done', doneNote: '已办' })).statusCode).toBe(403);
    const other = await c.f.county('外县');
    const stranger = await c.f.session('office', other.county);
    expect((await list(stranger.cookie)).json().total).toBe(0);
    expect((await patch(stranger.cookie, landAction, { version: 1, status: 'cancelled', doneNote: '不需要' })).statusCode).toBe(404);
  });

  it('is done only with a note of what was done; the owner may not cancel or reword it', async () => {
    const noNote = await patch(c.powerDept.cookie, powerAction, { version: 1, status: 'done' });
    expect(noNote.statusCode).toBe(422);
    expect(noNote.json().error.message).toBe('办结说明：请写明办理结果');
    expect((await patch(c.powerDept.cookie, powerAction, { version: 1, status: 'cancelled', doneNote: '不办了' })).json().error.message).toBe('只有重点项目办可以取消督办事项');
    expect((await patch(c.powerDept.cookie, powerAction, { version: 1, deadline: '2026-12-31' })).statusCode).toBe(403);
    const { result: res, rows } = await c.f.audited(() => patch(c.powerDept.cookie, powerAction, { version: 1, status: 'done', doneNote: '线路迁改已于11月15日完成' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', statusLabel: '已完成', isOverdue: false, doneNote: '线路迁改已于11月15日完成', doneByName: 'department用户', version: 2 });
    expect(rows.map((r) => [r.action, r.objectType, r.objectId])).toEqual([['complete', 'action_item', String(powerAction)]]);
    const notices = (await h.request('GET', '/api/v1/notifications', { cookie: c.office.cookie })).json();
    expect(notices.items[0]).toMatchObject({ kind: 'action_done', body: '线路迁改已于11月15日完成' });
    const stale = await patch(c.office.cookie, powerAction, { version: 1, status: 'open' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ status: 'done', version: 2 });
  });

  it('is reopened or cancelled by the office, the owner told', async () => {
    const reopened = await patch(c.office.cookie, powerAction, { version: 2, status: 'open' });
    expect(reopened.json()).toMatchObject({ status: 'open', doneNote: null, doneAt: null, isOverdue: true });
    const notices = (await h.request('GET', '/api/v1/notifications', { cookie: c.powerDept.cookie })).json();
    expect(notices.items[0]).toMatchObject({ kind: 'action_reopened', title: '督办事项退回重办：协调电力部门完成线路迁改' });
    expect((await patch(c.office.cookie, powerAction, { version: 3, status: 'cancelled' })).json().error.message).toBe('办结说明：取消督办事项请写明原因');
    const cancelled = await patch(c.office.cookie, powerAction, { version: 3, status: 'cancelled', doneNote: '项目调整，不再迁改' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', statusLabel: '已取消' });
    expect((await list(c.office.cookie, '?status=cancelled')).json().items.map((a: Action) => a.id)).toEqual([powerAction]);
    expect((await list(c.office.cookie)).json().counts).toEqual({ open: 1, overdue: 0, done: 0, cancelled: 1 });
  });

  it('lets the office reword or delete one while its meeting is open', async () => {
    const a = await current(landAction);
    const bad = await patch(c.office.cookie, landAction, { version: a.version, ownerOrgId: null, ownerPersonId: null });
    expect(bad.json().error.message).toBe('责任单位：请指定责任单位或责任人');
    const moved = await patch(c.office.cookie, landAction, { version: a.version, deadline: '2026-12-15', ownerPersonId: c.leader.id });
    expect(moved.json()).toMatchObject({ deadline: '2026-12-15', ownerPersonName: '王建国', version: a.version + 1 });
    expect((await h.request('DELETE', `/api/v1/action-items/${landAction}?version=${a.version}`, { cookie: c.office.cookie })).statusCode).toBe(409);
    expect((await h.request('DELETE', `/api/v1/action-items/${landAction}?version=${a.version + 1}`, { cookie: c.landDept.cookie })).statusCode).toBe(403);
    const { result, rows } = await c.f.audited(() => h.request('DELETE', `/api/v1/action-items/${landAction}?version=${a.version + 1}`, { cookie: c.office.cookie }));
    expect(result.statusCode).toBe(200);
    expect(rows.map((r) => [r.action, r.objectType])).toEqual([['delete', 'action_item']]);
    expect((await list(c.office.cookie)).json().total).toBe(1);
    // One an inspection demanded (no meeting) is that finding's record: cancelled, never deleted.
    const at = h.clock.now().toISOString();
    const demanded = await h.ctx.db.insertInto('actionItem').values({ meetingId: null, projectId: c.p.yellow.id, regionCode: c.region, description: '补充施工计划', ownerOrgId: c.land.id, deadline: '2026-12-01', status: 'open', createdAt: at, updatedAt: at }).returning('id').executeTakeFirstOrThrow();
    const refused = await h.request('DELETE', `/api/v1/action-items/${demanded.id}?version=1`, { cookie: c.office.cookie });
    expect(refused.statusCode).toBe(422);
    expect(((await list(c.landDept.cookie)).json().items as (Action & { meetingTitle: string | null })[]).find((x) => x.id === demanded.id)).toMatchObject({ meetingTitle: null, canSetStatus: true });
  });
});
