import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories } from '../../test/factories';
import { xlsx } from '../../test/workbooks';

// Another office's ledger, laid out differently: amounts in 亿元 from the notes line, a
// 2021 annual block with 1-8月 and 上年同期, categories only from group rows, several key
// lists in one cell, an investment in US dollars whose rate the user confirms. The overview
// must then say what a clerk would compute by hand.

// Amounts written out in yuan: the system is exact, and so must the expectations be.

describe.each(DIALECTS)('a 亿元 ledger on %s', (dialect) => {
  let h: Harness;
  let cookie: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    const f = factories(h);
    const county = (await f.county('齐县')).county;
    cookie = (await f.session('office', county)).cookie;
  });
  afterAll(() => h.close());

  it('imports it and the annual figures come out right, growth and key lists included', async () => {
    const file = await xlsx([{
      name: '2021年',
      rows: [
        ['齐县2021年重点项目建设进展情况表'],
        ['填报单位：齐县重点项目推进办公室　截止时间：2021年8月31日　金额单位：亿元'],
        ['序号', '项目名称', '建设单位', '总投资', '2021年度投资（亿元）', null, null, null, '项目级别', '建设年限', '项目进展'],
        [null, null, null, null, '计划投资', '力争投资', '1-8月完成', '上年同期完成', null, null, null],
        ['一、工业项目（2个）'],
        [1, '旺旺工业园', '旺旺食品有限公司', '1.8亿美元', 0.9, 1.0, 0.8, 0.6, '市级；省级', '2020.3—2021.12', '在建'],
        [2, '远大高铁轨道焊接钢', '远大钢铁有限公司', '２．４', 1.2, 1.5, 1.3, 1.0, '县级', '2021-2022', '新开工'],
        ['二、服务业项目（1个）'],
        [3, '普洛斯物流（一期）', '普洛斯物流有限公司', 10.65, 3.0, 3.3, 2.1, 2.0, '市级', '2021.3—待定', '续建'],
        ['', '合计', '', '', 5.1, 5.8, 4.2, 3.6],
        ['填表人：张三　审核人：李四'],
      ],
      merges: ['A1:K1', 'A2:K2', 'E3:H3', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'I3:I4', 'J3:J4', 'K3:K4'],
    }]);
    const res = await h.app.inject({
      method: 'POST', url: `/api/v1/imports/ledger?filename=${encodeURIComponent('齐县台账.xlsx')}`,
      headers: { cookie, 'x-requested-with': 'tuijin', 'content-type': 'application/octet-stream' }, payload: file,
    });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ year: 2021, counts: { create: 2, error: 1 } });
    expect(preview.sheets[0]).toMatchObject({ throughMonth: 8, currencies: ['USD'] });
    // Without the rate the dollar amount is an error and nothing can be committed.
    expect(preview.counts.errors).toBeGreaterThan(0);
    expect((await h.request('POST', `/api/v1/imports/${preview.batchId}/commit`, { cookie, body: {} })).statusCode).toBe(422);
    const rated = (await h.request('POST', `/api/v1/imports/${preview.batchId}/preview`, { cookie, body: { rates: { USD: '7.1' } } })).json();
    expect(rated.counts).toMatchObject({ create: 3, errors: 0 });
    expect(rated.sheets[0].checks.every((c: { matches: boolean }) => c.matches)).toBe(true);
    const done = await h.request('POST', `/api/v1/imports/${preview.batchId}/commit`, { cookie, body: {} });
    expect(done.statusCode, done.body).toBe(200);

    const o = (await h.request('GET', '/api/v1/stats/overview?year=2021', { cookie })).json();
    const wangwang = 1_278_000_000; // 1.8亿美元 at 7.1 = 12.78亿元
    expect(o.projects).toBe(3);
    expect(o.totalInvestment).toBe(wangwang + 240_000_000 + 1_065_000_000);
    expect(o.byCategory).toEqual(expect.arrayContaining([
      expect.objectContaining({ category: 'industrial', count: 2, totalInvestment: wangwang + 240_000_000 }),
      expect.objectContaining({ category: 'services', count: 1, totalInvestment: 1_065_000_000 }),
    ]));
    expect(o.bySize).toEqual({ atLeast100m: 3, atLeast1b: 2, atLeast10b: 0 });
    expect(o.annual).toMatchObject({ plan: 510_000_000, target: 580_000_000, completed: 420_000_000, completedLastYear: 360_000_000 });
    expect(o.annual.growth).toBeCloseTo(4.2 / 3.6 - 1, 10);
    const city = o.byLevel.find((l: { level: string }) => l.level === 'city');
    expect(city).toMatchObject({ count: 2, plan: 390_000_000, completed: 290_000_000 });
    expect(o.byLevel.find((l: { level: string }) => l.level === 'province')).toMatchObject({ count: 1, totalInvestment: wangwang });

    const ww = await h.ctx.db.selectFrom('project').selectAll().where('name', '=', '旺旺工业园').executeTakeFirstOrThrow();
    expect(ww).toMatchObject({ foreignAmount: 180_000_000, foreignCurrency: 'USD', foreignRate: '7.1', stage: 'under_construction', commitStartDate: '2020-03-01', commitCompletionDate: '2021-12-31' });
    const plan = await h.ctx.db.selectFrom('annualPlan').select(['completedThrough']).where('projectId', '=', ww.id).executeTakeFirstOrThrow();
    expect(plan.completedThrough).toBe('2021-08');
  });
});
