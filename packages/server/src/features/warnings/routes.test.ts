import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { warningCounty, type WarningCounty } from '../../test/warning-fixtures';
import { verifyAuditChain } from '../../lib/audit';
import { hourlyWarnings } from './job';

// The warnings API: who may read what (scope: another county's project is not found), the
// office's recompute (403 for others, audited, versions untouched), the list's filters, the
// summary's roll-ups, and the hourly job that runs once across processes.

const W = 10_000;

describe.each(DIALECTS)('the warnings API on %s', (dialect) => {
  let h: Harness;
  let c: WarningCounty;
  let late: { id: number };
  let behind: { id: number };
  let elsewhere: { id: number };
  beforeAll(async () => {
    h = await startHarness(dialect);
    h.clock.set('2026-06-15T02:00:00Z');
    c = await warningCounty(h);
    // Red: the start date passed; yellow: behind the year's pace; green: all in order.
    late = await c.addProject('未开工项目', { stage: 'signed', commitStartDate: '2026-05-01' } as never);
    behind = await c.addProject('滞后项目', { stage: 'under_construction', actualStartDate: '2026-02-01', leaderId: null, townshipId: null } as never);
    await h.request('PUT', `/api/v1/projects/${behind.id}/plans/2026`, { cookie: c.office.cookie, body: { plan: 10_000 * W, target: 10_000 * W, completed: 3_000 * W } });
    await c.addProject('正常项目', { stage: 'under_construction', actualStartDate: '2026-02-01' } as never);
    // A project of another department of the same county, for the department's scope.
    const otherDept = await c.f.org('department', c.region);
    elsewhere = await c.addProject('他部门项目', { stage: 'signed', commitStartDate: '2026-05-01', responsibleOrgId: otherDept.id } as never);
  });
  afterAll(() => h.close());

  it('refuses anyone not logged in, and names a bad filter in Chinese', async () => {
    for (const url of ['/api/v1/warnings', '/api/v1/warnings/summary', `/api/v1/projects/${late.id}/warnings`]) {
      expect((await h.request('GET', url)).statusCode).toBe(401);
    }
    expect((await h.request('POST', '/api/v1/warnings/recompute', { body: {} })).statusCode).toBe(401);
    const bad = await h.request('GET', '/api/v1/warnings?level=orange&rule=x', { cookie: c.office.cookie });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { message: string }) => d.message)).toEqual([expect.stringMatching(/^预警等级：/), expect.stringMatching(/^预警类型：/)]);
    const body = await h.request('POST', '/api/v1/warnings/recompute', { cookie: c.office.cookie, body: { regionCode: '110101' } });
    expect(body.statusCode).toBe(400);
  });

  it('lets only the office recompute', async () => {
    for (const who of [c.reviewer, c.reporter, await c.f.session('leader', c.region), await c.f.session('viewer', c.region)]) {
      expect((await h.request('POST', '/api/v1/warnings/recompute', { cookie: who.cookie, body: {} })).statusCode).toBe(403);
    }
  });

  it('recomputes for the office: one audit record per change and one for the run, no user-visible version moved', async () => {
    const before = await h.ctx.db.selectFrom('project').select(['id', 'version']).orderBy('id').execute();
    const { result, rows } = await c.f.audited(() => c.recompute());
    expect(result).toMatchObject({ raised: result.live.red + result.live.yellow, changed: 0, cleared: 0 });
    expect(result.live.red).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.action === 'recompute')).toHaveLength(1);
    expect(rows.filter((r) => r.action === 'raise' && r.objectType === 'warning')).toHaveLength(result.raised);
    expect(rows.every((r) => r.username === c.office.username)).toBe(true);
    const raised = rows.find((r) => r.projectId === late.id && r.action === 'raise');
    expect(JSON.parse(raised!.after!)).toMatchObject({ rule: 'start_overdue', level: 'red' });
    expect(await h.ctx.db.selectFrom('project').select(['id', 'version']).orderBy('id').execute()).toEqual(before);
    // Nothing changed since: a second run writes nothing but its own record.
    const again = await c.f.audited(() => c.recompute());
    expect(again.result).toMatchObject({ raised: 0, changed: 0, cleared: 0 });
    expect(again.rows.map((r) => r.action)).toEqual(['recompute']);
    expect(await verifyAuditChain(h.ctx.db)).toMatchObject({ ok: true });
  });

  it('lists live warnings in scope, red first, with the project, department, leader and township', async () => {
    const all = await c.list();
    expect(all.items[0]).toMatchObject({ level: 'red' });
    const start = all.items.find((w) => w.projectId === late.id)!;
    expect(start).toMatchObject({
      rule: 'start_overdue', ruleLabel: '未按时开工', levelLabel: '红色预警', projectName: '未开工项目', responsibleOrgName: c.dept.name,
      leaderName: '王副县长', townshipName: '经济开发区', reason: '保开工日期 2026-05-01 已过 45 天，项目仍未开工', since: '2026-06-15T02:00:00.000Z',
    } as never);
    expect((await c.list('level=yellow')).items.every((w) => w.level === 'yellow')).toBe(true);
    expect((await c.list('rule=investment_behind')).items.map((w) => w.projectId)).toEqual(expect.arrayContaining([behind.id]));
    expect((await c.list(`leaderId=${c.leader.id}&rule=start_overdue`)).items.map((w) => w.projectId).sort()).toEqual([late.id, elsewhere.id].sort());
    expect((await c.list(`townshipId=${c.township.id}&rule=investment_behind`)).total).toBe(0);
    expect((await c.list(`q=${encodeURIComponent('滞后')}`)).items.map((w) => w.projectId)).toEqual([behind.id]);
    const page = await c.list('pageSize=1&page=2');
    expect(page).toMatchObject({ total: all.total, items: [{ id: all.items[1]!.id }] });
  });

  it("keeps to the reader's scope: a department its projects, a company its own, another county nothing", async () => {
    const dept = await c.list('', c.reviewer.cookie);
    expect(dept.items.map((w) => w.projectId)).not.toContain(elsewhere.id);
    expect(dept.items.map((w) => w.projectId)).toContain(late.id);
    const company = await c.list('', c.reporter.cookie);
    expect(company.items.every((w) => w.projectId === c.project.id)).toBe(true);
    const far = await c.f.county('外县');
    const stranger = await c.f.session('office', far.county);
    expect((await c.list('', stranger.cookie)).total).toBe(0);
    expect((await h.request('GET', `/api/v1/projects/${late.id}/warnings`, { cookie: stranger.cookie })).statusCode).toBe(404);
    expect((await h.request('GET', `/api/v1/projects/${elsewhere.id}/warnings`, { cookie: c.reviewer.cookie })).statusCode).toBe(404);
    expect((await h.request('GET', '/api/v1/projects/999999/warnings', { cookie: c.office.cookie })).statusCode).toBe(404);
    // The stranger's recompute reads and touches only its own county.
    const mine = await c.list();
    expect(await c.recompute(stranger.cookie)).toMatchObject({ projects: 0, raised: 0, cleared: 0 });
    expect((await c.list()).items).toEqual(mine.items);
  });

  it('sums up by level and rule, and rolls up by 责任单位, 包保领导 and 乡镇园区', async () => {
    const s = (await h.request('GET', '/api/v1/warnings/summary', { cookie: c.office.cookie })).json();
    expect(s.computedAt).toBe('2026-06-15T02:00:00.000Z');
    expect(s.levels.red + s.levels.yellow + s.levels.green).toBe(s.projects);
    expect(s.byRule.find((r: { rule: string }) => r.rule === 'start_overdue')).toMatchObject({ label: '未按时开工', red: 2, yellow: 0 });
    const dept = s.byDepartment.find((d: { id: number }) => d.id === c.dept.id);
    expect(dept).toMatchObject({ name: c.dept.name, red: expect.any(Number), projects: expect.any(Number) });
    expect(dept.red + dept.yellow + dept.green).toBe(dept.projects);
    expect(s.byLeader.find((d: { id: number }) => d.id === c.leader.id)).toMatchObject({ name: '王副县长', red: 2 });
    expect(s.byTownship.find((d: { id: number | null }) => d.id === null)).toMatchObject({ name: '未定乡镇园区' });
    expect(s.byRegion).toBeNull();
    const city = await c.f.session('office', c.codes.city);
    const cs = (await h.request('GET', '/api/v1/warnings/summary', { cookie: city.cookie })).json();
    expect(cs.byRegion).toEqual([expect.objectContaining({ id: c.region, name: '测试县', red: s.levels.red, yellow: s.levels.yellow })]);
    const one = (await h.request('GET', `/api/v1/warnings/summary?regionCode=${c.region}`, { cookie: city.cookie })).json();
    expect(one.levels).toEqual(s.levels);
    // The city's office recomputes its whole city (its counties by code prefix): nothing new here.
    expect(await c.recompute(city.cookie)).toMatchObject({ projects: s.projects, raised: 0, changed: 0, cleared: 0 });
  });

  it('runs the hourly recompute once across processes, as the system', async () => {
    await c.on('2026-06-16');
    const first = await hourlyWarnings(h.ctx);
    expect(first).toMatchObject({ raised: 0, changed: 0 });
    expect(await hourlyWarnings(h.ctx)).toBeNull();
    const run = await h.ctx.db.selectFrom('jobRun').selectAll().where('key', 'like', 'warnings:hourly:%').execute();
    expect(run).toHaveLength(1);
    const w = (await c.of(late.id)).live[0]!;
    expect(w.reason).toContain('已过 46 天');
    const s = (await h.request('GET', '/api/v1/warnings/summary', { cookie: c.office.cookie })).json();
    expect(s.computedAt).toBe('2026-06-16T02:00:00.000Z');
  });

  it("follows the region's own thresholds for the pace of investment", async () => {
    const before = await c.live(behind.id, 'investment_behind');
    expect(before).toMatchObject({ level: 'yellow' });
    const current = (await h.request('GET', '/api/v1/settings/supervision', { cookie: c.office.cookie })).json();
    const saved = await h.request('PUT', '/api/v1/settings/supervision', { cookie: c.office.cookie, body: { ...current.settings, behindYellow: 5, behindRed: 10, version: current.inherited ? null : current.version } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await c.recompute()).toMatchObject({ changed: 1 });
    expect(await c.live(behind.id, 'investment_behind')).toMatchObject({ id: before!.id, level: 'red' });
  });
});
