import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { addMonths, isPeriod, SUBJECT_KINDS, type SubjectKind } from '@tuijin/core';
import { today } from '../../components/year-select';
import type { SubjectId } from './types';

// The assessment page keeps its state in the URL, so a link (or the bulletin) shows the same
// ranking and the same explanation: the tab, the month or year, the subject kind, the search,
// the page, and the score being explained (a year opens on last month's: in January, the year just ended). Opening an explanation pushes a history entry, so
// the phone's back gesture closes it (or goes back from a project to its group).

export const ASSESSMENT_TABS = ['ranking', 'year', 'scheme'] as const;
export type AssessmentTab = (typeof ASSESSMENT_TABS)[number];

export interface ExplainTarget { kind: SubjectKind; id: SubjectId }

export interface AssessmentParams {
  tab: AssessmentTab;
  period: string;
  year: number;
  kind: SubjectKind;
  q: string;
  page: number;
  explain: ExplainTarget | null;
}

/** The month a ranking is usually read for: last month (this month is still being reported). */
export const defaultPeriod = () => addMonths(today().slice(0, 7), -1);

const isKind = (v: string | null): v is SubjectKind => (SUBJECT_KINDS as readonly string[]).includes(v ?? '');

/** 'project:12' · 'region:371402' (a county is ranked by its code). */
function parseExplain(text: string | null): ExplainTarget | null {
  const [kind, id] = (text ?? '').split(':');
  if (!isKind(kind ?? null) || !id) return null;
  if (kind === 'region') return /^\d{6}$/.test(id) ? { kind, id } : null;
  const n = Number(id);
  return Number.isSafeInteger(n) && n > 0 ? { kind: kind as SubjectKind, id: n } : null;
}

export type UpdateParams = (patch: Partial<AssessmentParams>) => void;

export interface ExplainNav {
  /** Opens an explanation as a new history entry (from a row, or a group's project). */
  open: (target: ExplainTarget) => void;
  /** Closes the drawer by going back over the entries it opened, so back does not reopen it. */
  close: () => void;
}

export function useAssessmentParams(): [AssessmentParams, UpdateParams, ExplainNav] {
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const depth = Number((location.state as { explainDepth?: number } | null)?.explainDepth ?? 0);
  const tab = search.get('tab');
  const period = search.get('period') ?? '';
  const year = Number(search.get('year'));
  const page = Number(search.get('page'));
  const params: AssessmentParams = {
    tab: (ASSESSMENT_TABS as readonly string[]).includes(tab ?? '') ? (tab as AssessmentTab) : 'ranking',
    period: isPeriod(period) ? period : defaultPeriod(),
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : Number(defaultPeriod().slice(0, 4)),
    kind: isKind(search.get('kind')) ? (search.get('kind') as SubjectKind) : 'project',
    q: (search.get('q') ?? '').slice(0, 100),
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
    explain: parseExplain(search.get('explain')),
  };
  const write = (patch: Partial<AssessmentParams>, push: boolean, state: unknown) => {
    // Any other change goes back to the first page (a new month, kind or search is a new list).
    const next = { ...params, page: 1, ...patch };
    const out = new URLSearchParams();
    if (next.tab !== 'ranking') out.set('tab', next.tab);
    if (next.period !== defaultPeriod()) out.set('period', next.period);
    if (search.has('year') || patch.year != null) out.set('year', String(next.year));
    if (next.kind !== 'project') out.set('kind', next.kind);
    if (next.q) out.set('q', next.q);
    if (next.page > 1) out.set('page', String(next.page));
    if (next.explain) out.set('explain', `${next.explain.kind}:${next.explain.id}`);
    setSearch(out, { replace: !push, state });
  };
  const update: UpdateParams = (patch) => write(patch, false, location.state);
  const explain: ExplainNav = {
    open: (target) => write({ explain: target, page: params.page }, true, { explainDepth: depth + 1 }),
    close: () => {
      if (depth > 0) void navigate(-depth);
      else write({ explain: null, page: params.page }, false, null);
    },
  };
  return [params, update, explain];
}
