import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../app/api-client';
import type { MediaItem, ProjectMedia, ProjectMonths, ReportDetail, ReportSummary } from './types';

export const reportKey = (id: number) => ['report', id] as const;

export function useReport(id: number) {
  return useQuery({ queryKey: reportKey(id), queryFn: () => api.get<ReportDetail>(`/reports/${id}`), enabled: Number.isSafeInteger(id) && id > 0 });
}

export function useReportList(params: QueryParams, enabled = true) {
  return useQuery({ queryKey: ['reports', params], queryFn: () => api.get<{ items: ReportSummary[]; total: number; page: number; pageSize: number }>('/reports', params), enabled });
}

export function useProjectMonths(projectId: number) {
  return useQuery({ queryKey: ['project', projectId, 'months'], queryFn: () => api.get<ProjectMonths>(`/projects/${projectId}/reports`) });
}

export function useProjectMedia(projectId: number) {
  return useQuery({ queryKey: ['project', projectId, 'media'], queryFn: () => api.get<ProjectMedia>(`/projects/${projectId}/media`) });
}

/** Every report write answers the whole report: show it at once and let lists follow. */
export function onReportSaved(client: QueryClient, report: ReportDetail) {
  client.setQueryData(reportKey(report.id), report);
  void client.invalidateQueries({ queryKey: ['reports'] });
  void client.invalidateQueries({ queryKey: ['periods'] });
  void client.invalidateQueries({ queryKey: ['project', report.projectId] });
  void client.invalidateQueries({ queryKey: ['notifications'] });
}

function useReportWrite<V>(send: (values: V) => Promise<ReportDetail>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: (report) => onReportSaved(client, report) });
}

export type ReportSaveBody = Partial<Pick<ReportDetail, 'thisMonth' | 'ytd' | 'cumulative' | 'explanation' | 'funds' | 'progress' | 'nodesMet' | 'problems' | 'nextPlan' | 'coordination' | 'noChange' | 'noChangeReason'>> & { version: number };

export function useSaveReport(id: number) {
  return useReportWrite((body: ReportSaveBody) => api.patch<ReportDetail>(`/reports/${id}`, body));
}

export function useReportAction(id: number) {
  return useReportWrite(({ action, version, comment }: { action: 'submit' | 'approve' | 'return'; version: number; comment?: string | null }) =>
    api.post<ReportDetail>(`/reports/${id}/${action}`, action === 'submit' ? { version } : { version, comment: comment ?? null }));
}

export function useUpdateMedia(reportId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; version: number; caption?: string | null; shootingPointId?: number | null; sort?: number }) => api.patch<MediaItem>(`/media/${id}`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: reportKey(reportId) }),
  });
}

export function useDeleteMedia(reportId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => api.delete<{ ok: true }>(`/media/${id}`, { version }),
    onSuccess: () => void client.invalidateQueries({ queryKey: reportKey(reportId) }),
  });
}
