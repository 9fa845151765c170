import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories, PASSWORD } from '../../test/factories';

describe.each(DIALECTS)('auth on %s', (dialect) => {
  let h: Harness;
  let f: ReturnType<typeof factories>;
  let region: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    f = factories(h);
    region = (await f.county()).county;
  });
  afterAll(() => h.close());

  it('logs in with a fresh session id each time and reports who is logged in', async () => {
    const u = await f.user('office', region);
    const a = await f.login(u.username);
    const b = await f.login(u.username);
    expect(a).not.toBe(b);
    expect(a.split('=')[1]!.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
    const me = await h.request('GET', '/api/v1/auth/me', { cookie: a });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: u.username, role: 'office', regionCode: region, can: { editLedger: true } });
  });

  it('sets an HttpOnly SameSite=Lax cookie', async () => {
    const u = await f.user('viewer', region);
    const res = await h.request('POST', '/api/v1/auth/login', { body: { username: u.username, password: PASSWORD } });
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Lax/);
  });

  it('answers an unknown user and a wrong password with the same message', async () => {
    const u = await f.user('viewer', region);
    const wrong = await h.request('POST', '/api/v1/auth/login', { body: { username: u.username, password: 'Wrong#password1' } });
    const unknown = await h.request('POST', '/api/v1/auth/login', { body: { username: 'nobody_here', password: 'Wrong#password1' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('locks the account after 5 failures in 15 minutes, and unlocks after 30', async () => {
    const u = await f.user('office', region);
    for (let i = 0; i < 5; i++) {
      const res = await h.request('POST', '/api/v1/auth/login', { body: { username: u.username, password: 'Wrong#password1' } });
      expect(res.statusCode).toBe(401);
    }
    const locked = await h.request('POST', '/api/v1/auth/login', { body: { username: u.username, password: PASSWORD } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toContain('锁定');
    h.clock.advanceMinutes(29);
    expect((await h.request('POST', '/api/v1/auth/login', { body: { username: u.username, password: PASSWORD } })).statusCode).toBe(423);
    h.clock.advanceMinutes(2);
    expect((await h.request('POST', '/api/v1/auth/login', { body: { username: u.username, password: PASSWORD } })).statusCode).toBe(200);
  });

  it('lets a burst of parallel guesses check at most 5 passwords', async () => {
    const u = await f.user('office', region);
    const bodies = [...Array.from({ length: 39 }, () => 'Wrong#password1'), PASSWORD];
    const results = await Promise.all(bodies.map((password) => h.request('POST', '/api/v1/auth/login', { body: { username: u.username, password } })));
    const checked = results.filter((r) => r.statusCode === 401 || r.statusCode === 200);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.statusCode === 423).length).toBeGreaterThanOrEqual(35);
  });

  it('does not lock when the failures are spread beyond the window', async () => {
    const u = await f.user('office', region);
    for (let i = 0; i < 6; i++) {
      await h.request('POST', '/api/v1/auth/login', { body: { username: u.username, password: 'Wrong#password1' } });
      h.clock.advanceMinutes(4);
    }
    // 6 failures over 24 minutes: never 5 inside one 15-minute window that started with a failure.
    const res = await h.request('POST', '/api/v1/auth/login', { body: { username: u.username, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const u = await f.session('office', region);
    h.clock.advanceMinutes(29);
    expect((await h.request('GET', '/api/v1/auth/me', { cookie: u.cookie })).statusCode).toBe(200);
    h.clock.advanceMinutes(31);
    const res = await h.request('GET', '/api/v1/auth/me', { cookie: u.cookie });
    expect(res.statusCode).toBe(401);
  });

  it('ends an admin session idle for more than 15 minutes', async () => {
    const u = await f.session('secadmin', region);
    h.clock.advanceMinutes(16);
    expect((await h.request('GET', '/api/v1/auth/me', { cookie: u.cookie })).statusCode).toBe(401);
  });

  it('ends any session after 12 hours however active', async () => {
    const u = await f.session('office', region);
    for (let i = 0; i < 25; i++) {
      h.clock.advanceMinutes(29);
      const res = await h.request('GET', '/api/v1/auth/me', { cookie: u.cookie });
      if (i < 24) expect(res.statusCode).toBe(200);
      else expect(res.statusCode).toBe(401);
    }
  });

  it('logs out', async () => {
    const u = await f.session('office', region);
    expect((await h.request('POST', '/api/v1/auth/logout', { cookie: u.cookie })).statusCode).toBe(200);
    expect((await h.request('GET', '/api/v1/auth/me', { cookie: u.cookie })).statusCode).toBe(401);
  });

  it('refuses weak, common and reused passwords with the reasons', async () => {
    const u = await f.session('office', region);
    const change = (newPassword: string) => h.request('POST', '/api/v1/auth/password', { cookie: u.cookie, body: { currentPassword: PASSWORD, newPassword } });
    const short = await change('Ab1!');
    expect(short.statusCode).toBe(422);
    expect(short.json().error.details.reasons).toContain('密码至少 8 位');
    const classes = await change('abcdefghijk');
    expect(classes.json().error.message).toContain('至少 3 类');
    const common = await change('password1');
    expect(common.json().error.details.reasons.join()).toMatch(/常见|至少 3 类/);
    const reused = await change(PASSWORD);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.message).toContain('最近 5 次');
    const ok = await change('Another#Good2026');
    expect(ok.statusCode).toBe(200);
  });

  it('requires a password change at day 91 for an admin and day 181 for others', async () => {
    const admin = await f.session('sysadmin', region);
    const office = await f.session('office', region);
    h.clock.advance(91 * 86_400_000);
    const a = await f.login(admin.username);
    const o = await f.login(office.username);
    expect((await h.request('GET', '/api/v1/regions', { cookie: a })).json().error.code).toBe('password_change_required');
    expect((await h.request('GET', '/api/v1/regions', { cookie: o })).statusCode).toBe(200);
    const me = await h.request('GET', '/api/v1/auth/me', { cookie: a });
    expect(me.json().user.passwordExpired).toBe(true);
    const changed = await h.request('POST', '/api/v1/auth/password', { cookie: a, body: { currentPassword: PASSWORD, newPassword: 'Fresh#Admin2026x' } });
    expect(changed.statusCode).toBe(200);
    expect((await h.request('GET', '/api/v1/regions', { cookie: a })).statusCode).toBe(200);
  });

  it('makes a user with an initial password change it before anything else', async () => {
    const u = await f.user('office', region, { mustChangePassword: true });
    const cookie = await f.login(u.username);
    const res = await h.request('GET', '/api/v1/projects', { cookie });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('password_change_required');
  });

  it('audits logins, failures included, with the IP', async () => {
    const u = await f.user('viewer', region);
    await h.request('POST', '/api/v1/auth/login', { body: { username: u.username, password: 'Wrong#password1' } });
    await f.login(u.username);
    const rows = await h.ctx.db.selectFrom('auditEvent').selectAll().where('username', '=', u.username).where('action', '=', 'login').orderBy('id').execute();
    expect(rows.map((r) => r.result)).toEqual(['failure', 'success']);
    expect(rows[1]!.ip).toBeTruthy();
    expect(rows[1]!.at).toBe(h.clock.now().toISOString());
  });
});
