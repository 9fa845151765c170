import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SchemeVersionInput, SubjectKind } from '@tuijin/core';
import { api } from '../../app/api-client';
import type { Award, AwardBody, AwardFields, ScoreExplanation, ScoreRun, SchemesView, ScoresView, SubjectId, YearView } from './types';

/** The scheme in force for a month (this month when not given), and the county's versions. */
export function useSchemes(period?: string) {
  return useQuery({
    queryKey: ['scoring-schemes', period ?? null],
    queryFn: () => api.get<SchemesView>('/scoring-schemes', { period }),
    placeholderData: keepPreviousData,
  });
}

/** A revision may change the scheme of any month from its 施行月份 on: every view reloads. */
export function useSaveScheme() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SchemeVersionInput) => api.post<SchemesView>('/scoring-schemes', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['scoring-schemes'] }),
  });
}

export interface ScoresQuery { period: string; kind: SubjectKind; q?: string; page?: number; pageSize?: number }

export function useScores(query: ScoresQuery) {
  return useQuery({
    queryKey: ['scores', query],
    queryFn: () => api.get<ScoresView>('/scores', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useExplanation(period: string, kind: SubjectKind, subjectId: SubjectId | null) {
  return useQuery({
    queryKey: ['scores', 'explain', period, kind, subjectId],
    queryFn: () => api.get<ScoreExplanation>('/scores/explain', { period, kind, subjectId }),
    enabled: subjectId != null,
  });
}

export function useYearScores(year: number, kind: SubjectKind) {
  return useQuery({
    queryKey: ['scores', 'year', year, kind],
    queryFn: () => api.get<YearView>('/scores/year', { year, kind }),
    placeholderData: keepPreviousData,
  });
}

/** Computing or publishing changes every ranking, explanation and year average shown. */
function useRunWrite<V>(send: (values: V) => Promise<{ run: ScoreRun }>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['scores'] });
      // Publishing freezes a month: the scheme page's 「已发布至」 moves.
      void client.invalidateQueries({ queryKey: ['scoring-schemes'] });
    },
  });
}

export const useComputeScores = () => useRunWrite((body: { period: string }) => api.post<{ run: ScoreRun }>('/scores/compute', body));
export const usePublishScores = () => useRunWrite((body: { period: string; version: number }) => api.post<{ run: ScoreRun }>('/scores/publish', body));

export function useAwards(year: number) {
  return useQuery({
    queryKey: ['assessment-awards', year],
    queryFn: () => api.get<{ items: Award[] }>('/assessment-awards', { year }),
    placeholderData: keepPreviousData,
  });
}

function useAwardWrite<V>(send: (values: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => void client.invalidateQueries({ queryKey: ['assessment-awards'] }) });
}

export const useCreateAward = () => useAwardWrite((body: AwardBody) => api.post<Award>('/assessment-awards', body));
export const useUpdateAward = () => useAwardWrite(({ id, ...body }: Partial<AwardFields> & { id: number; version: number }) => api.patch<Award>(`/assessment-awards/${id}`, body));
export const useDeleteAward = () => useAwardWrite(({ id, version }: { id: number; version: number }) => api.delete<unknown>(`/assessment-awards/${id}`, { version }));
