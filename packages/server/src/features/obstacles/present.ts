import {
  chinaDate, daysBetween, nextStageOf, OBSTACLE_KIND_LABEL, OBSTACLE_SOURCE_LABEL, OBSTACLE_STAGE_LABEL, OBSTACLE_STATUS_LABEL,
  OBSTACLE_STEP_LABEL, obstacleActions, periodText, type ObstacleKind, type ObstacleSource, type ObstacleStage, type ObstacleStatus,
  type ObstacleStepKind,
} from '@tuijin/core';
import type { SessionUser } from '../../lib/context';
import { ladderActor } from './policy';
import type { ObstacleRow, SourceRow, StepRow } from './queries';

// The reply shapes: a list row, the full record with its steps and source, and what the
// caller may do with it (with the reason when not).

type SummaryRow = Omit<ObstacleRow, 'projectResponsibleOrgId'>;

/** Days past the deadline the ladder runs against; 0 unless still being worked on. */
export function overdueOf(o: Pick<SummaryRow, 'status' | 'dueOn' | 'deadline'>, today: string): number {
  const due = o.dueOn ?? o.deadline;
  if (o.status !== 'open' || !due) return 0;
  return Math.max(0, daysBetween(due, today));
}

export function presentObstacleSummary(o: SummaryRow, now: Date) {
  const stage = o.stage as ObstacleStage;
  const status = o.status as ObstacleStatus;
  const overdueDays = overdueOf(o, chinaDate(now));
  const next = status === 'open' ? nextStageOf(stage) : null;
  return {
    id: o.id, projectId: o.projectId, projectName: o.projectName, projectCode: o.projectCode, regionCode: o.regionCode,
    kind: o.kind, kindLabel: OBSTACLE_KIND_LABEL[o.kind as ObstacleKind] ?? o.kind,
    title: o.title ?? o.description.slice(0, 40), description: o.description,
    source: o.source, sourceLabel: OBSTACLE_SOURCE_LABEL[o.source as ObstacleSource] ?? o.source, sourceId: o.sourceId,
    ownerOrgId: o.ownerOrgId, ownerOrgName: o.ownerOrgName, leaderId: o.leaderId, leaderName: o.leaderName,
    deadline: o.deadline, dueOn: o.dueOn, isOverdue: overdueDays > 0, overdueDays,
    status, statusLabel: OBSTACLE_STATUS_LABEL[status] ?? status, stage, stageLabel: OBSTACLE_STAGE_LABEL[stage] ?? stage, stageAt: o.stageAt,
    nextStage: next, nextStageLabel: next ? OBSTACLE_STAGE_LABEL[next] : null, escalateAt: status === 'open' ? o.escalateAt : null,
    raisedAt: o.raisedAt, resolvedAt: o.resolvedAt, closedAt: o.closedAt, meetingId: o.meetingId, version: o.version,
  };
}
export type ObstacleSummary = ReturnType<typeof presentObstacleSummary>;

function presentSource(s: SourceRow) {
  if (!s) return null;
  switch (s.kind) {
    case 'report': return { kind: s.kind, id: s.id, label: `${periodText(s.period)}月报`, link: `/reports/${s.id}` };
    case 'inspection': return { kind: s.kind, id: s.id, label: `督导检查：${s.title}`, link: `/inspections/${s.inspectionId}/projects/${s.projectId}` };
    case 'meeting': return { kind: s.kind, id: s.id, label: `联席会议：${s.title}`, link: `/meetings/${s.id}` };
  }
}

export function presentStep(s: StepRow) {
  return {
    id: s.id, step: s.step, stepLabel: OBSTACLE_STEP_LABEL[s.step as ObstacleStepKind] ?? s.step,
    fromStage: s.fromStage, fromStageLabel: s.fromStage ? OBSTACLE_STAGE_LABEL[s.fromStage as ObstacleStage] ?? s.fromStage : null,
    toStage: s.toStage, toStageLabel: s.toStage ? OBSTACLE_STAGE_LABEL[s.toStage as ObstacleStage] ?? s.toStage : null,
    docNo: s.docNo, note: s.note, isAuto: s.isAuto === 1, userName: s.isAuto === 1 ? '系统' : s.userName, at: s.at,
  };
}

export function presentObstacle(user: SessionUser, o: ObstacleRow, steps: StepRow[], source: SourceRow, names: { resolvedByName: string | null; confirmedByName: string | null }, now: Date) {
  const actions = obstacleActions({ status: o.status as ObstacleStatus, stage: o.stage as ObstacleStage, resolvedBy: o.resolvedBy }, ladderActor(user, o.ownerOrgId));
  return {
    ...presentObstacleSummary(o, now),
    resolution: o.resolution, resolvedBy: o.resolvedBy, resolvedByName: names.resolvedByName, confirmedBy: o.confirmedBy, confirmedByName: names.confirmedByName,
    sourceRef: presentSource(source),
    steps: steps.map(presentStep),
    actions,
    can: Object.fromEntries(actions.map((a) => [a.action, a.allowed])) as Record<(typeof actions)[number]['action'], boolean>,
  };
}
export type ObstacleView = ReturnType<typeof presentObstacle>;
