// Closed vocabularies of the domain: English ids in code and storage, Chinese labels in the UI.

function labels<const T extends string>(entries: readonly (readonly [T, string])[]) {
  const ids = entries.map(([id]) => id) as unknown as readonly [T, ...T[]];
  const label = Object.fromEntries(entries) as Record<T, string>;
  return { ids, label, options: entries.map(([value, text]) => ({ value, label: text })) };
}

export const CATEGORIES = labels([
  ['industrial', '工业'],
  ['services', '服务业'],
  ['infrastructure', '基础设施和民生'],
] as const);
export type Category = (typeof CATEGORIES.ids)[number];

export const NATURES = labels([
  ['new', '新建'],
  ['continued', '续建'],
  ['expansion', '扩建'],
  ['renovation', '改建'],
] as const);
export type Nature = (typeof NATURES.ids)[number];

export const KEY_LIST_LEVELS = labels([
  ['county', '县级重点'],
  ['city', '市级重点'],
  ['province', '省级重点'],
  ['national', '国家重点'],
] as const);
export type KeyListLevel = (typeof KEY_LIST_LEVELS.ids)[number];

// Industries the office counts; `strategic` marks the 战略性新兴产业 the summary reports a share of.
export const INDUSTRIES = labels([
  ['equipment', '装备制造'],
  ['biomedicine', '生物医药'],
  ['new_energy', '新能源'],
  ['new_materials', '新材料'],
  ['electronics', '电子信息'],
  ['auto', '汽车及零部件'],
  ['chemicals', '化工'],
  ['metallurgy', '冶金建材'],
  ['food', '食品加工'],
  ['textiles', '纺织服装'],
  ['agriculture', '现代农业'],
  ['logistics', '现代物流'],
  ['tourism', '文化旅游'],
  ['commerce', '商贸服务'],
  ['real_estate', '房地产'],
  ['transport', '交通'],
  ['water', '水利'],
  ['energy', '能源'],
  ['municipal', '市政公用'],
  ['education', '教育'],
  ['health', '医疗卫生'],
  ['social', '社会事业'],
  ['other', '其他'],
] as const);
export type Industry = (typeof INDUSTRIES.ids)[number];
export const STRATEGIC_INDUSTRIES: readonly Industry[] = [
  'equipment', 'biomedicine', 'new_energy', 'new_materials', 'electronics',
];

export const ORG_KINDS = labels([
  ['department', '部门/责任单位'],
  ['company', '企业/项目单位'],
  ['bank', '金融机构'],
  ['township', '乡镇/园区'],
] as const);
export type OrgKind = (typeof ORG_KINDS.ids)[number];

export const REGION_LEVELS = labels([
  ['country', '全国'],
  ['province', '省'],
  ['city', '市'],
  ['county', '县（市、区）'],
] as const);
export type RegionLevel = (typeof REGION_LEVELS.ids)[number];

export const ROLES = labels([
  ['office', '重点项目办'],
  ['leader', '县级领导'],
  ['department', '责任单位'],
  ['reporter', '项目单位填报员'],
  ['inspector', '督查人员'],
  ['viewer', '只读用户'],
  ['sysadmin', '系统管理员'],
  ['secadmin', '安全管理员'],
  ['auditor', '安全审计员'],
] as const);
export type Role = (typeof ROLES.ids)[number];
/** 三员: system, security and audit administrators, kept apart (SECURITY.md row 5). */
export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

// 前期手续: the pre-construction approvals a project collects before it may start.
export const APPROVAL_ITEMS = labels([
  ['filing', '立项（审批/核准/备案）'],
  ['site_selection', '规划选址意见书'],
  ['land_pre_review', '用地预审'],
  ['land_use', '建设用地规划许可证'],
  ['land_title', '土地出让/不动产权证'],
  ['eia', '环境影响评价'],
  ['energy', '节能审查'],
  ['safety', '安全评价'],
  ['stability', '社会稳定风险评估'],
  ['water_soil', '水土保持方案'],
  ['engineering_plan', '建设工程规划许可证'],
  ['drawing_review', '施工图审查'],
  ['construction_permit', '施工许可证'],
] as const);
export type ApprovalItem = (typeof APPROVAL_ITEMS.ids)[number];

export const APPROVAL_STATUSES = labels([
  ['pending', '未办理'],
  ['in_progress', '办理中'],
  ['done', '已办结'],
  ['not_required', '无需办理'],
] as const);
export type ApprovalStatus = (typeof APPROVAL_STATUSES.ids)[number];

// 关键节点, scheduled backwards from the completion date (倒排工期).
export const NODE_KINDS = labels([
  ['signing', '签约'],
  ['land', '土地摘牌'],
  ['approvals', '手续办结'],
  ['start', '开工'],
  ['main_structure', '主体完工'],
  ['equipment', '设备安装'],
  ['completion', '竣工'],
  ['trial', '试生产'],
  ['production', '投产'],
  ['other', '其他'],
] as const);
export type NodeKind = (typeof NODE_KINDS.ids)[number];

/** Size brackets the summary counts: 过亿元, 过10亿元, 过百亿元. */
export const SIZE_BRACKETS = labels([
  ['atLeast100m', '1亿元以上'],
  ['atLeast1b', '10亿元以上'],
  ['atLeast10b', '100亿元以上'],
] as const);
export type SizeBracket = (typeof SIZE_BRACKETS.ids)[number];
export const SIZE_THRESHOLD: Record<SizeBracket, number> = {
  atLeast100m: 100_000_000,
  atLeast1b: 1_000_000_000,
  atLeast10b: 10_000_000_000,
};

export const CURRENCIES = labels([
  ['USD', '美元'],
  ['EUR', '欧元'],
  ['HKD', '港元'],
  ['JPY', '日元'],
  ['GBP', '英镑'],
] as const);
export type Currency = (typeof CURRENCIES.ids)[number];
