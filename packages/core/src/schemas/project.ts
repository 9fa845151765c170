import { z } from 'zod';
import {
  APPROVAL_ITEMS, APPROVAL_STATUSES, CATEGORIES, CURRENCIES, INDUSTRIES, KEY_LIST_LEVELS,
  NATURES, NODE_KINDS, SIZE_BRACKETS,
} from '../catalog';
import { STAGES, STAGE_LABEL } from '../stages';
import {
  date, enumOf, id, idParam, lat, listParam, lng, optionalText, pageParam, pageSizeParam, period, regionCode,
  requiredText, text, version, year, yearParam, yuan,
} from './fields';

export const category = enumOf(CATEGORIES.ids, CATEGORIES.label);
export const industry = enumOf(INDUSTRIES.ids, INDUSTRIES.label);
export const nature = enumOf(NATURES.ids, NATURES.label);
export const stage = enumOf(STAGES, STAGE_LABEL);
export const keyListLevel = enumOf(KEY_LIST_LEVELS.ids, KEY_LIST_LEVELS.label);

export const FUNDING_SOURCES = {
  enterprise: '企业自筹',
  bank_loan: '银行贷款',
  government: '政府投资',
  special_bond: '专项债券',
  foreign: '外资',
  other: '其他',
} as const;
const fundingSource = enumOf(
  Object.keys(FUNDING_SOURCES) as [keyof typeof FUNDING_SOURCES, ...(keyof typeof FUNDING_SOURCES)[]],
  FUNDING_SOURCES,
);

/** A foreign-currency investment keeps its original amount and the rate used (DESIGN.md §4). */
export const foreignAmount = z.object({
  amount: z.number({ error: '必须是外币金额' }).int('外币金额必须是整数').positive('外币金额必须大于 0'),
  currency: enumOf(CURRENCIES.ids, CURRENCIES.label),
  rate: z.string({ error: '必须是汇率' }).regex(/^\d{1,4}(\.\d{1,6})?$/, '汇率格式应为数字，如 7.1'),
}, { error: '外币投资必须包含金额、币种和汇率' });

const polygon = z
  .array(z.tuple([lng, lat], { error: '坐标点必须是 [经度, 纬度]' }), { error: '用地范围必须是坐标点列表' })
  .min(3, '用地范围至少需要 3 个点')
  .max(2000, '用地范围的点太多');

const projectFields = {
  code: optionalText(40).refine((v) => v == null || /^[0-9A-Za-z-]+$/.test(v), '项目代码只能包含数字、字母和连字符'),
  name: requiredText(200),
  regionCode,
  category,
  industry,
  nature,
  townshipId: id.nullable().optional(),
  address: optionalText(200),
  lng: lng.nullable().optional(),
  lat: lat.nullable().optional(),
  sitePolygon: polygon.nullable().optional(),
  ownerOrgId: id.nullable().optional(),
  contentScale: optionalText(4000),
  totalInvestment: yuan,
  foreign: foreignAmount.nullable().optional(),
  fundingSources: z
    .array(z.object({ source: fundingSource, amount: yuan }), { error: '资金来源必须是列表' })
    .max(20, '资金来源最多 20 项')
    .optional(),
  annualRevenue: yuan.nullable().optional(),
  annualProfitTax: yuan.nullable().optional(),
  tags: z.array(requiredText(20), { error: '标签必须是列表' }).max(20, '标签最多 20 个').optional(),
  // 五个一 / 四位一体 responsibility package
  leaderId: id.nullable().optional(),
  firstResponsibleId: id.nullable().optional(),
  responsibleOrgId: id.nullable().optional(),
  bankOrgId: id.nullable().optional(),
  contactId: id.nullable().optional(),
  team: optionalText(1000),
  implementationPlan: optionalText(4000),
  // 四定两保: 定时间、定目标、定责任、定奖惩，保按时开工、保按时竣工投产
  commitStartDate: date.nullable().optional(),
  commitCompletionDate: date.nullable().optional(),
  commitProductionDate: date.nullable().optional(),
  commitTarget: optionalText(1000),
  commitDuty: optionalText(1000),
  commitRewardPenalty: optionalText(1000),
  actualStartDate: date.nullable().optional(),
  actualCompletionDate: date.nullable().optional(),
  actualProductionDate: date.nullable().optional(),
};

export interface ProjectDates {
  commitStartDate?: string | null; commitCompletionDate?: string | null; commitProductionDate?: string | null;
  actualStartDate?: string | null; actualCompletionDate?: string | null; actualProductionDate?: string | null;
}

const DATE_ORDER: [keyof ProjectDates, keyof ProjectDates, string][] = [
  ['commitStartDate', 'commitCompletionDate', '保竣工日期不能早于保开工日期'],
  ['commitCompletionDate', 'commitProductionDate', '保投产日期不能早于保竣工日期'],
  ['commitStartDate', 'commitProductionDate', '保投产日期不能早于保开工日期'],
  ['actualStartDate', 'actualCompletionDate', '实际竣工日期不能早于实际开工日期'],
  ['actualCompletionDate', 'actualProductionDate', '实际投产日期不能早于实际竣工日期'],
  ['actualStartDate', 'actualProductionDate', '实际投产日期不能早于实际开工日期'],
];

/**
 * The dates of 四定两保 and their actual counterparts in order, and no actual date in the
 * future (when today is given: the server checks the record as it will be saved).
 */
