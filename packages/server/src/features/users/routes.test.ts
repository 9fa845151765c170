import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../lib/passwords';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories, PASSWORD } from '../../test/factories';

describe.each(DIALECTS)('users on %s', (dialect) => {
  let h: Harness;
  let f: ReturnType<typeof factories>;
  let region: string;
  let office: { cookie: string; id: number; username: string };
  let company: { id: number };
  let dept: { id: number };
  let n = 0;
  const INITIAL = 'Initial#Pass2026';

  beforeAll(async () => {
    h = await startHarness(dialect);
    f = factories(h);
    region = (await f.county()).county;
    office = await f.session('office', region);
    company = await f.org('company', region, '山东百诺医药股份有限公司');
    dept = await f.org('department', region, '县工业和信息化局');
  });
  afterAll(() => h.close());

  const newUsername = () => `user${++n}_${Math.random().toString(36).slice(2, 7)}`;
  const body = (extra: Record<string, unknown> = {}) => ({
    username: newUsername(), displayName: '王填报', role: 'reporter', regionCode: region, orgId: company.id, password: INITIAL, ...extra,
  });
  const userRow = (id: number) => h.ctx.db.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const countUsers = async () => Number((await h.ctx.db.selectFrom('appUser').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const sessionsOf = async (userId: number) => Number((await h.ctx.db.selectFrom('session').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).executeTakeFirstOrThrow()).n);
  const login = (username: string, password: string) => h.request('POST', '/api/v1/auth/login', { body: { username, password } });
  const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0]!;

  it('refuses anyone not logged in', async () => {
    const u = await f.user('viewer', region);
    for (const [method, url, payload] of [
      ['GET', '/api/v1/users', undefined],
      ['GET', `/api/v1/users/${u.id}`, undefined],
      ['POST', '/api/v1/users', body()],
      ['PATCH', `/api/v1/users/${u.id}`, { version: 1, displayName: '改名' }],
      ['POST', `/api/v1/users/${u.id}/reset-password`, undefined],
    ] as const) {
      const res = await h.request(method, url, { body: payload });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('keeps user management to the office and the system and security administrators', async () => {
    for (const role of ['leader', 'reporter', 'inspector', 'viewer', 'auditor'] as const) {
      const s = await f.session(role, region, role === 'reporter' ? { orgId: company.id } : {});
      expect((await h.request('GET', '/api/v1/users', { cookie: s.cookie })).statusCode, role).toBe(403);
      const before = await countUsers();
      const res = await h.request('POST', '/api/v1/users', { cookie: s.cookie, body: body({ role: 'viewer', orgId: null }) });
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
      expect(await countUsers()).toBe(before);
    }
    for (const role of ['office', 'sysadmin', 'secadmin'] as const) {
      const s = await f.session(role, region);
      expect((await h.request('GET', '/api/v1/users', { cookie: s.cookie })).statusCode, role).toBe(200);
    }
  });

  it('lets the office create a reporter of a company, stored with a hashed password and audited once', async () => {
    const { result: res, rows } = await f.audited(() =>
      h.request('POST', '/api/v1/users', { cookie: office.cookie, body: body({ username: 'Zhang.Wei', displayName: '张伟' }) }),
    );
    expect(res.statusCode).toBe(201);
    const u = res.json();
    expect(u).toMatchObject({ username: 'zhang.wei', displayName: '张伟', role: 'reporter', regionCode: region, regionName: '测试县', orgId: company.id, orgName: '山东百诺医药股份有限公司', disabled: false, lastLoginAt: null, version: 1 });
    expect(JSON.stringify(u)).not.toMatch(/password/i);
    const row = await userRow(u.id);
    expect(row).toMatchObject({ username: 'zhang.wei', role: 'reporter', orgId: company.id, mustChangePassword: 1, disabled: 0 });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain(INITIAL);
    expect(await verifyPassword(INITIAL, row.passwordHash)).toBe(true);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', objectType: 'user', objectId: String(u.id), userId: office.id, result: 'success' });
    expect(JSON.parse(rows[0]!.after!)).toEqual({ username: 'zhang.wei', displayName: '张伟', role: 'reporter', regionCode: region, orgId: company.id });
    expect(rows[0]!.after).not.toContain(INITIAL);

    const list = (await h.request('GET', '/api/v1/users?q=zhang', { cookie: office.cookie })).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: u.id, username: 'zhang.wei' }] });
  });

  it('requires a reporter\'s organisation to be a company of the region, naming 所属单位', async () => {
    const before = await countUsers();
    const deptOrg = await h.request('POST', '/api/v1/users', { cookie: office.cookie, body: body({ orgId: dept.id }) });
    expect(deptOrg.statusCode).toBe(400);
    expect(deptOrg.json().error).toMatchObject({ code: 'validation_failed', message: '该角色的所属单位必须是企业', details: [{ field: 'orgId', message: '所属单位：必须是企业' }] });
    const none = await h.request('POST', '/api/v1/users', { cookie: office.cookie, body: body({ orgId: null }) });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details).toEqual([{ field: 'orgId', message: '所属单位：该角色必须指定' }]);
    const deptRole = await h.request('POST', '/api/v1/users', { cookie: office.cookie, body: body({ role: 'department', orgId: company.id }) });
    expect(deptRole.json().error.details).toEqual([{ field: 'orgId', message: '所属单位：必须是部门' }]);
    const other = (await f.county('外县')).county;
    const foreignCompany = await f.org('company', other);
    const foreign = await h.request('POST', '/api/v1/users', { cookie: office.cookie, body: body({ orgId: foreignCompany.id }) });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details).toEqual([{ field: 'orgId', message: '所属单位：不存在或不在该地区' }]);
    expect(await countUsers()).toBe(before);
  });

  it('refuses a linked person that does not exist or lies outside the region (400, not a database error)', async () => {
    const other = (await f.county('外县')).county;
    const stranger = await f.person(other, '外县人员');
    const before = await countUsers();
    for (const personId of [999_999, stranger.id]) {
      const res = await h.request('POST', '/api/v1/users', { cookie: office.cookie, body: body({ role: 'leader', orgId: null, personId }) });
      expect(res.statusCode, `personId ${personId}`).toBe(400);
      expect(res.json().error.details).toEqual([{ field: 'personId', message: '对应人员：不存在或不在该地区' }]);
    }
    expect(await countUsers()).toBe(before);
    const leader = await f.person(region, '县级领导甲');
    const ok = await h.request('POST', '/api/v1/users', { cookie: office.cookie, body: body({ role: 'leader', orgId: null, personId: leader.id }) });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().personId).toBe(leader.id);
    const u = await f.user('viewer', region);
    const patch = await h.request('PATCH', `/api/v1/users/${u.id}`, { cookie: office.cookie, body: { version: 1, personId: stranger.id } });
    expect(patch.statusCode).toBe(400);
    expect((await userRow(u.id)).personId).toBeNull();
  });

  it('makes a new user change the initial password before anything else', async () => {
    const created = (await h.request('POST', '/api/v1/users', { cookie: office.cookie, body: body() })).json();
    const res = await login(created.username, INITIAL);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: created.username, mustChangePassword: true });
    const cookie = cookieOf(res);
    for (const url of ['/api/v1/projects', '/api/v1/orgs', '/api/v1/regions']) {
      const blocked = await h.request('GET', url, { cookie });
      expect(blocked.statusCode, url).toBe(403);
      expect(blocked.json().error.code).toBe('password_change_required');
    }
    expect((await h.request('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(200);
    const changed = await h.request('POST', '/api/v1/auth/password', { cookie, body: { currentPassword: INITIAL, newPassword: 'Chosen#ByUser2026' } });
    expect(changed.statusCode).toBe(200);
    expect((await h.request('GET', '/api/v1/projects', { cookie })).statusCode).toBe(200);
    expect((await userRow(created.id)).mustChangePassword).toBe(0);
  });

  it('does not let the office grant an administrator role; the security administrator may', async () => {
    const before = await countUsers();
    for (const role of ['sysadmin', 'secadmin', 'auditor']) {
      const { result: res, rows } = await f.audited(() => h.request('POST', '/api/v1/users', { cookie: office.cookie, body: body({ role, orgId: null }) }));
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'forbidden', message: '您无权授予该角色' });
      expect(rows.map((r) => r.result)).toEqual(['failure']); // the refusal itself, nothing else
    }
    expect(await countUsers()).toBe(before);
    const viewer = await f.user('viewer', region);
    const promote = await h.request('PATCH', `/api/v1/users/${viewer.id}`, { cookie: office.cookie, body: { version: 1, role: 'auditor' } });
    expect(promote.statusCode).toBe(403);
    expect((await userRow(viewer.id)).role).toBe('viewer');

    const secadmin = await f.session('secadmin', region);
    for (const role of ['sysadmin', 'auditor']) {
      const res = await h.request('POST', '/api/v1/users', { cookie: secadmin.cookie, body: body({ role, orgId: null }) });
      expect(res.statusCode, role).toBe(201);
      expect((await userRow(res.json().id)).role).toBe(role);
    }
    // 三员 stay apart: no administrator deals with an account of its own role, and the system
    // administrator cannot reach the auditor's account (to reset its password and read the log).
    expect((await h.request('POST', '/api/v1/users', { cookie: secadmin.cookie, body: body({ role: 'secadmin', orgId: null }) })).statusCode).toBe(403);
    const sysadmin = await f.session('sysadmin', region);
    const auditor = await f.user('auditor', region);
    expect((await h.request('POST', `/api/v1/users/${auditor.id}/reset-password`, { cookie: sysadmin.cookie })).statusCode).toBe(403);
    expect((await h.request('POST', '/api/v1/users', { cookie: sysadmin.cookie, body: body({ role: 'auditor', orgId: null }) })).statusCode).toBe(403);
    const admin = await f.user('sysadmin', region);
    const touch = await h.request('PATCH', `/api/v1/users/${admin.id}`, { cookie: office.cookie, body: { version: 1, displayName: '改管理员' } });
    expect(touch.statusCode).toBe(403);
    const reset = await h.request('POST', `/api/v1/users/${admin.id}/reset-password`, { cookie: office.cookie });
    expect(reset.statusCode).toBe(403);
  });

  it('refuses a weak initial password with the reasons', async () => {
    const before = await countUsers();
    const weak = await h.request('POST', '/api/v1/users', { cookie: office.cookie, body: body({ password: 'abc' }) });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('password_rejected');
    expect(weak.json().error.details.reasons).toEqual(expect.arrayContaining(['密码至少 8 位', '密码需包含大写字母、小写字母、数字、符号中的至少 3 类']));
    const common = await h.request('POST', '/api/v1/users', { cookie: office.cookie, body: body({ password: 'Password1' }) });
    expect(common.statusCode).toBe(422);
    expect(common.json().error.details.reasons).toContain('密码过于常见，容易被猜中');
    const named = await h.request('POST', '/api/v1/users', { cookie: office.cookie, body: body({ username: 'liming', password: 'LiMing#2026x' }) });
    expect(named.statusCode).toBe(422);
    expect(named.json().error.details.reasons).toEqual(['密码不能包含用户名']);
    expect(await countUsers()).toBe(before);
  });

  it('refuses a username already taken, whatever its case', async () => {
    const first = await h.request('POST', '/api/v1/users', { cookie: office.cookie, body: body({ username: 'wang.fang' }) });
    expect(first.statusCode).toBe(201);
    const before = await countUsers();
    for (const username of ['wang.fang', 'Wang.Fang', '  WANG.FANG ']) {
      const res = await h.request('POST', '/api/v1/users', { cookie: office.cookie, body: body({ username }) });
      expect(res.statusCode, username).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'conflict', details: [{ field: 'username', message: '用户名：已被使用' }] });
    }
    expect(await countUsers()).toBe(before);
  });

  it('hides users of another region as not found, and refuses to create one there', async () => {
    const other = (await f.county('外县')).county;
    const stranger = await f.user('viewer', other);
    for (const [method, url, payload] of [
      ['GET', `/api/v1/users/${stranger.id}`, undefined],
      ['PATCH', `/api/v1/users/${stranger.id}`, { version: 1, displayName: '越权' }],
      ['POST', `/api/v1/users/${stranger.id}/reset-password`, undefined],
    ] as const) {
      const res = await h.request(method, url, { cookie: office.cookie, body: payload });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'not_found', message: '用户不存在或无权查看' });
    }
    const list = (await h.request('GET', '/api/v1/users?pageSize=1000', { cookie: office.cookie })).json();
    expect(list.items.map((u: { id: number }) => u.id)).not.toContain(stranger.id);
    expect(list.items.every((u: { regionCode: string }) => u.regionCode === region)).toBe(true);
    const create = await h.request('POST', '/api/v1/users', { cookie: office.cookie, body: body({ role: 'viewer', orgId: null, regionCode: other }) });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.details).toEqual([{ field: 'regionCode', message: '所属地区：不在管辖范围内' }]);
    const row = await userRow(stranger.id);
    expect(row).toMatchObject({ displayName: 'viewer用户', version: 1 });
    expect(await verifyPassword(PASSWORD, row.passwordHash)).toBe(true);
  });

  it('ends the user\'s sessions on a role change and audits it as a permission change', async () => {
    const u = await f.session('reporter', region, { orgId: company.id });
    expect((await h.request('GET', '/api/v1/projects', { cookie: u.cookie })).statusCode).toBe(200);
    const { result: res, rows } = await f.audited(() =>
      h.request('PATCH', `/api/v1/users/${u.id}`, { cookie: office.cookie, body: { version: 1, role: 'viewer', orgId: null } }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'viewer', orgId: null, version: 2 });
    expect(await userRow(u.id)).toMatchObject({ role: 'viewer', orgId: null, version: 2 });
    expect(await sessionsOf(u.id)).toBe(0);
    const after = await h.request('GET', '/api/v1/projects', { cookie: u.cookie });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'change_permission', objectType: 'user', objectId: String(u.id), userId: office.id });
    expect(JSON.parse(rows[0]!.before!)).toEqual({ role: 'reporter', orgId: company.id });
    expect(JSON.parse(rows[0]!.after!)).toEqual({ role: 'viewer', orgId: null });
    const relogin = await f.login(u.username);
    expect((await h.request('GET', '/api/v1/auth/me', { cookie: relogin })).json().user.role).toBe('viewer');
  });

  it('keeps the sessions on a plain edit, audited as an update', async () => {
    const u = await f.session('viewer', region);
    const { result: res, rows } = await f.audited(() => h.request('PATCH', `/api/v1/users/${u.id}`, { cookie: office.cookie, body: { version: 1, displayName: '李只读' } }));
    expect(res.statusCode).toBe(200);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'update', objectType: 'user', objectId: String(u.id) });
    expect((await h.request('GET', '/api/v1/auth/me', { cookie: u.cookie })).json().user.displayName).toBe('李只读');
  });

  it('answers a stale edit with 409 and the current record', async () => {
    const u = await f.user('viewer', region);
    expect((await h.request('PATCH', `/api/v1/users/${u.id}`, { cookie: office.cookie, body: { version: 1, displayName: '第一次' } })).statusCode).toBe(200);
    const stale = await f.audited(() => h.request('PATCH', `/api/v1/users/${u.id}`, { cookie: office.cookie, body: { version: 1, displayName: '被覆盖？' } }));
    expect(stale.result.statusCode).toBe(409);
    expect(stale.result.json().error).toMatchObject({ code: 'version_conflict', details: { current: { id: u.id, displayName: '第一次', version: 2 } } });
    expect(stale.rows.map((r) => r.result)).toEqual(['failure']); // the refusal itself, nothing else
    expect(await userRow(u.id)).toMatchObject({ displayName: '第一次', version: 2 });
  });

  it('does not let a manager change their own role or disable themselves', async () => {
    const me = await f.session('office', region);
    for (const change of [{ role: 'viewer' }, { disabled: true }]) {
      const res = await h.request('PATCH', `/api/v1/users/${me.id}`, { cookie: me.cookie, body: { version: 1, ...change } });
      expect(res.statusCode).toBe(403);
    }
    expect(await userRow(me.id)).toMatchObject({ role: 'office', disabled: 0, version: 1 });
  });

  it('disables a user: their sessions end and they can no longer log in', async () => {
    const u = await f.session('viewer', region);
    const { result: res, rows } = await f.audited(() => h.request('PATCH', `/api/v1/users/${u.id}`, { cookie: office.cookie, body: { version: 1, disabled: true } }));
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect(rows.map((r) => r.action)).toEqual(['change_permission']);
    expect((await h.request('GET', '/api/v1/auth/me', { cookie: u.cookie })).statusCode).toBe(401);
    const again = await login(u.username, PASSWORD);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.message).toBe('该账户已停用，请联系管理员');
  });

  it('resets a password to a one-time password that works once and must be changed', async () => {
    const u = await f.session('reporter', region, { orgId: company.id });
    const { result: res, rows } = await f.audited(() => h.request('POST', `/api/v1/users/${u.id}/reset-password`, { cookie: office.cookie }));
    expect(res.statusCode).toBe(200);
    const { password } = res.json();
    expect(password).toMatch(/^[A-Za-z0-9!@#%*_+-]{16}$/);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'reset_password', objectType: 'user', objectId: String(u.id), userId: office.id });
    expect(JSON.stringify(rows[0])).not.toContain(password);

    expect((await h.request('GET', '/api/v1/auth/me', { cookie: u.cookie })).statusCode).toBe(401);
    expect((await login(u.username, PASSWORD)).statusCode).toBe(401);
    const fresh = await login(u.username, password);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().user.mustChangePassword).toBe(true);
    const cookie = cookieOf(fresh);
    expect((await h.request('GET', '/api/v1/projects', { cookie })).json().error.code).toBe('password_change_required');
    const reuse = await h.request('POST', '/api/v1/auth/password', { cookie, body: { currentPassword: password, newPassword: password } });
    expect(reuse.statusCode).toBe(422);
    const changed = await h.request('POST', '/api/v1/auth/password', { cookie, body: { currentPassword: password, newPassword: 'Mine#Again2026' } });
    expect(changed.statusCode).toBe(200);
    expect((await h.request('GET', '/api/v1/projects', { cookie })).statusCode).toBe(200);
    expect((await login(u.username, password)).statusCode).toBe(401);
  });
});
