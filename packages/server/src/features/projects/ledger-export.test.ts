import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories } from '../../test/factories';
import { savePlan } from './parts-service';
import { systemUser } from '../../lib/system-user';

// The printed ledger: layout, figures in the chosen unit, formulas neutralised, audited.
describe.each(DIALECTS)('ledger export on %s', (dialect) => {
  let h: Harness;
  let cookie: string;
  let viewerCookie: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    const f = factories(h);
    const county = (await f.county('导出县')).county;
    cookie = (await f.session('office', county)).cookie;
    viewerCookie = (await f.session('viewer', county)).cookie;
    const a = await f.project(county, { name: '=HYPERLINK("http://evil","点我")', category: 'industrial', totalInvestment: 1_234_567_800, contentScale: '@SUM(A1:A9)' });
    const b = await f.project(county, { name: '城区道路提升项目', category: 'infrastructure', totalInvestment: 500_000_000 });
    for (const [p, plan] of [[a, 300_000_000], [b, 100_000_000]] as const) await savePlan(h.ctx, systemUser('office', county), p.id, { year: 2026, plan, target: plan, completed: plan / 2, completedThrough: '2026-06' });
  });
  afterAll(() => h.close());

  const read = async (query: string, c = cookie) => {
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/projects/export.xlsx?${query}`, headers: { cookie: c } });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return { res, ws: book.worksheets[0]! };
  };
  const rowTexts = (ws: ExcelJS.Worksheet) => {
    const out: unknown[][] = [];
    ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };

  it('lays the ledger out as offices print it, in 万元, with subtotals and a total', async () => {
    const { res, ws } = await read('year=2026&unit=wan');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('导出县2026年重点项目台账.xlsx');
    const rows = rowTexts(ws);
    expect(String(rows[0]![0])).toBe('导出县2026年重点项目台账');
    expect(String(rows[1]![0])).toMatch(/^（截至\d{4}年\d+月\d+日）\u3000金额单位：万元$/);
    expect(rows[2]![14]).toBe('2026年度投资（万元）');
    expect(rows[3]!.slice(14, 18)).toEqual(['计划投资', '力争投资', '1-6月完成', '上年同期完成']);
    const flat = rows.map((r) => r.map((v) => (v == null ? '' : String(v))).join('|'));
    expect(flat.some((l) => l.startsWith('一、工业项目（1个）'))).toBe(true);
    expect(flat.some((l) => l.startsWith('三、基础设施和民生项目（1个）'))).toBe(true);
    const total = rows.find((r) => r[1] === '总计')!;
    expect(total[13]).toBe(173456.78);
    expect(total[14]).toBe(40000);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 8 });
  });

  it('gives 亿元 when asked and neutralises text that a spreadsheet would run as a formula', async () => {
    const { ws } = await read('year=2026&unit=yi');
    const rows = rowTexts(ws);
    expect(rows.find((r) => r[1] === '总计')![13]).toBe(17.3456780);
    const evil = rows.find((r) => String(r[1]).includes('HYPERLINK'))!;
    expect(evil[1]).toBe('\'=HYPERLINK("http://evil","点我")');
    expect(evil[12]).toBe('\'@SUM(A1:A9)');
  });

  it('exports what the filter shows, and audits every export', async () => {
    const { ws } = await read('year=2026&category=infrastructure', viewerCookie);
    const names = rowTexts(ws).map((r) => r[1]);
    expect(names).toContain('城区道路提升项目');
    expect(names.some((n) => String(n).includes('HYPERLINK'))).toBe(false);
    const audit = await h.ctx.db.selectFrom('auditEvent').selectAll().where('action', '=', 'export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after!)).toMatchObject({ filter: { year: '2026', category: 'infrastructure' }, rows: 1 });
    const bad = await h.app.inject({ method: 'GET', url: '/api/v1/projects/export.xlsx?unit=jin', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('金额单位');
  });
});
