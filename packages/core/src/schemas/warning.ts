import { z } from 'zod';
import { WARNING_LEVEL_LABEL, type WarningLevel } from '../supervision/catalog';
import { WARNING_RULE_LABEL, WARNING_RULES } from '../supervision/warning-rules';
import { enumOf, idParam, pageParam, pageSizeParam, regionCode } from './fields';

// Inputs of the warnings (预警): the list's filters, the summary, the office's recompute.

export const warningLevel = enumOf(Object.keys(WARNING_LEVEL_LABEL) as [WarningLevel, ...WarningLevel[]], WARNING_LEVEL_LABEL);
export const warningRule = enumOf(WARNING_RULES, WARNING_RULE_LABEL);

export const warningListQuery = z.strictObject({
  level: warningLevel.optional(),
  rule: warningRule.optional(),
  responsibleOrgId: idParam.optional(),
  leaderId: idParam.optional(),
  townshipId: idParam.optional(),
  /** A county within a city's or province's scope. */
  regionCode: regionCode.optional(),
  projectId: idParam.optional(),
  q: z.string({ error: '必须是文字' }).trim().max(100, '搜索内容过长').optional(),
  page: pageParam,
  pageSize: pageSizeParam(500).default(50),
});
export type WarningListQuery = z.infer<typeof warningListQuery>;

export const warningSummaryQuery = z.strictObject({ regionCode: regionCode.optional() });
export type WarningSummaryQuery = z.infer<typeof warningSummaryQuery>;

/** The office recomputes its own region; nothing to choose. */
export const warningRecompute = z.strictObject({});

/** Field names of these inputs where the ledger's words would mislead (level is 重点级别 there). */
export const WARNING_LABELS: Record<string, string> = { level: '预警等级', rule: '预警类型', regionCode: '县（市、区）', projectId: '项目' };
