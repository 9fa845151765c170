import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { countyWithObstacle, type CountyWithObstacle } from '../../test/obstacle-fixtures';

// Who is holding what: the list with its filters in the caller's scope, the order a leader reads
// before a meeting (most serious stage first, then the longest overdue), and the counts per
// 责任单位 and 包保领导 with the median days to close.

describe.each(DIALECTS)('the obstacle list and stats on %s', (dialect) => {
  let h: Harness;
  let c: CountyWithObstacle;
  let dept2: { id: number; name: string };
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    h = await startHarness(dialect);
    c = await countyWithObstacle(h);
    dept2 = await c.f.org('department', c.region, '县发改局');
    const leader2 = await c.f.person(c.region, '赵副县长');
    const raise = async (name: string, body: Record<string, unknown>) => {
      const res = await h.request('POST', '/api/v1/obstacles', { cookie: c.office.cookie, body: { projectId: c.project.id, kind: 'funds', description: `${name}的描述`, leaderId: c.leader.id, ...body } });
      if (res.statusCode !== 201) throw new Error(res.body);
      ids[name] = res.json().id;
      return res.json();
    };
    await raise('early', { deadline: '2026-06-05', kind: 'approvals', title: '环评批复' });
    await raise('late', { deadline: '2026-06-20' });
    await raise('escalated', { deadline: '2026-06-25', ownerOrgId: dept2.id, leaderId: leader2.id });
    const e = await h.request('POST', `/api/v1/obstacles/${ids.escalated}/escalate`, { cookie: c.office.cookie, body: { version: 1, to: 'interviewed' } });
    if (e.statusCode !== 200) throw new Error(e.body);
    // Two closed for the department: in 3 and 9 days (median 6). Sessions time out when days pass.
    const travel = async (iso: string) => {
      h.clock.set(iso);
      c.office.cookie = await c.f.login(c.office.username);
      c.reviewer.cookie = await c.f.login(c.reviewer.username);
    };
    for (const [name, days] of [['closed3', 3], ['closed9', 9]] as const) {
      await travel('2026-06-02T02:00:00Z');
      const o = await raise(name, { deadline: '2026-06-30' });
      await travel(`2026-06-${String(2 + days).padStart(2, '0')}T03:00:00Z`);
      const r = await h.request('POST', `/api/v1/obstacles/${o.id}/resolve`, { cookie: c.reviewer.cookie, body: { version: 1, resolution: '已解决' } });
      const done = await h.request('POST', `/api/v1/obstacles/${o.id}/close`, { cookie: c.office.cookie, body: { version: r.json().version } });
      if (done.statusCode !== 200) throw new Error(done.body);
    }
    await travel('2026-06-22T02:00:00Z');
  });
  afterAll(() => h.close());

  const list = (query: string, cookie = c.office.cookie) => h.request('GET', `/api/v1/obstacles?${query}`, { cookie }).then((r) => {
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { items: { id: number; overdueDays: number; stage: string }[]; total: number };
  });
  const names = (items: { id: number }[]) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id) ?? `report:${i.id === c.obstacleId}`);

  it('puts the most serious first, then the longest overdue, then waiting and closed ones', async () => {
    const all = await list('');
    expect(all.total).toBe(6);
    expect(names(all.items)).toEqual(['escalated', 'early', 'late', 'report:true', 'closed3', 'closed9']);
    expect(all.items.slice(0, 3).map((i) => i.overdueDays)).toEqual([0, 17, 2]);
  });

  it('reads a leader\'s open list before a meeting', async () => {
    const mine = await list(`leaderId=${c.leader.id}&status=open`);
    expect(names(mine.items)).toEqual(['early', 'late']);
  });

  it.each<[string, string[]]>([
    ['kind=approvals', ['early']],
    ['status=closed', ['closed3', 'closed9']],
    ['stage=interviewed', ['escalated']],
    ['source=report', ['report:true']],
    ['overdue=true', ['early', 'late']],
    ['overdue=false', ['escalated', 'report:true', 'closed3', 'closed9']],
    ['q=环评', ['early']],
    ['q=二期用地', ['report:true']],
  ])('filters by %s', async (query, expected) => {
    expect(names((await list(query)).items)).toEqual(expected);
  });

  it('filters by owner department and project, and pages', async () => {
    expect(names((await list(`ownerOrgId=${dept2.id}`)).items)).toEqual(['escalated']);
    expect((await list(`projectId=${c.project.id}&pageSize=2&page=2`)).items).toHaveLength(2);
  });

  it('shows a department those it owns and those on its projects', async () => {
    const owner2 = await c.f.session('department', c.region, { orgId: dept2.id });
    expect(names((await list('', owner2.cookie)).items)).toEqual(['escalated']);
    expect((await list('', c.reviewer.cookie)).total).toBe(6);
  });

  it('counts per 责任单位 with the median days to close', async () => {
    const res = await h.request('GET', '/api/v1/obstacles/stats?by=department', { cookie: c.office.cookie });
    expect(res.statusCode).toBe(200);
    const stats = res.json();
    expect(stats.items).toEqual([
      { id: c.dept.id, name: c.dept.name, open: 3, overdue: 2, resolved: 0, closed: 2, escalated: 0, medianDaysToClose: 6 },
      { id: dept2.id, name: '县发改局', open: 1, overdue: 0, resolved: 0, closed: 0, escalated: 1, medianDaysToClose: null },
    ]);
    expect(stats.total).toMatchObject({ open: 4, overdue: 2, closed: 2, medianDaysToClose: 6 });
  });

  it('counts per 包保领导', async () => {
    const stats = (await h.request('GET', '/api/v1/obstacles/stats?by=leader', { cookie: c.office.cookie })).json();
    expect(stats.items.map((i: { name: string; open: number; closed: number }) => [i.name, i.open, i.closed])).toEqual([
      ['王副县长', 2, 2], ['赵副县长', 1, 0], ['未定包保领导', 1, 0],
    ]);
    expect((await h.request('GET', '/api/v1/obstacles/stats?by=township', { cookie: c.office.cookie })).statusCode).toBe(400);
  });
});
