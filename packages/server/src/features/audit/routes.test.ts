import type { Role } from '@tuijin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainHash } from '../../lib/audit';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories } from '../../test/factories';

const ROLES: Role[] = ['office', 'leader', 'department', 'reporter', 'inspector', 'viewer', 'sysadmin', 'secadmin', 'auditor'];
const ENDPOINTS = ['/api/v1/audit', '/api/v1/audit?page=1&pageSize=5', '/api/v1/audit?action=login', '/api/v1/audit/verify'];

describe.each(DIALECTS)('audit on %s', (dialect) => {
  let h: Harness;
  let f: ReturnType<typeof factories>;
  let region: string;
  let sessions: Record<Role, { cookie: string; id: number; username: string }>;
  let auditor: { cookie: string; id: number; username: string };
  let office: { cookie: string; id: number; username: string };

  beforeAll(async () => {
    h = await startHarness(dialect);
    f = factories(h);
    region = (await f.county()).county;
    const dept = await f.org('department', region);
    const company = await f.org('company', region);
    sessions = {} as typeof sessions;
    for (const role of ROLES) {
      sessions[role] = await f.session(role, region, role === 'department' ? { orgId: dept.id } : role === 'reporter' ? { orgId: company.id } : {});
    }
    auditor = sessions.auditor;
    office = sessions.office;
  });
  afterAll(() => h.close());

  const auditRows = () => h.ctx.db.selectFrom('auditEvent').selectAll().orderBy('id').execute();
  const verify = async () => {
    const res = await h.request('GET', '/api/v1/audit/verify', { cookie: auditor.cookie });
    expect(res.statusCode).toBe(200);
    return res.json() as { ok: boolean; checked: number; brokenAt: number | null };
  };

  it('refuses anyone not logged in', async () => {
    for (const url of ENDPOINTS) {
      const res = await h.request('GET', url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('lets only the auditor read the trail: role × endpoint', async () => {
    const matrix: Record<string, number[]> = {};
    for (const role of ROLES) {
      matrix[role] = [];
      for (const url of ENDPOINTS) {
        const res = await h.request('GET', url, { cookie: sessions[role].cookie });
        matrix[role].push(res.statusCode);
        if (res.statusCode === 403) expect(res.json().error.code).toBe('forbidden');
      }
    }
    expect(matrix).toEqual({
      office: [403, 403, 403, 403],
      leader: [403, 403, 403, 403],
      department: [403, 403, 403, 403],
      reporter: [403, 403, 403, 403],
      inspector: [403, 403, 403, 403],
      viewer: [403, 403, 403, 403],
      sysadmin: [403, 403, 403, 403],
      secadmin: [403, 403, 403, 403],
      auditor: [200, 200, 200, 200],
    });
  });

  it('offers nobody a way to edit or delete the trail', async () => {
    const before = await auditRows();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const url of ['/api/v1/audit', `/api/v1/audit/${before[0]!.id}`]) {
        const res = await h.request(method, url, { cookie: auditor.cookie, body: method === 'DELETE' ? undefined : { after: 'x' } });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
    }
    expect(await auditRows()).toEqual(before);
  });

  it('lists the newest first with complete records, filtered and paged', async () => {
    const rows = await auditRows();
    const all = (await h.request('GET', '/api/v1/audit?pageSize=500', { cookie: auditor.cookie })).json();
    expect(all.total).toBe(rows.length);
    expect(all.items.map((r: { id: number }) => Number(r.id))).toEqual(rows.map((r) => r.id).reverse());

    const logins = (await h.request('GET', `/api/v1/audit?action=login&username=${office.username}`, { cookie: auditor.cookie })).json();
    expect(logins.total).toBe(1);
    expect(logins.items[0]).toMatchObject({ action: 'login', objectType: 'session', username: office.username, userId: office.id, role: 'office', result: 'success', at: h.clock.now().toISOString() });
    expect(logins.items[0].ip).toBeTruthy();

    const page2 = (await h.request('GET', '/api/v1/audit?page=2&pageSize=3', { cookie: auditor.cookie })).json();
    expect(page2.items.map((r: { id: number }) => Number(r.id))).toEqual(rows.map((r) => r.id).reverse().slice(3, 6));

    const bad = await h.request('GET', '/api/v1/audit?pageSize=501&sort=id', { cookie: auditor.cookie });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['', 'pageSize']);
  });

  it('verifies the hash chain after a series of writes', async () => {
    const org = (await h.request('POST', '/api/v1/orgs', { cookie: office.cookie, body: { kind: 'bank', name: '县农业银行', regionCode: region } })).json();
    await h.request('PATCH', `/api/v1/orgs/${org.id}`, { cookie: office.cookie, body: { version: 1, address: '新湖大道 1 号' } });
    const person = (await h.request('POST', '/api/v1/people', { cookie: office.cookie, body: { name: '审计测试', regionCode: region, phone: '13712345678' } })).json();
    await h.request('DELETE', `/api/v1/people/${person.id}?version=1`, { cookie: office.cookie });
    await h.request('POST', '/api/v1/projects', {
      cookie: office.cookie, body: { name: '审计链测试项目', regionCode: region, category: 'industrial', industry: 'equipment', nature: 'new', totalInvestment: 1 },
    });
    await f.login(office.username);
    const rows = await auditRows();
    expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1));
    expect(await verify()).toEqual({ ok: true, checked: rows.length, brokenAt: null });
  });

  it('detects a row whose content was edited in the database, and recovers when it is restored', async () => {
    const rows = await auditRows();
    const target = rows.find((r) => r.action === 'update' && r.objectType === 'org')!;
    expect(target).toBeDefined();
    await h.ctx.db.updateTable('auditEvent').set({ after: '{"address":"篡改后的地址"}' }).where('id', '=', target.id).execute();
    expect(await verify()).toEqual({ ok: false, checked: target.id - 1, brokenAt: target.id });

    await h.ctx.db.updateTable('auditEvent').set({ after: target.after }).where('id', '=', target.id).execute();
    expect(await verify()).toEqual({ ok: true, checked: rows.length, brokenAt: null });
  });

  it('detects an edit whose own hash was recomputed, at the next row', async () => {
    const rows = await auditRows();
    const target = rows.find((r) => r.action === 'create' && r.objectType === 'person')!;
    const { prevHash, hash, ...content } = target;
    const forged = { ...content, after: '{"name":"另一个人"}' };
    await h.ctx.db.updateTable('auditEvent').set({ after: forged.after, hash: chainHash(prevHash, forged) }).where('id', '=', target.id).execute();
    expect(await verify()).toEqual({ ok: false, checked: target.id, brokenAt: target.id + 1 });
    await h.ctx.db.updateTable('auditEvent').set({ after: target.after, hash }).where('id', '=', target.id).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('detects a deleted row in the middle and a deleted last row', async () => {
    const rows = await auditRows();
    const middle = rows[Math.floor(rows.length / 2)]!;
    await h.ctx.db.deleteFrom('auditEvent').where('id', '=', middle.id).execute();
    expect(await verify()).toEqual({ ok: false, checked: middle.id - 1, brokenAt: middle.id });
    await h.ctx.db.insertInto('auditEvent').values(middle).execute();
    expect(await verify()).toEqual({ ok: true, checked: rows.length, brokenAt: null });

    const last = rows[rows.length - 1]!;
    await h.ctx.db.deleteFrom('auditEvent').where('id', '=', last.id).execute();
    expect(await verify()).toEqual({ ok: false, checked: rows.length - 1, brokenAt: last.id });
  });
});
