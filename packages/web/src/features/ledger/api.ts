import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Category, Industry, KeyListLevel, LedgerSort, Nature, SizeBracket, Stage } from '@tuijin/core';
import { api } from '../../app/api-client';

export interface LedgerRow {
  id: number;
  code: string | null;
  name: string;
  regionCode: string;
  regionName: string;
  category: Category;
  industry: Industry;
  nature: Nature;
  stage: Stage;
  totalInvestment: number;
  townshipId: number | null;
  townshipName: string | null;
  ownerOrgId: number | null;
  ownerOrgName: string | null;
  leaderId: number | null;
  leaderName: string | null;
  responsibleOrgId: number | null;
  responsibleOrgName: string | null;
  levels: KeyListLevel[];
  plan: number | null;
  target: number | null;
  completed: number | null;
  completionRate: number | null;
  commitStartDate: string | null;
  commitCompletionDate: string | null;
  updatedAt: string;
  version: number;
}

export interface LedgerTotals {
  totalInvestment: number;
  plan: number;
  target: number;
  completed: number;
}

export interface LedgerResult {
  items: LedgerRow[];
  total: number;
  page: number;
  pageSize: number;
  year: number;
  totals: LedgerTotals;
}

export type SortOrder = 'asc' | 'desc';

/** What the ledger shows; the URL query string and the API query use the same names. */
export interface LedgerParams {
  /** null: every project in scope, with this year's figures; a year: that year's ledger only (projects with a plan for it). */
  year: number | null;
  q: string;
  category: Category[];
  industry: Industry[];
  stage: Stage[];
  level: KeyListLevel[];
  size: SizeBracket | null;
  leaderId: number | null;
  responsibleOrgId: number | null;
  townshipId: number | null;
  sort: LedgerSort;
  order: SortOrder;
  page: number;
  pageSize: number;
}

export function useLedger(params: LedgerParams) {
  return useQuery({
    queryKey: ['projects', params],
    queryFn: () => api.get<LedgerResult>('/projects', { ...params }),
    placeholderData: keepPreviousData,
  });
}