export function projectDateProblems(p: ProjectDates, today?: string): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const [early, late, message] of DATE_ORDER) {
    const a = p[early];
    const b = p[late];
    if (a && b && b < a && !problems.some((x) => x.field === late)) problems.push({ field: late, message });
  }
  if (today) {
    for (const field of ['actualStartDate', 'actualCompletionDate', 'actualProductionDate'] as const) {
      const d = p[field];
      if (d && d > today) problems.push({ field, message: `${d} 尚未到来，实际日期不能填将来的日子` });
    }
  }
  return problems;
}

const datesInOrder = (v: ProjectDates, ctx: z.RefinementCtx) => {
  for (const p of projectDateProblems(v)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
};
const locationPaired = (v: { lng?: number | null; lat?: number | null }) => (v.lng == null) === (v.lat == null);
const fundingWithinTotal = (v: { fundingSources?: { amount: number }[]; totalInvestment?: number }) =>
  v.totalInvestment == null || !v.fundingSources || v.fundingSources.reduce((s, f) => s + f.amount, 0) <= v.totalInvestment;

export const projectCreate = z
  .strictObject({ ...projectFields, stage: stage.default('signed'), stageDate: date.optional() })
  .superRefine(datesInOrder)
  .refine(locationPaired, { message: '经度和纬度必须同时填写', path: ['lat'] })
  .refine(fundingWithinTotal, { message: '资金来源合计不能超过总投资', path: ['fundingSources'] });
export type ProjectCreate = z.infer<typeof projectCreate>;

export const projectUpdate = z
  .strictObject({ ...projectFields, version })
  .partial()
  .required({ version: true })
  .superRefine(datesInOrder)
  .refine(locationPaired, { message: '经度和纬度必须同时填写', path: ['lat'] })
  .refine(fundingWithinTotal, { message: '资金来源合计不能超过总投资', path: ['fundingSources'] });
export type ProjectUpdate = z.infer<typeof projectUpdate>;

export const stageTransition = z.strictObject({
  to: stage,
  date,
  note: optionalText(500),
  version,
});
export type StageTransitionInput = z.infer<typeof stageTransition>;

export const LEDGER_SORTS = [
  'name', 'code', 'totalInvestment', 'stage', 'category', 'industry', 'plan', 'target', 'completed',
  'completionRate', 'commitStartDate', 'commitCompletionDate', 'updatedAt',
] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

export const ledgerQuery = z.strictObject({
  q: text(100).optional(),
  year: yearParam.optional(),
  category: listParam(category).optional(),
  industry: listParam(industry).optional(),
  stage: listParam(stage).optional(),
  level: listParam(keyListLevel).optional(),
  size: enumOf(SIZE_BRACKETS.ids, SIZE_BRACKETS.label).optional(),
  leaderId: idParam.optional(),
  responsibleOrgId: idParam.optional(),
  townshipId: idParam.optional(),
  ownerOrgId: idParam.optional(),
  regionCode: regionCode.optional(),
  sort: z.enum(LEDGER_SORTS, { error: '排序字段无效' }).default('totalInvestment'),
  order: z.enum(['asc', 'desc'], { error: '排序方向只能是 asc 或 desc' }).default('desc'),
  page: pageParam,
  pageSize: pageSizeParam(500).default(50),
});
export type LedgerQuery = z.infer<typeof ledgerQuery>;

export const keyListInput = z.strictObject({
  year,
  level: keyListLevel,
  docNo: optionalText(100),
});

export const annualPlanInput = z
  .strictObject({
    year,
    plan: yuan,
    target: yuan,
    monthly: z.array(yuan, { error: '月度计划必须是 12 个月的金额列表' }).length(12, '月度计划必须是 12 个月').nullable().optional(),
    progressGoal: optionalText(1000),
    completed: yuan.optional(),
    completedThrough: period.nullable().optional(),
    completedLastYear: yuan.nullable().optional(),
    version: version.optional(),
  })
  .refine((v) => v.target >= v.plan, { message: '力争投资不能低于计划投资', path: ['target'] })
  .refine((v) => !v.monthly || v.monthly.reduce((s, m) => s + m, 0) === v.plan, {
    message: '月度计划合计必须等于年度计划投资',
    path: ['monthly'],
  })
  .refine((v) => !v.completedThrough || v.completedThrough.startsWith(String(v.year)), {
    message: '完成投资的截止月份必须在计划年度内',
    path: ['completedThrough'],
  });
export type AnnualPlanInput = z.infer<typeof annualPlanInput>;

export const nodeInput = z.strictObject({
  kind: enumOf(NODE_KINDS.ids, NODE_KINDS.label),
  name: requiredText(100),
  plannedDate: date,
  actualDate: date.nullable().optional(),
  responsibleOrgId: id.nullable().optional(),
  note: optionalText(500),
  version: version.optional(),
});
export type NodeInput = z.infer<typeof nodeInput>;

export const approvalInput = z
  .strictObject({
    status: enumOf(APPROVAL_STATUSES.ids, APPROVAL_STATUSES.label),
    doneDate: date.nullable().optional(),
    docNo: optionalText(100),
    authority: optionalText(100),
    note: optionalText(500),
    version: version.optional(),
  })
  .refine((v) => v.status !== 'done' || !!v.doneDate, { message: '已办结的手续必须填写办结日期', path: ['doneDate'] });
export type ApprovalInput = z.infer<typeof approvalInput>;
export const approvalItem = enumOf(APPROVAL_ITEMS.ids, APPROVAL_ITEMS.label);

export const versionOnly = z.strictObject({ version });
