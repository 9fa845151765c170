import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ApprovalItem, ApprovalStatus, KeyListLevel, NodeKind, Stage } from '@tuijin/core';
import { api } from '../../app/api-client';
import type { HistoryEntry, ProjectDetail, ProjectFields } from './types';

export const projectKey = (id: number) => ['project', id] as const;

export function useProject(id: number) {
  return useQuery({
    queryKey: projectKey(id),
    queryFn: () => api.get<ProjectDetail>(`/projects/${id}`),
    enabled: Number.isSafeInteger(id) && id > 0,
  });
}

export function useProjectHistory(id: number) {
  return useQuery({
    queryKey: [...projectKey(id), 'history'],
    queryFn: () => api.get<{ items: HistoryEntry[] }>(`/projects/${id}/history`),
  });
}

/** Every write answers the whole project: show it at once, and let lists and charts refresh. */
function onSaved(client: QueryClient, detail: ProjectDetail) {
  client.setQueryData(projectKey(detail.id), detail);
  void client.invalidateQueries({ queryKey: [...projectKey(detail.id), 'history'] });
  void client.invalidateQueries({ queryKey: ['projects'] });
  void client.invalidateQueries({ queryKey: ['stats'] });
}

/** All project writes share one shape: send, then store the answer. */
function useProjectWrite<V>(send: (values: V) => Promise<ProjectDetail>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: (detail) => onSaved(client, detail) });
}

export type ProjectCreateBody = Partial<ProjectFields> & { stage?: Stage; stageDate?: string | null };

export function useCreateProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectCreateBody) => api.post<ProjectDetail>('/projects', body),
    onSuccess: (detail) => onSaved(client, detail),
  });
}

export function useUpdateProject(id: number) {
  return useProjectWrite((body: Partial<ProjectFields> & { version: number }) => api.patch<ProjectDetail>(`/projects/${id}`, body));
}

export function useDeleteProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => api.delete<{ ok: true }>(`/projects/${id}`, { version }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['projects'] });
      void client.invalidateQueries({ queryKey: ['stats'] });
    },
  });
}

export function useStageTransition(id: number) {
  return useProjectWrite((body: { to: Stage; date: string; note: string | null; version: number }) =>
    api.post<ProjectDetail>(`/projects/${id}/stage`, body));
}

export function useAddKeyList(id: number) {
  return useProjectWrite((body: { year: number; level: KeyListLevel; docNo: string | null }) =>
    api.post<ProjectDetail>(`/projects/${id}/key-lists`, body));
}

export function useRemoveKeyList(id: number) {
  return useProjectWrite((keyListId: number) => api.delete<ProjectDetail>(`/projects/${id}/key-lists/${keyListId}`));
}

export interface PlanBody {
  plan: number;
  target: number;
  monthly: number[] | null;
  progressGoal: string | null;
  completed: number;
  completedThrough: string | null;
  completedLastYear: number | null;
  version?: number;
}

export function useSavePlan(id: number) {
  return useProjectWrite(({ year, body }: { year: number; body: PlanBody }) =>
    api.put<ProjectDetail>(`/projects/${id}/plans/${year}`, body));
}

export interface NodeBody {
  kind: NodeKind;
  name: string;
  plannedDate: string;
  actualDate: string | null;
  responsibleOrgId: number | null;
  note: string | null;
}

export function useSaveNode(id: number) {
  return useProjectWrite(({ nodeId, body, version }: { nodeId?: number; body: NodeBody; version?: number }) =>
    nodeId == null
      ? api.post<ProjectDetail>(`/projects/${id}/nodes`, body)
      : api.patch<ProjectDetail>(`/projects/${id}/nodes/${nodeId}`, { ...body, version }));
}

export function useDeleteNode(id: number) {
  return useProjectWrite(({ nodeId, version }: { nodeId: number; version: number }) =>
    api.delete<ProjectDetail>(`/projects/${id}/nodes/${nodeId}`, { version }));
}

export interface ApprovalBody {
  status: ApprovalStatus;
  doneDate: string | null;
  docNo: string | null;
  authority: string | null;
  note: string | null;
  version?: number;
}

export function useSaveApproval(id: number) {
  return useProjectWrite(({ item, body }: { item: ApprovalItem; body: ApprovalBody }) =>
    api.put<ProjectDetail>(`/projects/${id}/approvals/${item}`, body));
}
