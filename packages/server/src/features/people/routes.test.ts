import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories } from '../../test/factories';

describe.each(DIALECTS)('people on %s', (dialect) => {
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

  const personRow = (id: number) => h.ctx.db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const countPeople = async () => Number((await h.ctx.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses anyone not logged in', async () => {
    const p = await f.person(region);
    for (const [method, url, body] of [
      ['GET', '/api/v1/people', undefined],
      ['GET', `/api/v1/people/${p.id}`, undefined],
      ['POST', '/api/v1/people', { name: '未登录', regionCode: region }],
      ['PATCH', `/api/v1/people/${p.id}`, { version: 1, name: '改名' }],
      ['DELETE', `/api/v1/people/${p.id}?version=1`, undefined],
    ] as const) {
      const res = await h.request(method, url, { body });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('lists the people of the caller\'s region, searched by name or title and filtered by organisation', async () => {
    const county = (await f.county('名录县')).county;
    const me = await f.session('office', county);
    const dept = await f.org('department', county, '县商务局');
    const a = (await h.request('POST', '/api/v1/people', { cookie: me.cookie, body: { name: '刘洋', title: '县委常委、常务副县长', regionCode: county } })).json();
    const b = (await h.request('POST', '/api/v1/people', { cookie: me.cookie, body: { name: '赵敏', title: '局长', orgId: dept.id, regionCode: county } })).json();
    await f.person(region, '外县人员');

    const all = (await h.request('GET', '/api/v1/people', { cookie: me.cookie })).json();
    expect(all.total).toBe(2);
    expect(all.items.map((p: { id: number }) => p.id).sort()).toEqual([a.id, b.id].sort());
    const byTitle = (await h.request('GET', `/api/v1/people?q=${encodeURIComponent('副县长')}`, { cookie: me.cookie })).json();
    expect(byTitle).toMatchObject({ total: 1, items: [{ id: a.id, name: '刘洋' }] });
    const byOrg = (await h.request('GET', `/api/v1/people?orgId=${dept.id}`, { cookie: me.cookie })).json();
    expect(byOrg).toMatchObject({ total: 1, items: [{ id: b.id, orgId: dept.id, orgName: '县商务局', regionCode: county }] });
    const bad = await h.request('GET', '/api/v1/people?orgId=abc', { cookie: me.cookie });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ field: 'orgId', message: '所属单位：必须是编号（正整数）' }]);
  });

  it('creates a person with the phone encrypted at rest, and audits it once without the number', async () => {
    const dept = await f.org('department', region, '县自然资源局');
    const { result: res, rows } = await f.audited(() =>
      h.request('POST', '/api/v1/people', { cookie: office.cookie, body: { name: '孙立', title: '副局长', phone: '+86 139-0534-1234'.replace(/-/g, ''), orgId: dept.id, regionCode: region } }),
    );
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ name: '孙立', title: '副局长', phone: '13905341234', orgId: dept.id, orgName: '县自然资源局', regionCode: region, version: 1 });
    const row = await personRow(p.id);
    expect(row).toMatchObject({ name: '孙立', title: '副局长', orgId: dept.id, regionCode: region, deletedAt: null, version: 1 });
    expect(row.phoneEnc).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(row.phoneEnc).not.toContain('13905341234');
    expect(row.phoneEnc).not.toContain('0534');
    expect(h.ctx.box.decrypt(row.phoneEnc!)).toBe('13905341234');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', objectType: 'person', objectId: String(p.id), userId: office.id, result: 'success' });
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ name: '孙立', phone: '***' });
  });

  it('shows the phone masked to a reporter or viewer and in full to the office', async () => {
    const p = await f.person(region, '周强'); // phone 13800138000
    const company = await f.org('company', region);
    const reporter = await f.session('reporter', region, { orgId: company.id });
    const viewer = await f.session('viewer', region);
    for (const s of [reporter, viewer]) {
      expect((await h.request('GET', `/api/v1/people/${p.id}`, { cookie: s.cookie })).json().phone).toBe('138****8000');
      const list = (await h.request('GET', `/api/v1/people?q=${encodeURIComponent('周强')}`, { cookie: s.cookie })).json();
      expect(list.items).toMatchObject([{ id: p.id, phone: '138****8000' }]);
    }
    expect((await h.request('GET', `/api/v1/people/${p.id}`, { cookie: office.cookie })).json().phone).toBe('13800138000');
  });

  it('names each wrong field in Chinese, and refuses an organisation of another region', async () => {
    const res = await h.request('POST', '/api/v1/people', { cookie: office.cookie, body: { name: '', phone: '110', regionCode: region, orgId: -3 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(expect.arrayContaining([
      { field: 'name', message: '姓名：不能为空' },
      { field: 'phone', message: '电话：不是有效的手机或固定电话号码' },
      { field: 'orgId', message: '所属单位：必须是编号（正整数）' },
    ]));
    const other = (await f.county('外县')).county;
    const foreignOrg = await f.org('department', other);
    const before = await countPeople();
    const foreign = await h.request('POST', '/api/v1/people', { cookie: office.cookie, body: { name: '钱多', regionCode: region, orgId: foreignOrg.id } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details).toEqual([{ field: 'orgId', message: '所属单位：不存在' }]);
    expect(await countPeople()).toBe(before);
  });

  it('saves an edit with the version, and answers a stale save with 409 and the current record', async () => {
    const p = await f.person(region, '吴刚');
    const { result: first, rows } = await f.audited(() =>
      h.request('PATCH', `/api/v1/people/${p.id}`, { cookie: office.cookie, body: { version: 1, title: '县长', phone: '13912345678' } }),
    );
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, title: '县长', phone: '13912345678' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'update', objectType: 'person', objectId: String(p.id) });
    expect(JSON.stringify(rows[0])).not.toContain('13912345678');
    expect(h.ctx.box.decrypt((await personRow(p.id)).phoneEnc!)).toBe('13912345678');

    const stale = await f.audited(() => h.request('PATCH', `/api/v1/people/${p.id}`, { cookie: office.cookie, body: { version: 1, title: '被覆盖？' } }));
    expect(stale.result.statusCode).toBe(409);
    expect(stale.result.json().error.details.current).toMatchObject({ id: p.id, version: 2, title: '县长', phone: '13912345678' });
    expect(stale.rows.map((r) => r.result)).toEqual(['failure']); // the refusal itself, nothing else
    expect(await personRow(p.id)).toMatchObject({ title: '县长', version: 2 });

    const cleared = await h.request('PATCH', `/api/v1/people/${p.id}`, { cookie: office.cookie, body: { version: 2, phone: null } });
    expect(cleared.json()).toMatchObject({ phone: null, version: 3 });
    expect((await personRow(p.id)).phoneEnc).toBeNull();
  });

  it('refuses to delete a person who leads a project, deletes otherwise with the version', async () => {
    const leader = await f.person(region, '郑包保');
    await f.project(region, { leaderId: leader.id });
    const refused = await f.audited(() => h.request('DELETE', `/api/v1/people/${leader.id}?version=1`, { cookie: office.cookie }));
    expect(refused.result.statusCode).toBe(409);
    expect(refused.result.json().error).toMatchObject({ code: 'conflict', message: '该人员仍是项目的责任人或联系人，不能删除' });
    expect(refused.rows.map((r) => r.result)).toEqual(['failure']); // the refusal itself, nothing else
    expect((await personRow(leader.id)).deletedAt).toBeNull();

    const p = await f.person(region, '王离任');
    expect((await h.request('DELETE', `/api/v1/people/${p.id}?version=2`, { cookie: office.cookie })).statusCode).toBe(409);
    const { result: ok, rows } = await f.audited(() => h.request('DELETE', `/api/v1/people/${p.id}?version=1`, { cookie: office.cookie }));
    expect(ok.statusCode).toBe(200);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'delete', objectType: 'person', objectId: String(p.id), userId: office.id });
    expect(await personRow(p.id)).toMatchObject({ deletedAt: h.clock.now().toISOString(), version: 2 });
    expect((await h.request('GET', `/api/v1/people/${p.id}`, { cookie: office.cookie })).statusCode).toBe(404);
  });

  it('hides people of another region as not found, and refuses to create one there', async () => {
    const other = (await f.county('外县二')).county;
    const foreign = await f.person(other, '外县领导');
    for (const [method, url, body] of [
      ['GET', `/api/v1/people/${foreign.id}`, undefined],
      ['PATCH', `/api/v1/people/${foreign.id}`, { version: 1, name: '越权改名' }],
      ['DELETE', `/api/v1/people/${foreign.id}?version=1`, undefined],
    ] as const) {
      const res = await h.request(method, url, { cookie: office.cookie, body });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'not_found', message: '人员不存在或无权查看' });
    }
    expect(await personRow(foreign.id)).toMatchObject({ name: '外县领导', version: 1, deletedAt: null });
    const create = await h.request('POST', '/api/v1/people', { cookie: office.cookie, body: { name: '越权', regionCode: other } });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.details).toEqual([{ field: 'regionCode', message: '所属地区：不在管辖范围内' }]);
  });

  it('refuses a region inside the caller\'s scope that does not exist (400, not a database error)', async () => {
    const codes = await f.county('市辖县');
    const cityOffice = await f.session('office', codes.city);
    const p = await f.person(codes.county, '市管人员');
    const missing = codes.city.slice(0, 4) + '77';
    const before = await countPeople();
    const create = await h.request('POST', '/api/v1/people', { cookie: cityOffice.cookie, body: { name: '不存在地区的人', regionCode: missing } });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.details).toEqual([{ field: 'regionCode', message: '所属地区：不存在' }]);
    expect(await countPeople()).toBe(before);
    const move = await h.request('PATCH', `/api/v1/people/${p.id}`, { cookie: cityOffice.cookie, body: { version: 1, regionCode: missing } });
    expect(move.statusCode).toBe(400);
    expect(move.json().error.details).toEqual([{ field: 'regionCode', message: '所属地区：不存在' }]);
    expect(await personRow(p.id)).toMatchObject({ regionCode: codes.county, version: 1 });
  });

  it('lets a viewer read but not create, edit or delete', async () => {
    const p = await f.person(region, '只读测试');
    const viewer = await f.session('viewer', region);
    const before = await countPeople();
    for (const [method, url, body] of [
      ['POST', '/api/v1/people', { name: '无权创建', regionCode: region }],
      ['PATCH', `/api/v1/people/${p.id}`, { version: 1, name: '无权改名' }],
      ['DELETE', `/api/v1/people/${p.id}?version=1`, undefined],
    ] as const) {
      const res = await h.request(method, url, { cookie: viewer.cookie, body });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect(await countPeople()).toBe(before);
    expect(await personRow(p.id)).toMatchObject({ name: '只读测试', version: 1, deletedAt: null });
  });
});
