import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type { PeriodView, ReportSettingsView } from '../reports/types';

export function usePeriods() {
  return useQuery({ queryKey: ['periods'], queryFn: () => api.get<{ items: PeriodView[] }>('/periods') });
}

export function usePeriod(id: number, options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: ['periods', id],
    queryFn: () => api.get<PeriodView>(`/periods/${id}`),
    enabled: Number.isSafeInteger(id) && id > 0,
    refetchInterval: options.poll ? 3000 : false,
  });
}

function usePeriodWrite<V>(send: (values: V) => Promise<PeriodView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (period) => {
      client.setQueryData(['periods', period.id], period);
      void client.invalidateQueries({ queryKey: ['periods'] });
      void client.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}

export function useOpenPeriod() {
  return usePeriodWrite((body: { period: string; deadline?: string; note?: string | null }) => api.post<PeriodView>('/periods', body));
}

export function useUpdatePeriod(id: number) {
  return usePeriodWrite((body: { deadline?: string; note?: string | null; version: number }) => api.patch<PeriodView>(`/periods/${id}`, body));
}

export function useClosePeriod(id: number) {
  return usePeriodWrite((body: { version: number; archive: boolean }) => api.post<PeriodView>(`/periods/${id}/close`, body));
}

export function useReopenPeriod(id: number) {
  return usePeriodWrite((body: { version: number }) => api.post<PeriodView>(`/periods/${id}/reopen`, body));
}

export function useRemind(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reportIds?: number[]) => api.post<{ reports: number; users: number; companies: number; reportIds: number[]; projects: string[] }>(`/periods/${id}/remind`, reportIds ? { reportIds } : {}),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['reports'] }),
  });
}

export function useRebuildArchive(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ accepted: boolean }>(`/periods/${id}/archive`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['periods', id] }),
  });
}

export function useReportSettings() {
  return useQuery({ queryKey: ['settings', 'reports'], queryFn: () => api.get<ReportSettingsView>('/settings/reports') });
}

export function useSaveReportSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportSettingsView['settings'] & { version: number | null }) => api.put<ReportSettingsView>('/settings/reports', body),
    onSuccess: (view) => client.setQueryData(['settings', 'reports'], view),
  });
}
