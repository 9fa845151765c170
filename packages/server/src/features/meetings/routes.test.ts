import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { earlierMeeting, MEETING_DAY, meetingCounty, moveTo, type MeetingCounty } from '../../test/meeting-fixtures';

interface Item { id: number; source: string; sourceId: number | null; title: string; background: string | null; version: number; isEdited: boolean; sort: number }

describe.each(DIALECTS)('joint meetings on %s', (dialect) => {
  let h: Harness;
  let c: MeetingCounty;
  let earlier: Awaited<ReturnType<typeof earlierMeeting>>;
  let meetingId: number;
  beforeAll(async () => {
    h = await startHarness(dialect);
    h.clock.set('2026-10-20T02:00:00Z');
    c = await meetingCounty(h);
    earlier = await earlierMeeting(h, c);
    await moveTo(h, c, '2026-11-18T02:00:00Z');
  });
  afterAll(() => h.close());

  const get = (cookie: string, id = meetingId) => h.request('GET', `/api/v1/meetings/${id}`, { cookie });
  const keys = (items: Item[]) => items.map((i) => `${i.source}:${i.sourceId}`);

  it('refuses anyone not logged in, and lets only the office call a meeting', async () => {
    expect((await h.request('GET', '/api/v1/meetings')).statusCode).toBe(401);
    expect((await h.request('POST', '/api/v1/meetings', { body: { title: '会', heldOn: MEETING_DAY } })).statusCode).toBe(401);
    for (const who of [c.viewer, c.landDept, c.reporter]) {
      expect((await h.request('POST', '/api/v1/meetings', { cookie: who.cookie, body: { title: '会', heldOn: MEETING_DAY } })).statusCode).toBe(403);
    }
  });

  it('builds the agenda from escalated obstacles, red warnings and overdue action items, most serious first, with why', async () => {
    const { result: res, rows } = await c.f.audited(() => h.request('POST', '/api/v1/meetings', {
      cookie: c.office.cookie, body: { title: '2026年11月重点项目联席会议', heldOn: MEETING_DAY, place: '县政府第一会议室', chair: '李明' },
    }));
    expect(res.statusCode).toBe(201);
    const m = res.json();
    meetingId = m.id;
    expect(m).toMatchObject({ status: 'draft', statusLabel: '筹备中', canEdit: true, canRebuild: true, place: '县政府第一会议室', version: 1 });
    expect(keys(m.items)).toEqual([`obstacle:${c.obstacles.supervised}`, `obstacle:${c.obstacles.late}`, `warning:${c.warnings.start}`, `action:${earlier.actionId}`]);
    const [supervised, late, red, action] = m.items as Item[];
    expect(supervised).toMatchObject({ title: '年产10万吨新型建材项目：用地问题', sort: 1 });
    expect(supervised!.background).toContain('已到「督办」');
    expect(supervised!.background).toContain('办理期限 2026-10-31，已逾期 20 天');
    // The red warning of the obstacle's project is told with it, not as an item of its own.
    expect(late!.background).toContain('该项目同时有红色预警：投资完成 40%');
    expect(red).toMatchObject({ title: '城区供水管网改造：红色预警 2 项' });
    expect(red!.background).toContain('尚未开工；投资完成 10%');
    expect(action!.background).toContain('2026年10月重点项目联席会议（2026-10-20）议定');
    expect(action!.background).toContain('完成时限 2026-11-05，已逾期 15 天');
    expect(m.items.map((i: { link: string | null }) => i.link)).toEqual([`/obstacles/${c.obstacles.supervised}`, `/obstacles/${c.obstacles.late}`, `/projects/${c.p.twiceRed.id}`, `/projects/${c.p.twiceRed.id}`]);
    expect(rows.map((r) => [r.action, r.objectType, r.objectId, r.userId])).toEqual([['create', 'meeting', String(meetingId), c.office.id]]);
  });

  it('names the field in Chinese for bad input and writes nothing', async () => {
    const before = await h.ctx.db.selectFrom('meeting').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const bad = await h.request('POST', '/api/v1/meetings', { cookie: c.office.cookie, body: { title: ' ', heldOn: '2026-02-30', chair: 'x'.repeat(51), extra: 1 } });
    expect(bad.statusCode).toBe(400);
    const messages = bad.json().error.details.map((d: { message: string }) => d.message);
    expect(messages).toEqual(expect.arrayContaining(['会议名称：不能为空', '会议日期：必须是有效日期（YYYY-MM-DD）', '主持人：不能超过 50 个字', '不认识的字段：extra']));
    const after = await h.ctx.db.selectFrom('meeting').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(before?.n));
    const order = await h.request('PUT', `/api/v1/meetings/${meetingId}/order`, { cookie: c.office.cookie, body: { version: 1, itemIds: [1, 1] } });
    expect(order.statusCode).toBe(400);
    expect(order.json().error.message).toMatch(/^议题顺序：/);
  });

  it('shows the meeting to the region’s readers, not to a department or another county', async () => {
    expect((await get(c.viewer.cookie)).statusCode).toBe(200);
    expect((await get(c.viewer.cookie)).json()).toMatchObject({ canManage: false, canEdit: false });
    expect((await get(c.landDept.cookie)).statusCode).toBe(403);
    expect((await h.request('GET', '/api/v1/meetings', { cookie: c.landDept.cookie })).statusCode).toBe(403);
    const other = await c.f.county('外县');
    const stranger = await c.f.session('office', other.county);
    expect((await get(stranger.cookie)).statusCode).toBe(404);
    expect((await h.request('PATCH', `/api/v1/meetings/${meetingId}`, { cookie: stranger.cookie, body: { version: 1, place: '外' } })).statusCode).toBe(404);
    expect((await h.request('GET', `/api/v1/meetings/${meetingId}/minutes.docx`, { cookie: stranger.cookie })).statusCode).toBe(404);
    expect((await h.request('GET', '/api/v1/meetings', { cookie: stranger.cookie })).json().total).toBe(0);
    // The city sees its county's meeting but does not run it.
    const city = await c.f.session('office', c.codes.city);
    expect((await get(city.cookie)).json()).toMatchObject({ canManage: false });
    expect((await h.request('POST', `/api/v1/meetings/${meetingId}/rebuild`, { cookie: city.cookie, body: { version: 1 } })).statusCode).toBe(404);
    const list = (await h.request('GET', '/api/v1/meetings', { cookie: c.viewer.cookie })).json();
    expect(list.items.map((m: { id: number }) => m.id)).toEqual([meetingId, earlier.meeting.id]);
    expect(list.items[1]).toMatchObject({ counts: { actions: 1, openActions: 1, overdueActions: 1 } });
  });

  it('lets the office edit, reorder, add and take off items, and a rebuild keeps all of it', async () => {
    const m = (await get(c.office.cookie)).json();
    const [supervised, late, red, action] = m.items as Item[];
    const edit = await h.request('PATCH', `/api/v1/meetings/${meetingId}/items/${late!.id}`, { cookie: c.office.cookie, body: { version: late!.version, title: '智能装备产业园融资问题', reporter: '县金融办' } });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().items.find((i: Item) => i.id === late!.id)).toMatchObject({ title: '智能装备产业园融资问题', isEdited: true, version: late!.version + 1 });
    const stale = await h.request('PATCH', `/api/v1/meetings/${meetingId}/items/${late!.id}`, { cookie: c.office.cookie, body: { version: late!.version, title: '旧' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ title: '智能装备产业园融资问题' });
    const added = await h.request('POST', `/api/v1/meetings/${meetingId}/items`, { cookie: c.office.cookie, body: { title: '研究2027年重点项目申报工作', background: '市发改委通知12月底前申报' } });
    expect(added.statusCode).toBe(201);
    const other = (added.json().items as Item[]).find((i) => i.source === 'other')!;
    expect((await h.request('DELETE', `/api/v1/meetings/${meetingId}/items/${red!.id}?version=${red!.version}`, { cookie: c.office.cookie })).statusCode).toBe(200);
    const order = [other.id, action!.id, late!.id, supervised!.id];
    const reordered = await h.request('PUT', `/api/v1/meetings/${meetingId}/order`, { cookie: c.office.cookie, body: { version: 1, itemIds: order } });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().items.map((i: Item) => i.id)).toEqual(order);
    expect(reordered.json().removedItems.map((i: Item) => i.id)).toEqual([red!.id]);

    // Meanwhile: the 督办 obstacle is closed, a new one climbs to 约谈.
    await h.ctx.db.updateTable('obstacle').set({ status: 'closed' }).where('id', '=', c.obstacles.supervised).execute();
    await h.ctx.db.updateTable('obstacle').set({ stage: 'interviewed' }).where('id', '=', c.obstacles.notYet).execute();
    const { result: rebuilt, rows } = await c.f.audited(() => h.request('POST', `/api/v1/meetings/${meetingId}/rebuild`, { cookie: c.office.cookie, body: { version: 2 } }));
    expect(rebuilt.statusCode).toBe(200);
    const after = rebuilt.json();
    // Office's order and words kept, what it took off stays off, the closed obstacle's untouched item gone, the new one at the end.
    expect(keys(after.items)).toEqual(['other:null', `action:${earlier.actionId}`, `obstacle:${c.obstacles.late}`, `obstacle:${c.obstacles.notYet}`]);
    expect(after.items[2]).toMatchObject({ title: '智能装备产业园融资问题', reporter: '县金融办' });
    expect(after.items[3].background).toContain('已到「约谈」');
    expect(after.version).toBe(3);
    expect(rows.map((r) => r.action)).toEqual(['rebuild_agenda']);
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ added: [`obstacle:${c.obstacles.notYet}`], dropped: [supervised!.id] });
    expect((await h.request('POST', `/api/v1/meetings/${meetingId}/rebuild`, { cookie: c.office.cookie, body: { version: 2 } })).statusCode).toBe(409);
  });

  it('writes minutes only once the meeting is held, and keeps the meeting’s own details versioned', async () => {
    const m = (await get(c.office.cookie)).json();
    const item = m.items[2] as Item;
    const early = await h.request('PATCH', `/api/v1/meetings/${meetingId}/items/${item.id}`, { cookie: c.office.cookie, body: { version: item.version, decided: '由县金融办牵头协调' } });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toContain('会议尚未召开');
    expect((await h.request('POST', `/api/v1/meetings/${meetingId}/status`, { cookie: c.office.cookie, body: { version: m.version, status: 'closed' } })).statusCode).toBe(422);
    const held = await h.request('POST', `/api/v1/meetings/${meetingId}/status`, { cookie: c.office.cookie, body: { version: m.version, status: 'held' } });
    expect(held.statusCode).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', statusLabel: '已召开', canRebuild: false });
    expect((await h.request('POST', `/api/v1/meetings/${meetingId}/rebuild`, { cookie: c.office.cookie, body: { version: held.json().version } })).statusCode).toBe(422);
    const minutes = await h.request('PATCH', `/api/v1/meetings/${meetingId}/items/${item.id}`, {
      cookie: c.office.cookie, body: { version: item.version, reporter: '县金融办 张华', reported: '已与两家银行对接，授信审批中', decided: '由县金融办牵头，11月底前落实首笔贷款' },
    });
    expect(minutes.statusCode).toBe(200);
    expect(minutes.json().items[2]).toMatchObject({ reported: '已与两家银行对接，授信审批中', decided: '由县金融办牵头，11月底前落实首笔贷款', isEdited: true });
    const stale = await h.request('PATCH', `/api/v1/meetings/${meetingId}`, { cookie: c.office.cookie, body: { version: 1, place: '旧' } });
    expect(stale.statusCode).toBe(409);
    const attendees = [{ name: '李明', unit: '常务副县长' }, { name: '王建国', unit: '县委副书记' }, { name: '张华', unit: '县金融办主任' }];
    const saved = await h.request('PATCH', `/api/v1/meetings/${meetingId}`, { cookie: c.office.cookie, body: { version: held.json().version, attendees, summary: '听取了重点项目推进情况汇报。' } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ attendees, summary: '听取了重点项目推进情况汇报。' });
    const badAttendee = await h.request('PATCH', `/api/v1/meetings/${meetingId}`, { cookie: c.office.cookie, body: { version: saved.json().version, attendees: [{ name: '' }] } });
    expect(badAttendee.json().error.message).toBe('参会人员第 1 项的姓名：不能为空');
  });

  it('assigns action items on an item, refusing owners and dates that cannot be', async () => {
    const m = (await get(c.office.cookie)).json();
    const item = m.items[2] as Item;
    const post = (body: Record<string, unknown>) => h.request('POST', `/api/v1/meetings/${meetingId}/actions`, { cookie: c.office.cookie, body });
    expect((await post({ description: '落实贷款' })).json().error.message).toBe('责任单位：请指定责任单位或责任人');
    const foreign = await c.f.org('department', (await c.f.county('外二县')).county);
    expect((await post({ description: '落实贷款', ownerOrgId: foreign.id })).json().error.message).toBe('责任单位：不存在或不在本地区');
    expect((await post({ description: '落实贷款', ownerOrgId: c.land.id, deadline: '2026-11-01' })).json().error.message).toBe('完成时限：不能早于会议日期（2026-11-20）');
    expect((await post({ description: '落实贷款', ownerOrgId: c.land.id, meetingItemId: earlier.actionId + 10_000 })).json().error.message).toBe('议题：不是本次会议的议题');
    const { result: res, rows } = await c.f.audited(() => post({ description: '11月底前落实首笔贷款', ownerOrgId: c.land.id, ownerPersonId: c.leader.id, deadline: '2026-11-30', meetingItemId: item.id }));
    expect(res.statusCode).toBe(201);
    const action = res.json().items[2].actions[0];
    // On the item's project unless said otherwise.
    expect(action).toMatchObject({ projectId: c.p.lateAndRed.id, ownerOrgName: '县自然资源局', ownerPersonName: '王建国', deadline: '2026-11-30', status: 'open', statusLabel: '办理中', isOverdue: false });
    expect(rows.map((r) => [r.action, r.objectType])).toEqual([['create', 'action_item']]);
    expect((await h.request('DELETE', `/api/v1/meetings/${meetingId}/items/${item.id}?version=${item.version}`, { cookie: c.office.cookie })).json().error.message).toContain('请先删除督办事项');
  });

  it('raises an obstacle the meeting hands on (联席会议交办), only while it is held and in scope', async () => {
    const raise = (meeting: number) => h.request('POST', '/api/v1/obstacles', {
      cookie: c.office.cookie, body: { projectId: c.p.twiceRed.id, kind: 'utilities', description: '供水管网迁改需协调电力线路', deadline: '2026-12-20', meetingId: meeting },
    });
    const { result: res, rows } = await c.f.audited(() => raise(meetingId));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'meeting', sourceLabel: '联席会议', sourceId: meetingId, meetingId, stage: 'assigned', sourceRef: { kind: 'meeting', id: meetingId } });
    expect(rows.map((r) => [r.action, r.objectType])).toEqual([['create', 'obstacle']]);
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ source: 'meeting', sourceId: meetingId });
    const draft = (await h.request('POST', '/api/v1/meetings', { cookie: c.office.cookie, body: { title: '2026年12月重点项目联席会议', heldOn: '2026-12-20' } })).json();
    expect((await raise(draft.id)).json().error).toMatchObject({ message: '联席会议：会议召开后才能登记会议交办的问题', details: [{ field: 'meetingId' }] });
    expect((await raise(999_999)).json().error.message).toBe('联席会议：不存在或不在管辖范围内');
  });

  it('closes the minutes: the obstacles discussed are linked, the owners told, and nothing more changes', async () => {
    const m = (await get(c.office.cookie)).json();
    const { result: res, rows } = await c.f.audited(() => h.request('POST', `/api/v1/meetings/${meetingId}/status`, { cookie: c.office.cookie, body: { version: m.version, status: 'closed' } }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', statusLabel: '纪要已定稿', canEdit: false });
    expect(rows.map((r) => [r.action, r.objectType])).toEqual([['close', 'meeting']]);
    // The item with a decision and an action item was reached; the one with nothing recorded was not (next meeting).
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ obstacles: [c.obstacles.late], notified: 1 });
    const linked = await h.ctx.db.selectFrom('obstacle').select(['id', 'meetingId', 'version']).where('id', 'in', [c.obstacles.late, c.obstacles.notYet]).orderBy('id').execute();
    expect(linked).toEqual([{ id: c.obstacles.late, meetingId, version: 1 }, { id: c.obstacles.notYet, meetingId: null, version: 1 }]);
    expect(await h.ctx.db.selectFrom('obstacleStep').select('id').where('obstacleId', '=', c.obstacles.notYet).where('step', '=', 'discussed').execute()).toEqual([]);
    const step = await h.ctx.db.selectFrom('obstacleStep').selectAll().where('obstacleId', '=', c.obstacles.late).where('step', '=', 'discussed').executeTakeFirstOrThrow();
    expect(step.note).toBe('2026年11月重点项目联席会议议定：由县金融办牵头，11月底前落实首笔贷款');
    const notices = (await h.request('GET', '/api/v1/notifications', { cookie: c.landDept.cookie })).json();
    expect(notices.items.find((n: { kind: string }) => n.kind === 'action_assigned')).toMatchObject({ title: '2026年11月重点项目联席会议交办督办事项', body: '11月底前落实首笔贷款（完成时限：2026-11-30）' });
    const after = res.json();
    const item = after.items[0] as Item;
    expect((await h.request('PATCH', `/api/v1/meetings/${meetingId}/items/${item.id}`, { cookie: c.office.cookie, body: { version: item.version, decided: '改' } })).statusCode).toBe(422);
    expect((await h.request('POST', `/api/v1/meetings/${meetingId}/items`, { cookie: c.office.cookie, body: { title: '加' } })).statusCode).toBe(422);
    expect((await h.request('POST', `/api/v1/meetings/${meetingId}/status`, { cookie: c.office.cookie, body: { version: after.version, status: 'held' } })).json().error.message).toBe('会议纪要已定稿，不能再更改');
    const action = after.actions[0];
    const reword = await h.request('PATCH', `/api/v1/action-items/${action.id}`, { cookie: c.office.cookie, body: { version: action.version, deadline: '2026-12-31' } });
    expect(reword.statusCode).toBe(422);
  });

  it('refuses an obstacle handed on by a meeting whose minutes are final', async () => {
    const res = await h.request('POST', '/api/v1/obstacles', { cookie: c.office.cookie, body: { projectId: c.p.twiceRed.id, kind: 'other', description: '会后补登', meetingId } });
    expect(res.json().error.message).toBe('联席会议：纪要已定稿，不能再登记会议交办的问题');
  });
});
