import type { ObstacleAction, ObstacleKind, ObstacleSource, ObstacleStage, ObstacleStatus } from '@tuijin/core';

// The server's reply shapes (features/obstacles/present.ts and stats.ts on the server).

export interface ObstacleSummary {
  id: number;
  projectId: number;
  projectName: string;
  projectCode: string | null;
  regionCode: string;
  kind: ObstacleKind;
  kindLabel: string;
  title: string;
  description: string;
  source: ObstacleSource;
  sourceLabel: string;
  sourceId: number | null;
  ownerOrgId: number | null;
  ownerOrgName: string | null;
  leaderId: number | null;
  leaderName: string | null;
  deadline: string | null;
  dueOn: string | null;
  isOverdue: boolean;
  overdueDays: number;
  status: ObstacleStatus;
  statusLabel: string;
  stage: ObstacleStage;
  stageLabel: string;
  stageAt: string | null;
  nextStage: ObstacleStage | null;
  nextStageLabel: string | null;
  escalateAt: string | null;
  raisedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  meetingId: number | null;
  version: number;
}

export interface ObstacleStep {
  id: number;
  step: string;
  stepLabel: string;
  fromStage: ObstacleStage | null;
  fromStageLabel: string | null;
  toStage: ObstacleStage | null;
  toStageLabel: string | null;
  docNo: string | null;
  note: string | null;
  isAuto: boolean;
  userName: string | null;
  at: string;
}

export interface ObstacleView extends ObstacleSummary {
  resolution: string | null;
  resolvedBy: number | null;
  resolvedByName: string | null;
  confirmedBy: number | null;
  confirmedByName: string | null;
  sourceRef: { kind: 'report' | 'inspection' | 'meeting'; id: number; label: string; link: string } | null;
  steps: ObstacleStep[];
  actions: { action: ObstacleAction; label: string; allowed: boolean; reason: string | null }[];
  can: Record<ObstacleAction, boolean>;
}

export interface ObstacleList {
  items: ObstacleSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ObstacleStatRow {
  id: number | null;
  name: string;
  open: number;
  overdue: number;
  resolved: number;
  closed: number;
  escalated: number;
  medianDaysToClose: number | null;
}

export interface ObstacleStats {
  by: 'department' | 'leader';
  items: ObstacleStatRow[];
  total: Omit<ObstacleStatRow, 'id' | 'name'>;
}
