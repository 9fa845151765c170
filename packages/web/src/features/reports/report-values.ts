import { FUNDING_SOURCES, OBSTACLE_KIND_LABEL, type ObstacleKind } from '@tuijin/core';
import { changedValues } from '../../components/changed-values';
import { wan } from '../../components/format';
import type { ReportSaveBody } from './api';
import type { ReportDetail } from './types';

// The report form holds what the person types; the API takes integer yuan, trimmed text or
// null, and lists without half-filled rows. These convert both ways and tell what changed.

export interface ReportFormValues {
  noChange: boolean;
  noChangeReason: string | null;
  thisMonth: number | null;
  ytd: number | null;
  cumulative: number | null;
  explanation: string | null;
  funds: { source: string | null; amount: number | null }[];
  progress: string | null;
  nodesMet: { nodeId: number | null; date: string | null }[];
  /** `obstacleId` is kept as it came: the server ties the problem to the obstacle it raised. */
  problems: { kind: ObstacleKind | null; description: string | null; obstacleId?: number | null }[];
  nextPlan: string | null;
  coordination: string | null;
}

export type ReportFields = Omit<ReportSaveBody, 'version'>;
export type ReportField = keyof ReportFields;

export const REPORT_FIELDS: readonly ReportField[] = [
  'noChange', 'noChangeReason', 'thisMonth', 'ytd', 'cumulative', 'explanation', 'funds', 'progress', 'nodesMet', 'problems', 'nextPlan', 'coordination',
];

export const FIELD_LABEL: Record<ReportField, string> = {
  noChange: '本月无变化', noChangeReason: '无变化原因', thisMonth: '本月完成投资', ytd: '本年累计完成投资', cumulative: '开工以来累计完成投资',
  explanation: '情况说明', funds: '本月到位资金', progress: '形象进度', nodesMet: '完成节点', problems: '存在问题', nextPlan: '下月计划', coordination: '需协调事项',
};

export function toFormValues(r: ReportDetail): ReportFormValues {
  return {
    noChange: r.noChange, noChangeReason: r.noChangeReason,
    thisMonth: r.thisMonth, ytd: r.ytd, cumulative: r.cumulative, explanation: r.explanation,
    funds: r.funds.map((f) => ({ ...f })),
    progress: r.progress,
    nodesMet: r.nodesMet.map((n) => ({ ...n })),
    problems: r.problems.map((p) => ({ kind: p.kind, description: p.description, obstacleId: p.obstacleId ?? null })),
    nextPlan: r.nextPlan, coordination: r.coordination,
  };
}

const textOf = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());
const amountOf = (v: number | null | undefined) => (v == null || Number.isNaN(v) ? null : v);

/** What the API would store for these form values. */
export function toFields(v: ReportFormValues): ReportFields {
  return {
    noChange: Boolean(v.noChange),
    noChangeReason: textOf(v.noChangeReason),
    thisMonth: amountOf(v.thisMonth), ytd: amountOf(v.ytd), cumulative: amountOf(v.cumulative),
    explanation: textOf(v.explanation),
    funds: (v.funds ?? []).filter((f) => f?.source && f.amount != null).map((f) => ({ source: f.source!, amount: f.amount! })),
    progress: textOf(v.progress),
    nodesMet: (v.nodesMet ?? []).filter((n) => n?.nodeId != null && n.date).map((n) => ({ nodeId: n.nodeId!, date: n.date! })),
    problems: (v.problems ?? []).filter((p) => p?.kind && textOf(p.description)).map((p) => ({ kind: p.kind!, description: textOf(p.description)!, ...(p.obstacleId ? { obstacleId: p.obstacleId } : {}) })),
    nextPlan: textOf(v.nextPlan), coordination: textOf(v.coordination),
  };
}

/** The fields that differ from the saved report: what a PATCH carries. */
export function changedFields(base: ReportDetail, values: ReportFormValues): Partial<ReportFields> {
  return changedValues(toFields(toFormValues(base)), toFields(values));
}

/** A field's value as a sentence, for the conflict dialog. */
export function formatField(field: ReportField, value: unknown, report: Pick<ReportDetail, 'nodes'>): string {
  if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) return '（空）';
  if (field === 'noChange') return value ? '是' : '否';
  if (field === 'thisMonth' || field === 'ytd' || field === 'cumulative') return `${wan(value as number)} 万元`;
  if (field === 'funds') return (value as { source: string; amount: number }[]).map((f) => `${FUNDING_SOURCES[f.source as keyof typeof FUNDING_SOURCES] ?? f.source} ${wan(f.amount)} 万元`).join('；');
  if (field === 'nodesMet') return (value as { nodeId: number; date: string }[]).map((n) => `${nodeName(report, n.nodeId)} ${n.date}`).join('；');
  if (field === 'problems') return (value as { kind: ObstacleKind; description: string }[]).map((p) => `${OBSTACLE_KIND_LABEL[p.kind] ?? p.kind}：${p.description}`).join('；');
  return String(value);
}

export function nodeName(report: Pick<ReportDetail, 'nodes'>, nodeId: number): string {
  return report.nodes.find((n) => n.id === nodeId)?.name ?? `节点 ${nodeId}`;
}

export const FUNDING_OPTIONS = Object.entries(FUNDING_SOURCES).map(([value, label]) => ({ value, label }));
export const OBSTACLE_OPTIONS = Object.entries(OBSTACLE_KIND_LABEL).map(([value, label]) => ({ value, label }));
