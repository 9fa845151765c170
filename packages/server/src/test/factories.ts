import type { Role } from '@tuijin/core';
import { makeUscc, rng } from '../demo/generate';
import { writeAudit } from '../lib/audit';
import { nowIso } from '../lib/records';
import { systemUser } from '../lib/system-user';
import { createOrg } from '../features/orgs/service';
import { createPerson } from '../features/people/service';
import { createProject } from '../features/projects/service';
import { insertUser } from '../features/users/service';
import type { ProjectCreate } from '@tuijin/core';
import type { Harness } from './harness';

// Factories build each test's own region, organisations, users and projects. Every county
// gets a fresh province prefix, so two counties in one test never see each other.

export const PASSWORD = 'Tuijin#2026pass';
let provinceCounter = 10;

export function factories(h: Harness) {
  const r = rng(provinceCounter * 7919);

  async function county(name = '测试县') {
    provinceCounter += 1;
    const p = String(provinceCounter).padStart(2, '0');
    const at = nowIso(h.ctx);
    const codes = { province: `${p}0000`, city: `${p}0100`, county: `${p}0102` };
    await h.ctx.db.insertInto('region').values({ code: '100000', name: '全国', level: 'country', parentCode: null, createdAt: at, updatedAt: at }).onConflict((oc) => oc.column('code').doNothing()).execute();
    await h.ctx.db.insertInto('region').values([
      { code: codes.province, name: `${p}省`, level: 'province', parentCode: '100000', createdAt: at, updatedAt: at },
      { code: codes.city, name: `${p}市`, level: 'city', parentCode: codes.province, createdAt: at, updatedAt: at },
      { code: codes.county, name, level: 'county', parentCode: codes.city, createdAt: at, updatedAt: at },
    ]).execute();
    return codes;
  }

  async function user(role: Role, regionCode: string, options: { orgId?: number | null; mustChangePassword?: boolean; username?: string } = {}) {
    const username = options.username ?? `${role}_${Math.random().toString(36).slice(2, 10)}`;
    const id = await h.ctx.db.transaction().execute((tx) =>
      insertUser(h.ctx, tx, { username, displayName: `${role}用户`, role, regionCode, orgId: options.orgId ?? null, password: PASSWORD }, {
        mustChangePassword: options.mustChangePassword ?? false,
        audit: (rec) => writeAudit(tx, { userId: null, username: 'test', role: null, ip: null }, h.clock.now(), rec),
      }),
    );
    return { id, username, password: PASSWORD };
  }

  async function login(username: string, password = PASSWORD): Promise<string> {
    const res = await h.request('POST', '/api/v1/auth/login', { body: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode} ${res.body}`);
    const setCookie = String(res.headers['set-cookie']);
    return setCookie.split(';')[0]!;
  }

  /** A logged-in user of a role in a county: { cookie, id, username }. */
  async function session(role: Role, regionCode: string, options: { orgId?: number | null } = {}) {
    const u = await user(role, regionCode, options);
    return { ...u, cookie: await login(u.username) };
  }

  const org = (kind: 'department' | 'company' | 'bank' | 'township', regionCode: string, name = `${kind}-${Math.random().toString(36).slice(2, 8)}`) =>
    createOrg(h.ctx, systemUser('office', regionCode), { kind, name, regionCode, ...(kind === 'company' ? { uscc: makeUscc(r, regionCode) } : {}) });

  const person = (regionCode: string, name = '张三') => createPerson(h.ctx, systemUser('office', regionCode), { name, regionCode, phone: '13800138000' });

  const project = (regionCode: string, fields: Partial<ProjectCreate> = {}) =>
    createProject(h.ctx, systemUser('office', regionCode), {
      name: `项目${Math.random().toString(36).slice(2, 8)}`, regionCode, category: 'industrial', industry: 'equipment',
      nature: 'new', stage: 'signed', totalInvestment: 150_000_000, ...fields,
    } as ProjectCreate);

  /** Runs a request (or any work) and returns it with the audit rows it appended, oldest first. */
  async function audited<T>(work: () => Promise<T>) {
    const last = await h.ctx.db.selectFrom('auditEvent').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    const result = await work();
    const rows = await h.ctx.db.selectFrom('auditEvent').selectAll().where('id', '>', Number(last?.id ?? 0)).orderBy('id').execute();
    return { result, rows };
  }

  return { county, user, login, session, org, person, project, audited };
}
