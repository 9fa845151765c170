import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc, rng } from '../../demo/generate';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories } from '../../test/factories';
import { countyLedger, xlsx, type LedgerRow } from '../../test/workbooks';

// Importing the ledger an office already keeps: preview, corrections, an all-or-nothing
// commit, the same file twice, next month's file, and files that must be refused.

const WAN = 10_000;
const r = rng(7);

function rows(county: string): { industrial: LedgerRow[]; infra: LedgerRow[] } {
  const base = { township: '李集镇', leader: '李四', dept: '县工信局', stage: '续建' };
  return {
    industrial: [
      { ...base, name: '正大高端装备项目', type: '工业', industry: '新能源', owner: '江苏正大实业有限公司', uscc: makeUscc(r, county), total: 108963, plan: 44108, target: 48519, done: 15925, contact: '刘工 15893847894' },
      { ...base, name: '正大高端装备项目', type: '工业', industry: '生物医药', owner: '江苏恒通实业有限公司', uscc: '913717119B4WKMQC3X', total: 181356, plan: 39551, target: 43506, done: 23760, stage: '投产', contact: '陈工 15885555493' },
      { ...base, name: '绿源食品加工项目', type: '工业', industry: '食品加工', owner: '河南恒通实业有限公司', uscc: makeUscc(r, county), total: 168234, plan: 49049, target: 53954, done: 45853, stage: '前期', leader: '王五', dept: '县住建局', contact: '刘工 13937536516' },
    ],
    infra: [
      { ...base, name: '恒通水利工程', type: '基础设施及社会民生', industry: '水利', owner: '江苏华盛实业有限公司', uscc: makeUscc(r, county), total: 79842, plan: 36533, target: 40186, done: 36084, contact: '陈工 15897289979' },
    ],
  };
}

