import type { Stage } from '../stages';

// Which projects report each month, and the kinds of problem a report can raise.

/**
 * A project reports from signing until it produces: 签约/前期 report their preparation,
 * 在建 its construction, 竣工/投产 the run-up to production; 停缓建 reports too (why it is
 * stopped and what would restart it). 谋划/储备 are not projects yet; 达产/终止 are done.
 */
export const REPORTING_STAGES: readonly Stage[] = ['signed', 'preparing', 'under_construction', 'completed', 'operating', 'suspended'];

export function isReportingStage(stage: string): boolean {
  return (REPORTING_STAGES as readonly string[]).includes(stage);
}

// 要素制约: the kinds of obstacle the supervision work tracks (用地、资金、手续审批…).
export const OBSTACLE_KIND_LABEL = {
  land: '用地',
  funds: '资金',
  approvals: '手续审批',
  environment: '环保',
  relocation: '征迁',
  utilities: '水电路气讯',
  construction: '施工',
  other: '其他',
} as const;
export type ObstacleKind = keyof typeof OBSTACLE_KIND_LABEL;
export const OBSTACLE_KINDS = Object.keys(OBSTACLE_KIND_LABEL) as [ObstacleKind, ...ObstacleKind[]];

export const PERIOD_STATUS_LABEL = { open: '填报中', closed: '已关闭' } as const;
export type PeriodStatus = keyof typeof PERIOD_STATUS_LABEL;
