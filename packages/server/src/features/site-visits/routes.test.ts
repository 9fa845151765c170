import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories } from '../../test/factories';
import { makeJpeg } from '../../test/media/fixtures';
import { putChunk, SITE } from '../../test/report-fixtures';

// 领导走访: a leader records their own visits on a phone (with photos checked against the day and
// the site), the office records one for a leader, and each leader's month is set against the
// commitment, with the 包保 projects not visited this year.

async function visitCounty(h: Harness) {
  const f = factories(h);
  const codes = await f.county();
  const region = codes.county;
  const dept = await f.org('department', region, '县发改局');
  const wang = await f.person(region, '王建国');
  const li = await f.person(region, '李明');
  const office = await f.session('office', region);
  const viewer = await f.session('viewer', region);
  const deptUser = await f.session('department', region, { orgId: dept.id });
  const leaderUser = await f.user('leader', region);
  const liUser = await f.user('leader', region);
  const unlinked = await f.session('leader', region);
  await h.ctx.db.updateTable('appUser').set({ personId: wang.id }).where('id', '=', leaderUser.id).execute();
  await h.ctx.db.updateTable('appUser').set({ personId: li.id }).where('id', '=', liUser.id).execute();
  const leader = { ...leaderUser, cookie: await f.login(leaderUser.username) };
  const liLeader = { ...liUser, cookie: await f.login(liUser.username) };
  const project = (name: string, leaderId: number, stage = 'under_construction') => f.project(region, { name, leaderId, stage, responsibleOrgId: dept.id, ...SITE } as never);
  const p = { a: await project('甲项目', wang.id), b: await project('乙项目', wang.id), c: await project('丙项目', li.id), done: await project('已达产项目', wang.id, 'full_production') };
  const far = await f.county('外县');
  const farOffice = await f.session('office', far.county);
  const farProject = await f.project(far.county, { name: '外县项目' });
  return { f, region, dept, wang, li, office, viewer, deptUser, leader, liLeader, unlinked, p, farOffice, farProject };
}

