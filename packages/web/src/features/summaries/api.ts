import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';

// 年度总结 · 一、基本情况 as the server answers it: the draft from the ledger, the office's saved
// text when there is one, and the data checks.

export interface SummaryFigure {
  key: string;
  group: string;
  label: string;
  value: number | null;
  unit: 'count' | 'yuan' | 'percent' | 'rank';
  text: string;
}

export interface SummaryCategoryRow {
  category: string;
  label: string;
  count: number;
  totalInvestment: number;
  plan: number;
  completed: number;
}

export interface SummaryCheck {
  code: string;
  message: string;
}

export interface BasicSummary {
  year: number;
  regionCode: string;
  regionName: string;
  generated: { paragraphs: string[]; figures: SummaryFigure[]; byCategory: SummaryCategoryRow[]; inconsistencies: SummaryCheck[] };
  saved: {
    text: string; version: number; updatedAt: string; updatedByName: string | null;
    isDraftChanged: boolean; inconsistencies: SummaryCheck[];
  } | null;
  /** False for a department: the checks name projects outside its own. */
  hasChecks: boolean;
  canEdit: boolean;
  docxUrl: string;
}

const key = (year: number) => ['summaries', 'basic', year];

export function useBasicSummary(year: number) {
  return useQuery({ queryKey: key(year), queryFn: () => api.get<BasicSummary>(`/summaries/${year}/basic`) });
}

/** Saving and resetting both answer the whole summary, which replaces what the page shows. */
function useSummaryWrite<V>(year: number, send: (values: V) => Promise<BasicSummary>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (summary) => client.setQueryData(key(year), summary),
  });
}

export const useSaveSummary = (year: number) =>
  useSummaryWrite(year, (body: { text: string; version: number }) => api.put<BasicSummary>(`/summaries/${year}/basic`, body));

export const useResetSummary = (year: number) =>
  useSummaryWrite(year, ({ version }: { version: number }) => api.delete<BasicSummary>(`/summaries/${year}/basic`, { version }));

/** The text the editor starts from: the office's saved text, else the draft, a blank line between paragraphs. */
export function editorText(summary: BasicSummary): string {
  const paragraphs = summary.saved ? summary.saved.text.split('\n').filter((p) => p.trim()) : summary.generated.paragraphs;
  return paragraphs.join('\n\n');
}
