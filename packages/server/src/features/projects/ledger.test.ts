import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories } from '../../test/factories';
import { savePlan, addKeyList } from './parts-service';
import { systemUser } from '../../lib/system-user';

// The ledger list: filters, sort, pages and totals over a county built for the test.
describe.each(DIALECTS)('ledger list on %s', (dialect) => {
  let h: Harness;
  let cookie: string;
  const ids: Record<string, number> = {};
  let dept: number;
  let township: number;
  let leader: number;

  beforeAll(async () => {
    h = await startHarness(dialect);
    const f = factories(h);
    const region = (await f.county()).county;
    cookie = (await f.session('office', region)).cookie;
    dept = (await f.org('department', region)).id;
    township = (await f.org('township', region)).id;
    leader = (await f.person(region, '王建国')).id;
    const office = systemUser('office', region);
    const rows = [
      // name, category, industry, stage, total (yuan), plan, completed, levels
      ['欢乐世界主题乐园', 'services', 'tourism', 'under_construction', 11_800_000_000, 2_000_000_000, 1_500_000_000, ['county', 'city']],
      ['新能源装备工业园', 'industrial', 'equipment', 'signed', 12_000_000_000, 500_000_000, 0, ['county', 'province']],
      ['心脏支架产业化', 'industrial', 'biomedicine', 'under_construction', 2_000_000_000, 800_000_000, 600_000_000, ['county']],
      ['污水处理厂提标改造', 'infrastructure', 'municipal', 'completed', 150_000_000, 100_000_000, 100_000_000, ['county']],
      ['面粉深加工', 'industrial', 'food', 'operating', 80_000_000, 30_000_000, 30_000_000, []],
    ] as const;
    for (const [name, category, industry, stage, total, plan, completed, levels] of rows) {
      const p = await f.project(region, {
        name, category, industry, stage, totalInvestment: total,
        ...(name === '心脏支架产业化' ? { responsibleOrgId: dept, townshipId: township, leaderId: leader, code: '2026-000001' } : {}),
      });
      ids[name] = p.id;
      for (const level of levels) await addKeyList(h.ctx, office, p.id, { year: 2026, level });
      const detail = await h.ctx.db.selectFrom('annualPlan').select('version').where('projectId', '=', p.id).where('year', '=', 2026).executeTakeFirst();
      await savePlan(h.ctx, office, p.id, { year: 2026, plan, target: plan + plan / 10, completed, completedLastYear: completed / 2, version: detail?.version });
    }
    // A project only in last year's ledger.
    const old = await f.project(region, { name: '往年项目', totalInvestment: 300_000_000 });
    await savePlan(h.ctx, office, old.id, { year: 2025, plan: 100_000_000, target: 100_000_000 });
    ids['往年项目'] = old.id;
  });
  afterAll(() => h.close());

  const list = async (query: string) => {
    const res = await h.request('GET', `/api/v1/projects?${query}`, { cookie });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { id: number; name: string; levels: string[]; plan: number; completionRate: number | null }[]; total: number; totals: Record<string, number> };
  };
  const names = (r: { items: { name: string }[] }) => r.items.map((i) => i.name);

  it('lists the year\'s ledger, largest first, with totals of the filtered rows', async () => {
    const r = await list('year=2026');
    expect(r.total).toBe(5);
    expect(names(r)).toEqual(['新能源装备工业园', '欢乐世界主题乐园', '心脏支架产业化', '污水处理厂提标改造', '面粉深加工']);
    expect(r.totals).toEqual({
      totalInvestment: 26_030_000_000, plan: 3_430_000_000, target: 3_773_000_000, completed: 2_230_000_000,
    });
    expect(r.items[1]).toMatchObject({ levels: expect.arrayContaining(['county', 'city']), plan: 2_000_000_000, completionRate: 0.75 });
  });

  it('filters by category, stage, industry, size bracket and key-list level', async () => {
    expect(names(await list('year=2026&category=industrial&sort=name&order=asc')).sort()).toEqual(['心脏支架产业化', '新能源装备工业园', '面粉深加工'].sort());
    expect(names(await list('year=2026&stage=under_construction,completed'))).toEqual(['欢乐世界主题乐园', '心脏支架产业化', '污水处理厂提标改造']);
    expect(names(await list('year=2026&industry=tourism'))).toEqual(['欢乐世界主题乐园']);
    expect(names(await list('year=2026&size=atLeast10b'))).toEqual(['新能源装备工业园', '欢乐世界主题乐园']);
    expect(names(await list('year=2026&size=atLeast1b'))).toHaveLength(3);
    expect(names(await list('year=2026&size=atLeast100m'))).toHaveLength(4);
    expect(names(await list('year=2026&level=province'))).toEqual(['新能源装备工业园']);
    expect(names(await list('year=2026&level=city,province'))).toEqual(['新能源装备工业园', '欢乐世界主题乐园']);
  });

  it('filters by leader, responsible unit and township, and searches name or code', async () => {
    for (const q of [`leaderId=${leader}`, `responsibleOrgId=${dept}`, `townshipId=${township}`, 'q=支架', 'q=2026-0000']) {
      expect(names(await list(`year=2026&${q}`)), q).toEqual(['心脏支架产业化']);
    }
    expect((await list('year=2026&q=%25')).total).toBe(0);
  });

  it('lists projects of another year only in that year, and all projects without a year', async () => {
    expect(names(await list('year=2025'))).toEqual(['往年项目']);
    expect((await list('')).total).toBe(6);
  });

  it('sorts by plan, completion rate and name, nulls last, and pages without overlap', async () => {
    expect(names(await list('year=2026&sort=plan&order=asc'))[0]).toBe('面粉深加工');
    const byRate = await list('year=2026&sort=completionRate&order=asc');
    expect(byRate.items.map((i) => i.completionRate)).toEqual([0, 0.75, 0.75, 1, 1]);
    const page1 = await list('year=2026&sort=name&order=asc&pageSize=2&page=1');
    const page2 = await list('year=2026&sort=name&order=asc&pageSize=2&page=2');
    const page3 = await list('year=2026&sort=name&order=asc&pageSize=2&page=3');
    const all = [...names(page1), ...names(page2), ...names(page3)];
    expect(new Set(all).size).toBe(5);
    expect(page1.total).toBe(5);
  });

  it('names the bad parameter', async () => {
    const res = await h.request('GET', '/api/v1/projects?sort=drop%20table&stage=flying&pageSize=100000', { cookie });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['sort', 'stage.0', 'pageSize']));
  });
});