describe.each(DIALECTS)('leaders’ site visits on %s', (dialect) => {
  let h: Harness;
  let c: Awaited<ReturnType<typeof visitCounty>>;
  let visitId: number;
  beforeAll(async () => {
    h = await startHarness(dialect);
    h.clock.set('2026-11-12T06:00:00Z');
    c = await visitCounty(h);
  });
  afterAll(() => h.close());

  const post = (cookie: string, body: Record<string, unknown>) => h.request('POST', '/api/v1/site-visits', { cookie, body });
  const upload = async (cookie: string, id: number, data: Buffer) => {
    const created = await h.request('POST', `/api/v1/site-visits/${id}/uploads`, { cookie, body: { filename: '现场.jpg', size: data.length } });
    if (created.statusCode !== 201) return created;
    const put = await putChunk(h, cookie, created.json().id, 0, data);
    if (put.statusCode !== 200) return put;
    return h.request('POST', `/api/v1/uploads/${created.json().id}/complete`, { cookie });
  };

  it('lets a leader record their own visit, and nobody else’s', async () => {
    expect((await post('', { projectId: c.p.a.id, visitedOn: '2026-11-10' })).statusCode).toBe(401);
    for (const who of [c.viewer, c.deptUser]) expect((await post(who.cookie, { projectId: c.p.a.id, visitedOn: '2026-11-10' })).statusCode).toBe(403);
    expect((await post(c.leader.cookie, { leaderId: c.li.id, projectId: c.p.a.id, visitedOn: '2026-11-10' })).statusCode).toBe(403);
    expect((await post(c.unlinked.cookie, { projectId: c.p.a.id, visitedOn: '2026-11-10' })).json().error.message).toContain('未关联人员');
    const { result: res, rows } = await c.f.audited(() => post(c.leader.cookie, { projectId: c.p.a.id, visitedOn: '2026-11-10', days: 1, found: '二期厂房基础施工，塔吊未到位', decided: '协调县住建局三日内完成塔吊备案' }));
    expect(res.statusCode).toBe(201);
    visitId = res.json().id;
    expect(res.json()).toMatchObject({ leaderId: c.wang.id, leaderName: '王建国', projectName: '甲项目', days: 1, canEdit: true, photoCount: 0, media: [] });
    expect(rows.map((r) => [r.action, r.objectType, r.projectId])).toEqual([['create', 'site_visit', c.p.a.id]]);
  });

  it('names the field for bad input, and refuses a second record of the same day', async () => {
    const messages = async (body: Record<string, unknown>) => (await post(c.office.cookie, body)).json().error.message as string;
    expect(await messages({ projectId: c.p.a.id, visitedOn: '2026-11-10' })).toBe('走访领导：必须填写');
    expect(await messages({ leaderId: c.wang.id, projectId: c.p.a.id, visitedOn: '2026-11-10', days: 0.7 })).toBe('走访天数：只能是半天（0.5）或一天（1）');
    expect(await messages({ leaderId: c.wang.id, projectId: c.p.a.id, visitedOn: '2026-11-13' })).toBe('走访日期：不能晚于今天（2026-11-12）');
    expect(await messages({ leaderId: c.wang.id, projectId: c.p.a.id, visitedOn: '2026-09-30' })).toBe('走访日期：只能登记本月和上月的走访');
    const foreignPerson = await c.f.person((await c.f.county('外二县')).county, '外人');
    expect(await messages({ leaderId: foreignPerson.id, projectId: c.p.a.id, visitedOn: '2026-11-10' })).toBe('走访领导：不存在或不在本地区');
    expect((await post(c.office.cookie, { leaderId: c.wang.id, projectId: c.farProject.id, visitedOn: '2026-11-10' })).statusCode).toBe(404);
    const twin = await post(c.office.cookie, { leaderId: c.wang.id, projectId: c.p.a.id, visitedOn: '2026-11-10' });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error.details).toEqual({ visitId });
  });

  it('takes photos through the pipeline, checked against the visit day and the site', async () => {
    const onSite = { dateTimeOriginal: '2026:11:10 10:15:00', offsetTimeOriginal: '+08:00', gps: SITE };
    const good = await upload(c.leader.cookie, visitId, await makeJpeg({ width: 800, height: 600, seed: 5, exif: onSite as never }));
    expect(good.statusCode).toBe(200);
    const wrongDay = await upload(c.leader.cookie, visitId, await makeJpeg({ width: 800, height: 600, seed: 9, exif: { ...onSite, dateTimeOriginal: '2026:11:01 09:00:00' } as never }));
    expect(wrongDay.statusCode).toBe(200);
    const view = (await h.request('GET', `/api/v1/site-visits/${visitId}`, { cookie: c.viewer.cookie })).json();
    expect(view).toMatchObject({ photoCount: 2, canEdit: false });
    const timeCheck = (m: { checks: { code: string; passed: boolean | null }[] }) => m.checks.find((x) => x.code === 'time')?.passed;
    expect(view.media.map(timeCheck)).toEqual([true, false]);
    const row = await h.ctx.db.selectFrom('media').select(['visitId', 'reportId', 'period']).where('visitId', '=', visitId).execute();
    expect(row).toHaveLength(2);
    expect(row[0]).toMatchObject({ visitId, reportId: null, period: '2026-11' });
    // Another leader, a reader, and another county may not add to it.
    expect((await h.request('POST', `/api/v1/site-visits/${visitId}/uploads`, { cookie: c.liLeader.cookie, body: { filename: 'a.jpg', size: 10 } })).statusCode).toBe(403);
    expect((await h.request('POST', `/api/v1/site-visits/${visitId}/uploads`, { cookie: c.viewer.cookie, body: { filename: 'a.jpg', size: 10 } })).statusCode).toBe(403);
    expect((await h.request('POST', `/api/v1/site-visits/${visitId}/uploads`, { cookie: c.farOffice.cookie, body: { filename: 'a.jpg', size: 10 } })).statusCode).toBe(404);
  });

  it('keeps the day of a visit with photos, which were checked against it', async () => {
    const v = (await h.request('GET', `/api/v1/site-visits/${visitId}`, { cookie: c.leader.cookie })).json();
    const { result: moved, rows } = await c.f.audited(() => h.request('PATCH', `/api/v1/site-visits/${visitId}`, { cookie: c.leader.cookie, body: { version: v.version, visitedOn: '2026-11-01' } }));
    expect(moved.statusCode).toBe(422);
    expect(moved.json().error).toMatchObject({ message: expect.stringMatching(/^走访日期：已上传现场照片/), details: [{ field: 'visitedOn' }] });
    expect(rows.map((r) => r.result)).toEqual(['failure']);
    expect((await h.request('GET', `/api/v1/site-visits/${visitId}`, { cookie: c.leader.cookie })).json()).toMatchObject({ visitedOn: '2026-11-10', version: v.version });
  });

  it('is edited with its version by the leader or the office, not by another leader', async () => {
    const v = (await h.request('GET', `/api/v1/site-visits/${visitId}`, { cookie: c.leader.cookie })).json();
    const patch = (cookie: string, body: Record<string, unknown>) => h.request('PATCH', `/api/v1/site-visits/${visitId}`, { cookie, body });
    expect((await patch(c.liLeader.cookie, { version: v.version, days: 0.5 })).statusCode).toBe(403);
    expect((await patch(c.farOffice.cookie, { version: v.version, days: 0.5 })).statusCode).toBe(404);
    const ok = await patch(c.office.cookie, { version: v.version, days: 0.5, decided: '塔吊备案已协调' });
    expect(ok.json()).toMatchObject({ days: 0.5, decided: '塔吊备案已协调', version: v.version + 1 });
    const stale = await patch(c.leader.cookie, { version: v.version, days: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ days: 0.5 });
  });

  it('lists visits by leader and month, in scope', async () => {
    await post(c.office.cookie, { leaderId: c.li.id, projectId: c.p.c.id, visitedOn: '2026-10-20' });
    await post(c.leader.cookie, { projectId: c.p.a.id, visitedOn: '2026-11-11', days: 0.5 });
    await post(c.leader.cookie, { projectId: c.p.done.id, visitedOn: '2026-11-11', days: 0.5 });
    const list = (query: string, cookie = c.office.cookie) => h.request('GET', `/api/v1/site-visits${query}`, { cookie });
    expect((await list(`?leaderId=${c.wang.id}&month=2026-11`)).json().total).toBe(3);
    expect((await list('?month=2026-10')).json().items.map((v: { leaderName: string }) => v.leaderName)).toEqual(['李明']);
    expect((await list(`?leaderId=${c.wang.id}`)).json().items[2]).toMatchObject({ id: visitId, photoCount: 2 });
    expect((await list('', c.farOffice.cookie)).json().total).toBe(0);
    expect((await list('?month=2026-13')).json().error.message).toBe('月份：必须是有效月份（YYYY-MM）');
  });

  it('sets each leader’s month against the commitment, with the 包保 projects not visited this year', async () => {
    const get = (query: string, cookie = c.office.cookie) => h.request('GET', `/api/v1/site-visits/commitment${query}`, { cookie });
    expect((await get('?month=2026-11', c.deptUser.cookie)).statusCode).toBe(403);
    expect((await get('')).json().error.message).toBe('月份：必须填写');
    const nov = (await get('?month=2026-11')).json();
    expect(nov).toMatchObject({ month: '2026-11', commitmentDays: 10, totals: { leaders: 2 } });
    // 王建国: 10 Nov half a day (edited), 11 Nov two half days = one day → 1.5 of 10; on day 12 of 30 the pace asks 4.
    expect(nov.leaders.find((l: { leaderId: number }) => l.leaderId === c.wang.id)).toMatchObject({
      days: 1.5, shortBy: 8.5, isMet: false, expectedByNow: 4, status: 'behind', statusLabel: '进度滞后', packagedCount: 2,
      notVisitedThisYear: [{ id: c.p.b.id, name: '乙项目' }],
    });
    const oct = (await get('?month=2026-10')).json();
    expect(oct.leaders.find((l: { leaderId: number }) => l.leaderId === c.li.id)).toMatchObject({ days: 1, status: 'short', shortBy: 9, notVisitedThisYear: [] });
    const settings = (await h.request('GET', '/api/v1/settings/supervision', { cookie: c.office.cookie })).json();
    await h.request('PUT', '/api/v1/settings/supervision', { cookie: c.office.cookie, body: { ...settings.settings, visitDaysPerMonth: 1, version: settings.inherited ? null : settings.version } });
    const relaxed = (await get('?month=2026-10')).json();
    expect(relaxed.leaders.find((l: { leaderId: number }) => l.leaderId === c.li.id)).toMatchObject({ commitment: 1, isMet: true, status: 'met' });
  });

  it('closes a visit to changes after the month that follows it, and deletes one with its photos', async () => {
    const v = (await h.request('GET', `/api/v1/site-visits/${visitId}`, { cookie: c.leader.cookie })).json();
    h.clock.set('2027-01-02T02:00:00Z');
    const office = await c.f.login((await h.ctx.db.selectFrom('appUser').select('username').where('id', '=', c.office.id).executeTakeFirstOrThrow()).username);
    const late = await h.request('PATCH', `/api/v1/site-visits/${visitId}`, { cookie: office, body: { version: v.version, days: 1 } });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toContain('已过修改期限');
    h.clock.set('2026-12-02T02:00:00Z');
    const again = await c.f.login((await h.ctx.db.selectFrom('appUser').select('username').where('id', '=', c.office.id).executeTakeFirstOrThrow()).username);
    const { result, rows } = await c.f.audited(() => h.request('DELETE', `/api/v1/site-visits/${visitId}?version=${v.version}`, { cookie: again }));
    expect(result.statusCode).toBe(200);
    expect(rows.map((r) => [r.action, r.objectType])).toEqual([['delete', 'site_visit']]);
    expect(JSON.parse(rows[0]!.before!)).toMatchObject({ photos: 2 });
    const left = await h.ctx.db.selectFrom('media').select('deletedAt').where('visitId', '=', visitId).execute();
    expect(left.every((m) => m.deletedAt != null)).toBe(true);
    expect((await h.request('GET', `/api/v1/site-visits/${visitId}`, { cookie: again })).statusCode).toBe(404);
  });
});
