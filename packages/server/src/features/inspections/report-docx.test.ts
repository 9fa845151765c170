import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inflateText } from '../../lib/documents/zip-inflate';
import { inspectZip } from '../../lib/documents/zip-guard';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { makeJpeg } from '../../test/media/fixtures';
import { SITE } from '../../test/report-fixtures';
import { contradiction, inspectedCounty, planInspection, uploadToFinding, VISIT_DAY, type InspectedCounty } from './test-county';

// The inspection report as Word opens it: read back from the .docx (a zip) — the title, the
// team, the table of projects with their ratings, each project's 账面地面 table with the
// differences in red, the demands, the photos — and every download audited as an export.

async function documentOf(buf: Buffer) {
  const entries = inspectZip(buf);
  const doc = entries.find((e) => e.name === 'word/document.xml');
  if (!doc) throw new Error('no word/document.xml');
  const xml = await inflateText(buf, doc, 20 * 1024 * 1024);
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => [...cell[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''))));
  return { xml, text: paragraphs.join('\n'), tables, names: entries.map((e) => e.name) };
}

describe.each(DIALECTS)('the inspection report (.docx) on %s', (dialect) => {
  let h: Harness;
  let c: InspectedCounty;
  let planId: number;
  beforeAll(async () => {
    h = await startHarness(dialect);
    c = await inspectedCounty(h);
    planId = (await planInspection(h, c)).id;
    const put = (projectId: number, body: Record<string, unknown>) => h.request('PUT', `/api/v1/inspections/${planId}/projects/${projectId}/finding`, { cookie: c.inspector.cookie, body });
    const first = await put(c.project.id, contradiction(c));
    if (first.statusCode !== 200) throw new Error(first.body);
    const onSite = { dateTimeOriginal: '2026:06:10 10:15:00', offsetTimeOriginal: '+08:00', gps: { lat: SITE.lat, lng: SITE.lng } };
    await uploadToFinding(h, c.inspector.cookie, first.json().finding.id, '现场.jpg', await makeJpeg({ width: 800, height: 600, seed: 3, exif: onSite as never }));
    await put(c.second.id, { version: null, visitedOn: VISIT_DAY, observedProgress: '正在办理施工许可', observedStage: 'preparing', rating: 'good' });
  });
  afterAll(() => h.close());

  const download = (cookie: string) => h.request('GET', `/api/v1/inspections/${planId}/report.docx`, { cookie });

  it('writes the report while the inspection runs, marked as such, and audits the export', async () => {
    const { result: res, rows } = await c.f.audited(() => download(c.office.cookie));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('2026年6月重点项目联合督导检查情况报告.docx'));
    const { text } = await documentOf(res.rawPayload);
    expect(text).toContain('2026年6月重点项目联合督导检查情况报告（检查进行中）');
    expect(rows.map((r) => [r.action, r.objectType, r.objectId, r.userId])).toEqual([['export', 'inspection', String(planId), c.office.id]]);
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ projects: 2, visited: 2, booksAhead: 1 });
  });

  it('holds the plan, the overview, the project table and each project’s comparison with the differences in red', async () => {
    const plan = (await h.request('GET', `/api/v1/inspections/${planId}`, { cookie: c.office.cookie })).json();
    expect((await h.request('POST', `/api/v1/inspections/${planId}/finish`, { cookie: c.office.cookie, body: { version: plan.version } })).statusCode).toBe(200);
    const res = await download(c.viewer.cookie);
    expect(res.statusCode).toBe(200);
    const { xml, text, tables, names } = await documentOf(res.rawPayload);
    const lines = text.split('\n');
    expect(lines[0]).toBe('2026年6月重点项目联合督导检查情况报告');
    expect(text).toContain('检查时间：2026年6月10日');
    expect(text).toContain('检查组成员：inspector用户、县发改局 王五');
    expect(text).toContain('本次督导检查共检查重点项目 2 个，评价为「好」的 1 个、「一般」的 0 个、「差」的 1 个。');
    expect(text).toContain('发现账面超前（月报或台账所报进度超过现场实际）的项目 1 个：城南智能装备产业园。');
    expect(text).toContain('共提出整改要求 2 条，其中转问题督办 1 条、列督办事项 1 条。');
    expect(text).toContain('（一）城南智能装备产业园');
    expect(text).toContain('对照依据：2026年5月月报及项目台账');
    expect(text).toContain('1. 【施工】如实填报形象进度，5 日内更正月报（整改期限 2026-06-20，转问题督办）');
    expect(text).toContain('（二）高新区标准化厂房');
    expect(text).toContain('对照依据：项目台账（无已报送月报）');
    expect(lines.at(-1)).toBe('2026年6月10日');
    expect(lines.at(-2)).toBe('测试县重点项目推进办公室');

    expect(tables).toHaveLength(3);
    const [overview, first, second] = tables;
    expect(overview![0]).toEqual(['序号', '项目名称', '责任单位', '检查日期', '评价', '账面地面对照', '整改要求']);
    expect(overview![1]).toEqual(['1', '城南智能装备产业园', c.dept.name, VISIT_DAY, '差', '账面超前', '2 条']);
    expect(overview![2]).toEqual(['2', '高新区标准化厂房', c.dept.name, VISIT_DAY, '好', '相符', '0 条']);
    expect(first![0]).toEqual(['对照项目', '账面（月报/台账）', '地面（现场检查）', '对照结果']);
    const row = (label: string) => first!.find((r) => r[0] === label);
    expect(row('节点：主体封顶')).toEqual(['节点：主体封顶', '已完成（2026-05-28）', '现场未完成', '账面超前账面已完成，现场未完成']);
    expect(row('开工以来累计完成投资')).toEqual(['开工以来累计完成投资', '9,000.00 万元', '约 6,000.00 万元', '账面超前现场估算比月报低 33%']);
    expect(row('节点：开工建设')![3]).toBe('一致');
    expect(second!.find((r) => r[0] === '项目阶段')).toEqual(['项目阶段', '前期', '前期', '一致']);
    // Differences are red and shaded; the one photo of the first project is embedded.
    expect(xml).toMatch(/<w:color w:val="C00000"\/>[\s\S]*?账面超前/);
    expect(xml).toContain('w:fill="FDE9E7"');
    expect(names.filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
  });

  it('shows a department only its projects, and no one outside scope anything', async () => {
    const stranger = await c.f.session('office', c.far.county);
    expect((await download(stranger.cookie)).statusCode).toBe(404);
    expect((await download('')).statusCode).toBe(401);
    expect((await h.request('GET', '/api/v1/inspections/abc/report.docx', { cookie: c.office.cookie })).statusCode).toBe(400);
  });
});
