import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { contradiction, inspectedCounty, planInspection, VISIT_DAY, type InspectedCounty } from './test-county';

// 督导检查的计划: planned by the office or an inspector, seen through its projects, changed with
// versions, finished only when every project has its rated finding, locked after.

describe.each(DIALECTS)('inspection plans on %s', (dialect) => {
  let h: Harness;
  let c: InspectedCounty;
  beforeAll(async () => {
    h = await startHarness(dialect);
    c = await inspectedCounty(h);
  });
  afterAll(() => h.close());

  const get = (cookie: string, id: number) => h.request('GET', `/api/v1/inspections/${id}`, { cookie });
  const patch = (cookie: string, id: number, body: Record<string, unknown>) => h.request('PATCH', `/api/v1/inspections/${id}`, { cookie, body });
  const finish = (cookie: string, id: number, version: number) => h.request('POST', `/api/v1/inspections/${id}/finish`, { cookie, body: { version } });
  const record = (cookie: string, id: number, projectId: number, body: Record<string, unknown>) =>
    h.request('PUT', `/api/v1/inspections/${id}/projects/${projectId}/finding`, { cookie, body });

  it('refuses anyone not logged in, and those who do not inspect', async () => {
    expect((await h.request('GET', '/api/v1/inspections')).statusCode).toBe(401);
    expect((await h.request('POST', '/api/v1/inspections', { body: {} })).statusCode).toBe(401);
    for (const who of [c.reviewer, c.viewer, c.reporter]) {
      const res = await h.request('POST', '/api/v1/inspections', { cookie: who.cookie, body: { title: '检查', plannedDate: VISIT_DAY, projectIds: [c.project.id] } });
      expect(res.statusCode).toBe(403);
    }
  });

  it('plans an inspection with its team and projects, audited', async () => {
    const { result: res, rows } = await c.f.audited(() => h.request('POST', '/api/v1/inspections', {
      cookie: c.inspector.cookie,
      body: { title: '六月联合督导检查', plannedDate: VISIT_DAY, team: [{ userId: c.inspector.id }, { name: '县住建局 赵六' }], projectIds: [c.project.id, c.second.id], note: '重点看主体进度' },
    }));
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({
      title: '六月联合督导检查', plannedDate: VISIT_DAY, status: 'planned', statusLabel: '待检查', teamNames: 'inspector用户、县住建局 赵六',
      progress: { visited: 0, total: 2 }, canEdit: true, canRecord: true, canDelete: true, version: 1,
    });
    expect(plan.projects.map((p: { name: string; finding: unknown }) => [p.name, p.finding])).toEqual([['城南智能装备产业园', null], ['高新区标准化厂房', null]]);
    expect(rows.map((r) => [r.action, r.objectType, r.result])).toEqual([['create', 'inspection', 'success']]);
    const row = await h.ctx.db.selectFrom('inspection').selectAll().where('id', '=', plan.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ regionCode: c.region, status: 'planned', createdBy: c.inspector.id });
  });

  it('names the field in Chinese for bad input and writes nothing', async () => {
    const before = await h.ctx.db.selectFrom('inspection').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ plannedDate: VISIT_DAY, projectIds: [c.project.id] }, /^检查名称：必须填写/],
      [{ title: '检查', plannedDate: '2026-02-30', projectIds: [c.project.id] }, /^检查日期：/],
      [{ title: '检查', plannedDate: VISIT_DAY, projectIds: [] }, /^检查项目：至少选择 1 个项目/],
      [{ title: '检查', plannedDate: VISIT_DAY, projectIds: [c.project.id, c.project.id] }, /^检查项目第 2 项：同一项目只能选择一次/],
      [{ title: '检查', plannedDate: VISIT_DAY, projectIds: [c.farProject.id] }, /^检查项目第 1 项：项目不存在或无权查看/],
      [{ title: '检查', plannedDate: VISIT_DAY, projectIds: [c.project.id], team: [{}] }, /^检查组成员第 1 项的姓名：请选择用户或填写姓名/],
      [{ title: '检查', plannedDate: VISIT_DAY, projectIds: [c.project.id], team: [{ userId: c.farOffice.id }] }, /^检查组成员第 1 项的用户：不存在或不在本地区/],
      [{ title: '检查', plannedDate: VISIT_DAY, projectIds: [c.project.id], extra: 1 }, /^不认识的字段：extra/],
    ];
    for (const [body, message] of cases) {
      const res = await h.request('POST', '/api/v1/inspections', { cookie: c.office.cookie, body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
    const after = await h.ctx.db.selectFrom('inspection').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('hides the plan from another county, and shows a department only its own projects', async () => {
    const plan = await planInspection(h, c);
    expect((await get(c.farOffice.cookie, plan.id)).statusCode).toBe(404);
    expect((await patch(c.farInspector.cookie, plan.id, { version: 1, title: '改' })).statusCode).toBe(404);
    expect((await finish(c.farOffice.cookie, plan.id, 1)).statusCode).toBe(404);
    expect((await h.request('GET', `/api/v1/inspections/${plan.id}/report.docx`, { cookie: c.farOffice.cookie })).statusCode).toBe(404);
    expect((await h.request('GET', '/api/v1/inspections', { cookie: c.farOffice.cookie })).json().total).toBe(0);
    const otherDept = await c.f.org('department', c.region);
    const project3 = await c.f.project(c.region, { name: '城北物流园', responsibleOrgId: otherDept.id });
    const plan2 = await planInspection(h, c, { projectIds: [c.project.id, project3.id] });
    const dept = (await get(c.reviewer.cookie, plan2.id)).json();
    expect(dept.projects.map((p: { name: string }) => p.name)).toEqual(['城南智能装备产业园']);
    expect(dept).toMatchObject({ canEdit: false, progress: { total: 1 } });
    const stranger = await c.f.session('department', c.region, { orgId: (await c.f.org('department', c.region)).id });
    expect((await get(stranger.cookie, plan2.id)).statusCode).toBe(404);
  });

  it('changes the plan with its version; a stale change is 409 with the plan as it is', async () => {
    const plan = await planInspection(h, c);
    const res = await patch(c.inspector.cookie, plan.id, { version: 1, title: '六月第二次督导检查', projectIds: [c.project.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: '六月第二次督导检查', version: 2, progress: { total: 1 } });
    const stale = await patch(c.office.cookie, plan.id, { version: 1, title: '旧' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ title: '六月第二次督导检查', version: 2 });
    const audit = await h.ctx.db.selectFrom('auditEvent').select(['action', 'before', 'after']).where('objectType', '=', 'inspection').where('objectId', '=', String(plan.id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.action).toBe('update');
    expect(JSON.parse(audit.after!)).toMatchObject({ title: '六月第二次督导检查', projectIds: [c.project.id] });
  });

  it('finishes only when every project has a rated finding, then locks the plan and its findings', async () => {
    const plan = await planInspection(h, c);
    const unvisited = await finish(c.office.cookie, plan.id, 1);
    expect(unvisited.statusCode).toBe(422);
    expect(unvisited.json().error.message).toContain('尚有 2 个项目未记录检查情况');
    expect((await record(c.inspector.cookie, plan.id, c.project.id, contradiction(c, { rating: null, demands: [] }))).statusCode).toBe(200);
    const listed = (await h.request('GET', '/api/v1/inspections?status=ongoing', { cookie: c.office.cookie })).json();
    expect(listed.items.find((i: { id: number }) => i.id === plan.id)).toMatchObject({ status: 'ongoing', statusLabel: '检查中', progress: { visited: 1, total: 2 }, booksAheadCount: 1 });
    const removedVisited = await patch(c.office.cookie, plan.id, { version: 1, projectIds: [c.second.id] });
    expect(removedVisited.statusCode).toBe(422);
    expect(removedVisited.json().error.message).toContain('已有检查记录');
    const trimmed = (await patch(c.office.cookie, plan.id, { version: 1, projectIds: [c.project.id] })).json();
    const unrated = await finish(c.office.cookie, plan.id, trimmed.version);
    expect(unrated.statusCode).toBe(422);
    expect(unrated.json().error.message).toContain('未评价');
    const sheet = (await h.request('GET', `/api/v1/inspections/${plan.id}/projects/${c.project.id}`, { cookie: c.inspector.cookie })).json();
    expect((await record(c.inspector.cookie, plan.id, c.project.id, contradiction(c, { version: sheet.finding.version, rating: 'fair', demands: [] }))).statusCode).toBe(200);
    expect((await finish(c.office.cookie, plan.id, 1)).statusCode).toBe(409);
    const { result: done, rows } = await c.f.audited(() => finish(c.office.cookie, plan.id, trimmed.version));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'finished', statusLabel: '已完成', canEdit: false, canRecord: false, ratings: { fair: 1 } });
    expect(rows.map((r) => r.action)).toEqual(['finish']);
    const v = done.json().version;
    expect((await finish(c.office.cookie, plan.id, v)).json().error.message).toBe('督导检查已完成，不能再修改');
    expect((await patch(c.office.cookie, plan.id, { version: v, title: '改' })).statusCode).toBe(422);
    const locked = await record(c.inspector.cookie, plan.id, c.project.id, contradiction(c, { version: 2 }));
    expect(locked.statusCode).toBe(422);
    expect(locked.json().error.message).toContain('已完成');
    const photo = await h.request('POST', `/api/v1/findings/${sheet.finding.id}/uploads`, { cookie: c.inspector.cookie, body: { filename: 'late.jpg', size: 1000 } });
    expect(photo.statusCode).toBe(422);
    expect(photo.json().error.message).toBe('督导检查已完成，检查照片不能再修改');
    expect((await h.request('GET', '/api/v1/inspections?status=finished', { cookie: c.viewer.cookie })).json().items.map((i: { id: number }) => i.id)).toContain(plan.id);
  });

  it('removes a plan with nothing recorded, and keeps one with findings', async () => {
    const empty = await planInspection(h, c);
    expect((await h.request('DELETE', `/api/v1/inspections/${empty.id}?version=9`, { cookie: c.office.cookie })).statusCode).toBe(409);
    for (const query of ['', '?version=abc']) {
      const bad = await h.request('DELETE', `/api/v1/inspections/${empty.id}${query}`, { cookie: c.office.cookie });
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().error.message, query).toBe('版本号：缺少版本号');
    }
    const { result: gone, rows } = await c.f.audited(() => h.request('DELETE', `/api/v1/inspections/${empty.id}?version=1`, { cookie: c.office.cookie }));
    expect(gone.statusCode).toBe(200);
    expect(rows.map((r) => [r.action, r.objectType])).toEqual([['delete', 'inspection']]);
    expect((await get(c.office.cookie, empty.id)).statusCode).toBe(404);
    const kept = await planInspection(h, c);
    await record(c.inspector.cookie, kept.id, c.second.id, { version: null, visitedOn: VISIT_DAY, rating: 'good' });
    const refused = await h.request('DELETE', `/api/v1/inspections/${kept.id}?version=1`, { cookie: c.office.cookie });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe('督导检查已有检查记录，不能删除');
  });

  it('lists plans newest first with their progress and filters by status and title', async () => {
    const list = (await h.request('GET', '/api/v1/inspections?q=联合&pageSize=50', { cookie: c.office.cookie })).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((i: { title: string }) => i.title.includes('联合'))).toBe(true);
    const planned = (await h.request('GET', '/api/v1/inspections?status=planned', { cookie: c.office.cookie })).json();
    expect(planned.items.every((i: { status: string; progress: { visited: number } }) => i.status === 'planned' && i.progress.visited === 0)).toBe(true);
    const bad = await h.request('GET', '/api/v1/inspections?status=done', { cookie: c.office.cookie });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^状态：/);
  });
});
