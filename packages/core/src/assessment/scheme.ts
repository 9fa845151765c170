import { z } from 'zod';
import { period as periodSchema } from '../schemas/fields';

// A scoring scheme (考核办法) is a document the office edits: the items it scores, each reading
// one measure of a project's month (a metric) through one formula from a fixed set, the
// subjects ranked, the 红黄旗 and the year-end grades. Each edit is a new version in force from
// a month on; a month is always scored under the version in force that month.

export const METRIC_LABEL = {
  investment_pace: '投资完成序时进度',
  nodes_on_time: '关键节点按期完成',
  start_on_time: '按时开工',
  completion_on_time: '按时竣工投产',
  report_on_time: '月报按时报送',
  report_complete: '月报填报完整',
  photos_pass: '影像资料核验通过',
  obstacles_resolved: '问题按期解决',
  inspection_findings: '督导检查发现问题',
  milestones: '开工、竣工投产（加分）',
} as const;
export type Metric = keyof typeof METRIC_LABEL;
export const METRICS = Object.keys(METRIC_LABEL) as [Metric, ...Metric[]];

/** What each metric measures, in the words the scheme editor and each explanation use. */
export const METRIC_HINT: Record<Metric, string> = {
  investment_pace: '本年累计完成投资 ÷（年度计划 × 序时进度）',
  nodes_on_time: '截至本月末应完成的关键节点中按期完成的比例；逾期未完成的节点计次',
  start_on_time: '四定两保承诺开工日期已到的项目是否按期开工',
  completion_on_time: '四定两保承诺竣工（投产）日期已到的项目是否按期竣工投产',
  report_on_time: '本月月报是否在截止日前报送；逾期或未报计次',
  report_complete: '本月月报被退回的次数、未附影像资料计次',
  photos_pass: '本月月报影像资料核验通过的比例；未通过的计次',
  obstacles_resolved: '本月到期的问题按期解决的比例；月末仍逾期未解决的计次',
  inspection_findings: '本月督导检查中账面超前于现场或评价为差的发现计次',
  milestones: '本月实现开工、竣工或投产的计次',
};

export const FORMULA_LABEL = { ratio: '按比例', bands: '分档', deduction: '按次扣分', bonus: '按次加分' } as const;
export type FormulaKind = keyof typeof FORMULA_LABEL;

/** Which formulas read a metric's ratio, which its count of events. */
export const METRIC_FORMULAS: Record<Metric, readonly FormulaKind[]> = {
  investment_pace: ['ratio', 'bands'],
  nodes_on_time: ['ratio', 'bands', 'deduction'],
  start_on_time: ['ratio', 'deduction'],
  completion_on_time: ['ratio', 'deduction'],
  report_on_time: ['ratio', 'deduction'],
  report_complete: ['deduction'],
  photos_pass: ['ratio', 'bands', 'deduction'],
  obstacles_resolved: ['ratio', 'bands', 'deduction'],
  inspection_findings: ['deduction'],
  milestones: ['bonus'],
};

const points = (label: string, max = 100) => z.number({ error: `${label}必须是数字` }).min(0, `${label}不能小于0`).max(max, `${label}不能大于${max}`);
const share = z.number({ error: '比例必须是数字' }).min(0, '比例不能小于0').max(5, '比例不能大于500%');

export const formulaSchema = z.discriminatedUnion('kind', [
  /** weight × min(value ÷ full, 1): full marks when the ratio reaches `full` (1 = 100%). */
  z.object({ kind: z.literal('ratio'), full: share.refine((v) => v > 0, '满分比例必须大于0').default(1) }),
  /** weight × the share of the first band whose floor the ratio reaches (bands from the top). */
  z.object({
    kind: z.literal('bands'),
    bands: z.array(z.object({ atLeast: share, share: z.number().min(0, '得分比例不能小于0').max(1, '得分比例不能大于100%') }))
      .min(1, '至少要有一档').max(10, '最多10档'),
  }),
  /** weight − per × events, never below weight − max (max defaults to the weight). */
  z.object({ kind: z.literal('deduction'), per: points('每次扣分').refine((v) => v > 0, '每次扣分必须大于0'), max: points('最多扣分').optional() }),
  /** per × events up to max, on top of the hundred. */
  z.object({ kind: z.literal('bonus'), per: points('每次加分').refine((v) => v > 0, '每次加分必须大于0'), max: points('最多加分', 50) }),
], { error: '计分方式必须是按比例、分档、按次扣分或按次加分之一' });
export type Formula = z.infer<typeof formulaSchema>;

export const schemeItemSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '项目代号只能由小写字母、数字和下划线组成'),
  label: z.string().trim().min(1, '考核项名称必须填写').max(40, '考核项名称最多40字'),
  metric: z.enum(METRICS, { error: '考核指标不在可选范围内' }),
  /** The item's full marks (a bonus item's weight is 0: it only adds). */
  weight: points('分值'),
  formula: formulaSchema,
}).superRefine((item, ctx) => {
  if (!METRIC_FORMULAS[item.metric].includes(item.formula.kind)) {
    ctx.addIssue({ code: 'custom', path: ['formula'], message: `「${METRIC_LABEL[item.metric]}」不能用「${FORMULA_LABEL[item.formula.kind]}」计分` });
  }
  if (item.formula.kind === 'bonus' && item.weight !== 0) ctx.addIssue({ code: 'custom', path: ['weight'], message: '加分项的分值应为0（加分另计）' });
  if (item.formula.kind !== 'bonus' && item.weight === 0) ctx.addIssue({ code: 'custom', path: ['weight'], message: '分值必须大于0' });
  if (item.formula.kind === 'deduction' && item.formula.max != null && item.formula.max > item.weight) {
    ctx.addIssue({ code: 'custom', path: ['formula', 'max'], message: '最多扣分不能超过该项分值' });
  }
  if (item.formula.kind === 'bands') {
    const floors = item.formula.bands.map((b) => b.atLeast);
    if (floors.some((f, i) => i > 0 && f >= floors[i - 1]!)) ctx.addIssue({ code: 'custom', path: ['formula', 'bands'], message: '分档须从高到低排列' });
  }
});
export type SchemeItem = z.infer<typeof schemeItemSchema>;

