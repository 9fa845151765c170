import {
  OBSTACLE_KIND_LABEL, proposeFigures, punctuality, REPORT_STATUS_LABEL, type FigureProblem, type ObstacleKind,
  type PreviousFigures, type ReportSettings, type ReportStatus,
} from '@tuijin/core';
import type { SessionUser } from '../../lib/context';
import { can } from '../../lib/permissions';
import { parseJson } from '../../lib/records';
import type { MediaView } from '../media/present';
import type { ReportRow } from './queries';

export interface ReportProblem { kind: ObstacleKind; description: string; obstacleId?: number | null }
export interface NodeMet { nodeId: number; date: string }
export interface Funds { source: string; amount: number }

export interface ReportExtras {
  previous: PreviousFigures & { period: string | null };
  plan: { plan: number; target: number; monthly: number[] | null; completed: number; completedThrough: string | null } | null;
  nodes: { id: number; name: string; kind: string; plannedDate: string; actualDate: string | null }[];
  media: MediaView[];
  events: { action: string; fromStatus: string | null; toStatus: string; comment: string | null; at: string; userName: string | null }[];
  settings: Pick<ReportSettings, 'minPhotos' | 'maxImageMb' | 'maxVideoMb'>;
  points: { id: number; name: string; description: string | null }[];
}

/** Whether this user acts for the company (fills) or reviews, and what they may do now. */
export function reportAbilities(user: SessionUser, r: Pick<ReportRow, 'status' | 'periodStatus' | 'submittedBy'>) {
  const isOpen = r.periodStatus === 'open';
  const isEditable = r.status === 'draft' || r.status === 'returned';
  const canFill = can(user, 'fillReports') && isOpen && isEditable;
  return {
    canEdit: canFill,
    canSubmit: canFill,
    canReview: can(user, 'reviewReports') && r.status === 'submitted' && r.submittedBy !== user.id,
    /** Sending back needs an open month (the company must be able to correct it). */
    canReturn: can(user, 'reviewReports') && isOpen && r.status === 'submitted',
  };
}

/**
 * Figures of a report not sent (or sent back) are the company's working draft: the office and the
 * company see them; everyone else sees the month's word only once it is sent.
 */
export function isWorkingCopyHidden(user: SessionUser, status: string): boolean {
  return (status === 'draft' || status === 'returned') && !can(user, 'fillReports');
}

export function figuresFor(user: SessionUser, r: { status: string; thisMonth: number | null; ytd: number | null; cumulative: number | null }) {
  return isWorkingCopyHidden(user, r.status) ? { thisMonth: null, ytd: null, cumulative: null } : { thisMonth: r.thisMonth, ytd: r.ytd, cumulative: r.cumulative };
}

export function presentReportSummary(r: Pick<ReportRow, 'id' | 'projectId' | 'projectName' | 'projectCode' | 'ownerOrgName' | 'responsibleOrgName' | 'period' | 'periodId' | 'status' | 'deadline' | 'submittedAt' | 'firstSubmittedAt' | 'startedAt' | 'thisMonth' | 'ytd' | 'cumulative' | 'noChange' | 'returnCount' | 'remindCount' | 'remindedAt' | 'reviewedAt' | 'reviewComment' | 'version'> & { photoCount?: number; failedCount?: number; flaggedCount?: number }, now: Date) {
  const status = r.status as ReportStatus;
  return {
    id: r.id, projectId: r.projectId, projectName: r.projectName, projectCode: r.projectCode,
    ownerOrgName: r.ownerOrgName, responsibleOrgName: r.responsibleOrgName, period: r.period, periodId: r.periodId,
    status, statusLabel: status === 'draft' && !r.startedAt ? '未填报' : REPORT_STATUS_LABEL[status],
    isStarted: r.startedAt != null, deadline: r.deadline,
    punctuality: punctuality(r.deadline, r.firstSubmittedAt, now),
    submittedAt: r.submittedAt, reviewedAt: r.reviewedAt, reviewComment: r.reviewComment, thisMonth: r.thisMonth, ytd: r.ytd, cumulative: r.cumulative,
    noChange: r.noChange === 1, returnCount: r.returnCount, remindCount: r.remindCount, remindedAt: r.remindedAt,
    photoCount: r.photoCount ?? 0, failedCount: r.failedCount ?? 0, flaggedCount: r.flaggedCount ?? 0, version: r.version,
  };
}

export function presentReport(user: SessionUser, r: ReportRow, x: ReportExtras, now: Date) {
  const status = r.status as ReportStatus;
  // A draft is the company's working copy (see figuresFor): others see that it exists, not what it says.
  if (isWorkingCopyHidden(user, r.status)) {
    r = { ...r, explanation: null, funds: '[]', progress: null, nodesMet: '[]', problems: '[]', nextPlan: null, coordination: null, noChangeReason: null };
    x = { ...x, media: [] };
  }
  return {
    ...presentReportSummary({ ...r, ...figuresFor(user, r), photoCount: x.media.length, failedCount: x.media.filter((m) => m.checkStatus === 'failed').length, flaggedCount: x.media.filter((m) => m.checkStatus === 'flagged').length }, now),
    project: {
      id: r.projectId, name: r.projectName, code: r.projectCode, stage: r.stage, totalInvestment: r.totalInvestment,
      ownerOrgName: r.ownerOrgName, responsibleOrgName: r.responsibleOrgName, lng: r.projectLng, lat: r.projectLat,
      hasOutline: r.sitePolygon != null,
    },
    periodStatus: r.periodStatus,
    explanation: r.explanation,
    funds: parseJson<Funds[]>(r.funds, []),
    progress: r.progress,
    nodesMet: parseJson<NodeMet[]>(r.nodesMet, []),
    problems: parseJson<ReportProblem[]>(r.problems, []).map((p) => ({ ...p, kindLabel: OBSTACLE_KIND_LABEL[p.kind] ?? p.kind })),
    nextPlan: r.nextPlan, coordination: r.coordination, noChangeReason: r.noChangeReason,
    figureNotes: parseJson<FigureProblem[]>(r.figureNotes, []),
    previous: x.previous,
    proposal: proposeFigures(r.thisMonth ?? 0, x.previous),
    plan: x.plan, nodes: x.nodes, media: x.media, points: x.points, settings: x.settings,
    submittedByName: r.submittedByName, reviewedByName: r.reviewedByName, reviewComment: r.reviewComment,
    history: x.events,
    ...reportAbilities(user, r),
    statusLabelFull: REPORT_STATUS_LABEL[status],
  };
}
export type ReportDetail = ReturnType<typeof presentReport>;