describe.each(DIALECTS)('ledger import on %s', (dialect) => {
  let h: Harness;
  let f: ReturnType<typeof factories>;
  let county: string;
  let office: { cookie: string };

  beforeAll(async () => {
    h = await startHarness(dialect);
    f = factories(h);
    county = (await f.county('XX县')).county;
    office = await f.session('office', county);
  });
  afterAll(() => h.close());

  const upload = (buffer: Buffer, filename = '台账.xlsx', cookie = office.cookie) =>
    h.app.inject({
      method: 'POST', url: `/api/v1/imports/ledger?filename=${encodeURIComponent(filename)}`,
      headers: { cookie, 'x-requested-with': 'tuijin', 'content-type': 'application/octet-stream' }, payload: buffer,
    });
  const commit = (id: number, body: unknown = {}) => h.request('POST', `/api/v1/imports/${id}/commit`, { cookie: office.cookie, body });
  const projectCount = async () => Number((await h.ctx.db.selectFrom('project').select((eb) => eb.fn.countAll<number>().as('n')).where('regionCode', '=', county).executeTakeFirstOrThrow()).n);

  it('previews a real-world county ledger without writing anything, and commits it whole', async () => {
    const data = rows(county);
    const file = await countyLedger([{ title: '一、工业项目', label: '工业项目', rows: data.industrial }, { title: '二、基础设施及社会民生项目', label: '基础设施及社会民生项目', rows: data.infra }]);
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ year: 2023, status: 'previewed', counts: { create: 4, update: 0, error: 0 } });
    expect(preview.sheets[0]).toMatchObject({ title: 'XX县2023年县级重点建设项目推进情况表', throughMonth: 9 });
    expect(preview.sheets[0].checks.every((c: { matches: boolean }) => c.matches)).toBe(true);
    // The bad 统一社会信用代码 is a warning on its row, not a rejected file.
    expect(preview.problems.some((p: { level: string; row: number; message: string }) => p.level === 'warning' && p.row === 7 && p.message.includes('统一社会信用代码'))).toBe(true);
    expect(await projectCount()).toBe(0);

    const done = await commit(preview.batchId);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('committed');
    expect(await projectCount()).toBe(4);

    const o = (await h.request('GET', '/api/v1/stats/overview?year=2023', { cookie: office.cookie })).json();
    expect(o.projects).toBe(4);
    expect(o.totalInvestment).toBe((108963 + 181356 + 168234 + 79842) * WAN);
    expect(o.annual).toMatchObject({ plan: (44108 + 39551 + 49049 + 36533) * WAN, target: (48519 + 43506 + 53954 + 40186) * WAN, completed: (15925 + 23760 + 45853 + 36084) * WAN });
    expect(o.byCategory.find((c: { category: string }) => c.category === 'industrial')).toMatchObject({ count: 3, totalInvestment: (108963 + 181356 + 168234) * WAN });
    expect(o.byLevel.find((l: { level: string }) => l.level === 'county')).toMatchObject({ count: 4 });
    const twins = await h.ctx.db.selectFrom('project').select('id').where('regionCode', '=', county).where('name', '=', '正大高端装备项目').execute();
    expect(twins).toHaveLength(2);
    const plan = await h.ctx.db.selectFrom('annualPlan').innerJoin('project', 'project.id', 'annualPlan.projectId').select(['annualPlan.completedThrough', 'project.stage']).where('project.name', '=', '绿源食品加工项目').executeTakeFirstOrThrow();
    expect(plan).toEqual({ completedThrough: '2023-09', stage: 'preparing' });
  });

  it('changes nothing when the same file comes again, and updates what changed next month with history', async () => {
    const data = rows(county);
    // Same content as the first test's file (usccs are random: take them from the data).
    const existing = await h.ctx.db.selectFrom('org').select(['name', 'uscc']).where('regionCode', '=', county).where('kind', '=', 'company').execute();
    for (const row of [...data.industrial, ...data.infra]) row.uscc = existing.find((o) => o.name === row.owner)?.uscc ?? row.uscc;
    const groups = [{ title: '一、工业项目', label: '工业项目', rows: data.industrial }, { title: '二、基础设施及社会民生项目', label: '基础设施及社会民生项目', rows: data.infra }];
    const again = (await upload(await countyLedger(groups))).json();
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 4 });
    const auditBefore = Number((await h.ctx.db.selectFrom('auditEvent').select((eb) => eb.fn.countAll<number>().as('n')).where('objectType', '=', 'project').executeTakeFirstOrThrow()).n);
    expect((await commit(again.batchId)).statusCode).toBe(200);
    const auditAfter = Number((await h.ctx.db.selectFrom('auditEvent').select((eb) => eb.fn.countAll<number>().as('n')).where('objectType', '=', 'project').executeTakeFirstOrThrow()).n);
    expect(auditAfter).toBe(auditBefore);

    data.infra[0]!.done = 39000;
    const next = (await upload(await countyLedger(groups, { month: 10 }))).json();
    expect(next.sheets[0].throughMonth).toBe(10);
    const changed = next.rows.find((row: { name: string }) => row.name === '恒通水利工程');
    expect(changed.action).toBe('update');
    expect(changed.changes).toEqual(expect.arrayContaining([{ field: 'completed', label: '已完成投资', before: 36084 * WAN, after: 39000 * WAN }]));
    expect((await commit(next.batchId)).statusCode).toBe(200);
    const id = (await h.ctx.db.selectFrom('project').select('id').where('name', '=', '恒通水利工程').executeTakeFirstOrThrow()).id;
    const history = (await h.request('GET', `/api/v1/projects/${id}/history`, { cookie: office.cookie })).json();
    expect(history.items[0]).toMatchObject({ objectType: 'project', action: 'import_update', actionLabel: '导入更新' });
    expect(history.items[0].changes.find((c: { field: string }) => c.field === 'completed')).toMatchObject({ before: 36084 * WAN, after: 39000 * WAN });
    expect((await commit(next.batchId)).statusCode).toBe(409);
  });

  it('reads its own export back as the same ledger (round trip)', async () => {
    for (const unit of ['wan', 'yi']) {
      const exported = await h.app.inject({ method: 'GET', url: `/api/v1/projects/export.xlsx?year=2023&unit=${unit}`, headers: { cookie: office.cookie } });
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toContain('spreadsheetml');
      const back = (await upload(exported.rawPayload, `export-${unit}.xlsx`)).json();
      expect(back.counts, JSON.stringify(back.rows.filter((r: { action: string }) => r.action !== 'unchanged').slice(0, 3))).toMatchObject({ create: 0, update: 0, unchanged: 4, errors: 0 });
      expect(back.sheets[0].checks.every((c: { matches: boolean }) => c.matches)).toBe(true);
      await h.request('DELETE', `/api/v1/imports/${back.batchId}`, { cookie: office.cookie });
    }
  });

  it('lets the user correct a column\'s meaning before committing', async () => {
    const other = (await f.county('YY县')).county;
    const o2 = await f.session('office', other);
    const file = await xlsx([{ name: 'Sheet1', rows: [['项目名称', '项目类别', '所属行业', '总投资（万元）', '备用列'], ['冷链物流中心', '服务业', '物流', 5000, 800]] }]);
    const preview = (await upload(file, 'simple.xlsx', o2.cookie)).json();
    const spare = preview.sheets[0].columns.find((c: { header: string }) => c.header === '备用列') ?? preview.sheets[0].unusedColumns.find((c: { header: string }) => c.header === '备用列');
    expect(spare.field).toBeNull();
    const corrected = await h.request('POST', `/api/v1/imports/${preview.batchId}/preview`, { cookie: o2.cookie, body: { year: 2024, mapping: { [spare.index]: 'plan' } } });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().sheets[0].columns.find((c: { index: number }) => c.index === spare.index)).toMatchObject({ field: 'plan', source: 'user' });
    const done = await h.request('POST', `/api/v1/imports/${preview.batchId}/commit`, { cookie: o2.cookie, body: {} });
    expect(done.statusCode, done.body).toBe(200);
    const plan = await h.ctx.db.selectFrom('annualPlan').innerJoin('project', 'project.id', 'annualPlan.projectId').select(['annualPlan.plan', 'annualPlan.year']).where('project.regionCode', '=', other).executeTakeFirstOrThrow();
    expect(plan).toEqual({ plan: 800 * WAN, year: 2024 });
  });

  it('refuses a project code already used in another county, or twice in the file', async () => {
    const elsewhere = (await f.county('甲县')).county;
    await f.project(elsewhere, { name: '甲县项目', code: 'SHARED-001' });
    const file = await xlsx([{ name: 'S', rows: [['项目代码', '项目名称', '项目类别', '总投资（万元）', '年度计划投资（2026年）'], ['SHARED-001', '乙县新项目', '工业', 100, 10], ['TWICE-1', '乙县二', '工业', 100, 10], ['TWICE-1', '乙县三', '工业', 100, 10]] }]);
    const preview = (await upload(file, 'codes.xlsx')).json();
    const messages = preview.problems.map((p: { message: string }) => p.message).join('\n');
    expect(messages).toContain('项目代码 SHARED-001 已被其他地区的项目使用');
    expect(messages).toContain('项目代码 TWICE-1 相同');
    expect(messages).not.toContain('甲县项目');
    expect((await commit(preview.batchId)).statusCode).toBe(422);
  });

  it('refuses a file with a row error as a whole, writing nothing', async () => {
    const before = await projectCount();
    const file = await xlsx([{ name: 'Sheet1', rows: [['项目名称', '项目类别', '总投资（万元）'], ['新项目甲', '工业', 100], ['', '工业', 200], ['新项目乙', '工业', '约1亿']] }]);
    const preview = (await upload(file)).json();
    expect(preview.counts.errors).toBeGreaterThan(0);
    const res = await commit(preview.batchId);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('未导入任何数据');
    expect(res.json().error.details.problems.length).toBeGreaterThan(0);
    expect(await projectCount()).toBe(before);
  });

  it('expires a preview left for a day, removing its upload', async () => {
    const file = await xlsx([{ name: 'S', rows: [['项目名称', '项目类别', '总投资（万元）'], ['过期项目', '工业', 10]] }]);
    const stale = (await upload(file, 'stale.xlsx')).json();
    const dir = join(h.ctx.config.dataDir, 'imports');
    const keyOf = async (id: number) => JSON.parse((await h.ctx.db.selectFrom('importBatch').select('options').where('id', '=', id).executeTakeFirstOrThrow()).options).key as string;
    const staleFile = `${await keyOf(stale.batchId)}.upload`;
    expect(readdirSync(dir)).toContain(staleFile);
    h.clock.advance(25 * 3_600_000);
    office = await f.session('office', county); // a day later: a new working session
    const fresh = (await upload(file, 'fresh.xlsx')).json();
    expect(readdirSync(dir)).not.toContain(staleFile);
    expect(readdirSync(dir)).toContain(`${await keyOf(fresh.batchId)}.upload`);
    const res = await commit(stale.batchId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('过期');
    await h.request('DELETE', `/api/v1/imports/${fresh.batchId}`, { cookie: office.cookie });
  });

  it.each([
    ['not a spreadsheet', Buffer.from('\x89PNG\r\n\x1a\n0000000000'), 'photo.xlsx', 415],
    ['an empty file', Buffer.alloc(0), 'empty.xlsx', 400],
    ['an old .xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]), 'old.xls', 415],
  ])('refuses %s with a Chinese message', async (_label, buffer, filename, status) => {
    const res = await upload(buffer, filename);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('refuses a workbook with no recognisable header', async () => {
    const res = await upload(await xlsx([{ name: 'Sheet1', rows: [['甲', '乙'], [1, 2]] }]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/表头|台账/);
  });

  it('lets only the office import, and hides another county\'s batch', async () => {
    const viewer = await f.session('viewer', county);
    expect((await upload(await xlsx([{ name: 'S', rows: [['项目名称'], ['x']] }]), 'a.xlsx', viewer.cookie)).statusCode).toBe(403);
    const other = (await f.county('ZZ县')).county;
    const o3 = await f.session('office', other);
    const preview = (await upload(await xlsx([{ name: 'S', rows: [['项目名称', '项目类别', '总投资（万元）'], ['跨县项目', '工业', 10]] }]), 'b.xlsx', o3.cookie)).json();
    expect((await commit(preview.batchId)).statusCode).toBe(404);
  });
});
