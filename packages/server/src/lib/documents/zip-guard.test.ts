import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './limits';
import { deflated, deflatedZeros, handZip, oleFile, refusal, workbook } from './test-files';
import { inspectZip, sniffSpreadsheet } from './zip-guard';

const BOMB = '文件解压后超过 200 MB 上限或压缩比异常，已拒绝（疑似压缩炸弹）';
const DAMAGED = '文件已损坏或不完整，无法读取。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入';
const MB = 1024 * 1024;

/** inspectZip is synchronous; this lets the tests share the async `refusal` helper. */
const inspect = async (buf: Buffer) => inspectZip(buf, DEFAULT_LIMITS);

describe('inspectZip', () => {
  it('lists the entries of a real .xlsx without inflating them', async () => {
    const buf = await workbook((b) => b.addWorksheet('台账').addRow(['项目名称']));
    const entries = inspectZip(buf);
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatchObject({ method: 8, isDirectory: false });
    expect(sheet!.uncompressedSize).toBeGreaterThan(sheet!.compressedSize);
    expect(entries.map((e) => e.name)).toContain('xl/workbook.xml');
  });

  it('refuses a bomb by its declared size before inflating a byte', async () => {
    // 210 MB of zeros, honestly declared. The data is real deflate, but the refusal comes from
    // the central directory alone: its reason is the declared size, not the inflated one.
    const zeros = await deflatedZeros(210);
    const buf = handZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros, method: 8, uncompressedSize: 210 * MB }]);
    const e = await refusal(inspect(buf));
    expect([e.status, e.message, e.details]).toEqual([413, BOMB, { reason: 'declared_size' }]);
  });

  it('refuses a declared total over the limit even when the bytes could never inflate', async () => {
    // Garbage bytes: had anything tried to inflate them, the refusal would say "damaged".
    const garbage = Buffer.alloc(512 * 1024, 0xab);
    const buf = handZip(
      Array.from({ length: 3 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: garbage, method: 8, uncompressedSize: 90 * MB })),
    );
    const e = await refusal(inspect(buf));
    expect([e.status, e.details]).toEqual([413, { reason: 'declared_size' }]);
  });

  it('refuses one entry that inflates far more than any spreadsheet part does', async () => {
    const zeros = await deflatedZeros(5);
    const buf = handZip([{ name: 'xl/sharedStrings.xml', data: zeros, method: 8, uncompressedSize: 5 * MB }]);
    const e = await refusal(inspect(buf));
    expect([e.status, e.message, e.details]).toEqual([413, BOMB, { reason: 'entry_ratio' }]);
  });

  it('refuses 5,000 tiny entries', async () => {
    const buf = handZip(Array.from({ length: 5000 }, (_, i) => ({ name: `xl/a${i}.xml`, data: Buffer.from('x') })));
    const e = await refusal(inspect(buf));
    expect([e.status, e.message, e.details]).toEqual([413, '文件内部包含的部件超过 2000 个，已拒绝（疑似恶意文件）', { reason: 'entry_count' }]);
  });

  it('accepts exactly the entry limit', () => {
    const buf = handZip(Array.from({ length: 2000 }, (_, i) => ({ name: `xl/a${i}.xml`, data: Buffer.from('x') })));
    expect(inspectZip(buf)).toHaveLength(2000);
  });

  it('refuses entries that share their bytes (an overlapping bomb)', async () => {
    const part = deflated('xl/worksheets/sheet1.xml', '<worksheet/>');
    const buf = handZip([part, { ...part, name: 'xl/worksheets/sheet2.xml', localHeaderOf: 0 }]);
    const e = await refusal(inspect(buf));
    expect([e.status, e.message, e.details]).toEqual([422, DAMAGED, { reason: 'overlapping_entries' }]);
  });

  it('refuses an entry with the encryption flag', async () => {
    const buf = handZip([{ ...deflated('xl/workbook.xml', '<workbook/>'), flags: 0x0001 }]);
    const e = await refusal(inspect(buf));
    expect([e.status, e.message]).toEqual([422, '文件已加密，请去除密码后再导入']);
  });

  it.each(['../../etc/passwd', 'xl/../../x.xml', 'C:/Windows/x.xml', '..\\..\\x.xml'])('refuses the path %s', async (name) => {
    const e = await refusal(inspect(handZip([{ name, data: Buffer.from('x') }])));
    expect([e.status, e.message]).toEqual([422, '文件中含有不安全的路径，已拒绝']);
  });

  it('refuses compression methods no spreadsheet uses', async () => {
    const buf = handZip([{ name: 'xl/workbook.xml', data: Buffer.from('x'), method: 12 }]);
    const e = await refusal(inspect(buf));
    expect([e.status, e.details]).toEqual([422, { reason: 'compression_method', method: 12 }]);
  });

  it('refuses a truncated archive, and one with bytes after its end record', async () => {
    const buf = await workbook((b) => b.addWorksheet('a').addRow([1]));
    const cut = await refusal(inspect(buf.subarray(0, buf.length - 10)));
    expect([cut.status, cut.message, cut.details]).toEqual([422, DAMAGED, { reason: 'no_end_record' }]);
    const padded = await refusal(inspect(Buffer.concat([buf, Buffer.from('trailing')])));
    expect(padded.details).toEqual({ reason: 'end_record_mismatch' });
  });

  it('reads ZIP64 records, and holds their 64-bit sizes to the same limits', async () => {
    const part = deflated('xl/workbook.xml', '<workbook/>');
    expect(inspectZip(handZip([part], { zip64: true }))).toEqual([
      expect.objectContaining({ name: 'xl/workbook.xml', uncompressedSize: 11, compressedSize: part.data.length }),
    ]);
    const huge = await refusal(inspect(handZip([{ ...part, uncompressedSize: 2 ** 40 }], { zip64: true })));
    expect([huge.status, huge.details]).toEqual([413, { reason: 'declared_size' }]);
  });
});

