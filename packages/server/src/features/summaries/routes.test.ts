import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savePlan } from '../projects/parts-service';
import { systemUser } from '../../lib/system-user';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { readDocx } from '../../test/read-docx';
import { SUMMARY_YEAR, summaryCounties, type SummaryCounties } from '../../test/summary-fixtures';

// 年度总结 · 一、基本情况 over the API: drafted from a county's ledger worked out by hand
// (test/summary-fixtures.ts), the city's view with its counties' standing, the data checks, the
// office's edited text (versioned, audited), and the Word file read back.

const PARAGRAPHS = [
  '一是数量多。今年以来全县共实施重点项目5个，其中，工业项目3个，总投资139.2亿元；服务业项目1个，总投资118亿元；基础设施和民生项目1个，总投资5000万元。',
  '二是规模大。从总体规模看，项目总投资达到257.7亿元；从单体规模看，4个项目过亿元，3个项目过10亿元，2个项目过百亿元。',
  '三是层次高。装备制造项目1个，生物医药项目1个，新能源项目1个，战略性新兴产业项目合计3个，占到项目总数60%。',
  '四是进展快。今年计划年度投资45.5亿元，力争49.7亿元，已完成投资41.9亿元，同比增长12%。竣工项目达到1个，占到项目总数的20%。',
  '今年，全县有3个项目被列入市级重点项目（其中1个省级），总投资242.2亿元，年度计划投资42亿元，当年已完成投资39亿元，占年度计划的92.9%。',
];

