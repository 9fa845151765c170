import { AppError } from '../errors';
import { megabytes } from './limits';

// The reader's refusals, each with a Chinese message that says what to do, and a stable
// `reason` in details for logs, audit entries and tests (the message may be reworded).

const RESAVE = '请用 Excel 或 WPS 打开后另存为 .xlsx 再导入';

function refuse(code: 'unprocessable' | 'unsupported_media_type' | 'payload_too_large', message: string, reason: string, extra?: Record<string, unknown>) {
  return new AppError(code, message, { reason, ...extra });
}

export const damaged = (reason: string, extra?: Record<string, unknown>) =>
  refuse('unprocessable', `文件已损坏或不完整，无法读取。${RESAVE}`, reason, extra);

/** A well-formed file written in a way exceljs would misread (silently losing data): refuse it instead. */
export const unreadableLayout = (reason: string) =>
  refuse('unprocessable', `文件的内部格式无法可靠读取（可能由其他软件生成）。${RESAVE}`, reason);

export const encrypted = () => refuse('unprocessable', '文件已加密，请去除密码后再导入', 'encrypted');

export const noData = () => refuse('unprocessable', '文件中没有数据', 'empty');

export const notSpreadsheet = () =>
  refuse('unsupported_media_type', '文件不是 Excel 表格（.xlsx）或 CSV 文件，无法导入', 'not_spreadsheet');

export const oldExcelFormat = () =>
  refuse(
    'unsupported_media_type',
    '暂不支持旧版 Excel 97-2003 格式（.xls/.et）：请用 Excel 或 WPS 打开该文件，“另存为” Excel 工作簿（.xlsx）后再导入',
    'legacy_xls',
  );

export const unsafePath = () => refuse('unprocessable', '文件中含有不安全的路径，已拒绝', 'unsafe_path');

export const fileTooLarge = (maxFileBytes: number) =>
  refuse('payload_too_large', `文件超过 ${megabytes(maxFileBytes)} 上限，请拆分后导入`, 'file_size');

export const tooManyEntries = (maxEntries: number) =>
  refuse('payload_too_large', `文件内部包含的部件超过 ${maxEntries} 个，已拒绝（疑似恶意文件）`, 'entry_count');

/** `reason` says which check fired: the declared sizes, one entry's ratio, or the real size met while inflating. */
export const inflatesTooMuch = (maxInflatedBytes: number, reason: 'declared_size' | 'entry_ratio' | 'inflated_size') =>
  refuse('payload_too_large', `文件解压后超过 ${megabytes(maxInflatedBytes)} 上限或压缩比异常，已拒绝（疑似压缩炸弹）`, reason);

export const tooManyRows = (maxRows: number) =>
  refuse('payload_too_large', `表格行数超过上限 ${maxRows} 行，请拆分后导入`, 'row_count');

export const tooManyColumns = (maxColumns: number) =>
  refuse('payload_too_large', `表格列数超过上限 ${maxColumns} 列，请删除多余的列后导入`, 'column_count');

export const tooManyCells = (maxCells: number) =>
  refuse(
    'payload_too_large',
    `表格单元格数量超过上限 ${maxCells} 个（含设置了格式的空白单元格），请清除多余的空白行列或拆分后导入`,
    'cell_count',
  );

export const tooComplex = () =>
  refuse('payload_too_large', `文件中的文字或样式条目过多，已拒绝。${RESAVE}`, 'xml_nodes');
