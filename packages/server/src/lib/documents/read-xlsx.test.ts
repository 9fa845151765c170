import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from './read-sheets';
import { deflated, handXlsx, handZip, refusal, rewriteXlsx, sheetXml, workbook, worksheetRel } from './test-files';
import { inspectZip } from './zip-guard';

// Reading well-formed workbooks: what each kind of cell becomes, and the layouts offices use.

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('readSpreadsheet on .xlsx', () => {
  it('reads a ledger with a title, a two-row merged header, formulas, dates, rich text and links', async () => {
    const buf = await workbook((b) => {
      const ws = b.addWorksheet('2023台账');
      ws.addRow(['XX县2023年县级重点建设项目推进情况表']);
      ws.addRow(['序号', '项目名称', '2023年度投资（万元）', null, '开工时间', '备注', '翻倍']);
      ws.addRow([null, null, '计划投资', '1-8月完成']);
      ws.addRow([1, '  正大高端装备项目 ', 44108, 15925.5, utc(2023, 3, 15), { richText: [{ text: '已', font: { bold: true } }, { text: '开工' }] }]);
      ws.addRow([2, { text: '新材料项目', hyperlink: 'https://example.com/p/2' }, 73745, { error: '#N/A' }, null, true]);
      ws.addRow([null, '合计', { formula: 'SUM(C4:C5)', result: 117853 }, { formula: 'D4', result: 15925.5 }, { formula: 'DATE(2023,1,2)', result: utc(2023, 1, 2) }, { formula: 'C4*2' }]);
      ws.getCell('E6').numFmt = 'yyyy-mm-dd';
      ws.fillFormula('G4:G5', 'C4*2', [88216, 147490]);
      for (const range of ['A1:G1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:F3', 'G2:G3']) ws.mergeCells(range);
    });

    const [grid, ...others] = await readSpreadsheet(buf, '台账.xlsx');
    expect(others).toEqual([]);
    expect(grid!.name).toBe('2023台账');
    expect(grid!.rows).toEqual([
      ['XX县2023年县级重点建设项目推进情况表'],
      ['序号', '项目名称', '2023年度投资（万元）', null, '开工时间', '备注', '翻倍'],
      [null, null, '计划投资', '1-8月完成'],
      [1, '  正大高端装备项目 ', 44108, 15925.5, utc(2023, 3, 15), '已开工', 88216],
      [2, '新材料项目', 73745, null, null, true, 147490],
      [null, '合计', 117853, 15925.5, utc(2023, 1, 2)],
    ]);
    expect(grid!.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 6 },
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 3 },
      { top: 1, left: 4, bottom: 2, right: 4 },
      { top: 1, left: 5, bottom: 2, right: 5 },
      { top: 1, left: 6, bottom: 2, right: 6 },
    ]);
    // F6 was never calculated: no value, but still listed so the parser can say so.
    expect(grid!.formulaCells).toEqual(['G4', 'G5', 'C6', 'D6', 'E6', 'F6']);
  });

  it('keeps only the top-left value of a merged range, dropping what other writers leave under it', async () => {
    const buf = handXlsx({
      sheet: sheetXml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>残留</t></is></c>' +
          '<c r="C1"><f>1+1</f><v>2</v></c></row><row r="2"><c r="A2"><v>7</v></c></row>',
        '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>',
      ),
    });
    const [grid] = await readSpreadsheet(buf, 'a.xlsx');
    expect(grid).toEqual({ name: 'Sheet1', rows: [['标题'], [7]], merges: [{ top: 0, left: 0, bottom: 0, right: 2 }], formulaCells: [] });
  });

  it('returns every sheet in workbook order, hidden ones and names with XML characters included', async () => {
    const buf = await workbook((b) => {
      b.addWorksheet('A&B<1>').addRow(['甲']);
      b.addWorksheet('下拉选项', { state: 'hidden' }).addRow(['工业']);
      b.addWorksheet('空表');
    });
    const grids = await readSpreadsheet(buf, 'a.xlsx');
    expect(grids.map((g) => [g.name, g.rows])).toEqual([
      ['A&B<1>', [['甲']]],
      ['下拉选项', [['工业']]],
      ['空表', []],
    ]);
  });

  it('keeps sheet names exceljs itself would refuse or cut short', async () => {
    const long = '2023年县级重点建设项目推进情况表（截至九月底，含续建项目）';
    const buf = handXlsx({
      workbook:
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets><sheet name="History" sheetId="1" r:id="rId1"/><sheet name="${long}" sheetId="2" r:id="rId2"/></sheets></workbook>`,
      rels:
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `${worksheetRel('rId1', 'worksheets/sheet1.xml')}${worksheetRel('rId2', 'worksheets/sheet2.xml')}</Relationships>`,
      sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'),
      extra: [deflated('xl/worksheets/sheet2.xml', sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>'))],
    });
    const grids = await readSpreadsheet(buf, 'a.xlsx');
    expect(grids.map((g) => [g.name, g.rows])).toEqual([['History', [[1]]], [long, [[2]]]]);
  });

  it('reads __proto__ and friends as the text they are', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const buf = handXlsx({
      workbook:
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="__proto__" sheetId="1" r:id="__proto__"/></sheets></workbook>',
      rels: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${worksheetRel('__proto__', 'worksheets/sheet1.xml')}</Relationships>`,
      sheet: sheetXml(
        ['__proto__', 'constructor', 'prototype', 'toString']
          .map((t, i) => `<c r="${'ABCD'[i]}1" t="inlineStr"><is><t>${t}</t></is></c>`)
          .join('')
          .replace(/^/, '<row r="1">')
          .concat('</row>'),
      ),
    });
    const [grid] = await readSpreadsheet(buf, 'a.xlsx');
    expect(grid!.name).toBe('__proto__');
    expect(grid!.rows).toEqual([['__proto__', 'constructor', 'prototype', 'toString']]);
    expect(Object.getPrototypeOf(grid!.rows[0])).toBe(Array.prototype);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('finds sheets and shared strings stored under names other than Excel’s', async () => {
    const buf = handXlsx({
      rels:
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        worksheetRel('rId1', '/xl/worksheets/data.xml') +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>' +
        '</Relationships>',
      extra: [
        deflated('xl/worksheets/data.xml', sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c></row>')),
        deflated('xl/strings.xml', '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>项目名称</t></si></sst>'),
      ],
    });
    expect((await readSpreadsheet(buf, 'a.xlsx'))[0]!.rows).toEqual([['项目名称', 12.5]]);
  });

  it('reads parts stored without compression', async () => {
    const stored = (name: string, text: string) => ({ name, data: Buffer.from(text, 'utf8') });
    const deflatedParts = handXlsx({ sheet: sheetXml('<row r="2"><c r="B2" t="inlineStr"><is><t>存储</t></is></c></row>') });
    const buf = handZip(
      inspectZip(deflatedParts).map((e) => stored(e.name, inflateRawSync(deflatedParts.subarray(e.dataOffset, e.dataOffset + e.compressedSize)).toString('utf8'))),
    );
    expect((await readSpreadsheet(buf, 'a.xlsx'))[0]!.rows).toEqual([[], [null, '存储']]);
  });

  it('reads dates of a 1904-based workbook however the flag is spelled', async () => {
    const buf = await workbook((b) => {
      b.properties.date1904 = true;
      b.addWorksheet('a').addRow([utc(2023, 3, 15)]);
    });
    const spelled = rewriteXlsx(buf, (name, text) => (name === 'xl/workbook.xml' ? text.replace('date1904="1"', 'date1904="true"') : text));
    expect((await readSpreadsheet(buf, 'a.xlsx'))[0]!.rows).toEqual([[utc(2023, 3, 15)]]);
    expect((await readSpreadsheet(spelled, 'a.xlsx'))[0]!.rows).toEqual([[utc(2023, 3, 15)]]);
  });

  it('does not let whole-column names, validations and column styles cost their full range', async () => {
    // exceljs expands each of these cell by cell: 27 million objects for the defined name alone.
    const buf = handXlsx({
      workbook:
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="台账" sheetId="1000000000" r:id="rId1"/></sheets>' +
        '<definedNames><definedName name="全表">台账!$A$1:$Z$1048576</definedName></definedNames></workbook>',
      sheet:
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="16384" width="9"/></cols>' +
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c></row></sheetData>' +
        '<dataValidations count="1"><dataValidation type="list" sqref="A1:Z1048576"><formula1>"工业,服务业"</formula1></dataValidation></dataValidations></worksheet>',
    });
    const started = Date.now();
    const [grid] = await readSpreadsheet(buf, 'a.xlsx');
    expect(grid!.rows).toEqual([['项目名称']]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reads 20,000 merged ranges in linear time', async () => {
    const rows: string[] = [];
    const merges: string[] = [];
    for (let r = 1; r <= 20_000; r++) {
      rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
      merges.push(`<mergeCell ref="A${r}:B${r}"/>`);
    }
    const buf = handXlsx({ sheet: sheetXml(rows.join(''), `<mergeCells count="20000">${merges.join('')}</mergeCells>`) });
    const started = Date.now();
    const [grid] = await readSpreadsheet(buf, 'a.xlsx');
    expect(grid!.merges).toHaveLength(20_000);
    expect(grid!.rows[19_999]).toEqual([20_000]);
    // exceljs's own merge handling takes ~25 s here (each merge is checked against all others).
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('says there is no data in a workbook whose sheets are empty, or that has no sheet', async () => {
    const empty = await workbook((b) => {
      b.addWorksheet('Sheet1');
      b.addWorksheet('Sheet2').getCell('C3').border = { top: { style: 'thin' } };
    });
    const none = handXlsx({ workbook: '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>' });
    for (const buf of [empty, none]) {
      const e = await refusal(readSpreadsheet(buf, 'a.xlsx'));
      expect([e.status, e.message]).toEqual([422, '文件中没有数据']);
    }
  });
});
