import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BookNode, ComparisonRow, DemandRoute, InspectionRating, InspectionStatus, ObstacleKind, ProgressVerdict, Stage,
} from '@tuijin/core';
import { api, type QueryParams } from '../../app/api-client';
import type { MediaItem } from '../reports/types';

// The shapes the server answers for 督导检查 (server features/inspections/present.ts, finding.ts).

export interface TeamMember { userId: number | null; name: string }

export interface InspectionSummary {
  id: number;
  title: string;
  plannedDate: string;
  status: InspectionStatus;
  statusLabel: string;
  team: TeamMember[];
  teamNames: string;
  note: string | null;
  finishedAt: string | null;
  progress: { visited: number; total: number };
  booksAheadCount: number;
  createdByName: string | null;
  regionCode: string;
  version: number;
  updatedAt: string;
}

export interface InspectionProject {
  projectId: number;
  name: string;
  code: string | null;
  stage: Stage;
  stageLabel: string;
  responsibleOrgName: string | null;
  finding: { id: number; visitedOn: string; rating: InspectionRating | null; ratingLabel: string | null; booksAhead: boolean; demandCount: number; photoCount: number; updatedAt: string } | null;
}

export interface InspectionDetail extends InspectionSummary {
  ratings: Record<InspectionRating, number>;
  projects: InspectionProject[];
  canEdit: boolean;
  canRecord: boolean;
  canFinish: boolean;
  canDelete: boolean;
  canExport: boolean;
}

export interface Demand {
  description: string;
  kind: ObstacleKind;
  raiseAs: DemandRoute;
  deadline: string | null;
  obstacleId: number | null;
  actionItemId: number | null;
  kindLabel?: string;
  raiseAsLabel?: string;
  link?: string | null;
  status?: string | null;
  statusLabel?: string | null;
}

export interface Finding {
  id: number;
  visitedOn: string;
  observedProgress: string | null;
  observedStage: Stage | null;
  progressVerdict: ProgressVerdict | null;
  nodesMet: number[];
  investmentEstimate: number | null;
  rating: InspectionRating | null;
  ratingLabel: string | null;
  demands: Demand[];
  note: string | null;
  reportId: number | null;
  comparison: ComparisonRow[];
  booksAhead: boolean;
  media: MediaItem[];
  inspectorName: string | null;
  version: number;
  updatedAt: string;
}

export interface FindingSheet {
  inspection: { id: number; title: string; plannedDate: string; status: InspectionStatus; version: number };
  project: { id: number; name: string; code: string | null; stage: Stage; stageLabel: string; address: string | null; totalInvestment: number; responsibleOrgName: string | null; ownerOrgName: string | null; leaderName: string | null };
  books: {
    stage: Stage;
    nodes: BookNode[];
    report: { id: number; period: string; status: string; progress: string | null; cumulative: number | null; ytd: number | null; thisMonth: number | null; submittedAt: string | null; noChange: boolean; figuresFrom: string | null } | null;
  };
  finding: Finding | null;
  canEdit: boolean;
  settings: { maxImageMb: number; maxVideoMb: number };
  today: string;
}

export interface FindingBody {
  version: number | null;
  visitedOn: string;
  observedProgress: string | null;
  progressVerdict: ProgressVerdict | null;
  observedStage: Stage | null;
  nodesMet: number[];
  investmentEstimate: number | null;
  rating: InspectionRating | null;
  demands: Pick<Demand, 'description' | 'kind' | 'raiseAs' | 'deadline' | 'obstacleId' | 'actionItemId'>[];
  note: string | null;
}

export interface PlanBody { title: string; plannedDate: string; team: { userId?: number | null; name?: string | null }[]; projectIds: number[]; note: string | null }

export const inspectionKey = (id: number) => ['inspection', id] as const;
export const sheetKey = (id: number, projectId: number) => ['inspection', id, 'project', projectId] as const;

export function useInspections(params: QueryParams) {
  return useQuery({ queryKey: ['inspections', params], queryFn: () => api.get<{ items: InspectionSummary[]; total: number; page: number; pageSize: number }>('/inspections', params) });
}

export function useInspection(id: number) {
  return useQuery({ queryKey: inspectionKey(id), queryFn: () => api.get<InspectionDetail>(`/inspections/${id}`), enabled: Number.isSafeInteger(id) && id > 0 });
}

export function useFindingSheet(id: number, projectId: number) {
  return useQuery({
    queryKey: sheetKey(id, projectId),
    queryFn: () => api.get<FindingSheet>(`/inspections/${id}/projects/${projectId}`),
    enabled: Number.isSafeInteger(id) && id > 0 && Number.isSafeInteger(projectId) && projectId > 0,
  });
}

/** Every write answers the whole plan: show it at once and let the list follow. */
function useInspectionWrite<V>(send: (values: V) => Promise<InspectionDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (plan) => {
      client.setQueryData(inspectionKey(plan.id), plan);
      void client.invalidateQueries({ queryKey: ['inspections'] });
    },
  });
}

export function useCreateInspection() {
  return useInspectionWrite((body: PlanBody) => api.post<InspectionDetail>('/inspections', body));
}

export function useUpdateInspection(id: number) {
  return useInspectionWrite((body: Partial<PlanBody> & { version: number }) => api.patch<InspectionDetail>(`/inspections/${id}`, body));
}

export function useFinishInspection(id: number) {
  return useInspectionWrite(({ version }: { version: number }) => api.post<InspectionDetail>(`/inspections/${id}/finish`, { version }));
}

export function useDeleteInspection(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version }: { version: number }) => api.delete<{ ok: true }>(`/inspections/${id}`, { version }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['inspections'] }),
  });
}

export function useSaveFinding(id: number, projectId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FindingBody) => api.put<FindingSheet>(`/inspections/${id}/projects/${projectId}/finding`, body),
    onSuccess: (sheet) => {
      client.setQueryData(sheetKey(id, projectId), sheet);
      void client.invalidateQueries({ queryKey: inspectionKey(id), exact: true });
      void client.invalidateQueries({ queryKey: ['inspections'] });
    },
  });
}

export const reportDocxUrl = (id: number) => `/api/v1/inspections/${id}/report.docx`;
export const findingUploadPath = (findingId: number) => `/findings/${findingId}/uploads`;
