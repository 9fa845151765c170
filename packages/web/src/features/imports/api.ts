import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportProblem } from '@tuijin/core';
import { api, isApiError } from '../../app/api-client';
import type { ImportBatch, ImportCorrections, ImportPreview } from './types';

export const IMPORTS_KEY = ['imports'] as const;

/** The county's import history, newest first. */
export function useImportHistory() {
  return useQuery({
    queryKey: IMPORTS_KEY,
    queryFn: () => api.get<{ items: ImportBatch[] }>('/imports'),
  });
}

export interface UploadInput {
  file: File;
  year: number | null;
  regionCode: string | null;
}

/** Sends the file as the request body; nothing is written to the ledger yet. */
export function useUploadLedger() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, year, regionCode }: UploadInput) =>
      api.postRaw<ImportPreview>('/imports/ledger', file, { filename: file.name, year, regionCode }),
    onSettled: () => client.invalidateQueries({ queryKey: IMPORTS_KEY }),
  });
}

export interface BatchInput {
  id: number;
  corrections: ImportCorrections;
}

/** Reads the kept file again with the corrections (the server remembers them for the commit). */
export function useRepreview() {
  return useMutation({
    mutationFn: ({ id, corrections }: BatchInput) => api.post<ImportPreview>(`/imports/${id}/preview`, corrections),
  });
}

export function useCommitImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, corrections }: BatchInput) => api.post<ImportPreview>(`/imports/${id}/commit`, corrections),
    onSettled: () => client.invalidateQueries({ queryKey: IMPORTS_KEY }),
    onSuccess: () => {
      // Rows may have created projects, units and people, and changed the year's figures.
      for (const key of ['projects', 'stats', 'orgs', 'people']) void client.invalidateQueries({ queryKey: [key] });
    },
  });
}

export function useDiscardImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<{ ok: true }>(`/imports/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: IMPORTS_KEY }),
  });
}

function isProblem(value: unknown): value is ImportProblem {
  return typeof value === 'object' && value != null && typeof (value as ImportProblem).message === 'string';
}

/**
 * What a refused import says in `details.problems`: problems of the commit (422), or the
 * plain sentences an unreadable upload carries; field messages of a validation error too.
 */
export function problemsOf(error: unknown): ImportProblem[] {
  if (!isApiError(error)) return [];
  const details = error.details as { problems?: unknown } | null | undefined;
  const raw = typeof details === 'object' && details != null && Array.isArray(details.problems) ? details.problems : [];
  const problems = raw.flatMap((p): ImportProblem[] => {
    if (isProblem(p)) return [p];
    if (typeof p === 'string' && p !== error.message) return [{ level: 'error', sheet: '', message: p }];
    return [];
  });
  const issues = error.fieldIssues.map((i): ImportProblem => ({ level: 'error', sheet: '', message: i.message }));
  return [...problems, ...issues];
}
