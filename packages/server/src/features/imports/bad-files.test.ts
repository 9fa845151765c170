import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { factories } from '../../test/factories';
import { xlsx } from '../../test/workbooks';
import { declareSize, deflated, handZip, oleFile } from '../../lib/documents/test-files';

// Every bad file gets a clear Chinese refusal at the upload, and leaves the ledger, the
// import history and the upload folder exactly as they were.

describe.each(DIALECTS)('bad ledger files on %s', (dialect) => {
  let h: Harness;
  let cookie: string;
  let county: string;

  beforeAll(async () => {
    h = await startHarness(dialect);
    const f = factories(h);
    county = (await f.county()).county;
    cookie = (await f.session('office', county)).cookie;
    await f.project(county, { name: '原有项目' });
  });
  afterAll(() => h.close());

  const upload = (buffer: Buffer, filename: string) =>
    h.app.inject({
      method: 'POST', url: `/api/v1/imports/ledger?filename=${encodeURIComponent(filename)}`,
      headers: { cookie, 'x-requested-with': 'tuijin', 'content-type': 'application/octet-stream' }, payload: buffer,
    });
  const state = async () => ({
    projects: (await h.ctx.db.selectFrom('project').select(['id', 'version']).orderBy('id').execute()),
    batches: (await h.ctx.db.selectFrom('importBatch').select('id').execute()).length,
    uploads: existsSync(join(h.ctx.config.dataDir, 'imports')) ? readdirSync(join(h.ctx.config.dataDir, 'imports')).length : 0,
  });

  const cases: [string, () => Promise<Buffer> | Buffer, string, number, RegExp][] = [
    ['a PNG named .xlsx', () => Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'ledger.xlsx', 415, /不是.*表格|无法识别|不支持/],
    ['a password-protected workbook', () => oleFile('EncryptionInfo'), 'ledger.xlsx', 422, /加密/],
    ['an old .xls', () => oleFile(null), 'ledger.xls', 415, /另存为|xlsx/],
    ['an empty workbook', () => xlsx([{ name: 'Sheet1', rows: [] }]), 'ledger.xlsx', 422, /没有数据/],
    ['a zip bomb', () => declareSize(handZip([deflated('xl/workbook.xml', '<workbook/>'), deflated('xl/worksheets/sheet1.xml', 'x'.repeat(1000))]), 'xl/worksheets/sheet1.xml', 3_000_000_000), 'ledger.xlsx', 413, /超过|上限|过大/],
    ['a sheet with no ledger header', () => xlsx([{ name: 'Sheet1', rows: [['会议纪要'], ['一、会议议题']] }]), 'notes.xlsx', 422, /表头|台账/],
    ['a truncated workbook', async () => (await xlsx([{ name: 'S', rows: [['项目名称', '总投资']] }])).subarray(0, 300), 'ledger.xlsx', 422, /损坏|不完整|无法读取/],
    ['a CSV in no known encoding', () => Buffer.from([0x61, 0x62, 0xff, 0xff, 0x0a, 0x80, 0xff]), 'ledger.csv', 422, /编码/],
  ];

  it.each(cases)('refuses %s with a Chinese message and changes nothing', async (_name, make, filename, status, message) => {
    const before = await state();
    const res = await upload(await make(), filename);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.message).toMatch(message);
    expect(await state()).toEqual(before);
  });

  it('reads a GB18030 CSV and a __proto__ header, and warns about formulas', async () => {
    // 项目名称,项目类别,总投资（万元） / 项目一,工业,100 — in GB18030, as WPS saves a CSV on a Chinese Windows.
    const hex = 'cfeec4bfc3fbb3c6' + '2c' + 'cfeec4bfc0e0b1f0' + '2c' + 'd7dccdb6d7caa3a8cdf2d4aaa3a9' + '0d0a' + 'cfeec4bfd2bb' + '2c' + 'b9a4d2b5' + '2c' + '313030' + '0d0a';
    const res = await upload(Buffer.from(hex, 'hex'), 'ledger.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows).toEqual([expect.objectContaining({ name: '项目一', action: 'create' })]);
    // No year anywhere in the file: the user is told and the commit waits for one, nothing is guessed.
    expect(res.json().problems).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'error', message: expect.stringMatching(/年度/) })]));
    await h.request('DELETE', `/api/v1/imports/${res.json().batchId}`, { cookie });
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('S');
    ws.addRow(['项目名称', '项目类别', '总投资（万元）', '__proto__', '年度计划投资（万元）']);
    ws.addRow(['公式项目', '工业', 100, 'x', { formula: 'C2*0.3', result: 30 }]);
    const formula = await upload(Buffer.from(await book.xlsx.writeBuffer()), 'formula.xlsx');
    expect(formula.statusCode, formula.body).toBe(200);
    const preview = formula.json();
    expect(preview.problems.some((p: { level: string; message: string }) => p.level === 'warning' && p.message.includes('公式'))).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    await h.request('DELETE', `/api/v1/imports/${preview.batchId}`, { cookie });
  });
});
