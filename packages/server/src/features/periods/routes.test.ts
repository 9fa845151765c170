import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { reportingCounty, type ReportingCounty } from '../../test/report-fixtures';

// Opening a month and moving its deadline: a month opened late (补报) gets a deadline ahead,
// never one that has passed, and the office cannot put a deadline into the past.

describe.each(DIALECTS)('deadlines of a month on %s', (dialect) => {
  let h: Harness;
  let c: ReportingCounty;
  beforeAll(async () => {
    h = await startHarness(dialect);
    h.clock.set('2026-06-15T02:00:00Z');
    c = await reportingCounty(h);
  });
  afterAll(() => h.close());

  const open = (body: Record<string, unknown>) => h.request('POST', '/api/v1/periods', { cookie: c.office.cookie, body });

  it('gives the current month the usual day of the next month', async () => {
    const res = await open({ period: '2026-06' });
    expect(res.statusCode).toBe(201);
    expect(res.json().deadline).toBe('2026-07-05');
  });

  it('gives a month opened late a week from today, not a day long gone', async () => {
    const res = await open({ period: '2026-03' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ deadline: '2026-06-22', counts: { missing: 0 } });
  });

  it('refuses a deadline that has passed, when opening and when moving it', async () => {
    const past = await open({ period: '2026-02', deadline: '2026-03-05' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toBe('报送截止日：不能早于今天（2026-06-15）');
    const months = (await h.request('GET', '/api/v1/periods', { cookie: c.office.cookie })).json().items;
    const june = months.find((m: { period: string }) => m.period === '2026-06');
    const moved = await h.request('PATCH', `/api/v1/periods/${june.id}`, { cookie: c.office.cookie, body: { deadline: '2026-06-10', version: june.version } });
    expect(moved.statusCode).toBe(400);
    const later = await h.request('PATCH', `/api/v1/periods/${june.id}`, { cookie: c.office.cookie, body: { deadline: '2026-07-10', version: june.version } });
    expect(later.json()).toMatchObject({ deadline: '2026-07-10', version: june.version + 1 });
  });

  it('answers a stale change of the deadline with 409, and hides another county\'s month', async () => {
    const months = (await h.request('GET', '/api/v1/periods', { cookie: c.office.cookie })).json().items;
    const june = months.find((m: { period: string }) => m.period === '2026-06');
    const stale = await h.request('PATCH', `/api/v1/periods/${june.id}`, { cookie: c.office.cookie, body: { deadline: '2026-07-11', version: 1 } });
    expect(stale.statusCode).toBe(409);
    const far = await c.f.county('外县');
    const stranger = await c.f.session('office', far.county);
    expect((await h.request('GET', `/api/v1/periods/${june.id}`, { cookie: stranger.cookie })).statusCode).toBe(404);
    expect((await h.request('PATCH', `/api/v1/periods/${june.id}`, { cookie: stranger.cookie, body: { deadline: '2026-07-11', version: june.version } })).statusCode).toBe(404);
    expect((await h.request('POST', `/api/v1/periods/${june.id}/close`, { cookie: stranger.cookie, body: { version: june.version } })).statusCode).toBe(404);
  });
});
