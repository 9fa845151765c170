import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstAdmin } from './bootstrap';
import { DIALECTS, startHarness, type Harness } from './test/harness';

describe.each(DIALECTS)('first start on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(() => h.close());

  it('creates the administrator once, with a one-time password that must be changed', async () => {
    const accounts = await createFirstAdmin(h.ctx);
    expect(accounts?.map((a) => [a.username, a.role])).toEqual([['admin', 'sysadmin'], ['secadmin', 'secadmin'], ['auditor', 'auditor']]);
    const first = accounts![0]!;
    expect(first.password).toMatch(/^.{16}$/);
    expect(await createFirstAdmin(h.ctx)).toBeNull();
    const login = await h.request('POST', '/api/v1/auth/login', { body: { username: 'admin', password: first.password } });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ role: 'sysadmin', regionCode: '100000', mustChangePassword: true });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect((await h.request('GET', '/api/v1/regions', { cookie })).json().error.code).toBe('password_change_required');
    const changed = await h.request('POST', '/api/v1/auth/password', { cookie, body: { currentPassword: first.password, newPassword: 'Secure#Own2026Key' } });
    expect(changed.statusCode).toBe(200);
    const regions = await h.request('GET', '/api/v1/regions', { cookie });
    expect(regions.json().items).toEqual([expect.objectContaining({ code: '100000', name: '全国', level: 'country' })]);
  });
});
