import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { STAGE_LABEL } from '@tuijin/core';
import { api } from '../../app/api-client';
import type { LedgerResult } from '../ledger/api';

/** Projects of the caller's scope for a select: a leader's own (包保) projects first when `leaderId` is given. */
export function useProjectOptions(leaderId: number | null = null) {
  const { data, isLoading } = useQuery({
    queryKey: ['ledger', 'project-options'],
    queryFn: () => api.get<LedgerResult>('/projects', { pageSize: 500, sort: 'name', order: 'asc' }),
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const rows = data?.items ?? [];
    const own = leaderId == null ? [] : rows.filter((p) => p.leaderId === leaderId);
    const rest = rows.filter((p) => !own.includes(p));
    const option = (p: (typeof rows)[number]) => ({ value: p.id, label: `${p.name}（${STAGE_LABEL[p.stage]}${p.responsibleOrgName ? ` · ${p.responsibleOrgName}` : ''}）` });
    return own.length
      ? [{ label: '我包保的项目', options: own.map(option) }, { label: '其他项目', options: rest.map(option) }]
      : rows.map(option);
  }, [data, leaderId]);
  return { options, isLoading };
}

export const filterByLabel = (input: string, option?: { label?: unknown }) => String(option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase());
