import type { InspectionRating, ProgressVerdict, SiteObservation, Stage } from '@tuijin/core';
import type { Demand, FindingBody, FindingSheet } from './api';

// The finding form's values and the body the server takes. A new finding starts from the books
// (the ledger's stage, the nodes they say are met): the inspector corrects what the site denies.

export type DemandValue = Pick<Demand, 'description' | 'kind' | 'raiseAs' | 'deadline' | 'obstacleId' | 'actionItemId' | 'statusLabel' | 'link' | 'raiseAsLabel' | 'kindLabel'>;

export interface FindingValues {
  visitedOn: string | null;
  observedProgress: string;
  progressVerdict: ProgressVerdict | null;
  observedStage: Stage | null;
  nodesMet: number[];
  investmentEstimate: number | null;
  rating: InspectionRating | null;
  demands: DemandValue[];
  note: string;
}

export const FINDING_FIELDS = ['visitedOn', 'observedProgress', 'progressVerdict', 'observedStage', 'nodesMet', 'investmentEstimate', 'rating', 'demands', 'note'] as const;

export function toValues(sheet: FindingSheet): FindingValues {
  const f = sheet.finding;
  if (!f) {
    return {
      visitedOn: sheet.inspection.plannedDate <= sheet.today ? sheet.today : null, observedProgress: '', progressVerdict: null,
      observedStage: sheet.books.stage, nodesMet: sheet.books.nodes.filter((n) => n.reportedMetOn != null).map((n) => n.id),
      investmentEstimate: null, rating: null, demands: [], note: '',
    };
  }
  return {
    visitedOn: f.visitedOn, observedProgress: f.observedProgress ?? '', progressVerdict: f.progressVerdict, observedStage: f.observedStage,
    nodesMet: f.nodesMet, investmentEstimate: f.investmentEstimate, rating: f.rating, demands: f.demands, note: f.note ?? '',
  };
}

export function toBody(values: FindingValues, version: number | null): FindingBody {
  return {
    version, visitedOn: values.visitedOn ?? '', observedProgress: values.observedProgress.trim() || null, progressVerdict: values.progressVerdict ?? null,
    observedStage: values.observedStage ?? null, nodesMet: values.nodesMet ?? [], investmentEstimate: values.investmentEstimate ?? null,
    rating: values.rating ?? null, note: values.note?.trim() || null,
    demands: (values.demands ?? []).map((d) => ({
      description: d.description?.trim() ?? '', kind: d.kind, raiseAs: d.raiseAs, deadline: d.deadline ?? null, obstacleId: d.obstacleId ?? null, actionItemId: d.actionItemId ?? null,
    })),
  };
}

/** What the site shows so far, as the core comparison reads it (half-typed values count as not given). */
export function observationOf(values: Partial<FindingValues>, fallbackDay: string): SiteObservation {
  const estimate = values.investmentEstimate;
  return {
    visitedOn: values.visitedOn ?? fallbackDay, progress: values.observedProgress ?? null, progressVerdict: values.progressVerdict ?? null,
    stage: values.observedStage ?? null, nodesMet: values.nodesMet ?? [],
    investmentEstimate: estimate != null && Number.isFinite(estimate) ? estimate : null,
  };
}
