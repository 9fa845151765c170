import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories } from '../../test/factories';

// Region settings: a county follows its city until it saves its own; saving is versioned and
// audited; only the office saves; bad values are named in Chinese.

describe.each(DIALECTS)('region settings on %s', (dialect) => {
  let h: Harness;
  let f: ReturnType<typeof factories>;
  let codes: { province: string; city: string; county: string };
  beforeAll(async () => {
    h = await startHarness(dialect);
    f = factories(h);
    codes = await f.county();
  });
  afterAll(() => h.close());

  const body = { remindAfterDays: 0, superviseAfterDays: 7, interviewAfterDays: 14, defaultDeadlineDays: 30, behindYellow: 10, behindRed: 30, visitDaysPerMonth: 10 };

  it('lets a county follow its city, then keep its own', async () => {
    const city = await f.session('office', codes.city);
    const county = await f.session('office', codes.county);
    expect((await h.request('PUT', '/api/v1/settings/supervision', { cookie: city.cookie, body: { ...body, behindYellow: 15, version: null } })).statusCode).toBe(200);
    const inherited = (await h.request('GET', '/api/v1/settings/supervision', { cookie: county.cookie })).json();
    expect(inherited).toMatchObject({ inherited: true, from: codes.city, version: null, settings: { behindYellow: 15 } });
    const own = await h.request('PUT', '/api/v1/settings/supervision', { cookie: county.cookie, body: { ...body, behindYellow: 12, version: null } });
    expect(own.json()).toMatchObject({ inherited: false, version: 1, settings: { behindYellow: 12 } });
    const stale = await h.request('PUT', '/api/v1/settings/supervision', { cookie: county.cookie, body: { ...body, version: null } });
    expect(stale.statusCode).toBe(409);
    const audit = await h.ctx.db.selectFrom('auditEvent').select(['objectId']).where('objectType', '=', 'setting').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.objectId).toBe(`supervision:${codes.county}`);
  });

  it('refuses other roles and bad values, naming the field', async () => {
    const viewer = await f.session('viewer', codes.county);
    expect((await h.request('PUT', '/api/v1/settings/supervision', { cookie: viewer.cookie, body: { ...body, version: null } })).statusCode).toBe(403);
    const office = await f.session('office', codes.county);
    const bad = await h.request('PUT', '/api/v1/settings/supervision', { cookie: office.cookie, body: { ...body, behindRed: 5, version: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('红色预警落后百分点：红色预警的落后百分点必须大于黄色预警');
  });
});
