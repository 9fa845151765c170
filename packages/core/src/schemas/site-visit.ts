import { z } from 'zod';
import { VISIT_DAY_OPTIONS } from '../supervision/visit-commitment';
import { date, id, idParam, optionalText, pageParam, pageSizeParam, period, version } from './fields';

// Inputs of a leader's site visit (领导走访): who went, where, when, for how long, what was
// found and decided; photos go through the upload pipeline.

export const VISIT_LABELS: Record<string, string> = {
  leaderId: '走访领导', projectId: '项目', visitedOn: '走访日期', days: '走访天数', found: '现场发现', decided: '协调决定', month: '月份',
};

const days = z.number({ error: '必须是天数' }).refine((v) => (VISIT_DAY_OPTIONS as readonly number[]).includes(v), '只能是半天（0.5）或一天（1）');

export const siteVisitCreate = z.strictObject({
  /** Omitted when a leader records their own visit. */
  leaderId: id.optional(),
  projectId: id,
  visitedOn: date,
  days: days.default(1),
  found: optionalText(2000),
  decided: optionalText(2000),
});
export type SiteVisitCreateInput = z.infer<typeof siteVisitCreate>;

export const siteVisitUpdate = z.strictObject({
  version,
  visitedOn: date.optional(),
  days: days.optional(),
  found: optionalText(2000),
  decided: optionalText(2000),
});
export type SiteVisitUpdateInput = z.infer<typeof siteVisitUpdate>;

export const siteVisitListQuery = z.strictObject({
  leaderId: idParam.optional(),
  projectId: idParam.optional(),
  month: period.optional(),
  page: pageParam,
  pageSize: pageSizeParam(200).default(50),
});
export type SiteVisitListQuery = z.infer<typeof siteVisitListQuery>;

export const commitmentQuery = z.strictObject({ month: period });
