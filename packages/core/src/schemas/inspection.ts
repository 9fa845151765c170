import { z } from 'zod';
import { INSPECTION_RATING_LABEL, type InspectionRating } from '../supervision/catalog';
import { PROGRESS_VERDICTS, PROGRESS_VERDICT_LABEL } from '../supervision/book-site-comparison';
import { date, enumOf, id, optionalText, pageParam, pageSizeParam, requiredText, version, yuan } from './fields';
import { stage } from './project';
import { obstacleKind } from './report';

// Inputs of 督导检查: the plan (title, day, team, projects), a finding per project on site
// (what was seen, the rating, the rectification demands), the list's filters.

/** Stored: planned → finished. 检查中 is a planned inspection with findings already recorded. */
export const INSPECTION_STATUS_LABEL = { planned: '待检查', ongoing: '检查中', finished: '已完成' } as const;
export type InspectionStatus = keyof typeof INSPECTION_STATUS_LABEL;

/** Each demand becomes a tracked obstacle (问题督办) or an action item (督办事项) with a deadline. */
export const DEMAND_ROUTE_LABEL = { obstacle: '转问题督办', action: '列督办事项' } as const;
export type DemandRoute = keyof typeof DEMAND_ROUTE_LABEL;

/** Field names of these forms (a `title` here is the inspection's name, not a person's post). */
export const INSPECTION_LABELS: Record<string, string> = {
  title: '检查名称', plannedDate: '检查日期', team: '检查组成员', projectIds: '检查项目', userId: '用户', name: '姓名', note: '备注',
  visitedOn: '检查日期', observedProgress: '现场形象进度', progressVerdict: '形象进度判断', observedStage: '现场阶段',
  nodesMet: '现场已完成节点', investmentEstimate: '现场估算累计投资', rating: '评价', demands: '整改要求',
  description: '整改内容', kind: '问题类型', raiseAs: '转办方式', deadline: '整改期限', obstacleId: '问题编号', actionItemId: '督办事项编号',
};

const teamMember = z
  .strictObject({ userId: id.nullable().optional(), name: optionalText(30) })
  .refine((m) => m.userId != null || (m.name ?? '') !== '', { message: '请选择用户或填写姓名', path: ['name'] });

const inspectionFields = {
  title: requiredText(100),
  plannedDate: date,
  team: z.array(teamMember, { error: '检查组成员必须是列表' }).max(30, '检查组成员最多 30 人'),
  projectIds: z.array(id, { error: '检查项目必须是列表' }).min(1, '至少选择 1 个项目').max(300, '一次检查最多 300 个项目'),
  note: optionalText(1000),
};

export const inspectionCreate = z.strictObject({ ...inspectionFields, team: inspectionFields.team.default([]) });
export type InspectionCreateInput = z.infer<typeof inspectionCreate>;

export const inspectionUpdate = z.strictObject({
  version,
  title: inspectionFields.title.optional(),
  plannedDate: inspectionFields.plannedDate.optional(),
  team: inspectionFields.team.optional(),
  projectIds: inspectionFields.projectIds.optional(),
  note: inspectionFields.note,
});
export type InspectionUpdateInput = z.infer<typeof inspectionUpdate>;

export const inspectionRating = enumOf(
  Object.keys(INSPECTION_RATING_LABEL) as [InspectionRating, ...InspectionRating[]],
  INSPECTION_RATING_LABEL,
);
export const progressVerdict = enumOf(PROGRESS_VERDICTS, PROGRESS_VERDICT_LABEL);
export const demandRoute = enumOf(Object.keys(DEMAND_ROUTE_LABEL) as [DemandRoute, ...DemandRoute[]], DEMAND_ROUTE_LABEL);

/** A demand already raised keeps the id of what it became; one without is raised on save. */
export const findingDemand = z.strictObject({
  description: requiredText(500),
  kind: obstacleKind,
  raiseAs: demandRoute,
  deadline: date.nullable().optional(),
  obstacleId: id.nullable().optional(),
  actionItemId: id.nullable().optional(),
});
export type FindingDemandInput = z.infer<typeof findingDemand>;

/** `version` is null for the project's first finding in this inspection. */
export const findingSave = z.strictObject({
  version: version.nullable(),
  visitedOn: date,
  observedProgress: optionalText(2000),
  progressVerdict: progressVerdict.nullable().optional(),
  observedStage: stage.nullable().optional(),
  nodesMet: z.array(id, { error: '现场已完成节点必须是列表' }).max(100, '节点最多 100 个').default([]),
  investmentEstimate: yuan.max(10_000_000_000_000, '金额过大（超过 10 万亿元），请核对单位').nullable().optional(),
  rating: inspectionRating.nullable().optional(),
  demands: z.array(findingDemand, { error: '整改要求必须是列表' }).max(20, '整改要求最多 20 项').default([]),
  note: optionalText(2000),
});
export type FindingSaveInput = z.infer<typeof findingSave>;

export const inspectionListQuery = z.strictObject({
  status: z.enum(['planned', 'ongoing', 'finished'], { error: '状态只能是 planned、ongoing 或 finished' }).optional(),
  q: z.string().trim().max(100, '搜索内容过长').optional(),
  page: pageParam,
  pageSize: pageSizeParam(100).default(20),
});
export type InspectionListQuery = z.infer<typeof inspectionListQuery>;
