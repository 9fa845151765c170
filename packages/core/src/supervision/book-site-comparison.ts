import { formatAmountAuto } from '../money';
import { STAGE_LABEL, type Stage } from '../stages';

// 账面地面相结合: what the books say (the project's latest sent monthly report and the ledger)
// set against what the inspector saw on site, field by field. A row says whether the two
// differ, and which way: the books ahead of the site (a node reported met that is not, a
// stage the site has not reached, money the site does not show) is what the office acts on;
// the site ahead of the books (work the company has not reported yet) is only noted.

/** The inspector's word on the 形象进度 the report describes. */
export const PROGRESS_VERDICT_LABEL = { matches: '与月报一致', behind: '现场落后于月报', ahead: '现场超过月报' } as const;
export type ProgressVerdict = keyof typeof PROGRESS_VERDICT_LABEL;
export const PROGRESS_VERDICTS = Object.keys(PROGRESS_VERDICT_LABEL) as [ProgressVerdict, ...ProgressVerdict[]];

/**
 * An estimate this far off the reported cumulative shows as a difference. An inspector's
 * estimate is made by eye from what stands on site (floors built, equipment in place), which
 * is rarely closer than a tenth.
 */
export const INVESTMENT_DIFFERS_SHARE = 0.1;
/**
 * An estimate this far below the reported cumulative means the books are ahead: a fifth is
 * twice the eye's error, so the shortfall is in the figures, not in the estimate.
 */
export const INVESTMENT_AHEAD_SHARE = 0.2;

/** The main line in order; a site that has stopped (停缓建, 终止) is behind any active stage. */
const STAGE_ORDER: readonly Stage[] = [
  'planning', 'reserve', 'signed', 'preparing', 'under_construction', 'completed', 'operating', 'full_production',
];
const STOPPED: readonly Stage[] = ['suspended', 'terminated'];

export interface BookNode {
  id: number;
  name: string;
  plannedDate: string;
  /** The day the books say it was met: the ledger's actual date, or the date the latest report gave. */
  reportedMetOn: string | null;
}

export interface Books {
  /** The latest monthly report sent (报送) before the visit, if any. */
  report: { id: number; period: string; progress: string | null; cumulative: number | null } | null;
  /** The ledger's stage of the project. */
  stage: Stage;
  nodes: BookNode[];
}

export interface SiteObservation {
  visitedOn: string;
  progress: string | null;
  progressVerdict: ProgressVerdict | null;
  stage: Stage | null;
  /** Ids of the key nodes seen met on site. */
  nodesMet: readonly number[];
  /** The inspector's estimate of the investment made since the start, in yuan. */
  investmentEstimate: number | null;
}

export type ComparisonField = 'progress' | 'stage' | 'node' | 'investment';
/** Which side is further along when the two differ. */
export type ComparisonDirection = 'books_ahead' | 'site_ahead';

export interface ComparisonRow {
  field: ComparisonField;
  /** The node's id for a node row. */
  key: number | null;
  label: string;
  reported: string;
  observed: string;
  /** Whether both sides were there to compare (an estimate not made, a stage not noted: not compared). */
  compared: boolean;
  differs: boolean;
  direction: ComparisonDirection | null;
  note: string;
}

const row = (r: Omit<ComparisonRow, 'key' | 'direction' | 'compared'> & Partial<Pick<ComparisonRow, 'key' | 'direction' | 'compared'>>): ComparisonRow => ({ key: null, direction: null, compared: true, ...r });

function progressRow(books: Books, site: SiteObservation): ComparisonRow {
  const reported = books.report ? books.report.progress?.trim() || '（月报未填写）' : '（无已报送月报）';
  const observed = site.progress?.trim() || '（未填写）';
  const verdict = books.report ? site.progressVerdict : null;
  if (verdict === 'behind') return row({ field: 'progress', label: '形象进度', reported, observed, differs: true, direction: 'books_ahead', note: '现场落后于月报所述形象进度' });
  if (verdict === 'ahead') return row({ field: 'progress', label: '形象进度', reported, observed, differs: true, direction: 'site_ahead', note: '现场超过月报所述，月报尚未反映' });
  const note = verdict === 'matches' ? '现场与月报所述一致' : books.report ? '检查人员未作判断' : '无月报可对照';
  return row({ field: 'progress', label: '形象进度', reported, observed, differs: false, compared: verdict === 'matches', note });
}

/** Negative when the site is behind the ledger's stage, positive when ahead, 0 when level or not comparable. */
export function stageGap(ledger: Stage, observed: Stage): number {
  if (ledger === observed) return 0;
  const isLedgerStopped = STOPPED.includes(ledger);
  const isSiteStopped = STOPPED.includes(observed);
  // The ledger says it is being carried out, the site has stopped: the books are ahead.
  if (isSiteStopped && !isLedgerStopped) return -1;
  // The ledger says stopped, the site is working again: the books are behind.
  if (isLedgerStopped && !isSiteStopped) return 1;
  if (isLedgerStopped && isSiteStopped) return 0;
  return STAGE_ORDER.indexOf(observed) - STAGE_ORDER.indexOf(ledger);
}

