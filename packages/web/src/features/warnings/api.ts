import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../app/api-client';
import type { ProjectWarnings, RecomputeResult, WarningList, WarningSummary } from './types';

// Warnings change when they are recomputed (hourly, or by the office's button): reads may be
// a minute old; the recompute refreshes every warnings query at once.

const STALE = 60_000;

export function useWarnings(params: QueryParams) {
  return useQuery({ queryKey: ['warnings', 'list', params], queryFn: () => api.get<WarningList>('/warnings', params), staleTime: STALE, placeholderData: (previous) => previous });
}

export function useWarningSummary(regionCode?: string | null, enabled = true) {
  return useQuery({
    queryKey: ['warnings', 'summary', regionCode ?? null],
    queryFn: () => api.get<WarningSummary>('/warnings/summary', { regionCode: regionCode ?? undefined }),
    staleTime: STALE,
    enabled,
  });
}

export function useProjectWarnings(projectId: number, enabled = true) {
  return useQuery({
    queryKey: ['warnings', 'project', projectId],
    queryFn: () => api.get<ProjectWarnings>(`/projects/${projectId}/warnings`),
    staleTime: STALE,
    enabled: enabled && Number.isSafeInteger(projectId) && projectId > 0,
  });
}

export function useRecomputeWarnings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RecomputeResult>('/warnings/recompute', {}),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['warnings'] }),
  });
}
