import type { MoneyUnit } from '../money';
import type { ColumnUnit, ImportField } from './types';
import { currencyOf, toHalfWidth } from './values';

// The header dictionary: the many wordings offices give each column. Rules are tried in
// order, so the narrower wording comes first (其中：外资 before 总投资, 上年同期完成 before
// 完成, 包保县级领导 before 县级 as a level, 联系电话 before 联系人).

const RULES: [ImportField, RegExp][] = [
  ['seq', /^(序号|序|编号|No\.?)$/i],
  ['uscc', /信用代码|社会信用|组织机构代码/],
  ['code', /项目代码|项目编码|项目编号|赋码/],
  ['foreignInvestment', /外资|外商投资|外币/],
  ['completedLastYear', /上年同期|去年同期|同期完成/],
  ['completionRate', /占.*计划|完成率|完成比例|完成比重|占比|%$/],
  ['nodes', /节点|里程碑/],
  ['leaderName', /领导|包保责任人|包抓责任人/],
  ['firstResponsibleName', /第一责任人/],
  ['responsibleOrgName', /责任单位|牵头单位|责任部门|牵头部门|服务单位|包保单位|包联单位|主管部门/],
  ['contactPhone', /电话|手机|联系方式/],
  ['contactName', /联系人|联络员/],
  ['totalInvestment', /总投资|投资总额/],
  // A month's own figure belongs in the monthly report, not in the ledger's year-to-date.
  ['ignore', /本月|当月/],
  ['target', /力争|目标投资|奋斗目标/],
  ['plan', /计划投资|年度计划|年计划|投资计划|^计划$/],
  ['completed', /完成投资|累计完成|^完成$|月完成|已完成|实际完成|完成额|^\d{1,2}-\d{1,2}月$/],
  ['period', /建设年限|起止年限|建设期限|建设周期|建设起止|起止时间|起止日期|建设工期|^年限$/],
  ['startDate', /开工(时间|日期|年月|年份)?$|^开工/],
  ['completionDate', /(竣工|完工|投产|建成)(投产)?(时间|日期|年月|年份)?$/],
  ['level', /级别|层级|^重点类别$|^类别级别$/],
  ['stage', /项目进展|当前进展|进展情况|进展阶段|项目状态|建设阶段|项目阶段|^进展$|^阶段$|^状态$/],
  ['progress', /形象进度|建设进度|工程进度|进度情况|^进度$/],
  ['nature', /建设性质|项目性质|^性质$/],
  ['category', /项目类别|项目类型|项目分类|^类别$|^类型$|^分类$/],
  ['industry', /行业|产业/],
  ['ownerName', /建设单位|项目单位|业主单位|实施单位|项目业主|投资主体|^业主$|企业名称|项目法人|投资方|投资单位/],
  ['contentScale', /建设内容|建设规模|主要内容|规模及内容|内容及规模/],
  ['address', /建设地点|建设地址|项目地址|项目地点|详细地址|^地址$|^地点$|选址/],
  ['township', /乡镇|园区|镇街|街道|所在地|属地/],
  ['name', /项目名称|^名称$|^项目$/],
  ['annualRevenue', /销售收入|营业收入|主营业务收入/],
  ['annualProfitTax', /利税/],
  ['problems', /存在问题|存在的问题|问题及建议|困难和问题|存在困难|要素制约|需协调|^问题$/],
  ['remarks', /^备注|^说明$/],
];

export const MONEY_FIELDS: ReadonlySet<ImportField> = new Set<ImportField>([
  'totalInvestment', 'foreignInvestment', 'plan', 'target', 'completed', 'completedLastYear', 'annualRevenue', 'annualProfitTax',
]);

// Headers are short; a long cell is a note or a title that happens to contain a known word.
const MAX_HEADER_LENGTH = 40;

/** A header as compared: half-width, no spaces or line breaks, bracketed units left out. */
export function headerKey(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').replace(/[(][^()]*[)]/g, '').replace(/[:]$/, '');
}

/** The field a header's wording names, or null. */
export function matchHeader(text: string): ImportField | null {
  const k = headerKey(text);
  if (!k || k.length > MAX_HEADER_LENGTH) return null;
  for (const [field, re] of RULES) if (re.test(k)) return field;
  return null;
}

/**
 * A two-row header's field: the lower cell's own wording first (计划投资 under 2023年), then
 * both read together (联系电话 from 项目联系人 over 电话), then the upper cell alone.
 */
export function matchHeaderPair(parent: string, child: string): ImportField | null {
  if (!child || child === parent) return matchHeader(parent);
  return matchHeader(child) ?? matchHeader(parent + child) ?? null;
}

const MULTIPLIER: Record<string, MoneyUnit> = { 万: 'wan', 亿: 'yi' };

/** The money unit a header or note names: （万元）, (亿元), 万美元, 单位：元 — or null. */
export function unitIn(text: string): ColumnUnit | null {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const foreign = /(万|亿)?(美元|欧元|港元|港币|日元|英镑)/.exec(t);
  if (foreign) {
    const currency = currencyOf(foreign[2]!);
    if (currency && currency !== 'CNY') return { kind: 'foreign', currency, unit: foreign[1] ? MULTIPLIER[foreign[1]]! : 'yuan' };
  }
  const cny = /(万|亿)元/.exec(t);
  if (cny) return { kind: 'cny', unit: MULTIPLIER[cny[1]!]! };
  if (/[(]元[)]|单位[:]?元|^元$/.test(t)) return { kind: 'cny', unit: 'yuan' };
  return null;
}

/** 金额单位：亿元 / 单位：万元 in a title or note line. */
export function sheetUnitIn(text: string): ColumnUnit | null {
  const m = /单位[:：]\s*((?:万|亿)?(?:元|美元|欧元|港元|港币|日元|英镑))/.exec(toHalfWidth(text));
  return m ? unitIn(m[1]!) : null;
}
