import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app';
import { openDatabase, type Database } from '../../db/kysely';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories, PASSWORD } from '../../test/factories';

// Two app processes on one database (SECURITY.md row 2, reliability 8): lockout counters
// and sessions live in the database, so both processes see the same ones.
describe.each(DIALECTS)('two processes on one %s database', (dialect) => {
  let h: Harness;
  let f: ReturnType<typeof factories>;
  let second: { app: FastifyInstance; database: Database };
  let region: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    f = factories(h);
    region = (await f.county()).county;
    const database = openDatabase({ url: h.ctx.config.databaseUrl, sqliteFile: h.ctx.config.sqliteFile, poolSize: 2 });
    const { app } = await buildApp({ config: h.ctx.config, database, clock: h.clock, scryptCost: h.ctx.scryptCost });
    second = { app, database };
  });
  afterAll(async () => {
    await second.app.close();
    await second.database.close();
    await h.close();
  });

  const loginOn = (app: FastifyInstance, username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json', 'x-requested-with': 'tuijin' }, payload: JSON.stringify({ username, password }) });

  it('locks an account whose failures are spread over both processes', async () => {
    const u = await f.user('office', region);
    for (let i = 0; i < 5; i++) {
      const res = await loginOn(i % 2 ? second.app : h.app, u.username, 'Wrong#password1');
      expect(res.statusCode).toBe(401);
    }
    expect((await loginOn(h.app, u.username, PASSWORD)).statusCode).toBe(423);
    expect((await loginOn(second.app, u.username, PASSWORD)).statusCode).toBe(423);
  });

  it('honours a session opened on one process on the other, and a logout on both', async () => {
    const u = await f.user('viewer', region);
    const login = await loginOn(h.app, u.username, PASSWORD);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const me = await second.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json().user.username).toBe(u.username);
    await second.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-requested-with': 'tuijin' } });
    expect((await h.request('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(401);
  });

  it('sees the other process\'s write at once despite its read cache', async () => {
    const office = await f.session('office', region);
    const list = () => second.app.inject({ method: 'GET', url: '/api/v1/projects', headers: { cookie: office.cookie } });
    const before = (await list()).json().total;
    await h.request('POST', '/api/v1/projects', { cookie: office.cookie, body: { name: '跨进程可见的项目', regionCode: region, category: 'services', industry: 'logistics', nature: 'new', totalInvestment: 1 } });
    expect((await list()).json().total).toBe(before + 1);
  });
});
