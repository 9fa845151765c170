import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  CATEGORIES, INDUSTRIES, KEY_LIST_LEVELS, LEDGER_SORTS, SIZE_BRACKETS, STAGES, type LedgerSort,
} from '@tuijin/core';
import type { LedgerParams } from './api';

// The ledger's view lives in the URL (?year=2024&stage=under_construction,preparing&sort=plan…),
// so a clerk can bookmark it or send the link to a colleague. Unknown values are ignored.

export const PAGE_SIZES = [20, 50, 100, 200] as const;
const DEFAULT_PAGE_SIZE = 50;
const DEFAULT_SORT: LedgerSort = 'totalInvestment';

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  return raw.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

function oneOf<T extends string>(raw: string | null, allowed: readonly T[]): T | null {
  return raw != null && (allowed as readonly string[]).includes(raw) ? (raw as T) : null;
}

function positiveInt(raw: string | null): number | null {
  if (!raw || !/^\d{1,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n > 0 ? n : null;
}

export function parseLedgerParams(search: URLSearchParams): LedgerParams {
  const year = positiveInt(search.get('year'));
  const pageSize = positiveInt(search.get('pageSize'));
  return {
    year: year && year >= 2000 && year <= 2100 ? year : null,
    q: (search.get('q') ?? '').slice(0, 100),
    category: listOf(search.get('category'), CATEGORIES.ids),
    industry: listOf(search.get('industry'), INDUSTRIES.ids),
    stage: listOf(search.get('stage'), STAGES),
    level: listOf(search.get('level'), KEY_LIST_LEVELS.ids),
    size: oneOf(search.get('size'), SIZE_BRACKETS.ids),
    leaderId: positiveInt(search.get('leaderId')),
    responsibleOrgId: positiveInt(search.get('responsibleOrgId')),
    townshipId: positiveInt(search.get('townshipId')),
    sort: oneOf(search.get('sort'), LEDGER_SORTS) ?? DEFAULT_SORT,
    order: search.get('order') === 'asc' ? 'asc' : 'desc',
    page: positiveInt(search.get('page')) ?? 1,
    pageSize: pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** Only what differs from the defaults goes into the URL, so links stay short. */
export function toSearch(params: LedgerParams): URLSearchParams {
  const out = new URLSearchParams();
  if (params.year != null) out.set('year', String(params.year));
  if (params.q.trim()) out.set('q', params.q.trim());
  for (const key of ['category', 'industry', 'stage', 'level'] as const) {
    if (params[key].length) out.set(key, params[key].join(','));
  }
  if (params.size) out.set('size', params.size);
  for (const key of ['leaderId', 'responsibleOrgId', 'townshipId'] as const) {
    const v = params[key];
    if (v != null) out.set(key, String(v));
  }
  if (params.sort !== DEFAULT_SORT || params.order !== 'desc') {
    out.set('sort', params.sort);
    out.set('order', params.order);
  }
  if (params.page > 1) out.set('page', String(params.page));
  if (params.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(params.pageSize));
  return out;
}

export type FilterPatch = Partial<Omit<LedgerParams, 'sort' | 'order' | 'page' | 'pageSize'>>;

export function isFiltered(params: LedgerParams): boolean {
  return Boolean(
    params.q || params.category.length || params.industry.length || params.stage.length || params.level.length ||
      params.size || params.leaderId || params.responsibleOrgId || params.townshipId,
  );
}

export function useLedgerParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseLedgerParams(search), [search]);

  const update = useCallback(
    (patch: Partial<LedgerParams>, options: { replace?: boolean } = {}) => {
      setSearch((prev) => toSearch({ ...parseLedgerParams(prev), ...patch }), { replace: options.replace });
    },
    [setSearch],
  );

  /** A new filter starts again at page 1. */
  const setFilters = useCallback((patch: FilterPatch, options?: { replace?: boolean }) => update({ ...patch, page: 1 }, options), [update]);

  const clearFilters = useCallback(
    () => update({
      q: '', category: [], industry: [], stage: [], level: [], size: null,
      leaderId: null, responsibleOrgId: null, townshipId: null, page: 1,
    }),
    [update],
  );

  return { params, update, setFilters, clearFilters };
}