describe.each(DIALECTS)('annual summary 一、基本情况 on %s', (dialect) => {
  let h: Harness;
  let c: SummaryCounties;
  const url = `/api/v1/summaries/${SUMMARY_YEAR}/basic`;
  const get = (cookie: string, path = url) => h.request('GET', path, { cookie });
  const put = (cookie: string, body: unknown) => h.request('PUT', url, { cookie, body });

  beforeAll(async () => {
    h = await startHarness(dialect);
    c = await summaryCounties(h);
  });
  afterAll(() => h.close());

  it('drafts the county’s paragraphs and figures from its ledger', async () => {
    const res = await get(c.leader.cookie);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ year: 2026, regionCode: c.county, regionName: '示范县', saved: null, canEdit: false, docxUrl: `${url}.docx` });
    expect(s.generated.paragraphs).toEqual(PARAGRAPHS);
    const figure = (key: string) => s.generated.figures.find((f: { key: string }) => f.key === key);
    expect(figure('projects')).toEqual({ key: 'projects', group: '数量', label: '实施重点项目', value: 5, unit: 'count', text: '5个' });
    expect(figure('annual.lastYear').value).toBe(3_740_000_000);
    expect(figure('keyList.completionRate').text).toBe('92.9%');
    expect(s.generated.byCategory.map((r: { label: string; count: number; totalInvestment: number; plan: number; completed: number }) => [r.label, r.count, r.totalInvestment, r.plan, r.completed])).toEqual([
      ['工业', 3, 13_920_000_000, 1_500_000_000, 1_150_000_000],
      ['服务业', 1, 11_800_000_000, 3_000_000_000, 3_000_000_000],
      ['基础设施和民生', 1, 50_000_000, 50_000_000, 40_000_000],
      ['合计', 5, 25_770_000_000, 4_550_000_000, 4_190_000_000],
    ]);
    // The reserve and terminated projects are named, not silently dropped.
    expect(s.generated.inconsistencies.map((i: { code: string }) => i.code)).toEqual(['not_counted_unsigned', 'not_counted_terminated']);
    expect(s.generated.inconsistencies[0].message).toContain('「储备物流园」');
  });

  it('gives a city 全市 and where each county stands', async () => {
    const s = (await get(c.cityOffice.cookie)).json();
    expect(s.regionCode).toBe(c.codes.city);
    expect(s.generated.paragraphs[0]).toMatch(/^一是数量多。今年以来全市共实施重点项目6个，其中，工业项目3个，总投资139.2亿元；服务业项目2个，总投资138亿元；/);
    expect(s.generated.paragraphs[4]).toBe('今年，全市有4个项目被列入市级重点项目（其中1个省级），总投资262.2亿元，年度计划投资47亿元，当年已完成投资43亿元，占年度计划的91.5%。');
    expect(s.generated.paragraphs[5]).toBe('在全市各县（市、区）中，示范县项目总投资、项目个数及当年完成投资均居第一；邻县项目总投资、项目个数及当年完成投资均居第二。');
  });

  it('reports a project with no category and a city-listed project with no plan, and keeps counties apart', async () => {
    const s = (await get(c.elsewhereOffice.cookie)).json();
    expect(s.regionName).toBe('问题县');
    expect(s.generated.paragraphs[0]).toBe('一是数量多。今年以来全县共实施重点项目2个，其中，工业项目1个，总投资12亿元；类别不明的项目1个，总投资3亿元。');
    const checks = Object.fromEntries(s.generated.inconsistencies.map((i: { code: string; message: string }) => [i.code, i.message]));
    expect(checks.category_unknown).toBe('1个项目的项目类别缺失或不在「工业、服务业、基础设施和民生」之列（「无类别项目」）：三类项目合计1个、总投资12亿元，比实施项目总数2个少1个，比项目总投资15亿元少3亿元。请在台账中补正项目类别。');
    expect(checks.key_list_without_plan).toBe('1个市级及以上重点项目没有填报本年度计划投资（「无计划市级项目」），重点项目「占年度计划」的比例无法计算。');
    expect(JSON.stringify(s)).not.toContain('装备制造产业园');
  });

  it('gives a department the region’s text and figures but not the checks that name projects', async () => {
    const dept = await c.f.session('department', c.county, { orgId: (await c.f.org('department', c.county)).id });
    const s = (await get(dept.cookie)).json();
    expect(s.generated.paragraphs).toEqual(PARAGRAPHS);
    expect(s).toMatchObject({ hasChecks: false, generated: { inconsistencies: [] } });
    expect((await get(c.viewer.cookie)).json()).toMatchObject({ hasChecks: true, generated: { inconsistencies: [{ code: 'not_counted_unsigned' }, { code: 'not_counted_terminated' }] } });
  });

  it('refuses a reporter, anonymous callers and a bad year', async () => {
    expect((await get(c.reporter.cookie)).statusCode).toBe(403);
    expect((await h.request('GET', url)).statusCode).toBe(401);
    const bad = await get(c.office.cookie, '/api/v1/summaries/abc/basic');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'year', message: expect.stringContaining('年度') });
  });

  it('saves the office’s text (audited), refuses a stale version, an empty text and a reader', async () => {
    const text = `${PARAGRAPHS.join('\n\n')}\n在各级各部门的共同努力下，重点项目建设取得新突破。`;
    expect((await put(c.viewer.cookie, { text, version: 0 })).statusCode).toBe(403);
    const empty = await put(c.office.cookie, { text: '  \n \n', version: 0 });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.details).toEqual([{ field: 'text', message: '总结内容：不能为空' }]);
    expect((await put(c.office.cookie, { text })).json().error.details[0]).toMatchObject({ field: 'version' });

    const { result: saved, rows } = await c.f.audited(() => put(c.office.cookie, { text, version: 0 }));
    expect(saved.statusCode).toBe(200);
    expect(saved.json().saved).toMatchObject({ version: 1, updatedByName: 'office用户', isDraftChanged: false, inconsistencies: [] });
    // Blank lines are spacing in the editor, not paragraphs.
    expect(saved.json().saved.text).toBe(`${PARAGRAPHS.join('\n')}\n在各级各部门的共同努力下，重点项目建设取得新突破。`);
    expect(rows.map((r) => [r.action, r.objectType, r.userId])).toEqual([['create', 'annual_summary', c.office.id]]);

    // A second office user still holding version 0 (nothing saved when they opened the page).
    const stale = await put(c.office2.cookie, { text: '另一稿', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.saved.version).toBe(1);

    const edited = PARAGRAPHS.join('\n').replace('占到项目总数60%', '占到项目总数80%');
    const { result: second, rows: updates } = await c.f.audited(() => put(c.office2.cookie, { text: edited, version: 1 }));
    expect(second.json().saved.version).toBe(2);
    expect(JSON.parse(updates[0]!.after!)).toEqual({ text: edited });
    expect(JSON.parse(updates[0]!.before!).text).toContain('取得新突破');
    // The edited text is checked against its own numbers.
    expect(second.json().saved.inconsistencies).toEqual([{ code: 'text_share_mismatch', message: '文中「占到项目总数80%」与所列项目数不符：3÷5=60%。' }]);

    const read = (await get(c.viewer.cookie)).json();
    expect(read.saved).toMatchObject({ text: edited, version: 2 });
    expect(read.generated.paragraphs).toEqual(PARAGRAPHS);
    // Another county never sees this county's text.
    expect((await get(c.elsewhereOffice.cookie)).json().saved).toBeNull();
  });

  it('says when the ledger has moved on since the text was saved', async () => {
    const before = (await get(c.office.cookie)).json();
    expect(before.saved.isDraftChanged).toBe(false);
    const plan = await h.ctx.db.selectFrom('annualPlan').select('version').where('projectId', '=', c.p.road.id).where('year', '=', SUMMARY_YEAR).executeTakeFirstOrThrow();
    await savePlan(h.ctx, systemUser('office', c.county), c.p.road.id, { year: SUMMARY_YEAR, plan: 50_000_000, target: 50_000_000, completed: 45_000_000, completedLastYear: 40_000_000, version: plan.version });
    const after = (await get(c.office.cookie)).json();
    expect(after.saved.isDraftChanged).toBe(true);
    expect(after.generated.paragraphs[3]).toContain('已完成投资41.95亿元');
  });

  it('writes the Word file from the saved text, with the figures table and without the checks', async () => {
    const { result: res, rows } = await c.f.audited(() => get(c.viewer.cookie, `${url}.docx`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(String(res.headers['content-disposition'])).toBe(`attachment; filename="summary-2026.docx"; filename*=UTF-8''${encodeURIComponent('2026年重点项目工作总结（基本情况）.docx')}`);
    expect(rows.map((r) => [r.action, r.objectType, r.objectId])).toEqual([['export', 'annual_summary', `${c.county}:2026`]]);
    const { paragraphs, tables, text } = await readDocx(res.rawPayload);
    expect(paragraphs.slice(0, 3)).toEqual(['示范县2026年重点项目工作总结', '一、基本情况', PARAGRAPHS[0]]);
    expect(paragraphs).toContain(PARAGRAPHS[2]!.replace('60%', '80%'));
    expect(paragraphs).toContain('附表：示范县2026年重点项目基本情况统计表');
    expect(paragraphs.slice(-2)).toEqual(['示范县重点项目推进办公室', '2026年6月15日']);
    expect(text).not.toContain('数据核对');
    expect(tables).toEqual([[
      ['类别', '项目个数（个）', '总投资（亿元）', '年度计划投资（亿元）', '已完成投资（亿元）'],
      ['工业', '3', '139.20', '15.00', '11.50'],
      ['服务业', '1', '118.00', '30.00', '30.00'],
      ['基础设施和民生', '1', '0.50', '0.50', '0.45'],
      ['合计', '5', '257.70', '45.50', '41.95'],
    ]]);
    expect((await get(c.reporter.cookie, `${url}.docx`)).statusCode).toBe(403);
  });

  it('drops the saved text on 恢复为系统生成 (audited), refusing a stale version', async () => {
    const stale = await h.request('DELETE', `${url}?version=1`, { cookie: c.office.cookie });
    expect(stale.statusCode).toBe(409);
    expect((await h.request('DELETE', url, { cookie: c.office.cookie })).json().error.details[0]).toMatchObject({ field: 'version' });
    expect((await h.request('DELETE', `${url}?version=2`, { cookie: c.viewer.cookie })).statusCode).toBe(403);
    const { result: res, rows } = await c.f.audited(() => h.request('DELETE', `${url}?version=2`, { cookie: c.office.cookie }));
    expect(res.statusCode).toBe(200);
    expect(res.json().saved).toBeNull();
    expect(rows.map((r) => [r.action, r.objectType])).toEqual([['delete', 'annual_summary']]);
    expect(JSON.parse(rows[0]!.before!)).toMatchObject({ year: 2026, version: 2 });
    expect((await h.request('DELETE', `${url}?version=2`, { cookie: c.office.cookie })).statusCode).toBe(404);
    // The document is the draft again.
    const { paragraphs } = await readDocx((await get(c.office.cookie, `${url}.docx`)).rawPayload);
    expect(paragraphs[2]).toBe(PARAGRAPHS[0]);
    // And a first save starts again from version 0.
    expect((await put(c.office.cookie, { text: '新的一稿。', version: 0 })).json().saved.version).toBe(1);
  });

  it('drafts a year with no ledger without inventing anything', async () => {
    const s = (await get(c.office.cookie, '/api/v1/summaries/2019/basic')).json();
    expect(s.generated.paragraphs).toEqual(['2019年全县暂无实施中的重点项目（本年台账中没有已签约的项目），本部分待台账录入后生成。']);
    expect(s.generated.inconsistencies).toEqual([]);
    expect(s.saved).toBeNull();
  });
});
