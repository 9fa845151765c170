import { z } from 'zod';
import { OBSTACLE_SOURCE_LABEL, OBSTACLE_STAGE_LABEL, OBSTACLE_STAGES, OBSTACLE_STATUS_LABEL, type ObstacleSource, type ObstacleStatus } from '../supervision/catalog';
import { date, enumOf, id, idParam, optionalText, pageParam, pageSizeParam, requiredText, text, version } from './fields';
import { obstacleKind } from './report';

// Inputs of the obstacle ladder: the office raises and edits an obstacle, escalates it with a
// supervision notice number (督办单号), confirms (销号) or sends back a resolution; the owner
// department reports it solved.

/** Field names of the obstacle forms, so a message says 「办理期限：…」 rather than 「报送截止日：…」. */
export const OBSTACLE_LABELS: Record<string, string> = {
  projectId: '项目', kind: '问题类型', title: '问题标题', description: '问题描述', ownerOrgId: '责任单位',
  leaderId: '包保领导', deadline: '办理期限', to: '升级到', docNo: '督办单号', note: '说明', resolution: '办结情况',
  stage: '督办层级', status: '状态', source: '来源', overdue: '是否逾期', by: '统计口径', q: '搜索内容', meetingId: '联席会议',
};

export const obstacleStage = enumOf(OBSTACLE_STAGES, OBSTACLE_STAGE_LABEL);
const obstacleStatus = enumOf(Object.keys(OBSTACLE_STATUS_LABEL) as [ObstacleStatus, ...ObstacleStatus[]], OBSTACLE_STATUS_LABEL);
const obstacleSource = enumOf(Object.keys(OBSTACLE_SOURCE_LABEL) as [ObstacleSource, ...ObstacleSource[]], OBSTACLE_SOURCE_LABEL);

/**
 * Raised by hand (直接登记), or by a joint meeting that is being held (meetingId: 联席会议交办);
 * owner and leader default to the project's 责任单位 and 包保领导.
 */
export const obstacleCreate = z.strictObject({
  projectId: id,
  kind: obstacleKind,
  title: optionalText(100),
  description: requiredText(2000),
  ownerOrgId: id.nullable().optional(),
  leaderId: id.nullable().optional(),
  deadline: date.nullable().optional(),
  meetingId: id.optional(),
});
export type ObstacleCreateInput = z.infer<typeof obstacleCreate>;

export const obstacleUpdate = z.strictObject({
  version,
  kind: obstacleKind.optional(),
  title: optionalText(100),
  description: requiredText(2000).optional(),
  ownerOrgId: id.nullable().optional(),
  leaderId: id.nullable().optional(),
  deadline: date.nullable().optional(),
});
export type ObstacleUpdateInput = z.infer<typeof obstacleUpdate>;

/** 升级: to the next stage unless another (higher) one is named; 督办 and 约谈 carry their notice number. */
export const obstacleEscalate = z.strictObject({
  version,
  to: obstacleStage.optional(),
  docNo: optionalText(60),
  note: optionalText(1000),
});
export type ObstacleEscalateInput = z.infer<typeof obstacleEscalate>;

export const obstacleResolve = z.strictObject({ version, resolution: requiredText(2000) });
export type ObstacleResolveInput = z.infer<typeof obstacleResolve>;

/** 销号 or 退回重办: the office's word on a resolution (a note is required to send one back). */
export const obstacleConfirm = z.strictObject({ version, note: optionalText(1000) });
export const obstacleReopen = z.strictObject({ version, note: requiredText(1000) });
export type ObstacleConfirmInput = z.infer<typeof obstacleConfirm>;

const flag = z.enum(['true', 'false', '1', '0'], { error: '只能是 true 或 false' }).transform((v) => v === 'true' || v === '1');

export const obstacleListQuery = z.strictObject({
  kind: obstacleKind.optional(),
  status: obstacleStatus.optional(),
  stage: obstacleStage.optional(),
  ownerOrgId: idParam.optional(),
  leaderId: idParam.optional(),
  projectId: idParam.optional(),
  source: obstacleSource.optional(),
  overdue: flag.optional(),
  q: text(100).optional(),
  page: pageParam,
  pageSize: pageSizeParam(500).default(50),
});
export type ObstacleListQuery = z.infer<typeof obstacleListQuery>;

export const obstacleStatsQuery = z.strictObject({
  by: z.enum(['department', 'leader'], { error: '统计口径只能是 department（责任单位）或 leader（包保领导）' }).default('department'),
});
export type ObstacleStatsQuery = z.infer<typeof obstacleStatsQuery>;
