// The vocabulary of the supervision loop (督导): the obstacle ladder, warning levels and rules,
// inspection ratings, meeting items. English ids in code and storage, Chinese labels in the UI.

/** 交办 → 提醒 → 督办 → 约谈: each step harder; 销号 closes. */
export const OBSTACLE_STAGE_LABEL = {
  assigned: '交办',
  reminded: '提醒',
  supervised: '督办',
  interviewed: '约谈',
} as const;
export type ObstacleStage = keyof typeof OBSTACLE_STAGE_LABEL;
export const OBSTACLE_STAGES = Object.keys(OBSTACLE_STAGE_LABEL) as [ObstacleStage, ...ObstacleStage[]];

/** open: being worked on; resolved: the owner says it is solved, awaiting confirmation; closed: 销号. */
export const OBSTACLE_STATUS_LABEL = { open: '办理中', resolved: '待销号', closed: '已销号' } as const;
export type ObstacleStatus = keyof typeof OBSTACLE_STATUS_LABEL;

export const OBSTACLE_SOURCE_LABEL = { report: '月报', inspection: '督导检查', meeting: '联席会议', manual: '直接登记' } as const;
export type ObstacleSource = keyof typeof OBSTACLE_SOURCE_LABEL;

export const WARNING_LEVEL_LABEL = { red: '红色预警', yellow: '黄色预警' } as const;
export type WarningLevel = keyof typeof WARNING_LEVEL_LABEL;

export const INSPECTION_RATING_LABEL = { good: '好', fair: '一般', poor: '差' } as const;
export type InspectionRating = keyof typeof INSPECTION_RATING_LABEL;

export const ACTION_STATUS_LABEL = { open: '办理中', done: '已完成', cancelled: '已取消' } as const;
export type ActionStatus = keyof typeof ACTION_STATUS_LABEL;
