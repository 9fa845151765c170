import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ListResult, type QueryParams } from '../../app/api-client';
import type { CommitmentView, Visit, VisitDetail } from './types';

export function useVisits(params: QueryParams) {
  return useQuery({ queryKey: ['site-visits', params], queryFn: () => api.get<ListResult<Visit>>('/site-visits', params), placeholderData: keepPreviousData });
}

export function useVisit(id: number | null) {
  return useQuery({ queryKey: ['site-visits', 'one', id], queryFn: () => api.get<VisitDetail>(`/site-visits/${id}`), enabled: id != null && id > 0 });
}

export function useCommitment(month: string, enabled: boolean) {
  return useQuery({ queryKey: ['site-visits', 'commitment', month], queryFn: () => api.get<CommitmentView>('/site-visits/commitment', { month }), enabled, placeholderData: keepPreviousData });
}

export interface VisitBody { leaderId?: number; projectId?: number; visitedOn?: string; days?: number; found?: string | null; decided?: string | null }

export function useSaveVisit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: VisitBody & { id?: number; version?: number }) =>
      (id ? api.patch<VisitDetail>(`/site-visits/${id}`, body) : api.post<VisitDetail>('/site-visits', body)),
    onSuccess: (visit) => {
      client.setQueryData(['site-visits', 'one', visit.id], visit);
      void client.invalidateQueries({ queryKey: ['site-visits'], predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}

export function useDeleteVisit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => api.delete<{ ok: true }>(`/site-visits/${id}`, { version }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['site-visits'] }),
  });
}
