import type { Category, Currency, Industry, KeyListLevel, MoneyUnit, Nature, Stage } from '../index';

// The shapes shared by the spreadsheet reader (server, I/O) and the ledger parser (here, pure).

/** One cell as the reader hands it over: a formula cell arrives as its cached result. */
export type CellValue = string | number | boolean | Date | null;

/** A merged range, 0-based and inclusive; only its top-left cell holds the value. */
export interface MergeRange { top: number; left: number; bottom: number; right: number }

/** One worksheet as a grid: rows[r][c], 0-based; row r is Excel row r + 1. */
export interface SheetGrid {
  name: string;
  rows: CellValue[][];
  merges: MergeRange[];
  /** Cells that held a formula, as "C7" references (their cached values are in rows). */
  formulaCells: string[];
}

/** What a column of a ledger can mean. `ignore` is a column read and deliberately not used. */
export const IMPORT_FIELDS = [
  'seq', 'code', 'name', 'category', 'industry', 'nature', 'stage', 'progress', 'level', 'ownerName', 'uscc',
  'township', 'address', 'contentScale', 'totalInvestment', 'foreignInvestment', 'plan', 'target', 'completed',
  'completedLastYear', 'completionRate', 'period', 'startDate', 'completionDate', 'nodes', 'leaderName',
  'firstResponsibleName', 'responsibleOrgName', 'contactName', 'contactPhone', 'annualRevenue', 'annualProfitTax',
  'problems', 'remarks', 'ignore',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** What each field is called in the preview, where the user can correct a column's meaning. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  seq: '序号', code: '项目代码', name: '项目名称', category: '项目类别', industry: '所属行业', nature: '建设性质',
  stage: '项目进展（阶段）', progress: '形象进度', level: '项目级别', ownerName: '项目单位', uscc: '统一社会信用代码',
  township: '所在乡镇（园区）', address: '建设地点', contentScale: '建设内容及规模', totalInvestment: '总投资',
  foreignInvestment: '其中：外资', plan: '年度计划投资', target: '力争投资', completed: '已完成投资',
  completedLastYear: '上年同期完成', completionRate: '完成率（核对用）', period: '建设年限', startDate: '开工时间',
  completionDate: '竣工时间', nodes: '关键节点', leaderName: '包保县级领导', firstResponsibleName: '第一责任人',
  responsibleOrgName: '责任单位', contactName: '联系人', contactPhone: '联系电话', annualRevenue: '达产后年销售收入',
  annualProfitTax: '达产后年利税', problems: '存在问题', remarks: '备注', ignore: '不导入',
};

/** A money column's unit: the office's 元/万元/亿元, or a foreign currency in units, 万 or 亿. */
export type ColumnUnit =
  | { kind: 'cny'; unit: MoneyUnit }
  | { kind: 'foreign'; currency: Currency; unit: MoneyUnit };

export interface ColumnMapping {
  /** 0-based column index and its Excel letter ("C"). */
  index: number;
  letter: string;
  /** The header as written, parent and child joined with " / " for two-row headers. */
  header: string;
  field: ImportField | null;
  /** Set for money columns: from the header, else the title/notes, else 万元. */
  unit?: ColumnUnit;
  /** How the field was chosen: by the dictionary, by the user, or not at all. */
  source: 'dictionary' | 'user' | 'none';
}

export interface ImportProblem {
  level: 'error' | 'warning';
  sheet: string;
  /** Excel row number (1-based) and column letter, when the problem is in a cell. */
  row?: number;
  column?: string;
  field?: ImportField;
  /** Chinese, naming what is wrong and, where it helps, what to do. */
  message: string;
}

/** A foreign-currency amount as written, kept beside its yuan value. */
export interface ForeignAmount { amount: number; currency: Currency; rate: string }

export interface ParsedRecord {
  sheet: string;
  row: number;
  code?: string;
  name: string;
  category?: Category;
  industry?: Industry;
  nature?: Nature;
  stage?: Stage;
  levels?: KeyListLevel[];
  ownerName?: string;
  uscc?: string;
  township?: string;
  address?: string;
  contentScale?: string;
  totalInvestment?: number;
  foreign?: ForeignAmount;
  plan?: number;
  target?: number;
  completed?: number;
  completedLastYear?: number;
  commitStartDate?: string;
  commitCompletionDate?: string;
  progress?: string;
  nodes?: string;
  leaderName?: string;
  firstResponsibleName?: string;
  responsibleOrgName?: string;
  contactName?: string;
  contactPhone?: string;
  annualRevenue?: number;
  annualProfitTax?: number;
  problems?: string;
  remarks?: string;
}

/** A subtotal or total row of the sheet compared with the sum of the rows it covers. */
export interface SumCheck {
  sheet: string;
  row: number;
  label: string;
  field: 'totalInvestment' | 'plan' | 'target' | 'completed' | 'completedLastYear';
  sheetValue: number;
  computed: number;
  matches: boolean;
}

export interface ParsedLedger {
  sheet: string;
  title: string | null;
  /** The as-of date read from the title, notes or a 截止时间 line (YYYY-MM-DD), if any. */
  asOf: string | null;
  /** The year the annual figures belong to, and the last month year-to-date figures cover. */
  year: number;
  throughMonth: number | null;
  headerRows: [number, number];
  columns: ColumnMapping[];
  unusedColumns: ColumnMapping[];
  records: ParsedRecord[];
  /** Rows passed over, with why: group, subtotal, total, blank, note, sign-off. */
  skipped: { row: number; kind: 'group' | 'subtotal' | 'total' | 'blank' | 'note' | 'signoff'; text: string }[];
  checks: SumCheck[];
  problems: ImportProblem[];
  /** Foreign currencies met in the file whose rate the user must confirm. */
  currencies: Currency[];
}

export interface ParseOptions {
  /** The year to file the figures under when the sheet does not say. */
  year?: number;
  /** User corrections: column index → field (or null to leave it unused). */
  mapping?: Record<number, ImportField | null>;
  /** Confirmed exchange rates to yuan, decimal strings ("7.1"). */
  rates?: Partial<Record<Currency, string>>;
}
