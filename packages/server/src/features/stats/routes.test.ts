import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories } from '../../test/factories';
import { addKeyList, savePlan } from '../projects/parts-service';
import { systemUser } from '../../lib/system-user';

// The annual-summary figures, computed from a county whose answer is known by hand.
describe.each(DIALECTS)('stats overview on %s', (dialect) => {
  let h: Harness;
  let cookie: string;
  let otherCookie: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    const f = factories(h);
    const region = (await f.county()).county;
    const other = (await f.county('邻县')).county;
    cookie = (await f.session('leader', region)).cookie;
    otherCookie = (await f.session('office', other)).cookie;
    const office = systemUser('office', region);
    const projects = [
      ['industrial', 'equipment', 'under_construction', 12_000_000_000, 1_000_000_000, 1_100_000_000, 900_000_000, 800_000_000, ['county', 'province']],
      ['industrial', 'biomedicine', 'signed', 420_000_000, 200_000_000, 220_000_000, 0, 0, ['county', 'city']],
      ['services', 'tourism', 'completed', 11_800_000_000, 3_000_000_000, 3_300_000_000, 3_000_000_000, 2_600_000_000, ['county', 'city']],
      ['infrastructure', 'transport', 'under_construction', 50_000_000, 50_000_000, 50_000_000, 40_000_000, 40_000_000, []],
    ] as const;
    for (const [category, industry, stage, total, plan, target, completed, lastYear, levels] of projects) {
      const p = await f.project(region, { category, industry, stage, totalInvestment: total });
      for (const level of levels) await addKeyList(h.ctx, office, p.id, { year: 2026, level });
      const v = await h.ctx.db.selectFrom('annualPlan').select('version').where('projectId', '=', p.id).executeTakeFirst();
      await savePlan(h.ctx, office, p.id, { year: 2026, plan, target, completed, completedThrough: '2026-08', completedLastYear: lastYear, version: v?.version });
    }
    // Not in 2026's ledger (no plan for 2026), and a neighbour county's project.
    await f.project(region, { totalInvestment: 99_000_000_000 });
    const n = await f.project(other, { totalInvestment: 5_000_000_000 });
    await savePlan(h.ctx, systemUser('office', other), n.id, { year: 2026, plan: 1, target: 1 });
  });
  afterAll(() => h.close());

  it('computes the summary figures of the year from the data', async () => {
    const res = await h.request('GET', '/api/v1/stats/overview?year=2026', { cookie });
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.projects).toBe(4);
    expect(o.totalInvestment).toBe(24_270_000_000);
    expect(o.byCategory).toEqual([
      { category: 'industrial', label: '工业', count: 2, totalInvestment: 12_420_000_000 },
      { category: 'services', label: '服务业', count: 1, totalInvestment: 11_800_000_000 },
      { category: 'infrastructure', label: '基础设施和民生', count: 1, totalInvestment: 50_000_000 },
    ]);
    expect(o.bySize).toEqual({ atLeast100m: 3, atLeast1b: 2, atLeast10b: 2 });
    expect(o.byStage).toEqual([
      { stage: 'signed', label: '签约', count: 1 },
      { stage: 'under_construction', label: '在建', count: 2 },
      { stage: 'completed', label: '竣工', count: 1 },
    ]);
    expect(o.byIndustry.map((i: { industry: string }) => i.industry).sort()).toEqual(['biomedicine', 'equipment', 'tourism', 'transport']);
    expect(o.annual).toEqual({
      plan: 4_250_000_000, target: 4_670_000_000, completed: 3_940_000_000, completedLastYear: 3_440_000_000,
      growth: (3_940_000_000 - 3_440_000_000) / 3_440_000_000, completionRate: 3_940_000_000 / 4_250_000_000,
    });
    const city = o.byLevel.find((l: { level: string }) => l.level === 'city');
    expect(city).toEqual({ level: 'city', label: '市级重点', count: 2, totalInvestment: 12_220_000_000, plan: 3_200_000_000, completed: 3_000_000_000, completionRate: 3_000_000_000 / 3_200_000_000 });
    expect(o.byLevel.find((l: { level: string }) => l.level === 'national')).toMatchObject({ count: 0, completionRate: null });
  });

  it('counts only the caller\'s region', async () => {
    const o = (await h.request('GET', '/api/v1/stats/overview?year=2026', { cookie: otherCookie })).json();
    expect(o.projects).toBe(1);
    expect(o.totalInvestment).toBe(5_000_000_000);
  });

  it('gives zeros and null rates for a year with no ledger', async () => {
    const o = (await h.request('GET', '/api/v1/stats/overview?year=2019', { cookie })).json();
    expect(o).toMatchObject({ projects: 0, totalInvestment: 0, annual: { plan: 0, growth: null, completionRate: null } });
  });

  it('refuses a bad year and anonymous callers', async () => {
    expect((await h.request('GET', '/api/v1/stats/overview?year=abc', { cookie })).json().error.details[0].field).toBe('year');
    expect((await h.request('GET', '/api/v1/stats/overview?year=2026')).statusCode).toBe(401);
  });
});