function stageRow(books: Books, site: SiteObservation): ComparisonRow {
  const reported = STAGE_LABEL[books.stage];
  if (!site.stage) return row({ field: 'stage', label: '项目阶段', reported, observed: '（未填写）', differs: false, compared: false, note: '检查人员未填写现场阶段' });
  const observed = STAGE_LABEL[site.stage];
  const gap = stageGap(books.stage, site.stage);
  if (gap < 0) return row({ field: 'stage', label: '项目阶段', reported, observed, differs: true, direction: 'books_ahead', note: `台账为「${reported}」，现场仍为「${observed}」` });
  if (gap > 0) return row({ field: 'stage', label: '项目阶段', reported, observed, differs: true, direction: 'site_ahead', note: `现场已到「${observed}」，台账尚未更新` });
  return row({ field: 'stage', label: '项目阶段', reported, observed, differs: site.stage !== books.stage, note: site.stage === books.stage ? '一致' : '阶段不同' });
}

/** Nodes worth a row: met in the books or on site, or due by the visit day. */
function nodeRows(books: Books, site: SiteObservation): ComparisonRow[] {
  const seen = new Set(site.nodesMet);
  return books.nodes
    .filter((n) => n.reportedMetOn != null || seen.has(n.id) || n.plannedDate <= site.visitedOn)
    .map((n) => {
      const isReported = n.reportedMetOn != null;
      const isSeen = seen.has(n.id);
      const label = `节点：${n.name}`;
      const reported = isReported ? `已完成（${n.reportedMetOn}）` : `未完成（计划 ${n.plannedDate}）`;
      const observed = isSeen ? '现场已完成' : '现场未完成';
      if (isReported && !isSeen) return row({ field: 'node', key: n.id, label, reported, observed, differs: true, direction: 'books_ahead', note: '账面已完成，现场未完成' });
      if (!isReported && isSeen) return row({ field: 'node', key: n.id, label, reported, observed, differs: true, direction: 'site_ahead', note: '现场已完成，账面未记录' });
      return row({ field: 'node', key: n.id, label, reported, observed, differs: false, note: isSeen ? '一致' : n.plannedDate <= site.visitedOn ? '一致（节点已逾期未完成）' : '一致' });
    });
}

function investmentRow(books: Books, site: SiteObservation): ComparisonRow {
  const cumulative = books.report?.cumulative ?? null;
  const reported = cumulative == null ? '（月报未填写）' : formatAmountAuto(cumulative);
  if (site.investmentEstimate == null) return row({ field: 'investment', label: '开工以来累计完成投资', reported, observed: '（未估算）', differs: false, compared: false, note: '检查人员未估算' });
  const observed = `约 ${formatAmountAuto(site.investmentEstimate)}`;
  if (cumulative == null || cumulative === 0) return row({ field: 'investment', label: '开工以来累计完成投资', reported, observed, differs: false, compared: false, note: '无月报数可对照' });
  const share = (site.investmentEstimate - cumulative) / cumulative;
  const percent = `${Math.round(Math.abs(share) * 100)}%`;
  if (share <= -INVESTMENT_AHEAD_SHARE) return row({ field: 'investment', label: '开工以来累计完成投资', reported, observed, differs: true, direction: 'books_ahead', note: `现场估算比月报低 ${percent}` });
  if (Math.abs(share) > INVESTMENT_DIFFERS_SHARE) {
    return row({ field: 'investment', label: '开工以来累计完成投资', reported, observed, differs: true, direction: share > 0 ? 'site_ahead' : null, note: `现场估算比月报${share > 0 ? '高' : '低'} ${percent}` });
  }
  return row({ field: 'investment', label: '开工以来累计完成投资', reported, observed, differs: false, note: `相差 ${percent}，在估算误差内` });
}

/** The 账面地面 table: 形象进度, stage, each relevant key node, then the investment. */
export function compareBooksAndSite(books: Books, site: SiteObservation): ComparisonRow[] {
  return [progressRow(books, site), stageRow(books, site), ...nodeRows(books, site), investmentRow(books, site)];
}

/** 账面超前: any row where the books claim more than the site shows. */
export function isBooksAhead(rows: readonly ComparisonRow[]): boolean {
  return rows.some((r) => r.direction === 'books_ahead');
}

/** One sentence for a list or a warning: which fields are ahead in the books. */
export function booksAheadSummary(rows: readonly ComparisonRow[]): string | null {
  const ahead = rows.filter((r) => r.direction === 'books_ahead');
  if (!ahead.length) return null;
  return `账面超前：${ahead.map((r) => `${r.label}（${r.note}）`).join('；')}`;
}
