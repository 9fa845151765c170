import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

// The board's view lives in the URL (?status=missing&q=物流&page=2), so the office can send a
// colleague the list of who is late.

export const BOARD_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'approved', 'late', 'missing'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];
export const BOARD_PAGE_SIZES = [20, 50, 100, 200] as const;
const DEFAULT_PAGE_SIZE = 50;

export interface BoardParams {
  status: BoardStatus | null;
  q: string;
  page: number;
  pageSize: number;
}

function positiveInt(raw: string | null): number | null {
  if (!raw || !/^\d{1,6}$/.test(raw)) return null;
  const n = Number(raw);
  return n > 0 ? n : null;
}

export function parseBoardParams(search: URLSearchParams): BoardParams {
  const status = search.get('status');
  const pageSize = positiveInt(search.get('pageSize'));
  return {
    status: (BOARD_STATUSES as readonly string[]).includes(status ?? '') ? (status as BoardStatus) : null,
    q: (search.get('q') ?? '').slice(0, 100),
    page: positiveInt(search.get('page')) ?? 1,
    pageSize: pageSize && (BOARD_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

function toSearch(p: BoardParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.status) out.set('status', p.status);
  if (p.q.trim()) out.set('q', p.q.trim());
  if (p.page > 1) out.set('page', String(p.page));
  if (p.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(p.pageSize));
  return out;
}

export function useBoardParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseBoardParams(search), [search]);
  const update = useCallback(
    (patch: Partial<BoardParams>, options: { replace?: boolean } = {}) =>
      setSearch((prev) => toSearch({ ...parseBoardParams(prev), ...patch }), { replace: options.replace }),
    [setSearch],
  );
  /** A new filter starts again at page 1. */
  const filter = useCallback((patch: Partial<Pick<BoardParams, 'status' | 'q'>>, options?: { replace?: boolean }) => update({ ...patch, page: 1 }, options), [update]);
  return { params, update, filter };
}
