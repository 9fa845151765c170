import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type { ShootingPoint } from '../reports/types';

// 拍摄点位 of a project. Every write answers the project's points; the photos by point follow.

type Points = { items: ShootingPoint[] };
export interface PointBody {
  name: string;
  description: string | null;
}

function usePointWrite<V>(projectId: number, send: (values: V) => Promise<Points>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['project', projectId, 'media'] }),
  });
}

export function useCreatePoint(projectId: number) {
  return usePointWrite(projectId, (body: PointBody) => api.post<Points>(`/projects/${projectId}/shooting-points`, body));
}

export function useUpdatePoint(projectId: number) {
  return usePointWrite(projectId, ({ id, ...body }: PointBody & { id: number; version: number }) => api.patch<Points>(`/shooting-points/${id}`, body));
}

export function useDeletePoint(projectId: number) {
  return usePointWrite(projectId, ({ id, version }: { id: number; version: number }) => api.delete<Points>(`/shooting-points/${id}`, { version }));
}
