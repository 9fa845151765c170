import type { ProjectLevel, Stage, WarningLevel, WarningRule } from '@tuijin/core';

// Reply shapes of /api/v1/warnings (server features/warnings/present.ts and service.ts).

export interface WarningItem {
  id: number;
  projectId: number;
  projectName: string;
  projectCode: string | null;
  stage: Stage;
  regionCode: string;
  regionName: string;
  responsibleOrgId: number | null;
  responsibleOrgName: string | null;
  leaderId: number | null;
  leaderName: string | null;
  townshipId: number | null;
  townshipName: string | null;
  rule: WarningRule;
  ruleLabel: string;
  level: WarningLevel;
  levelLabel: string;
  reason: string;
  facts: Record<string, unknown>;
  since: string;
  updatedAt: string;
}

export interface WarningList {
  items: WarningItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** One group of a roll-up: projects by their worst level (green = no warning), and warnings. */
export interface RollUp {
  id: number | string | null;
  name: string;
  red: number;
  yellow: number;
  green: number;
  projects: number;
  warnings: number;
}

export interface WarningSummary {
  computedAt: string | null;
  projects: number;
  levels: { red: number; yellow: number; green: number };
  warnings: { red: number; yellow: number };
  byRule: { rule: WarningRule; label: string; red: number; yellow: number }[];
  byDepartment: RollUp[];
  byLeader: RollUp[];
  byTownship: RollUp[];
  byRegion: RollUp[] | null;
}

export interface ProjectWarnings {
  projectId: number;
  level: ProjectLevel;
  levelLabel: string;
  live: { id: number; rule: WarningRule; ruleLabel: string; level: WarningLevel; reason: string; facts: Record<string, unknown>; since: string; updatedAt: string }[];
  history: { id: number; warningId: number; rule: WarningRule; ruleLabel: string; event: 'raised' | 'changed' | 'cleared'; eventLabel: string; fromLevel: WarningLevel | null; toLevel: WarningLevel | null; reason: string | null; at: string }[];
}

export interface RecomputeResult {
  projects: number;
  raised: number;
  changed: number;
  cleared: number;
  refreshed: number;
  live: { red: number; yellow: number };
  ms: number;
}
