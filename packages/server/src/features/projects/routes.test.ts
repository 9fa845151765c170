import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories } from '../../test/factories';

describe.each(DIALECTS)('projects on %s', (dialect) => {
  let h: Harness;
  let f: ReturnType<typeof factories>;
  let region: string;
  let office: { cookie: string; id: number };
  beforeAll(async () => {
    h = await startHarness(dialect);
    f = factories(h);
    region = (await f.county()).county;
    office = await f.session('office', region);
  });
  afterAll(() => h.close());

  const body = (extra: Record<string, unknown> = {}) => ({
    name: '年产10万台地源热泵装备项目', regionCode: region, category: 'industrial', industry: 'equipment', nature: 'new',
    totalInvestment: 12_000_000_000, ...extra,
  });

  it('refuses anyone not logged in', async () => {
    expect((await h.request('GET', '/api/v1/projects')).statusCode).toBe(401);
    expect((await h.request('POST', '/api/v1/projects', { body: body() })).statusCode).toBe(401);
    const res = await h.request('GET', '/api/v1/projects/1');
    expect(res.json().error).toMatchObject({ code: 'unauthenticated' });
  });

  it('creates a project with its responsibility package and commitments, and audits it', async () => {
    const leader = await f.person(region, '李明');
    const dept = await f.org('department', region, '县发展和改革局');
    const company = await f.org('company', region);
    const res = await h.request('POST', '/api/v1/projects', {
      cookie: office.cookie,
      body: body({
        code: '2026-371400-34-03-000001', leaderId: leader.id, responsibleOrgId: dept.id, ownerOrgId: company.id,
        commitStartDate: '2026-03-01', commitCompletionDate: '2027-12-31', commitRewardPenalty: '纳入年度考核',
        foreign: { amount: 180_000_000, currency: 'USD', rate: '7.1' }, fundingSources: [{ source: 'enterprise', amount: 2_000_000_000 }],
        tags: ['链主企业'], lng: 116.7, lat: 36.7,
      }),
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      name: '年产10万台地源热泵装备项目', stage: 'signed', version: 1, leaderName: '李明', responsibleOrgName: '县发展和改革局',
      foreign: { amount: 180_000_000, currency: 'USD', rate: '7.1' }, totalInvestment: 12_000_000_000, tags: ['链主企业'],
    });
    expect(p.approvals).toHaveLength(13);
    expect(p.stageHistory[0]).toMatchObject({ fromStage: null, toStage: 'signed' });
    const row = await h.ctx.db.selectFrom('project').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row.totalInvestment).toBe(12_000_000_000);
    expect(row.commitRewardPenalty).toBe('纳入年度考核');
    const audit = await h.ctx.db.selectFrom('auditEvent').selectAll().where('objectType', '=', 'project').where('objectId', '=', String(p.id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', result: 'success', userId: office.id });
  });

  it('names the field in Chinese when input is wrong, and writes nothing', async () => {
    const before = await h.ctx.db.selectFrom('project').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await h.request('POST', '/api/v1/projects', { cookie: office.cookie, body: body({ name: '坏数据', totalInvestment: 12.5, category: 'shop' }) });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    const fields = error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['totalInvestment', 'category']));
    expect(error.details.find((d: { field: string }) => d.field === 'totalInvestment').message).toMatch(/^总投资：/);
    const after = await h.ctx.db.selectFrom('project').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses references outside the region or of the wrong kind', async () => {
    const other = (await f.county('外县')).county;
    const foreignDept = await f.org('department', other);
    const bank = await f.org('bank', region);
    const res = await h.request('POST', '/api/v1/projects', { cookie: office.cookie, body: body({ name: '引用检查', responsibleOrgId: foreignDept.id, ownerOrgId: bank.id }) });
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.details.map((d: { message: string }) => d.message);
    expect(messages).toEqual(expect.arrayContaining(['责任单位：不存在或不在管辖范围内', '项目单位：所选单位类型不符']));
  });

  it('refuses a duplicate name in the same county and a duplicate project code', async () => {
    await f.project(region, { name: '冷链 物流中心', code: 'DUP-1' });
    const byName = await h.request('POST', '/api/v1/projects', { cookie: office.cookie, body: body({ name: '冷链物流中心' }) });
    expect(byName.statusCode).toBe(409);
    expect(byName.json().error.message).toContain('同名项目');
    const byCode = await h.request('POST', '/api/v1/projects', { cookie: office.cookie, body: body({ name: '另一个项目', code: 'DUP-1' }) });
    expect(byCode.statusCode).toBe(409);
  });

  it('saves an edit with the version, and answers a stale save with 409 and the current record', async () => {
    const p = await f.project(region);
    const first = await h.request('PATCH', `/api/v1/projects/${p.id}`, { cookie: office.cookie, body: { version: 1, contentScale: '新建厂房 5 万平方米' } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await h.request('PATCH', `/api/v1/projects/${p.id}`, { cookie: office.cookie, body: { version: 1, contentScale: '被覆盖？' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ version: 2, contentScale: '新建厂房 5 万平方米' });
    const row = await h.ctx.db.selectFrom('project').select(['contentScale', 'version']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ contentScale: '新建厂房 5 万平方米', version: 2 });
  });

  it('shows the history field by field', async () => {
    const p = await f.project(region, { totalInvestment: 100_000_000 });
    await h.request('PATCH', `/api/v1/projects/${p.id}`, { cookie: office.cookie, body: { version: 1, totalInvestment: 250_000_000 } });
    const res = await h.request('GET', `/api/v1/projects/${p.id}/history`, { cookie: office.cookie });
    const [latest] = res.json().items;
    expect(latest).toMatchObject({ action: 'update', objectType: 'project' });
    expect(latest.changes).toEqual([{ field: 'totalInvestment', label: '总投资', before: 100_000_000, after: 250_000_000 }]);
  });

  it('hides projects outside the caller\'s scope as not found', async () => {
    const other = (await f.county('外县')).county;
    const foreign = await f.project(other);
    for (const [method, url, payload] of [
      ['GET', `/api/v1/projects/${foreign.id}`, undefined],
      ['PATCH', `/api/v1/projects/${foreign.id}`, { version: 1, name: '越权' }],
      ['GET', `/api/v1/projects/${foreign.id}/history`, undefined],
      ['POST', `/api/v1/projects/${foreign.id}/stage`, { to: 'preparing', date: '2026-06-01', version: 1 }],
      ['PUT', `/api/v1/projects/${foreign.id}/plans/2026`, { plan: 1, target: 1 }],
    ] as const) {
      const res = await h.request(method, url, { cookie: office.cookie, body: payload });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
  });

  it('lets a department see only the projects it is responsible for, and a company only its own', async () => {
    const dept = await f.org('department', region);
    const company = await f.org('company', region);
    const mine = await f.project(region, { responsibleOrgId: dept.id, ownerOrgId: company.id });
    const notMine = await f.project(region);
    const d = await f.session('department', region, { orgId: dept.id });
    const c = await f.session('reporter', region, { orgId: company.id });
    for (const s of [d, c]) {
      expect((await h.request('GET', `/api/v1/projects/${mine.id}`, { cookie: s.cookie })).statusCode).toBe(200);
      expect((await h.request('GET', `/api/v1/projects/${notMine.id}`, { cookie: s.cookie })).statusCode).toBe(404);
      const list = (await h.request('GET', '/api/v1/projects', { cookie: s.cookie })).json();
      expect(list.items.map((i: { id: number }) => i.id)).toEqual([mine.id]);
      expect((await h.request('PATCH', `/api/v1/projects/${mine.id}`, { cookie: s.cookie, body: { version: 1, name: 'x' } })).statusCode).toBe(403);
    }
  });

  it('moves a project through its stages by the rules, filling actual dates and keeping the history', async () => {
    const p = await f.project(region, { stageDate: '2026-01-10' });
    const go = (to: string, date: string, version: number) => h.request('POST', `/api/v1/projects/${p.id}/stage`, { cookie: office.cookie, body: { to, date, version, note: '按计划' } });
    expect((await go('under_construction', '2026-04-01', 1)).json()).toMatchObject({ stage: 'under_construction', actualStartDate: '2026-04-01', version: 2 });
    const back = await go('signed', '2026-04-02', 2);
    expect(back.statusCode).toBe(422);
    expect(back.json().error.message).toBe('项目不能从「在建」转为「签约」');
    const suspended = await go('suspended', '2026-05-01', 2);
    expect(suspended.json().nextStages).toContain('under_construction');
    const resumed = await go('under_construction', '2026-06-01', 3);
    expect(resumed.json().stageHistory.map((s: { toStage: string }) => s.toStage)).toEqual(['under_construction', 'suspended', 'under_construction', 'signed']);
    expect((await go('completed', '2026-05-01', 4)).json().error.message).toContain('不能早于上一阶段日期');
  });

  it('keeps key-list memberships by year, several levels at once, and puts the project in that year\'s ledger', async () => {
    const p = await f.project(region);
    const add = (level: string) => h.request('POST', `/api/v1/projects/${p.id}/key-lists`, { cookie: office.cookie, body: { year: 2026, level, docNo: '德政发〔2026〕1号' } });
    expect((await add('county')).statusCode).toBe(200);
    const both = await add('city');
    expect(both.json().keyLists.map((k: { level: string }) => k.level).sort()).toEqual(['city', 'county']);
    expect(both.json().plans).toMatchObject([{ year: 2026, plan: 0, target: 0 }]);
    expect((await add('city')).statusCode).toBe(409);
    const id = both.json().keyLists.find((k: { level: string }) => k.level === 'city').id;
    const removed = await h.request('DELETE', `/api/v1/projects/${p.id}/key-lists/${id}`, { cookie: office.cookie });
    expect(removed.json().keyLists).toHaveLength(1);
  });

  it('saves the annual plan with a monthly breakdown that must add up, versioned', async () => {
    const p = await f.project(region);
    const monthly = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 90].map((v) => v * 1_000_000);
    const bad = await h.request('PUT', `/api/v1/projects/${p.id}/plans/2026`, { cookie: office.cookie, body: { plan: 300_000_000, target: 320_000_000, monthly } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toContain('月度计划合计必须等于年度计划投资');
    const ok = await h.request('PUT', `/api/v1/projects/${p.id}/plans/2026`, { cookie: office.cookie, body: { plan: 200_000_000, target: 220_000_000, monthly, completed: 50_000_000, completedThrough: '2026-05' } });
    expect(ok.json().plans[0]).toMatchObject({ year: 2026, plan: 200_000_000, monthly, version: 1 });
    const noVersion = await h.request('PUT', `/api/v1/projects/${p.id}/plans/2026`, { cookie: office.cookie, body: { plan: 200_000_000, target: 220_000_000 } });
    expect(noVersion.statusCode).toBe(400);
    const stale = await h.request('PUT', `/api/v1/projects/${p.id}/plans/2026`, { cookie: office.cookie, body: { plan: 1, target: 1, version: 7 } });
    expect(stale.statusCode).toBe(409);
  });

  it('keeps key nodes and the approvals checklist, each with its own version', async () => {
    const p = await f.project(region);
    const added = await h.request('POST', `/api/v1/projects/${p.id}/nodes`, { cookie: office.cookie, body: { kind: 'start', name: '开工', plannedDate: '2026-03-01' } });
    const node = added.json().nodes[0];
    expect(node).toMatchObject({ name: '开工', actualDate: null, version: 1 });
    const met = await h.request('PATCH', `/api/v1/projects/${p.id}/nodes/${node.id}`, { cookie: office.cookie, body: { actualDate: '2026-03-05', version: 1 } });
    expect(met.json().nodes[0]).toMatchObject({ actualDate: '2026-03-05', version: 2 });
    expect((await h.request('DELETE', `/api/v1/projects/${p.id}/nodes/${node.id}?version=1`, { cookie: office.cookie })).statusCode).toBe(409);
    const approval = await h.request('PUT', `/api/v1/projects/${p.id}/approvals/eia`, { cookie: office.cookie, body: { status: 'done' } });
    expect(approval.json().error.details[0].message).toContain('办结日期');
    const done = await h.request('PUT', `/api/v1/projects/${p.id}/approvals/eia`, { cookie: office.cookie, body: { status: 'done', doneDate: '2026-02-01', docNo: '环审〔2026〕3号' } });
    expect(done.json().approvals.find((a: { item: string }) => a.item === 'eia')).toMatchObject({ status: 'done', version: 1 });
    expect((await h.request('PUT', `/api/v1/projects/${p.id}/approvals/nothing`, { cookie: office.cookie, body: { status: 'done' } })).statusCode).toBe(400);
  });

  it('deletes with the version and then no longer finds the project', async () => {
    const p = await f.project(region);
    expect((await h.request('DELETE', `/api/v1/projects/${p.id}?version=9`, { cookie: office.cookie })).statusCode).toBe(409);
    expect((await h.request('DELETE', `/api/v1/projects/${p.id}?version=1`, { cookie: office.cookie })).statusCode).toBe(200);
    expect((await h.request('GET', `/api/v1/projects/${p.id}`, { cookie: office.cookie })).statusCode).toBe(404);
  });

  it('leaves exactly one failure record for a refused write, and none of the change', async () => {
    const p = await f.project(region);
    const viewer = await f.session('viewer', region);
    const { rows } = await f.audited(async () => {
      expect((await h.request('PATCH', `/api/v1/projects/${p.id}`, { cookie: office.cookie, body: { version: 9, name: '过期' } })).statusCode).toBe(409);
      expect((await h.request('PATCH', `/api/v1/projects/${p.id}`, { cookie: viewer.cookie, body: { version: 1, name: '越权' } })).statusCode).toBe(403);
    });
    expect(rows.map((r) => [r.result, r.action, r.userId, JSON.parse(r.after!).code])).toEqual([
      ['failure', 'PATCH /api/v1/projects/:id', office.id, 'version_conflict'],
      ['failure', 'PATCH /api/v1/projects/:id', viewer.id, 'forbidden'],
    ]);
    expect(rows.every((r) => r.objectId === String(p.id) && r.ip)).toBe(true);
  });

  it('treats a save that changes nothing as no write, and checks cross-field rules on the whole record', async () => {
    const p = await f.project(region, { commitStartDate: '2026-01-01', fundingSources: [{ source: 'enterprise', amount: 1000 }] });
    const { result, rows } = await f.audited(() => h.request('PATCH', `/api/v1/projects/${p.id}`, { cookie: office.cookie, body: { version: 1, name: p.name } }));
    expect(result.json().version).toBe(1);
    expect(rows).toHaveLength(0);
    const early = await h.request('PATCH', `/api/v1/projects/${p.id}`, { cookie: office.cookie, body: { version: 1, commitCompletionDate: '2020-01-01' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].field).toBe('commitCompletionDate');
    const tiny = await h.request('PATCH', `/api/v1/projects/${p.id}`, { cookie: office.cookie, body: { version: 1, totalInvestment: 1 } });
    expect(tiny.json().error.details[0].field).toBe('fundingSources');
  });

  it('refuses a key node owned by an organisation outside the region, without naming it', async () => {
    const p = await f.project(region);
    const other = (await f.county('远县')).county;
    const foreign = await f.org('department', other, '远县某局');
    const res = await h.request('POST', `/api/v1/projects/${p.id}/nodes`, { cookie: office.cookie, body: { kind: 'start', name: '开工', plannedDate: '2026-03-01', responsibleOrgId: foreign.id } });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('远县某局');
  });

  it('finds codes whatever their letter case, on both databases', async () => {
    await f.project(region, { name: '大小写项目', code: 'ABC-2026-77' });
    const list = (await h.request('GET', '/api/v1/projects?q=abc-2026', { cookie: office.cookie })).json();
    expect(list.items.map((i: { name: string }) => i.name)).toContain('大小写项目');
  });

  it('lets concurrent edits end in a state some serial order gives', async () => {
    const p = await f.project(region);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => h.request('PATCH', `/api/v1/projects/${p.id}`, { cookie: office.cookie, body: { version: 1, contentScale: `版本${i}` } })),
    );
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(19);
    const row = await h.ctx.db.selectFrom('project').select(['contentScale', 'version']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ contentScale: ok[0]!.json().contentScale, version: 2 });
  });
});
