import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './limits';
import { parseCsv } from './read-csv';
import { readSpreadsheet } from './read-sheets';
import { refusal } from './test-files';

// Node's TextEncoder writes only UTF-8, so the GB18030 bytes are spelled out (checked against
// Python's codec): what Excel/WPS on a Chinese Windows save as "CSV".
const GB = {
  项目名称: 'cfeec4bfc3fbb3c6',
  总投资: 'd7dccdb6d7ca',
  正大高端装备项目: 'd5fdb4f3b8dfb6cbd7b0b1b8cfeec4bf',
  '𠀀': '95328236', // four bytes: GB18030, not GBK
};
const gb = (...parts: string[]) => Buffer.from(parts.map((p) => GB[p as keyof typeof GB] ?? Buffer.from(p, 'latin1').toString('hex')).join(''), 'hex');

describe('readSpreadsheet on .csv', () => {
  it('reads UTF-8 with a BOM: quotes, commas and line breaks inside fields, text kept as written', async () => {
    const text = '\uFEFF项目名称,总投资,备注\r\n"正大高端装备项目（一期，二期）", 12.5 ,"第一行\r\n第二行"\r\n"说 ""好"" 的",,\r\n\r\n=1+1,-3,@x\r\n';
    const [grid] = await readSpreadsheet(Buffer.from(text, 'utf8'), '县重点项目.csv');
    expect(grid).toEqual({
      name: '县重点项目',
      rows: [
        ['项目名称', '总投资', '备注'],
        ['正大高端装备项目（一期，二期）', ' 12.5 ', '第一行\r\n第二行'],
        ['说 "好" 的'],
        [],
        ['=1+1', '-3', '@x'],
      ],
      merges: [],
      formulaCells: [],
    });
  });

  it('reads UTF-8 without a BOM', async () => {
    const [grid] = await readSpreadsheet(Buffer.from('项目名称,总投资\n甲,1\n', 'utf8'), 'a.csv');
    expect(grid!.rows).toEqual([['项目名称', '总投资'], ['甲', '1']]);
  });

  it('reads GB18030 (and so GBK), four-byte characters included', async () => {
    const buf = gb('项目名称', ',', '总投资', '\r\n', '正大高端装备项目', ',', '108963', '\r\n', '𠀀', '\r\n');
    const [grid] = await readSpreadsheet(buf, 'a.csv');
    expect(grid!.rows).toEqual([['项目名称', '总投资'], ['正大高端装备项目', '108963'], ['𠀀']]);
  });

  it('reads UTF-16 with a BOM', async () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('项目名称,总投资\r\n甲,1', 'utf16le')]);
    expect((await readSpreadsheet(buf, 'a.csv'))[0]!.rows).toEqual([['项目名称', '总投资'], ['甲', '1']]);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', async () => {
    const e = await refusal(readSpreadsheet(Buffer.from([0x41, 0x2c, 0xff, 0xff, 0x0a]), 'a.csv'));
    expect([e.status, e.message]).toEqual([422, '无法识别 CSV 文件的文字编码：请用 Excel 或 WPS 打开，另存为“CSV UTF-8”或 .xlsx 后再导入']);
  });

  it('refuses an unclosed quote, naming the line where its record starts', async () => {
    const e = await refusal(readSpreadsheet(Buffer.from('项目名称,备注\n甲,"没有\n闭合\n乙,1\n'), 'a.csv'));
    expect([e.status, e.message]).toEqual([422, 'CSV 文件第 2 行的引号没有闭合，请检查后重新导入']);
  });

  it('reads __proto__ headers as text', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const [grid] = await readSpreadsheet(Buffer.from('__proto__,constructor,prototype\n1,2,3\n'), 'a.csv');
    expect(grid!.rows[0]).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('says there is no data in a file of blank lines', async () => {
    const e = await refusal(readSpreadsheet(Buffer.from('\r\n,,\r\n\r\n'), 'a.csv'));
    expect([e.status, e.message]).toEqual([422, '文件中没有数据']);
  });

  it('refuses rows and columns past the limits as they are parsed', async () => {
    const rows = await refusal(readSpreadsheet(Buffer.from('1\n2\n\n3\n4\n'), 'a.csv', { ...DEFAULT_LIMITS, maxRows: 3 }));
    expect([rows.status, rows.message]).toEqual([413, '表格行数超过上限 3 行，请拆分后导入']);
    const wide = `${','.repeat(200)}x\n`;
    const cols = await refusal(readSpreadsheet(Buffer.from(wide), 'a.csv'));
    expect([cols.status, cols.message]).toEqual([413, '表格列数超过上限 200 列，请删除多余的列后导入']);
    // Empty fields out there are not columns.
    expect((await readSpreadsheet(Buffer.from(`x${','.repeat(500)}\n`), 'a.csv'))[0]!.rows).toEqual([['x']]);
  });
});

describe('parseCsv', () => {
  it.each([
    ['LF, CRLF and lone CR end records', 'a\nb\r\nc\rd', [['a'], ['b'], ['c'], ['d']]],
    ['a final record without a line break', 'a,b', [['a', 'b']]],
    ['a quote inside an unquoted field is text', 'a"b,c', [['a"b', 'c']]],
    ['text after a closing quote stays in the field', '"a"b,c', [['ab', 'c']]],
    ['an empty quoted field is empty', '"",x', [[null, 'x']]],
    ['a quoted field of one quote', '"""",x', [['"', 'x']]],
    ['a trailing delimiter adds no value', 'a,\n', [['a']]],
  ])('%s', (_what, text, rows) => {
    expect(parseCsv(text, DEFAULT_LIMITS)).toEqual(rows);
  });
});
