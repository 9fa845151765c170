import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ObstacleKind, ObstacleStage } from '@tuijin/core';
import { api, type QueryParams } from '../../app/api-client';
import type { ObstacleList, ObstacleStats, ObstacleView } from './types';

export function useObstacleList(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['obstacles', 'list', params],
    queryFn: () => api.get<ObstacleList>('/obstacles', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useObstacleStats(by: 'department' | 'leader', enabled = true) {
  return useQuery({ queryKey: ['obstacles', 'stats', by], queryFn: () => api.get<ObstacleStats>('/obstacles/stats', { by }), enabled });
}

export function useObstacle(id: number) {
  return useQuery({
    queryKey: ['obstacles', id],
    queryFn: () => api.get<ObstacleView>(`/obstacles/${id}`),
    enabled: Number.isSafeInteger(id) && id > 0,
  });
}

export interface ObstacleFormValues {
  kind: ObstacleKind;
  title?: string | null;
  description: string;
  ownerOrgId?: number | null;
  leaderId?: number | null;
  deadline?: string | null;
}

/** Every write answers with the obstacle as it now is: put it in the cache, refresh the lists. */
function useObstacleWrite<V>(send: (values: V) => Promise<ObstacleView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (o) => {
      client.setQueryData(['obstacles', o.id], o);
      void client.invalidateQueries({ queryKey: ['obstacles', 'list'] });
      void client.invalidateQueries({ queryKey: ['obstacles', 'stats'] });
    },
  });
}

export const useRaiseObstacle = () => useObstacleWrite((body: ObstacleFormValues & { projectId: number; meetingId?: number }) => api.post<ObstacleView>('/obstacles', body));
export const useUpdateObstacle = (id: number) => useObstacleWrite((body: Partial<ObstacleFormValues> & { version: number }) => api.patch<ObstacleView>(`/obstacles/${id}`, body));
export const useEscalateObstacle = (id: number) => useObstacleWrite((body: { version: number; to?: ObstacleStage; docNo?: string | null; note?: string | null }) => api.post<ObstacleView>(`/obstacles/${id}/escalate`, body));
export const useResolveObstacle = (id: number) => useObstacleWrite((body: { version: number; resolution: string }) => api.post<ObstacleView>(`/obstacles/${id}/resolve`, body));
export const useCloseObstacle = (id: number) => useObstacleWrite((body: { version: number; note?: string | null }) => api.post<ObstacleView>(`/obstacles/${id}/close`, body));
export const useReopenObstacle = (id: number) => useObstacleWrite((body: { version: number; note: string }) => api.post<ObstacleView>(`/obstacles/${id}/reopen`, body));
