import { z } from 'zod';
import { date, enumOf, pageParam, pageSizeParam, period, requiredText, text, version, year, yearParam } from '../schemas/fields';
import { SUBJECT_KINDS, SUBJECT_LABEL } from './scheme';

// Inputs of the assessment API: scoring a month, its rankings, one score explained, publishing,
// the year's standing and the year-end rewards and penalties (奖惩).

export const ASSESSMENT_LABELS: Record<string, string> = {
  period: '考核月份', kind: '考核对象', subjectId: '考核对象编号', q: '搜索', year: '年度', name: '方案名称', effectiveFrom: '施行月份',
  document: '考核办法', items: '考核项', weight: '分值', label: '考核项名称', metric: '考核指标', formula: '计分方式', grades: '等次',
  subjects: '考核对象', flags: '红黄旗', note: '修订说明', baseVersion: '方案版本', subjectKind: '考核对象类别', title: '事项',
  detail: '具体内容', docNo: '文号', decidedOn: '决定日期', version: '版本号',
};

export const subjectKind = enumOf(SUBJECT_KINDS, SUBJECT_LABEL);

export const scoreCompute = z.strictObject({ period });
export const scorePublish = z.strictObject({ period, version });

export const scoreListQuery = z.strictObject({
  period,
  kind: subjectKind.default('project'),
  q: z.string({ error: '必须是文字' }).trim().max(100, '搜索内容过长').optional(),
  page: pageParam,
  pageSize: pageSizeParam(1000).default(100),
});
export type ScoreListQuery = z.infer<typeof scoreListQuery>;

export const scoreExplainQuery = z.strictObject({
  period,
  kind: subjectKind,
  /** A project, org or person id; a county's region code for the region kind. */
  subjectId: z.string({ error: '必须填写考核对象' }).trim().min(1, '必须填写考核对象').max(20, '考核对象编号过长'),
});

export const scoreYearQuery = z.strictObject({ year: yearParam, kind: subjectKind.default('project') });

export const AWARD_KIND_LABEL = { reward: '奖励', penalty: '惩罚' } as const;
export type AwardKind = keyof typeof AWARD_KIND_LABEL;
const awardKind = enumOf(Object.keys(AWARD_KIND_LABEL) as [AwardKind, ...AwardKind[]], AWARD_KIND_LABEL);
const awardSubject = enumOf(['project', 'department', 'leader', 'township'] as const, {
  project: SUBJECT_LABEL.project, department: SUBJECT_LABEL.department, leader: SUBJECT_LABEL.leader, township: SUBJECT_LABEL.township,
});

const awardFields = {
  kind: awardKind,
  title: requiredText(100),
  detail: text(1000).nullish(),
  docNo: text(50).nullish(),
  decidedOn: date,
};
export const awardCreate = z.strictObject({ year, subjectKind: awardSubject, subjectId: z.number({ error: '必须选择考核对象' }).int().positive('必须选择考核对象'), ...awardFields });
export type AwardCreateInput = z.infer<typeof awardCreate>;
export const awardUpdate = z.strictObject({ version, ...Object.fromEntries(Object.entries(awardFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof awardFields]: z.ZodOptional<(typeof awardFields)[K]> } });
export type AwardUpdateInput = z.infer<typeof awardUpdate>;
export const awardListQuery = z.strictObject({ year: yearParam });
export const awardDeleteQuery = z.strictObject({ version: z.coerce.number({ error: '缺少版本号' }).int().min(1, '缺少版本号') });
