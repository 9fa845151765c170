import { WARNING_LEVEL_LABEL, WARNING_RULE_LABEL, type LevelRollUp, type WarningLevel, type WarningRule } from '@tuijin/core';
import { parseJson } from '../../lib/records';
import type { WarningRow } from './queries';

// Reply shapes of the warnings: labels travel with the ids so every page says the same words.

const ruleLabel = (rule: string) => WARNING_RULE_LABEL[rule as WarningRule] ?? rule;
const levelLabel = (level: string) => WARNING_LEVEL_LABEL[level as WarningLevel] ?? level;

export function presentWarning(w: WarningRow) {
  return {
    id: w.id, projectId: w.projectId, projectName: w.projectName, projectCode: w.projectCode, stage: w.stage,
    regionCode: w.regionCode, regionName: w.regionName,
    responsibleOrgId: w.responsibleOrgId, responsibleOrgName: w.responsibleOrgName,
    leaderId: w.leaderId, leaderName: w.leaderName, townshipId: w.townshipId, townshipName: w.townshipName,
    rule: w.rule, ruleLabel: ruleLabel(w.rule), level: w.level, levelLabel: levelLabel(w.level),
    reason: w.reason, facts: parseJson<Record<string, unknown>>(w.facts, {}), since: w.since, updatedAt: w.updatedAt,
  };
}
export type WarningView = ReturnType<typeof presentWarning>;

const EVENT_LABEL: Record<string, string> = { raised: '发出预警', changed: '预警等级变化', cleared: '预警解除' };

export function presentEvent(e: { id: number; warningId: number; event: string; fromLevel: string | null; toLevel: string | null; reason: string | null; at: string; rule: string }) {
  return {
    id: e.id, warningId: e.warningId, rule: e.rule, ruleLabel: ruleLabel(e.rule), event: e.event, eventLabel: EVENT_LABEL[e.event] ?? e.event,
    fromLevel: e.fromLevel, toLevel: e.toLevel, reason: e.reason, at: e.at,
  };
}

/** A roll-up row with the group's id and name (「未定责任单位」 for projects without one). */
export function named<K extends string | number>(rows: LevelRollUp<K>[], names: Map<K, string>, none: string) {
  return rows.map(({ group, ...counts }) => ({ id: group, name: group == null ? none : (names.get(group) ?? String(group)), ...counts }));
}
