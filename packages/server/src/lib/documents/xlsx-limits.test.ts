import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './limits';
import { readSpreadsheet } from './read-sheets';
import { declareSize, handXlsx, handZip, deflated, refusal, sheetXml, workbook, zerosThenGarbage } from './test-files';

// Hostile and oversized .xlsx files: each refused with its status and message, quickly, and
// before the expensive part (exceljs building a model in memory) begins.

const DAMAGED = '文件已损坏或不完整，无法读取。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入';
const UNREADABLE = '文件的内部格式无法可靠读取（可能由其他软件生成）。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入';
const BOMB = '文件解压后超过 200 MB 上限或压缩比异常，已拒绝（疑似压缩炸弹）';

/** A sheet part of `rows` numbered rows, deflated as it is generated (the test never holds the XML). */
async function manyRowsSheet(rows: number): Promise<{ data: Buffer; uncompressedSize: number }> {
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  let size = 0;
  const write = async (text: string) => {
    size += Buffer.byteLength(text);
    if (!deflate.write(text)) await once(deflate, 'drain');
  };
  await write('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  for (let start = 1; start <= rows; start += 10_000) {
    let batch = '';
    for (let r = start; r < Math.min(start + 10_000, rows + 1); r++) batch += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
    await write(batch);
  }
  await write('</sheetData></worksheet>');
  deflate.end();
  await once(deflate, 'end');
  return { data: Buffer.concat(out), uncompressedSize: size };
}

describe('readSpreadsheet refuses hostile .xlsx files', () => {
  it('refuses a million rows within a second or two, as the rows stream in', async () => {
    const sheet = await manyRowsSheet(1_000_000);
    const buf = handXlsx({ extra: [{ name: 'xl/worksheets/sheet1.xml', method: 8, ...sheet }] });
    const started = Date.now();
    const e = await refusal(readSpreadsheet(buf, 'ledger.xlsx'));
    expect([e.status, e.message, e.details]).toEqual([413, '表格行数超过上限 100000 行，请拆分后导入', { reason: 'row_count' }]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('counts rows over the whole workbook, and accepts the limit itself', async () => {
    const limits = { ...DEFAULT_LIMITS, maxRows: 3 };
    const three = await workbook((b) => {
      b.addWorksheet('a').addRows([[1], [2]]);
      b.addWorksheet('b').addRows([[3]]);
    });
    expect((await readSpreadsheet(three, 'a.xlsx', limits)).flatMap((g) => g.rows)).toEqual([[1], [2], [3]]);
    const four = await workbook((b) => {
      b.addWorksheet('a').addRows([[1], [2]]);
      b.addWorksheet('b').addRows([[3], [4]]);
    });
    const e = await refusal(readSpreadsheet(four, 'a.xlsx', limits));
    expect([e.status, e.message]).toEqual([413, '表格行数超过上限 3 行，请拆分后导入']);
  });

  it('refuses a value beyond column 200, but not formatting there', async () => {
    const formatted = await workbook((b) => {
      const ws = b.addWorksheet('a');
      ws.getCell(1, 1).value = '项目名称';
      ws.getCell(1, 250).border = { top: { style: 'thin' } };
    });
    expect((await readSpreadsheet(formatted, 'a.xlsx'))[0]!.rows).toEqual([['项目名称']]);
    const wide = await workbook((b) => {
      b.addWorksheet('a').getCell(1, 201).value = '多余';
    });
    const e = await refusal(readSpreadsheet(wide, 'a.xlsx'));
    expect([e.status, e.message, e.details]).toEqual([413, '表格列数超过上限 200 列，请删除多余的列后导入', { reason: 'column_count' }]);
  });

  it('refuses more cells than the limit, empty formatted ones included', async () => {
    const buf = await workbook((b) => {
      const ws = b.addWorksheet('a');
      for (let r = 1; r <= 40; r++) for (let c = 1; c <= 30; c++) ws.getCell(r, c).border = { top: { style: 'thin' } };
    });
    const e = await refusal(readSpreadsheet(buf, 'a.xlsx', { ...DEFAULT_LIMITS, maxCells: 1000 }));
    expect([e.status, e.message]).toEqual([413, '表格单元格数量超过上限 1000 个（含设置了格式的空白单元格），请清除多余的空白行列或拆分后导入']);
  });

  it('stops inflating a part the moment it passes its declared size (a lying bomb)', async () => {
    // Declares 1 KB; inflates to 100 MB of zeros and then garbage. Reaching the garbage would
    // end in "damaged": the refusal for the size proves inflating stopped at the first chunk.
    const data = await zerosThenGarbage(100);
    const buf = handXlsx({ extra: [{ name: 'xl/worksheets/sheet1.xml', data, method: 8, uncompressedSize: 1024 }] });
    const e = await refusal(readSpreadsheet(buf, 'ledger.xlsx'));
    expect([e.status, e.message, e.details]).toEqual([413, BOMB, { reason: 'inflated_size' }]);
  });

  it('catches an understated size in an otherwise genuine workbook', async () => {
    const genuine = await workbook((b) => b.addWorksheet('a').addRows(Array.from({ length: 500 }, (_, i) => [i, `项目${i}`])));
    const e = await refusal(readSpreadsheet(declareSize(genuine, 'xl/worksheets/sheet1.xml', 100), 'a.xlsx'));
    expect([e.status, e.details]).toEqual([413, { reason: 'inflated_size' }]);
  });

  it('refuses a truncated file as damaged', async () => {
    const buf = await workbook((b) => b.addWorksheet('a').addRows(Array.from({ length: 200 }, (_, i) => [i, `项目${i}`])));
    const e = await refusal(readSpreadsheet(buf.subarray(0, Math.floor(buf.length / 2)), 'ledger.xlsx'));
    expect([e.status, e.message]).toEqual([422, DAMAGED]);
  });

  it('refuses layouts exceljs would misread without an error', async () => {
    const prefixed = handXlsx({
      sheet: '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    });
    const unnumbered = handXlsx({ sheet: sheetXml('<row><c r="A1"><v>1</v></c></row>') });
    // exceljs would read this date as the number 2023.
    const isoDate = handXlsx({ sheet: sheetXml('<row r="1"><c r="A1" t="d"><v>2023-03-15T00:00:00</v></c></row>') });
    const cases = [[prefixed, 'prefixed_xml'], [unnumbered, 'row_without_number'], [isoDate, 'iso_date_cells']] as const;
    for (const [buf, reason] of cases) {
      const e = await refusal(readSpreadsheet(buf, 'a.xlsx'));
      expect([e.status, e.message, e.details]).toEqual([422, UNREADABLE, { reason }]);
    }
  });

  it('refuses rows out of order or past Excel’s last row', async () => {
    for (const rows of ['<row r="2"/><row r="2"/>', '<row r="5"/><row r="3"/>', '<row r="1048577"/>']) {
      const e = await refusal(readSpreadsheet(handXlsx({ sheet: sheetXml(rows) }), 'a.xlsx'));
      expect([e.status, e.details]).toEqual([422, { reason: 'row_number' }]);
    }
  });

  it('refuses a ZIP without a workbook part as not a spreadsheet', async () => {
    const docx = handZip([deflated('[Content_Types].xml', '<Types/>'), deflated('word/document.xml', '<w:document/>')]);
    const e = await refusal(readSpreadsheet(docx, 'ledger.xlsx'));
    expect([e.status, e.message]).toEqual([415, '文件不是 Excel 表格（.xlsx）或 CSV 文件，无法导入']);
  });
});
