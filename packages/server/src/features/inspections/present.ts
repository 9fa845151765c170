import {
  ACTION_STATUS_LABEL, DEMAND_ROUTE_LABEL, INSPECTION_RATING_LABEL, INSPECTION_STATUS_LABEL, OBSTACLE_KIND_LABEL, OBSTACLE_STATUS_LABEL,
  PROGRESS_VERDICT_LABEL, STAGE_LABEL, type ComparisonRow, type DemandRoute, type InspectionRating, type InspectionStatus,
  type ObstacleKind, type ProgressVerdict, type Stage,
} from '@tuijin/core';
import type { SessionUser } from '../../lib/context';
import { can, isInScope } from '../../lib/permissions';
import { parseJson } from '../../lib/records';
import { presentMedia, type MediaRow } from '../media/present';
import type { FindingRow, InspectionProjectRow, InspectionRow } from './queries';

export interface TeamMember { userId: number | null; name: string }
export interface StoredDemand { description: string; kind: ObstacleKind; raiseAs: DemandRoute; deadline: string | null; obstacleId: number | null; actionItemId: number | null }
export interface FindingObserved { progressVerdict: ProgressVerdict | null; nodesMet: number[]; investmentEstimate: number | null }
/** Where each raised demand stands now: the obstacle's or the action item's status. */
export type DemandStatuses = { obstacles: Map<number, string>; actions: Map<number, string> };

/** 检查中 is a planned inspection with findings already recorded. */
export function inspectionStatus(status: string, visited: number): InspectionStatus {
  if (status === 'finished') return 'finished';
  return visited > 0 ? 'ongoing' : 'planned';
}

/** The plan and its findings may change while it is not finished, by the office or an inspector of its region. */
export function canWriteInspection(user: SessionUser, i: Pick<InspectionRow, 'status' | 'regionCode'>): boolean {
  return can(user, 'inspect') && i.status !== 'finished' && isInScope(user, i.regionCode);
}

export function presentInspectionSummary(i: InspectionRow | (Omit<InspectionRow, 'createdByName'> & { createdByName?: string | null }), counts: { total: number; visited: number; booksAhead: number }) {
  const status = inspectionStatus(i.status, counts.visited);
  const team = parseJson<TeamMember[]>(i.team, []);
  return {
    id: i.id, title: i.title, plannedDate: i.plannedDate, status, statusLabel: INSPECTION_STATUS_LABEL[status],
    team, teamNames: team.map((m) => m.name).join('、'), note: i.note, finishedAt: i.finishedAt,
    progress: { visited: counts.visited, total: counts.total }, booksAheadCount: counts.booksAhead,
    createdByName: i.createdByName ?? null, regionCode: i.regionCode, version: i.version, updatedAt: i.updatedAt,
  };
}

export function presentInspection(user: SessionUser, i: InspectionRow, projects: InspectionProjectRow[]) {
  const visited = projects.filter((p) => p.findingId != null);
  const counts = { total: projects.length, visited: visited.length, booksAhead: visited.filter((p) => p.booksAhead === 1).length };
  const isWritable = canWriteInspection(user, i);
  const ratings = { good: 0, fair: 0, poor: 0 } as Record<InspectionRating, number>;
  for (const p of visited) if (p.rating) ratings[p.rating as InspectionRating] += 1;
  return {
    ...presentInspectionSummary(i, counts),
    ratings,
    projects: projects.map((p) => ({
      projectId: p.projectId, name: p.name, code: p.code, stage: p.stage, stageLabel: STAGE_LABEL[p.stage as Stage] ?? p.stage,
      responsibleOrgName: p.responsibleOrgName,
      finding: p.findingId == null ? null : {
        id: p.findingId, visitedOn: p.visitedOn, rating: p.rating, ratingLabel: p.rating ? INSPECTION_RATING_LABEL[p.rating as InspectionRating] : null,
        booksAhead: p.booksAhead === 1, demandCount: parseJson<unknown[]>(p.demands, []).length, photoCount: Number(p.photoCount ?? 0), updatedAt: p.findingUpdatedAt,
      },
    })),
    canEdit: isWritable,
    canRecord: isWritable,
    canFinish: isWritable,
    canDelete: isWritable && counts.visited === 0,
    canExport: can(user, 'readSupervision'),
  };
}
export type InspectionDetail = ReturnType<typeof presentInspection>;

export function presentDemand(d: StoredDemand, statuses: DemandStatuses) {
  const status = d.obstacleId != null ? statuses.obstacles.get(d.obstacleId) ?? null : d.actionItemId != null ? statuses.actions.get(d.actionItemId) ?? null : null;
  const statusLabel = status == null ? null : d.obstacleId != null
    ? OBSTACLE_STATUS_LABEL[status as keyof typeof OBSTACLE_STATUS_LABEL] ?? status
    : ACTION_STATUS_LABEL[status as keyof typeof ACTION_STATUS_LABEL] ?? status;
  return {
    ...d, kindLabel: OBSTACLE_KIND_LABEL[d.kind] ?? d.kind, raiseAsLabel: DEMAND_ROUTE_LABEL[d.raiseAs] ?? d.raiseAs,
    link: d.obstacleId != null ? `/obstacles/${d.obstacleId}` : d.actionItemId != null ? '/meetings?tab=actions' : null,
    status, statusLabel,
  };
}

export function presentFinding(f: FindingRow, media: MediaRow[], statuses: DemandStatuses) {
  const observed = parseJson<FindingObserved>(f.observed, { progressVerdict: null, nodesMet: [], investmentEstimate: null });
  return {
    id: f.id, inspectionId: f.inspectionId, projectId: f.projectId, visitedOn: f.visitedOn,
    observedProgress: f.observedProgress, observedStage: f.observedStage as Stage | null,
    observedStageLabel: f.observedStage ? STAGE_LABEL[f.observedStage as Stage] ?? f.observedStage : null,
    progressVerdict: observed.progressVerdict, progressVerdictLabel: observed.progressVerdict ? PROGRESS_VERDICT_LABEL[observed.progressVerdict] : null,
    nodesMet: observed.nodesMet, investmentEstimate: observed.investmentEstimate,
    rating: f.rating as InspectionRating | null, ratingLabel: f.rating ? INSPECTION_RATING_LABEL[f.rating as InspectionRating] : null,
    demands: parseJson<StoredDemand[]>(f.demands, []).map((d) => presentDemand(d, statuses)),
    note: f.note, reportId: f.reportId,
    comparison: parseJson<ComparisonRow[]>(f.comparison, []), booksAhead: f.booksAhead === 1,
    media: media.map(presentMedia), inspectorName: f.inspectorName, version: f.version, createdAt: f.createdAt, updatedAt: f.updatedAt,
  };
}
export type FindingView = ReturnType<typeof presentFinding>;
