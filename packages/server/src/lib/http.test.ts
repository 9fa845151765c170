import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../test/harness';
import { factories, PASSWORD } from '../test/factories';

// The HTTP edge (lib/http.ts): error mapping, what counts as a body, the CSRF guard and the
// security headers — SECURITY.md rows 9–11.

describe.each(DIALECTS)('the HTTP edge on %s', (dialect) => {
  let h: Harness;
  let f: ReturnType<typeof factories>;
  let region: string;
  let office: { cookie: string; id: number; username: string };

  beforeAll(async () => {
    h = await startHarness(dialect);
    f = factories(h);
    region = (await f.county()).county;
    office = await f.session('office', region);
  });
  afterAll(() => h.close());

  /** A request with a raw payload and exactly the headers given (plus the CSRF header unless told otherwise). */
  const raw = (method: string, url: string, options: { payload?: string | Buffer; headers?: Record<string, string>; csrf?: boolean } = {}) =>
    h.app.inject({
      method: method as 'POST',
      url,
      headers: { ...(options.csrf === false ? {} : { 'x-requested-with': 'tuijin' }), ...options.headers },
      ...(options.payload !== undefined ? { payload: options.payload } : {}),
    });
  const countOrgs = async () => Number((await h.ctx.db.selectFrom('org').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const NOT_FOUND = { error: { code: 'not_found', message: '接口不存在', details: null } };

  it('answers an unknown API route with a JSON 404', async () => {
    for (const [method, url, cookie] of [
      ['GET', '/api/v1/nope', undefined],
      ['GET', '/api/v1/nope', office.cookie],
      ['GET', '/api/v2/projects', office.cookie],
      ['POST', '/api/v1/projects/1/explode', office.cookie],
      ['DELETE', '/api/v1/regions/110000', office.cookie],
      ['OPTIONS', '/api/v1/orgs', undefined],
    ] as const) {
      const res = await h.request(method, url, { cookie });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual(NOT_FOUND);
    }
  });

  it('takes bodies as JSON only: any other content type is 415', async () => {
    const login = JSON.stringify({ username: office.username, password: PASSWORD });
    for (const type of ['text/plain', 'multipart/form-data; boundary=----x', 'application/x-www-form-urlencoded', 'application/xml', 'application/json-patch+json']) {
      const res = await raw('POST', '/api/v1/auth/login', { payload: type.startsWith('multipart') ? `------x\r\nContent-Disposition: form-data; name="username"\r\n\r\n${office.username}\r\n------x--\r\n` : login, headers: { 'content-type': type } });
      expect(res.statusCode, type).toBe(415);
      expect(res.json()).toEqual({ error: { code: 'unsupported_media_type', message: '不支持的内容类型，请以 JSON 提交', details: null } });
    }
    const missing = await raw('POST', '/api/v1/auth/login', { payload: login });
    expect(missing.statusCode).toBe(415);
    const charset = await raw('POST', '/api/v1/auth/login', { payload: login, headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(charset.statusCode).toBe(200);
  });

  it('answers JSON that does not parse with 400', async () => {
    for (const payload of ['{"username":', '{username: "a"}', "{'a':1}", '[1,2,]', 'undefined', '\u0000', '{"a":1}{"b":2}']) {
      const res = await raw('POST', '/api/v1/auth/login', { payload, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json()).toEqual({ error: { code: 'bad_request', message: '请求内容不是有效的 JSON', details: null } });
    }
    const deep = await raw('POST', '/api/v1/orgs', { payload: '['.repeat(100_000) + ']'.repeat(100_000), headers: { 'content-type': 'application/json', cookie: office.cookie } });
    expect(deep.statusCode).toBe(400);
    const deepObject = await raw('POST', '/api/v1/orgs', { payload: '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000), headers: { 'content-type': 'application/json', cookie: office.cookie } });
    expect(deepObject.statusCode).toBe(400);
    expect(deepObject.json().error.code).toMatch(/^(bad_request|validation_failed)$/);
  });

  it('refuses a body over the limit with 413, before reading it into a handler', async () => {
    const before = await countOrgs();
    const payload = JSON.stringify({ kind: 'bank', name: '大', regionCode: region, address: 'x'.repeat(2 * 1024 * 1024) });
    const res = await raw('POST', '/api/v1/orgs', { payload, headers: { 'content-type': 'application/json', cookie: office.cookie } });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: { code: 'payload_too_large', message: '提交的内容过大', details: null } });
    expect(await countOrgs()).toBe(before);
  });

  it('neither lets a __proto__ or constructor key pollute objects nor answers it with a 500', async () => {
    const payload = `{"kind":"bank","name":"原型链银行","regionCode":"${region}","__proto__":{"polluted":"yes","isAdmin":true},` +
      `"constructor":{"prototype":{"polluted":"yes"}},"address":{"__proto__":{"polluted":"yes"}}}`;
    const res = await raw('POST', '/api/v1/orgs', { payload, headers: { 'content-type': 'application/json', cookie: office.cookie } });
    expect(res.statusCode).toBe(400); // address must be text; the prototype keys themselves are dropped
    expect(res.json().error.details).toEqual([{ field: 'address', message: '地址：必须是文字' }]);
    const clean = `{"kind":"bank","name":"原型链银行","regionCode":"${region}","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}`;
    const created = await raw('POST', '/api/v1/orgs', { payload: clean, headers: { 'content-type': 'application/json', cookie: office.cookie } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('polluted');
    const row = await h.ctx.db.selectFrom('org').selectAll().where('id', '=', created.json().id).executeTakeFirstOrThrow();
    expect(row.name).toBe('原型链银行');
    const query = await h.request('GET', '/api/v1/orgs?__proto__=x&constructor=y&__proto__%5Bpolluted%5D=yes', { cookie: office.cookie });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.code).toBe('validation_failed');
    const login = await raw('POST', '/api/v1/auth/login', { payload: `{"__proto__":{"username":"${office.username}","password":"${PASSWORD}"}}`, headers: { 'content-type': 'application/json' } });
    expect(login.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses U+0000 in any text with 400 naming the field, on both dialects (PostgreSQL cannot store it)', async () => {
    const before = await countOrgs();
    const org = await h.request('POST', '/api/v1/orgs', { cookie: office.cookie, body: { kind: 'bank', name: '空\u0000字符银行', regionCode: region } });
    expect(org.statusCode).toBe(400);
    expect(org.json().error).toEqual({ code: 'validation_failed', message: '单位名称：不能包含空字符（U+0000）', details: [{ field: 'name', message: '单位名称：不能包含空字符（U+0000）' }] });
    expect(await countOrgs()).toBe(before);
    const search = await h.request('GET', '/api/v1/orgs?q=%00', { cookie: office.cookie });
    expect(search.statusCode).toBe(400);
    expect(search.json().error.details).toEqual([{ field: 'q', message: '搜索内容：不能包含空字符（U+0000）' }]);
    const login = await h.request('POST', '/api/v1/auth/login', { body: { username: `${office.username}\u0000`, password: PASSWORD } });
    expect(login.statusCode).toBe(400);
    const nested = await h.request('POST', '/api/v1/projects', { cookie: office.cookie, body: { name: '项目', tags: ['ok', 'x\u0000'] } });
    expect(nested.json().error.details).toEqual([{ field: 'tags.1', message: '标签第 2 项：不能包含空字符（U+0000）' }]);
  });

  it('refuses ids and versions beyond 32 bits with 400 rather than a database error', async () => {
    const org = await f.org('bank', region);
    for (const [method, url, body, field] of [
      ['GET', '/api/v1/people?orgId=3000000000', undefined, 'orgId'],
      ['GET', '/api/v1/projects?ownerOrgId=2147483648', undefined, 'ownerOrgId'],
      ['GET', '/api/v1/orgs/2147483648', undefined, 'id'],
      ['PATCH', `/api/v1/orgs/${org.id}`, { version: 3_000_000_000, name: '溢出' }, 'version'],
      ['DELETE', `/api/v1/orgs/${org.id}?version=3000000000`, undefined, 'version'],
      ['POST', '/api/v1/people', { name: '溢出', regionCode: region, orgId: 2 ** 31 }, 'orgId'],
    ] as const) {
      const res = await h.request(method, url, { cookie: office.cookie, body });
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field), `${method} ${url}`).toEqual([field]);
    }
    expect(await h.ctx.db.selectFrom('org').select(['name', 'version', 'deletedAt']).where('id', '=', org.id).executeTakeFirstOrThrow()).toEqual({ name: org.name, version: 1, deletedAt: null });
    const largest = await h.request('GET', '/api/v1/orgs/2147483647', { cookie: office.cookie });
    expect(largest.statusCode).toBe(404);
  });

  it('answers a path with malformed percent-encoding in the same JSON error shape', async () => {
    for (const url of ['/api/v1/orgs/%FF', '/api/v1/orgs/%ED%A0%80', '/api/v1/projects/1/history%E0%A4%A']) {
      const res = await h.request('GET', url, { cookie: office.cookie });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toEqual({ error: { code: 'bad_request', message: '请求地址不正确', details: null } });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('refuses a state change from a foreign origin with 403 csrf_rejected, and does nothing', async () => {
    const before = await countOrgs();
    const body = JSON.stringify({ kind: 'bank', name: '跨站银行', regionCode: region });
    for (const origin of ['https://evil.example', 'null', 'https://tuijin.example.gov.evil.cn', 'http://tuijin.example.gov:8080', 'not a url']) {
      const res = await raw('POST', '/api/v1/orgs', { payload: body, headers: { host: 'tuijin.example.gov', origin, 'content-type': 'application/json', cookie: office.cookie } });
      expect(res.statusCode, origin).toBe(403);
      expect(res.json()).toEqual({ error: { code: 'csrf_rejected', message: '请求来源不被允许', details: null } });
    }
    const logout = await raw('POST', '/api/v1/auth/logout', { headers: { host: 'tuijin.example.gov', origin: 'https://evil.example', cookie: office.cookie } });
    expect(logout.statusCode).toBe(403);
    expect(await countOrgs()).toBe(before);
    expect((await h.request('GET', '/api/v1/auth/me', { cookie: office.cookie })).statusCode).toBe(200);
    const same = await raw('POST', '/api/v1/orgs', { payload: body, headers: { host: 'tuijin.example.gov', origin: 'https://tuijin.example.gov', 'content-type': 'application/json', cookie: office.cookie } });
    expect(same.statusCode).toBe(201);
  });

  it('refuses a state change without the X-Requested-With: tuijin header', async () => {
    const before = await countOrgs();
    const org = await f.org('bank', region);
    for (const [method, url, payload] of [
      ['POST', '/api/v1/orgs', JSON.stringify({ kind: 'bank', name: '无头银行', regionCode: region })],
      ['PATCH', `/api/v1/orgs/${org.id}`, JSON.stringify({ version: 1, name: '无头改名' })],
      ['DELETE', `/api/v1/orgs/${org.id}?version=1`, undefined],
      ['POST', '/api/v1/auth/login', JSON.stringify({ username: office.username, password: PASSWORD })],
    ] as const) {
      for (const headers of [{}, { 'x-requested-with': 'XMLHttpRequest' }] as Record<string, string>[]) {
        const res = await raw(method, url, { csrf: false, payload, headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}), cookie: office.cookie } });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json()).toEqual({ error: { code: 'csrf_rejected', message: '请求缺少安全校验头', details: null } });
      }
    }
    expect(await countOrgs()).toBe(before + 1);
    expect(await h.ctx.db.selectFrom('org').select(['name', 'version', 'deletedAt']).where('id', '=', org.id).executeTakeFirstOrThrow()).toEqual({ name: org.name, version: 1, deletedAt: null });
    // Reads need no header.
    expect((await raw('GET', '/api/v1/orgs', { csrf: false, headers: { cookie: office.cookie } })).statusCode).toBe(200);
  });

  it('sends the security headers on every answer', async () => {
    const headersOf = (res: { headers: Record<string, unknown> }) =>
      Object.fromEntries(
        ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'cross-origin-opener-policy',
          'permissions-policy', 'cache-control', 'strict-transport-security'].map((k) => [k, res.headers[k]]),
      );
    const health = await h.request('GET', '/api/v1/health');
    expect(headersOf(health)).toMatchInlineSnapshot(`
      {
        "cache-control": "no-store",
        "content-security-policy": "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'self'",
        "cross-origin-opener-policy": "same-origin",
        "permissions-policy": "camera=(self), geolocation=(self), microphone=()",
        "referrer-policy": "same-origin",
        "strict-transport-security": undefined,
        "x-content-type-options": "nosniff",
        "x-frame-options": "SAMEORIGIN",
      }
    `);
    const csp = String(health.headers['content-security-policy']).split(';').map((s) => s.trim());
    expect(csp).toEqual(expect.arrayContaining(["object-src 'none'", "base-uri 'none'", "frame-ancestors 'self'"]));
    expect(csp.find((d) => d.startsWith('script-src'))).not.toMatch(/unsafe-inline|unsafe-eval/);
    for (const res of [
      await h.request('GET', '/api/v1/projects'),
      await h.request('GET', '/api/v1/nope'),
      await h.request('GET', '/api/v1/orgs', { cookie: office.cookie }),
      await raw('POST', '/api/v1/auth/login', { payload: '{', headers: { 'content-type': 'application/json' } }),
    ]) {
      expect(headersOf(res)).toEqual(headersOf(health));
    }
  });

  it('adds HSTS and a __Host- cookie when served over TLS', async () => {
    const tls = await startHarness(dialect, { secureCookies: true });
    try {
      const tf = factories(tls);
      const county = (await tf.county()).county;
      const u = await tf.user('viewer', county);
      const res = await tls.request('POST', '/api/v1/auth/login', { body: { username: u.username, password: PASSWORD } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(String(res.headers['set-cookie'])).toMatch(/^__Host-tuijin_sid=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    } finally {
      await tls.close();
    }
  });

  it('keeps answering after all of that', async () => {
    const res = await h.request('GET', '/api/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: dialect, storage: 'disk' });
    expect((await h.request('GET', '/api/v1/auth/me', { cookie: office.cookie })).json().user.username).toBe(office.username);
  });
});
