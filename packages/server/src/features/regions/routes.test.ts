import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories } from '../../test/factories';

describe.each(DIALECTS)('regions on %s', (dialect) => {
  let h: Harness;
  let f: ReturnType<typeof factories>;
  let codes: { province: string; city: string; county: string };
  let p: string;
  let sysadmin: { cookie: string; id: number };

  beforeAll(async () => {
    h = await startHarness(dialect);
    f = factories(h);
    codes = await f.county('德城区');
    p = codes.province.slice(0, 2);
    // A sibling county in the same city, and a second city with a county of its own.
    const at = h.clock.now().toISOString();
    await h.ctx.db.insertInto('region').values([
      { code: `${p}0103`, name: '陵城区', level: 'county', parentCode: codes.city, createdAt: at, updatedAt: at },
      { code: `${p}0200`, name: `${p}二市`, level: 'city', parentCode: codes.province, createdAt: at, updatedAt: at },
      { code: `${p}0201`, name: '二市一县', level: 'county', parentCode: `${p}0200`, createdAt: at, updatedAt: at },
    ]).execute();
    await f.county('别省县'); // another province altogether
    sysadmin = await f.session('sysadmin', codes.city);
  });
  afterAll(() => h.close());

  const codesOf = (res: { json(): { items: { code: string }[] } }) => res.json().items.map((r) => r.code);
  const regionRow = (code: string) => h.ctx.db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();

  it('refuses anyone not logged in', async () => {
    for (const [method, url, body] of [
      ['GET', '/api/v1/regions', undefined],
      ['POST', '/api/v1/regions', { code: `${p}0150`, name: '新区', level: 'county', parentCode: codes.city }],
      ['PATCH', `/api/v1/regions/${codes.county}`, { name: '改名', version: 1 }],
    ] as const) {
      const res = await h.request(method, url, { body });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
    expect(await regionRow(`${p}0150`)).toBeUndefined();
  });

  it('lists the caller\'s region, its descendants and its ancestors, nothing else', async () => {
    const county = await f.session('viewer', codes.county);
    const res = await h.request('GET', '/api/v1/regions', { cookie: county.cookie });
    expect(res.statusCode).toBe(200);
    expect(codesOf(res)).toEqual(['100000', codes.province, codes.city, codes.county].sort());
    expect(res.json().items.find((r: { code: string }) => r.code === codes.county)).toEqual({
      code: codes.county, name: '德城区', level: 'county', parentCode: codes.city, version: 1,
    });

    const city = await f.session('office', codes.city);
    expect(codesOf(await h.request('GET', '/api/v1/regions', { cookie: city.cookie }))).toEqual(
      ['100000', codes.province, codes.city, codes.county, `${p}0103`].sort(),
    );

    const province = await f.session('office', codes.province);
    expect(codesOf(await h.request('GET', '/api/v1/regions', { cookie: province.cookie }))).toEqual(
      ['100000', codes.province, codes.city, codes.county, `${p}0103`, `${p}0200`, `${p}0201`].sort(),
    );
  });

  it('lets only the system administrator create a region, audited once', async () => {
    const body = { code: `${p}0111`, name: '天衢新区', level: 'county', parentCode: codes.city };
    for (const role of ['office', 'secadmin', 'auditor', 'viewer'] as const) {
      const s = await f.session(role, codes.city);
      const res = await h.request('POST', '/api/v1/regions', { cookie: s.cookie, body });
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect(await regionRow(`${p}0111`)).toBeUndefined();

    const { result: res, rows } = await f.audited(() => h.request('POST', '/api/v1/regions', { cookie: sysadmin.cookie, body }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: `${p}0111`, name: '天衢新区', level: 'county', parentCode: codes.city, version: 1 });
    expect(await regionRow(`${p}0111`)).toMatchObject({ name: '天衢新区', level: 'county', parentCode: codes.city, version: 1 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', objectType: 'region', objectId: `${p}0111`, userId: sysadmin.id, result: 'success' });

    const parentDefaulted = await h.request('POST', '/api/v1/regions', { cookie: sysadmin.cookie, body: { code: `${p}0112`, name: '默认上级', level: 'county' } });
    expect(parentDefaulted.statusCode).toBe(201);
    expect((await regionRow(`${p}0112`))!.parentCode).toBe(codes.city);

    const duplicate = await h.request('POST', '/api/v1/regions', { cookie: sysadmin.cookie, body });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toBe(`行政区划代码 ${p}0111 已存在`);
  });

  it('refuses a level that does not match the code, or a parent that does not', async () => {
    const before = await f.audited(async () => {
      const level = await h.request('POST', '/api/v1/regions', { cookie: sysadmin.cookie, body: { code: `${p}0120`, name: '错级别', level: 'city', parentCode: codes.city } });
      expect(level.statusCode).toBe(400);
      expect(level.json().error).toMatchObject({
        code: 'validation_failed', message: `行政区划代码 ${p}0120 与级别「市」不符`, details: [{ field: 'level', message: '级别：与行政区划代码不符' }],
      });
      const parent = await h.request('POST', '/api/v1/regions', { cookie: sysadmin.cookie, body: { code: `${p}0121`, name: '错上级', level: 'county', parentCode: `${p}0200` } });
      expect(parent.statusCode).toBe(400);
      expect(parent.json().error.details).toEqual([{ field: 'parentCode', message: '上级地区：与代码不符' }]);
      const shape = await h.request('POST', '/api/v1/regions', { cookie: sysadmin.cookie, body: { code: '12345', name: '', level: 'town' } });
      expect(shape.statusCode).toBe(400);
      expect(shape.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'level', 'name']);
    });
    expect(before.rows.map((r) => r.result)).toEqual(['failure', 'failure', 'failure']); // one per refusal, nothing else
    expect(await regionRow(`${p}0120`)).toBeUndefined();
    expect(await regionRow(`${p}0121`)).toBeUndefined();
  });

  it('refuses a region outside the administrator\'s scope as not found, and a missing parent as invalid', async () => {
    const outside = await h.request('POST', '/api/v1/regions', { cookie: sysadmin.cookie, body: { code: `${p}0299`, name: '别市新县', level: 'county' } });
    expect(outside.statusCode).toBe(404);
    expect(await regionRow(`${p}0299`)).toBeUndefined();
    const provinceAdmin = await f.session('sysadmin', codes.province);
    const orphan = await h.request('POST', '/api/v1/regions', { cookie: provinceAdmin.cookie, body: { code: `${p}0901`, name: '无上级县', level: 'county' } });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().error.details).toEqual([{ field: 'parentCode', message: '上级地区：不存在' }]);
    expect(await regionRow(`${p}0901`)).toBeUndefined();
  });

  it('renames with the version, audited once, and answers a stale rename with 409 and the current record', async () => {
    const { result: res, rows } = await f.audited(() =>
      h.request('PATCH', `/api/v1/regions/${p}0103`, { cookie: sysadmin.cookie, body: { name: '陵城区（新）', version: 1 } }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: `${p}0103`, name: '陵城区（新）', level: 'county', parentCode: codes.city, version: 2 });
    expect(await regionRow(`${p}0103`)).toMatchObject({ name: '陵城区（新）', version: 2 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'update', objectType: 'region', objectId: `${p}0103`, userId: sysadmin.id });
    expect(JSON.parse(rows[0]!.before!)).toEqual({ name: '陵城区' });
    expect(JSON.parse(rows[0]!.after!)).toEqual({ name: '陵城区（新）' });

    const stale = await f.audited(() => h.request('PATCH', `/api/v1/regions/${p}0103`, { cookie: sysadmin.cookie, body: { name: '被覆盖？', version: 1 } }));
    expect(stale.result.statusCode).toBe(409);
    expect(stale.result.json().error).toMatchObject({ code: 'version_conflict', details: { current: { code: `${p}0103`, name: '陵城区（新）', version: 2 } } });
    expect(stale.rows.map((r) => r.result)).toEqual(['failure']); // the refusal itself, nothing else
    expect(await regionRow(`${p}0103`)).toMatchObject({ name: '陵城区（新）', version: 2 });

    const noVersion = await h.request('PATCH', `/api/v1/regions/${p}0103`, { cookie: sysadmin.cookie, body: { name: '无版本' } });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.details).toEqual([{ field: 'version', message: expect.stringMatching(/^版本号：(必须填写|缺少版本号)$/) }]);
  });

  it('does not rename a region outside the scope, a missing one, or let anyone else rename', async () => {
    for (const code of [codes.province, `${p}0201`, `${p}0188`]) {
      const res = await h.request('PATCH', `/api/v1/regions/${code}`, { cookie: sysadmin.cookie, body: { name: '越权', version: 1 } });
      expect(res.statusCode, code).toBe(404);
    }
    expect((await regionRow(codes.province))!.name).toBe(`${p}省`);
    const bad = await h.request('PATCH', '/api/v1/regions/abc', { cookie: sysadmin.cookie, body: { name: 'x', version: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('code');
    const office = await f.session('office', codes.city);
    expect((await h.request('PATCH', `/api/v1/regions/${codes.county}`, { cookie: office.cookie, body: { name: '越权', version: 1 } })).statusCode).toBe(403);
    expect((await regionRow(codes.county))!.name).toBe('德城区');
  });
});
