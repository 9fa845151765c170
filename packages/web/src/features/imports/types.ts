import type { ColumnMapping, Currency, ImportField, ImportProblem, SumCheck } from '@tuijin/core';

// The ledger import as the server answers it (docs/api.md, "Ledger import and export").

export type ImportStatus = 'previewed' | 'committed' | 'discarded';
export type RowAction = 'create' | 'update' | 'unchanged' | 'error';

/** One fact a row would change; before/after as stored (yuan for money, ids for enumerations). */
export interface ImportChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}

export interface ImportRow {
  sheet: string;
  row: number;
  name: string;
  action: RowAction;
  changes: ImportChange[];
  problems: ImportProblem[];
}

export type SkippedKind = 'group' | 'subtotal' | 'total' | 'blank' | 'note' | 'signoff';

export interface ImportSheet {
  sheet: string;
  title: string | null;
  asOf: string | null;
  year: number;
  throughMonth: number | null;
  headerRows: [number, number];
  columns: ColumnMapping[];
  unusedColumns: ColumnMapping[];
  skipped: { row: number; kind: SkippedKind; text: string }[];
  checks: SumCheck[];
  currencies: Currency[];
}

/** Rows by action, and problems by level (`error` rows, `errors` problems). */
export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  error: number;
  errors: number;
  warnings: number;
}

export interface ImportPreview {
  batchId: number;
  filename: string;
  status: ImportStatus | 'dry-run';
  year: number;
  sheets: ImportSheet[];
  counts: ImportCounts;
  rows: ImportRow[];
  problems: ImportProblem[];
}

/** Column index (as a string key) → field, or null to leave the column unused. */
export type MappingCorrections = Record<string, ImportField | null>;
export type RateCorrections = Partial<Record<Currency, string>>;

export interface ImportCorrections {
  year?: number;
  mapping?: MappingCorrections;
  rates?: RateCorrections;
}

/** One line of `GET /imports` (the county's history). */
export interface ImportBatch {
  id: number;
  filename: string;
  status: ImportStatus;
  year: number | null;
  summary: Partial<Pick<ImportCounts, 'create' | 'update' | 'unchanged' | 'error'>> | null;
  createdAt: string;
  committedAt: string | null;
  userName: string | null;
}
