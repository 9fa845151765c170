import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './limits';
import { readSpreadsheet } from './read-sheets';
import { oleFile, refusal, workbook } from './test-files';

// Which reader a file reaches, and the refusals that come before any reading.

const NOT_SPREADSHEET = '文件不是 Excel 表格（.xlsx）或 CSV 文件，无法导入';
const OLD_FORMAT = '暂不支持旧版 Excel 97-2003 格式（.xls/.et）：请用 Excel 或 WPS 打开该文件，“另存为” Excel 工作簿（.xlsx）后再导入';

describe('readSpreadsheet', () => {
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(256)]);

  it.each([
    ['a PNG renamed .xlsx', png, 'ledger.xlsx', 415, NOT_SPREADSHEET],
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'ledger.pdf', 415, NOT_SPREADSHEET],
    ['an executable renamed .csv', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]), 'ledger.csv', 415, NOT_SPREADSHEET],
    ['an old .xls', oleFile('Workbook'), 'ledger.xls', 415, OLD_FORMAT],
    ['a WPS .et', oleFile('Workbook'), 'ledger.et', 415, OLD_FORMAT],
    ['a password-protected .xlsx', oleFile('EncryptionInfo'), 'ledger.xlsx', 422, '文件已加密，请去除密码后再导入'],
    ['an empty file', Buffer.alloc(0), 'ledger.xlsx', 422, '文件中没有数据'],
  ])('refuses %s', async (_what, buf, filename, status, message) => {
    const e = await refusal(readSpreadsheet(buf, filename));
    expect([e.status, e.message]).toEqual([status, message]);
  });

  it('refuses a file over 20 MB before looking inside', async () => {
    const e = await refusal(readSpreadsheet(Buffer.alloc(DEFAULT_LIMITS.maxFileBytes + 1), 'ledger.xlsx'));
    expect([e.status, e.message]).toEqual([413, '文件超过 20 MB 上限，请拆分后导入']);
  });

  it('reads an .xlsx saved under an .xls name by its content', async () => {
    const buf = await workbook((b) => b.addWorksheet('台账').addRow(['项目名称']));
    expect(await readSpreadsheet(buf, 'C:\\fakepath\\台账.xls')).toEqual([{ name: '台账', rows: [['项目名称']], merges: [], formulaCells: [] }]);
  });
});
