import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc, rng } from '../../demo/generate';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories } from '../../test/factories';

describe.each(DIALECTS)('orgs on %s', (dialect) => {
  let h: Harness;
  let f: ReturnType<typeof factories>;
  let region: string;
  let office: { cookie: string; id: number };
  const r = rng(20260615);

  beforeAll(async () => {
    h = await startHarness(dialect);
    f = factories(h);
    region = (await f.county()).county;
    office = await f.session('office', region);
  });
  afterAll(() => h.close());

  const orgRow = (id: number) => h.ctx.db.selectFrom('org').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const countOrgs = async () => Number((await h.ctx.db.selectFrom('org').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses anyone not logged in', async () => {
    const org = await f.org('bank', region);
    for (const [method, url, body] of [
      ['GET', '/api/v1/orgs', undefined],
      ['GET', `/api/v1/orgs/${org.id}`, undefined],
      ['POST', '/api/v1/orgs', { kind: 'bank', name: '未登录银行', regionCode: region }],
      ['PATCH', `/api/v1/orgs/${org.id}`, { version: 1, name: '改名' }],
      ['DELETE', `/api/v1/orgs/${org.id}?version=1`, undefined],
    ] as const) {
      const res = await h.request(method, url, { body });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
    expect((await orgRow(org.id)).name).toBe(org.name);
  });

  it('lists the organisations of the caller\'s region, filtered by kind and by name', async () => {
    const county = (await f.county('筛选县')).county;
    const me = await f.session('office', county);
    const dept = await f.org('department', county, '县发展和改革局');
    const company = await f.org('company', county, '山东鼎盛装备有限公司');
    const bank = await f.org('bank', county, '县农商银行');
    const foreign = await f.org('company', region, '外县鼎盛公司');

    const all = (await h.request('GET', '/api/v1/orgs', { cookie: me.cookie })).json();
    expect(all.total).toBe(3);
    expect(all.items.map((o: { id: number }) => o.id).sort()).toEqual([dept.id, company.id, bank.id].sort());
    expect(all.items.map((o: { id: number }) => o.id)).not.toContain(foreign.id);

    const companies = await h.request('GET', '/api/v1/orgs?kind=company', { cookie: me.cookie });
    expect(companies.statusCode).toBe(200);
    expect(companies.json()).toMatchObject({ total: 1, items: [{ id: company.id, kind: 'company', name: '山东鼎盛装备有限公司', regionCode: county, regionName: '筛选县' }] });

    const byName = (await h.request('GET', `/api/v1/orgs?q=${encodeURIComponent('鼎盛')}`, { cookie: me.cookie })).json();
    expect(byName.items.map((o: { id: number }) => o.id)).toEqual([company.id]);

    const byUscc = (await h.request('GET', `/api/v1/orgs?q=${company.uscc!.toLowerCase()}`, { cookie: me.cookie })).json();
    expect(byUscc.items.map((o: { id: number }) => o.id)).toEqual([company.id]);

    const page = (await h.request('GET', '/api/v1/orgs?pageSize=2&page=2', { cookie: me.cookie })).json();
    expect(page).toMatchObject({ total: 3 });
    expect(page.items).toHaveLength(1);

    const badKind = await h.request('GET', '/api/v1/orgs?kind=shop', { cookie: me.cookie });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.details[0]).toMatchObject({ field: 'kind' });
    expect(badKind.json().error.details[0].message).toMatch(/^类型：/);
  });

  it('creates a company with a valid 统一社会信用代码, and audits it once', async () => {
    const uscc = makeUscc(r, region);
    const { result: res, rows } = await f.audited(() =>
      h.request('POST', '/api/v1/orgs', {
        cookie: office.cookie,
        body: { kind: 'company', name: '德州亚泰新材料有限公司', shortName: '亚泰新材', regionCode: region, uscc: uscc.toLowerCase(), address: '经济开发区崇德七大道 8 号', contactName: '王经理' },
      }),
    );
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({ kind: 'company', name: '德州亚泰新材料有限公司', shortName: '亚泰新材', uscc, regionName: '测试县', contactPhone: null, version: 1 });
    const row = await orgRow(org.id);
    expect(row).toMatchObject({ kind: 'company', uscc, regionCode: region, address: '经济开发区崇德七大道 8 号', contactName: '王经理', deletedAt: null, version: 1 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', objectType: 'org', objectId: String(org.id), userId: office.id, result: 'success' });
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ name: '德州亚泰新材料有限公司', uscc });
  });

  it('refuses a 统一社会信用代码 with a wrong check character, naming the field, and writes nothing', async () => {
    const valid = makeUscc(r, region);
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const wrong = valid.slice(0, 17) + alphabet[(alphabet.indexOf(valid[17]!) + 1) % alphabet.length];
    const before = await countOrgs();
    const { result: res, rows } = await f.audited(() =>
      h.request('POST', '/api/v1/orgs', { cookie: office.cookie, body: { kind: 'company', name: '校验位错误公司', regionCode: region, uscc: wrong } }),
    );
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('校验位');
    expect(error.details).toEqual([{ field: 'uscc', message: '统一社会信用代码：统一社会信用代码校验位不正确，请核对' }]);
    expect(await countOrgs()).toBe(before);
    expect(rows.map((r) => r.result)).toEqual(['failure']); // the refusal itself, nothing else
  });

  it('names each wrong field in Chinese', async () => {
    const res = await h.request('POST', '/api/v1/orgs', { cookie: office.cookie, body: { kind: 'shop', name: '', regionCode: '12', contactPhone: '12345', extra: 1 } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'name', 'regionCode', 'contactPhone', '']));
    const phone = res.json().error.details.find((d: { field: string }) => d.field === 'contactPhone');
    expect(phone.message).toBe('联系电话：不是有效的手机或固定电话号码');
  });

  it('refuses a duplicate name of the same kind in the same region', async () => {
    await f.org('bank', region, '县建设银行');
    const res = await h.request('POST', '/api/v1/orgs', { cookie: office.cookie, body: { kind: 'bank', name: '县建设银行', regionCode: region } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', message: '同一地区已有同名单位「县建设银行」' });
  });

  it('stores the contact phone encrypted and shows it masked to a reporter or viewer, in full to the office', async () => {
    const created = await h.request('POST', '/api/v1/orgs', {
      cookie: office.cookie,
      body: { kind: 'company', name: '电话加密测试公司', regionCode: region, contactName: '李会计', contactPhone: '138 0013 8000' },
    });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expect(org.contactPhone).toBe('13800138000');

    const row = await orgRow(org.id);
    expect(row.contactPhoneEnc).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(row.contactPhoneEnc).not.toContain('13800138000');
    expect(row.contactPhoneEnc).not.toContain('0013');
    expect(h.ctx.box.decrypt(row.contactPhoneEnc!)).toBe('13800138000');
    const audit = await h.ctx.db.selectFrom('auditEvent').select(['before', 'after']).where('objectType', '=', 'org').where('objectId', '=', String(org.id)).execute();
    expect(JSON.stringify(audit)).not.toContain('13800138000');

    const company = await f.org('company', region);
    const reporter = await f.session('reporter', region, { orgId: company.id });
    const viewer = await f.session('viewer', region);
    for (const s of [reporter, viewer]) {
      const one = await h.request('GET', `/api/v1/orgs/${org.id}`, { cookie: s.cookie });
      expect(one.statusCode).toBe(200);
      expect(one.json().contactPhone).toBe('138****8000');
      const list = (await h.request('GET', `/api/v1/orgs?q=${encodeURIComponent('电话加密')}`, { cookie: s.cookie })).json();
      expect(list.items).toMatchObject([{ id: org.id, contactPhone: '138****8000' }]);
    }
    expect((await h.request('GET', `/api/v1/orgs/${org.id}`, { cookie: office.cookie })).json().contactPhone).toBe('13800138000');
  });

  it('saves an edit with the version, and answers a stale save with 409 and the current record', async () => {
    const org = await f.org('department', region, '县住房和城乡建设局');
    const { result: first, rows } = await f.audited(() =>
      h.request('PATCH', `/api/v1/orgs/${org.id}`, { cookie: office.cookie, body: { version: 1, address: '德城区东方红路 1 号', contactPhone: '0534-2612345' } }),
    );
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, address: '德城区东方红路 1 号', contactPhone: '0534-2612345', name: '县住房和城乡建设局' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'update', objectType: 'org', objectId: String(org.id), userId: office.id });
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ address: '德城区东方红路 1 号' });
    expect(rows[0]!.after).not.toContain('2612345');

    const stale = await f.audited(() => h.request('PATCH', `/api/v1/orgs/${org.id}`, { cookie: office.cookie, body: { version: 1, address: '被覆盖？' } }));
    expect(stale.result.statusCode).toBe(409);
    expect(stale.result.json().error.code).toBe('version_conflict');
    expect(stale.result.json().error.details.current).toMatchObject({ id: org.id, version: 2, address: '德城区东方红路 1 号', contactPhone: '0534-2612345' });
    expect(stale.rows.map((r) => r.result)).toEqual(['failure']); // the refusal itself, nothing else
    const row = await orgRow(org.id);
    expect(row).toMatchObject({ address: '德城区东方红路 1 号', version: 2 });

    const noVersion = await h.request('PATCH', `/api/v1/orgs/${org.id}`, { cookie: office.cookie, body: { address: '无版本' } });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.details).toEqual([{ field: 'version', message: '版本号：必须填写' }]);
  });

  it('refuses to delete an organisation a project still refers to', async () => {
    const company = await f.org('company', region);
    await f.project(region, { ownerOrgId: company.id });
    const { result: res, rows } = await f.audited(() => h.request('DELETE', `/api/v1/orgs/${company.id}?version=1`, { cookie: office.cookie }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', message: '该单位仍被项目引用，不能删除' });
    expect(rows.map((r) => r.result)).toEqual(['failure']); // the refusal itself, nothing else
    expect(await orgRow(company.id)).toMatchObject({ deletedAt: null, version: 1 });
  });

  it('deletes with the version, audits it once, and then no longer finds the organisation', async () => {
    const bank = await f.org('bank', region);
    const stale = await h.request('DELETE', `/api/v1/orgs/${bank.id}?version=5`, { cookie: office.cookie });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ id: bank.id, version: 1 });
    const missing = await h.request('DELETE', `/api/v1/orgs/${bank.id}`, { cookie: office.cookie });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('version');

    const { result: res, rows } = await f.audited(() => h.request('DELETE', `/api/v1/orgs/${bank.id}?version=1`, { cookie: office.cookie }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'delete', objectType: 'org', objectId: String(bank.id), userId: office.id });
    const row = await orgRow(bank.id);
    expect(row.deletedAt).toBe(h.clock.now().toISOString());
    expect(row.version).toBe(2);
    expect((await h.request('GET', `/api/v1/orgs/${bank.id}`, { cookie: office.cookie })).statusCode).toBe(404);
    const list = (await h.request('GET', '/api/v1/orgs?kind=bank', { cookie: office.cookie })).json();
    expect(list.items.map((o: { id: number }) => o.id)).not.toContain(bank.id);
  });

  it('hides organisations of another region as not found, and refuses to create one there', async () => {
    const other = (await f.county('外县')).county;
    const foreign = await f.org('company', other);
    for (const [method, url, body] of [
      ['GET', `/api/v1/orgs/${foreign.id}`, undefined],
      ['PATCH', `/api/v1/orgs/${foreign.id}`, { version: 1, name: '越权改名' }],
      ['DELETE', `/api/v1/orgs/${foreign.id}?version=1`, undefined],
    ] as const) {
      const res = await h.request(method, url, { cookie: office.cookie, body });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'not_found', message: '单位不存在或无权查看' });
    }
    expect(await orgRow(foreign.id)).toMatchObject({ name: foreign.name, version: 1, deletedAt: null });

    const create = await h.request('POST', '/api/v1/orgs', { cookie: office.cookie, body: { kind: 'bank', name: '越权银行', regionCode: other } });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.details).toEqual([{ field: 'regionCode', message: '所属地区：不在管辖范围内' }]);
    const move = await h.request('PATCH', `/api/v1/orgs/${(await f.org('bank', region)).id}`, { cookie: office.cookie, body: { version: 1, regionCode: other } });
    expect(move.statusCode).toBe(400);
  });

  it('refuses a region inside the caller\'s scope that does not exist (400, not a database error)', async () => {
    const codes = await f.county('市辖县');
    const cityOffice = await f.session('office', codes.city);
    const org = await f.org('bank', codes.county);
    const missing = codes.city.slice(0, 4) + '77';
    const create = await h.request('POST', '/api/v1/orgs', { cookie: cityOffice.cookie, body: { kind: 'bank', name: '不存在地区的银行', regionCode: missing } });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.details).toEqual([{ field: 'regionCode', message: '所属地区：不存在' }]);
    const move = await h.request('PATCH', `/api/v1/orgs/${org.id}`, { cookie: cityOffice.cookie, body: { version: 1, regionCode: missing } });
    expect(move.statusCode).toBe(400);
    expect(move.json().error.details).toEqual([{ field: 'regionCode', message: '所属地区：不存在' }]);
    expect(await orgRow(org.id)).toMatchObject({ regionCode: codes.county, version: 1 });
  });

  it('lets a viewer or reporter read but not create, edit or delete', async () => {
    const company = await f.org('company', region);
    const viewer = await f.session('viewer', region);
    const reporter = await f.session('reporter', region, { orgId: company.id });
    const before = await countOrgs();
    for (const s of [viewer, reporter]) {
      expect((await h.request('GET', '/api/v1/orgs', { cookie: s.cookie })).statusCode).toBe(200);
      for (const [method, url, body] of [
        ['POST', '/api/v1/orgs', { kind: 'bank', name: '无权创建', regionCode: region }],
        ['PATCH', `/api/v1/orgs/${company.id}`, { version: 1, name: '无权改名' }],
        ['DELETE', `/api/v1/orgs/${company.id}?version=1`, undefined],
      ] as const) {
        const res = await h.request(method, url, { cookie: s.cookie, body });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
    expect(await countOrgs()).toBe(before);
    expect(await orgRow(company.id)).toMatchObject({ name: company.name, version: 1, deletedAt: null });
  });

  it('keeps the auditor and the other 三员 where their roles allow', async () => {
    const auditor = await f.session('auditor', region);
    expect((await h.request('GET', '/api/v1/orgs', { cookie: auditor.cookie })).statusCode).toBe(403);
    const sysadmin = await f.session('sysadmin', region);
    const res = await h.request('POST', '/api/v1/orgs', { cookie: sysadmin.cookie, body: { kind: 'township', name: '经济技术开发区', regionCode: region } });
    expect(res.statusCode).toBe(201);
  });
});
