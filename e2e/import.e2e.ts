import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, screenshot } from './browser';

// The office brings its own spreadsheet: upload, look at the preview, tell the importer
// what an unrecognised column means, commit, and find the projects in the ledger.

const baseUrl = inject('baseUrl');
const password = inject('password');
let browser: Browser;
let file: string;

beforeAll(async () => {
  browser = await launch();
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('台账');
  ws.addRow(['示范县2026年重点项目推进情况表']);
  ws.addRow(['填报单位：示范县重点项目办　截止时间：2026年8月31日　金额单位：万元']);
  ws.addRow(['序号', '项目名称', '项目类别', '所属行业', '总投资', '今年安排', '当前进展']);
  ws.addRow([1, '浏览器导入冷链物流中心', '服务业', '物流', 12000, 3000, '在建']);
  ws.addRow([2, '浏览器导入光伏组件项目', '工业', '新能源', 56000, 9000, '签约']);
  ws.addRow(['', '合计', '', '', 68000, 12000, '']);
  ws.mergeCells('A1:G1');
  ws.mergeCells('A2:G2');
  file = join(mkdtempSync(join(tmpdir(), 'tuijin-e2e-import-')), '示范县台账.xlsx');
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
});
afterAll(async () => {
  await browser?.close();
});

describe('ledger import in the browser', () => {
  it('previews, fixes a column mapping and commits', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
    await login(page, baseUrl, 'e2e_office', password);
    await page.goto(`${baseUrl}/imports`);
    await page.getByTestId('import-file').setInputFiles(file);
    const counts = page.getByTestId('import-counts');
    await expect.poll(() => counts.textContent(), { timeout: 20_000 }).toContain('新增');
    // 「今年安排」 is not a wording the dictionary knows: the column is offered as unused.
    const select = page.getByTestId('import-map-F');
    await expect.poll(() => select.textContent()).toMatch(/不导入|未识别|请选择/);
    await screenshot(page, 'import-preview');
    // The list is long (and virtual): search it, as a clerk would.
    await select.click();
    await page.keyboard.type('年度计划');
    await page.locator('.ant-select-dropdown:visible').getByTitle('年度计划投资').click();
    await expect.poll(() => page.getByTestId('import-rows').textContent()).toContain('年度计划投资');
    await page.getByTestId('import-commit').click();
    await expect.poll(() => page.getByTestId('import-done').isVisible(), { timeout: 20_000 }).toBe(true);
    await screenshot(page, 'import-done');

    const list = await (await page.request.get(`${baseUrl}/api/v1/projects?year=2026&q=${encodeURIComponent('浏览器导入')}`)).json();
    expect(list.total).toBe(2);
    const cold = list.items.find((i: { name: string }) => i.name === '浏览器导入冷链物流中心');
    expect(cold).toMatchObject({ category: 'services', industry: 'logistics', stage: 'under_construction', totalInvestment: 120_000_000, plan: 30_000_000 });
  });
});
