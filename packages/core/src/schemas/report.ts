import { z } from 'zod';
import { OBSTACLE_KINDS, OBSTACLE_KIND_LABEL } from '../reports/catalog';
import { REPORT_STATUS_LABEL, type ReportStatus } from '../reports/status';
import { date, enumOf, id, idParam, lat, lng, optionalText, pageParam, pageSizeParam, period, requiredText, version, yuan } from './fields';
import { FUNDING_SOURCES } from './project';

// Inputs of the monthly report: the office's periods and settings, the company's report,
// the reviewer's decision, photos' captions and shooting points, resumable uploads.

const fundingSource = enumOf(
  Object.keys(FUNDING_SOURCES) as [keyof typeof FUNDING_SOURCES, ...(keyof typeof FUNDING_SOURCES)[]],
  FUNDING_SOURCES,
);
export const obstacleKind = enumOf(OBSTACLE_KINDS, OBSTACLE_KIND_LABEL);
export const reportStatus = enumOf(
  Object.keys(REPORT_STATUS_LABEL) as [ReportStatus, ...ReportStatus[]],
  REPORT_STATUS_LABEL,
);

export const periodOpen = z.strictObject({
  period,
  deadline: date.optional(),
  note: optionalText(500),
});
export type PeriodOpenInput = z.infer<typeof periodOpen>;

export const periodUpdate = z.strictObject({ deadline: date.optional(), note: optionalText(500), version });
export type PeriodUpdateInput = z.infer<typeof periodUpdate>;

export const periodClose = z.strictObject({ version, archive: z.boolean({ error: '必须是是或否' }).default(true) });

/** A month's figure: no project reports ten trillion yuan, and sums of them stay exact. */
const reportYuan = yuan.max(10_000_000_000_000, '金额过大（超过 10 万亿元），请核对单位');

/** A draft may be saved half-filled; submitting checks it whole (reports/submission.ts). */
export const reportSave = z.strictObject({
  version,
  thisMonth: reportYuan.nullable().optional(),
  ytd: reportYuan.nullable().optional(),
  cumulative: reportYuan.nullable().optional(),
  explanation: optionalText(1000),
  funds: z.array(z.strictObject({ source: fundingSource, amount: reportYuan }), { error: '到位资金必须是列表' }).max(20, '到位资金最多 20 项').optional(),
  progress: optionalText(4000),
  nodesMet: z.array(z.strictObject({ nodeId: id, date }), { error: '完成节点必须是列表' }).max(50, '完成节点最多 50 项').optional(),
  problems: z
    .array(z.strictObject({ kind: obstacleKind, description: requiredText(1000), obstacleId: id.nullable().optional() }), { error: '存在问题必须是列表' })
    .max(20, '存在问题最多 20 项')
    .optional(),
  nextPlan: optionalText(2000),
  coordination: optionalText(2000),
  noChange: z.boolean({ error: '必须是是或否' }).optional(),
  noChangeReason: optionalText(500),
});
export type ReportSaveInput = z.infer<typeof reportSave>;

export const reportReview = z.strictObject({ version, comment: optionalText(1000) });
export type ReportReviewInput = z.infer<typeof reportReview>;

export const reportListQuery = z.strictObject({
  periodId: idParam.optional(),
  period: period.optional(),
  status: z.enum(['not_started', 'draft', 'submitted', 'returned', 'approved', 'late', 'missing', 'unsent'], { error: '状态无效' }).optional(),
  q: z.string().trim().max(100, '搜索内容过长').optional(),
  responsibleOrgId: idParam.optional(),
  mine: z.enum(['review', 'fill'], { error: '只能是 review 或 fill' }).optional(),
  page: pageParam,
  pageSize: pageSizeParam(500).default(50),
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const shootingPointInput = z.strictObject({
  name: requiredText(60),
  description: optionalText(500),
  lng: lng.nullable().optional(),
  lat: lat.nullable().optional(),
  sort: z.number({ error: '必须是整数' }).int('必须是整数').min(0, '不能为负数').max(999, '不能超过 999').optional(),
});
export const shootingPointUpdate = shootingPointInput.partial().extend({ version });

export const mediaUpdate = z.strictObject({
  version,
  caption: optionalText(200),
  shootingPointId: id.nullable().optional(),
  sort: z.number({ error: '必须是整数' }).int('必须是整数').min(0, '不能为负数').max(9999, '不能超过 9999').optional(),
});
export type MediaUpdateInput = z.infer<typeof mediaUpdate>;

export const uploadCreate = z.strictObject({
  filename: requiredText(255),
  size: z.number({ error: '必须是文件大小（字节）' }).int('必须是整数字节').positive('文件是空的').max(Number.MAX_SAFE_INTEGER, '文件过大'),
  caption: optionalText(200),
  shootingPointId: id.nullable().optional(),
});
export type UploadCreateInput = z.infer<typeof uploadCreate>;

/** `version` is null for a region's first settings of its own (until then it follows the region above). */
export const reportSettingsInput = z.strictObject({
  version: version.nullable(),
  deadlineDay: z.number({ error: '必须是日期（1–28）' }).int('必须是整数').min(1, '最小为 1').max(28, '最大为 28'),
  autoOpen: z.boolean({ error: '必须是是或否' }),
  openDay: z.number({ error: '必须是日期（1–28）' }).int('必须是整数').min(1, '最小为 1').max(28, '最大为 28'),
  minPhotos: z.number({ error: '必须是整数' }).int('必须是整数').min(0, '不能为负数').max(50, '最多 50 张'),
  maxDistanceMetres: z.number({ error: '必须是米数' }).int('必须是整数米').min(50, '至少 50 米').max(50_000, '最多 50 公里'),
  maxHashDistance: z.number({ error: '必须是整数' }).int('必须是整数').min(0, '最小为 0').max(20, '最大为 20'),
  maxImageMb: z.number({ error: '必须是兆字节数' }).int('必须是整数').min(1, '至少 1 MB').max(100, '最多 100 MB'),
  maxVideoMb: z.number({ error: '必须是兆字节数' }).int('必须是整数').min(1, '至少 1 MB').max(2000, '最多 2000 MB'),
});
