import type { ReportFields, ReportFormValues } from './report-values';

// 本地草稿: what a clerk typed and has not saved yet, kept in this browser per report. Android
// often reloads the tab after the camera, and an expired session sends the clerk to the login
// page; neither should cost the text typed at the site. Cleared once the report is saved.

const PREFIX = 'tuijin.report-draft.';
/** Drafts nobody came back to are dropped after this long. */
const MAX_AGE_MS = 30 * 24 * 3600_000;

export interface ReportDraft {
  /** The report version the person was editing. */
  version: number;
  /** The saved content of that version: what the person's changes are measured against. */
  base: ReportFields;
  values: ReportFormValues;
  /** When it was written (ms). */
  at: number;
  /** Whose typing it is: on a shared computer one clerk never gets another's draft. */
  userId: number;
}

const keyOf = (reportId: number) => `${PREFIX}${reportId}`;

function isDraft(value: unknown): value is ReportDraft {
  if (typeof value !== 'object' || value == null) return false;
  const d = value as Partial<ReportDraft>;
  return typeof d.version === 'number' && typeof d.at === 'number' && typeof d.userId === 'number' && typeof d.base === 'object' && d.base != null && typeof d.values === 'object' && d.values != null;
}

export function readDraft(reportId: number, userId?: number): ReportDraft | null {
  try {
    const raw = localStorage.getItem(keyOf(reportId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (isDraft(parsed) && Date.now() - parsed.at < MAX_AGE_MS) return userId == null || parsed.userId === userId ? parsed : null;
    localStorage.removeItem(keyOf(reportId));
  } catch {
    // unreadable or storage refused: no draft
  }
  return null;
}

export function writeDraft(reportId: number, draft: ReportDraft): void {
  try {
    localStorage.setItem(keyOf(reportId), JSON.stringify(draft));
  } catch {
    // full or refused (private mode): the form still holds the values
  }
}

export function clearDraft(reportId: number): void {
  try {
    localStorage.removeItem(keyOf(reportId));
  } catch {
    // nothing to clear
  }
}

/** Drops drafts older than a month (reports long sent from another device). */
export function pruneDrafts(): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      readDraft(Number(key.slice(PREFIX.length)));
    }
  } catch {
    // storage refused
  }
}
