// What the reader will take on (SECURITY.md row 13). Every figure is checked before the work it
// bounds: the file size before anything, the ZIP's declared sizes before inflating, the XML's
// rows and cells while it streams through inflate, before exceljs builds anything in memory.

export interface SpreadsheetLimits {
  /** The uploaded file as it arrives (.xlsx or .csv). */
  maxFileBytes: number;
  /** Entries in an .xlsx (it is a ZIP archive). */
  maxEntries: number;
  /** Sum of the entries' sizes once inflated: declared sizes are checked first, real ones while inflating. */
  maxInflatedBytes: number;
  /** Largest inflated/compressed ratio of one entry; applies to entries larger than ratioFloorBytes. */
  maxEntryRatio: number;
  ratioFloorBytes: number;
  /** Rows holding at least one value, summed over the workbook's sheets. */
  maxRows: number;
  /** The rightmost column holding a value. */
  maxColumns: number;
  /**
   * Cells, rows and merged ranges the sheets' XML declares, empty formatted cells included:
   * this is what exceljs keeps in memory (≈ 300 bytes each, so 2,000,000 ≈ 600 MB).
   */
  maxCells: number;
  /** XML elements of the shared strings and styles, which exceljs also keeps as objects. */
  maxXmlNodes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<SpreadsheetLimits> = Object.freeze({
  maxFileBytes: 20 * MB,
  maxEntries: 2_000,
  maxInflatedBytes: 200 * MB,
  // Real workbooks inflate 2–15×; deflate tops out near 1,030×, which is what bombs use.
  maxEntryRatio: 200,
  ratioFloorBytes: 1 * MB,
  maxRows: 100_000,
  maxColumns: 200,
  maxCells: 2_000_000,
  maxXmlNodes: 3_000_000,
});

/** Bytes as the message shows them ("20 MB"). */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}