export const SUBJECT_LABEL = { project: '项目', department: '责任单位', leader: '包保领导', township: '乡镇园区', region: '县（市、区）' } as const;
export type SubjectKind = keyof typeof SUBJECT_LABEL;
export const SUBJECT_KINDS = Object.keys(SUBJECT_LABEL) as [SubjectKind, ...SubjectKind[]];

export const scoringSchemeSchema = z.object({
  items: z.array(schemeItemSchema).min(1, '至少要有一个考核项').max(30, '考核项最多30个'),
  /** Who is ranked; groups score as the mean of their projects' totals. */
  subjects: z.array(z.enum(SUBJECT_KINDS, { error: '考核对象不在可选范围内' })).min(1, '至少考核一类对象'),
  /** 红旗 for the first `red` of each ranking, 黄旗 for the last `yellow` (0: none). */
  flags: z.object({ red: z.number().int('红旗数必须是整数').min(0).max(50), yellow: z.number().int('黄旗数必须是整数').min(0).max(50) }),
  /** The year-end grades by average score, from the top; below the last is 不合格 (the last band's label can say so). */
  grades: z.array(z.object({ atLeast: points('等次分数线'), label: z.string().trim().min(1, '等次名称必须填写').max(10) })).min(1, '至少要有一个等次').max(6),
}).superRefine((s, ctx) => {
  const keys = new Set<string>();
  s.items.forEach((item, i) => {
    if (keys.has(item.key)) ctx.addIssue({ code: 'custom', path: ['items', i, 'key'], message: `项目代号「${item.key}」重复` });
    keys.add(item.key);
  });
  const full = s.items.reduce((n, item) => n + item.weight, 0);
  if (Math.abs(full - 100) > 1e-9) ctx.addIssue({ code: 'custom', path: ['items'], message: `各考核项分值合计应为100分，现为${Math.round(full * 100) / 100}分` });
  if (s.grades.some((g, i) => i > 0 && g.atLeast >= s.grades[i - 1]!.atLeast)) ctx.addIssue({ code: 'custom', path: ['grades'], message: '等次分数线须从高到低排列' });
});
export type ScoringScheme = z.infer<typeof scoringSchemeSchema>;

export const schemeVersionInput = z.object({
  name: z.string().trim().min(1, '方案名称必须填写').max(60, '方案名称最多60字'),
  effectiveFrom: periodSchema,
  document: scoringSchemeSchema,
  note: z.string().trim().max(500, '修订说明最多500字').nullish(),
  /** The latest own version the office edited from (0 when the county has none yet): a stale edit is 409. */
  baseVersion: z.number().int().min(0),
});
export type SchemeVersionInput = z.infer<typeof schemeVersionInput>;

/** The built-in 考核办法 a county starts from (its first own version copies and edits it). */
export const DEFAULT_SCHEME: ScoringScheme = {
  items: [
    { key: 'investment', label: '投资完成情况', metric: 'investment_pace', weight: 35, formula: { kind: 'ratio', full: 1 } },
    { key: 'nodes', label: '关键节点', metric: 'nodes_on_time', weight: 15, formula: { kind: 'deduction', per: 5 } },
    { key: 'start', label: '按时开工', metric: 'start_on_time', weight: 10, formula: { kind: 'deduction', per: 10 } },
    { key: 'completion', label: '按时竣工投产', metric: 'completion_on_time', weight: 10, formula: { kind: 'deduction', per: 10 } },
    { key: 'report', label: '月报报送', metric: 'report_on_time', weight: 10, formula: { kind: 'deduction', per: 10 } },
    { key: 'report_quality', label: '月报质量', metric: 'report_complete', weight: 5, formula: { kind: 'deduction', per: 2.5 } },
    { key: 'photos', label: '影像资料', metric: 'photos_pass', weight: 5, formula: { kind: 'ratio', full: 1 } },
    { key: 'obstacles', label: '问题解决', metric: 'obstacles_resolved', weight: 5, formula: { kind: 'deduction', per: 2.5 } },
    { key: 'inspection', label: '督导检查', metric: 'inspection_findings', weight: 5, formula: { kind: 'deduction', per: 5 } },
    { key: 'milestones', label: '开工竣工加分', metric: 'milestones', weight: 0, formula: { kind: 'bonus', per: 2, max: 5 } },
  ],
  subjects: ['project', 'department', 'leader', 'township'],
  flags: { red: 3, yellow: 3 },
  grades: [{ atLeast: 90, label: '优秀' }, { atLeast: 80, label: '良好' }, { atLeast: 60, label: '合格' }, { atLeast: 0, label: '不合格' }],
};
