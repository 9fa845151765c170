import {
  CURRENCIES, IMPORT_FIELDS, IMPORT_FIELD_LABELS, UNIT_LABEL, type ColumnMapping, type ImportField,
} from '@tuijin/core';
import type { ImportPreview, ImportSheet, MappingCorrections } from './types';

// The 「列对应关系」 vocabulary: what a column can be set to, its unit, how it was recognised.

/** The Select's value for 「不导入」 (sent as null); `ignore` reads the same to a person. */
export const NOT_IMPORTED = '__none__';
export type FieldChoice = ImportField | typeof NOT_IMPORTED;

export const FIELD_OPTIONS: { value: FieldChoice; label: string }[] = [
  { value: NOT_IMPORTED, label: '不导入' },
  ...IMPORT_FIELDS.filter((f) => f !== 'ignore').map((f) => ({ value: f, label: IMPORT_FIELD_LABELS[f] })),
];

export const choiceOf = (field: ImportField | null | undefined): FieldChoice =>
  field == null || field === 'ignore' ? NOT_IMPORTED : field;

export const fieldOf = (choice: FieldChoice): ImportField | null => (choice === NOT_IMPORTED ? null : choice);

const UNIT_PREFIX = { yuan: '', wan: '万', yi: '亿' } as const;

/** 万元 / 亿元 / 元, or 万美元 for a foreign-currency column. */
export function unitText(unit: ColumnMapping['unit']): string | null {
  if (!unit) return null;
  if (unit.kind === 'cny') return UNIT_LABEL[unit.unit];
  return `${UNIT_PREFIX[unit.unit]}${CURRENCIES.label[unit.currency] ?? unit.currency}`;
}

export const SOURCE_TAG: Record<ColumnMapping['source'], { text: string; color: string }> = {
  dictionary: { text: '自动识别', color: 'green' },
  user: { text: '手动调整', color: 'blue' },
  none: { text: '未识别', color: 'orange' },
};

export interface SheetColumn {
  column: ColumnMapping;
  used: boolean;
}

/** A sheet's columns left to right, the used and the unused, each once. */
export function sheetColumns(sheet: ImportSheet): SheetColumn[] {
  const byIndex = new Map<number, SheetColumn>();
  for (const column of sheet.columns) byIndex.set(column.index, { column, used: column.field != null && column.field !== 'ignore' });
  for (const column of sheet.unusedColumns) if (!byIndex.has(column.index)) byIndex.set(column.index, { column, used: false });
  return [...byIndex.values()].sort((a, b) => a.column.index - b.column.index);
}

/** The corrections a preview already reflects: every column the user set, as `{"<index>": field}`. */
export function correctionsOf(preview: ImportPreview): MappingCorrections {
  const out: MappingCorrections = {};
  for (const sheet of preview.sheets) {
    for (const column of [...sheet.columns, ...sheet.unusedColumns]) {
      if (column.source === 'user') out[String(column.index)] = column.field;
    }
  }
  return out;
}
