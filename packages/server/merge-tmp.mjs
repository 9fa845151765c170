import ExcelJS from 'exceljs';
const n = +process.argv[2];
const wb = new ExcelJS.Workbook(); const ws = wb.addWorksheet('a');
// build merges cheaply by writing then patching model: use mergeCells in writer (slow O(n^2) too) - measure both
let t = Date.now();
for (let i = 0; i < n; i++) { ws.getCell(i + 1, 1).value = i; ws.mergeCells(i + 1, 1, i + 1, 2); }
console.log('build ms', Date.now() - t);
const buf = await wb.xlsx.writeBuffer();
t = Date.now();
const wb2 = new ExcelJS.Workbook(); await wb2.xlsx.load(buf, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'hyperlinks', 'cols', 'drawing', 'picture', 'tableParts'] });
console.log('load ms', Date.now() - t, wb2.worksheets[0].getCell(3,2).type, wb2.worksheets[0].getCell(3,2).master.address);