describe('sniffSpreadsheet', () => {
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64)]);

  it.each([
    ['an .xlsx', 'xlsx', 'ledger.xlsx'],
    ['an .xlsx under another name', 'xlsx', 'ledger.zip'],
    ['a PNG renamed .xlsx', 'unknown', 'ledger.xlsx'],
    ['text named .csv', 'csv', 'ledger.csv'],
    ['text named .xlsx', 'unknown', 'ledger.xlsx'],
    ['a PNG renamed .csv', 'unknown', 'ledger.csv'],
    ['a password-protected .xlsx (OLE with EncryptionInfo)', 'encrypted', 'ledger.xlsx'],
    ['an old .xls', 'xls', 'ledger.xls'],
    ['an old .xls whose text spells EncryptionInfo', 'xls', 'ledger.xls'],
  ])('%s → %s', async (what, kind, filename) => {
    const files: Record<string, Buffer> = {
      'an .xlsx': await workbook((b) => b.addWorksheet('a').addRow([1])),
      'a PNG renamed .xlsx': png,
      'a PNG renamed .csv': png,
      'text named .csv': Buffer.from('项目名称,总投资\r\n甲,1\r\n'),
      'text named .xlsx': Buffer.from('项目名称,总投资\r\n'),
      'a password-protected .xlsx (OLE with EncryptionInfo)': oleFile('EncryptionInfo'),
      'an old .xls': oleFile('Workbook'),
      'an old .xls whose text spells EncryptionInfo': oleFile('EncryptionInfo', { inText: true }),
    };
    files['an .xlsx under another name'] = files['an .xlsx']!;
    expect(sniffSpreadsheet(files[what]!, filename)).toBe(kind);
  });

  it('sends a ZIP named .xlsx to the reader even when its workbook part is cut off', () => {
    const zip = handZip([deflated('word/document.xml', '<w/>')]);
    expect(sniffSpreadsheet(zip, 'report.docx')).toBe('unknown');
    expect(sniffSpreadsheet(zip, 'ledger.xlsx')).toBe('xlsx');
  });
});
