import type { z } from 'zod';

// The Chinese name of every input field, so a validation message says which field is wrong.
export const FIELD_LABELS: Record<string, string> = {
  code: '项目代码', name: '名称', regionCode: '所属地区', category: '项目类别', industry: '所属行业',
  nature: '建设性质', stage: '项目阶段', stageDate: '阶段日期', townshipId: '所在乡镇（园区）',
  address: '建设地点', lng: '经度', lat: '纬度', sitePolygon: '用地范围', ownerOrgId: '项目单位',
  contentScale: '建设内容及规模', totalInvestment: '总投资', foreign: '外币投资', amount: '金额',
  currency: '币种', rate: '汇率', fundingSources: '资金来源', source: '类别',
  annualRevenue: '达产后年销售收入', annualProfitTax: '达产后年利税', tags: '标签',
  leaderId: '包保县级领导', firstResponsibleId: '第一责任人', responsibleOrgId: '责任单位',
  bankOrgId: '金融机构', contactId: '联系人', team: '工作班子', implementationPlan: '实施方案',
  commitStartDate: '保开工日期', commitCompletionDate: '保竣工日期', commitProductionDate: '保投产日期',
  commitTarget: '定目标', commitDuty: '定责任', commitRewardPenalty: '定奖惩',
  actualStartDate: '实际开工日期', actualCompletionDate: '实际竣工日期', actualProductionDate: '实际投产日期',
  version: '版本号', to: '目标阶段', date: '日期', note: '备注', year: '年度', level: '重点级别',
  docNo: '文号', plan: '计划投资', target: '力争投资', monthly: '月度计划', progressGoal: '形象进度目标',
  completed: '已完成投资', completedThrough: '完成投资截止月份', completedLastYear: '上年同期完成',
  kind: '类型', plannedDate: '计划日期', actualDate: '实际日期', item: '手续事项', status: '状态',
  doneDate: '办结日期', authority: '审批部门', q: '搜索内容', size: '投资规模', sort: '排序字段',
  order: '排序方向', page: '页码', pageSize: '每页行数', shortName: '简称', uscc: '统一社会信用代码',
  contactName: '联系人姓名', contactPhone: '联系电话', title: '职务', phone: '电话', orgId: '所属单位',
  parentCode: '上级地区', username: '用户名', displayName: '姓名', role: '角色', personId: '对应人员',
  password: '密码', disabled: '停用', currentPassword: '当前密码', newPassword: '新密码', id: '编号',
  json: '输出格式',
  // monthly report
  period: '月份', deadline: '报送截止日', periodId: '报期', thisMonth: '本月完成投资', ytd: '本年累计完成投资',
  cumulative: '开工以来累计完成投资', explanation: '情况说明', funds: '本月到位资金', progress: '形象进度',
  nodesMet: '完成节点', nodeId: '节点', problems: '存在问题', description: '问题描述', obstacleId: '问题编号',
  nextPlan: '下月计划', coordination: '需协调事项', noChange: '本月无变化', noChangeReason: '无变化原因',
  comment: '审核意见', caption: '说明', shootingPointId: '拍摄点位', filename: '文件名', archive: '生成归档',
  mine: '范围', deadlineDay: '截止日', autoOpen: '自动开启', openDay: '开启日', minPhotos: '最少照片数',
  maxDistanceMetres: '位置核验距离', maxHashDistance: '相似照片阈值', maxImageMb: '照片大小上限', maxVideoMb: '视频大小上限',
  // supervision
  remindAfterDays: '逾期后提醒天数', superviseAfterDays: '提醒后督办天数', interviewAfterDays: '督办后约谈天数',
  defaultDeadlineDays: '默认办理期限', behindYellow: '黄色预警落后百分点', behindRed: '红色预警落后百分点', visitDaysPerMonth: '每月走访天数',
};

/** Field names particular to one form. */
export const REGION_LABELS: Record<string, string> = { code: '行政区划代码', level: '级别', name: '地区名称' };
export const ORG_LABELS: Record<string, string> = { name: '单位名称', address: '地址', kind: '单位类型' };
export const PERSON_LABELS: Record<string, string> = { name: '姓名' };
export const UPLOAD_LABELS: Record<string, string> = { size: '文件大小' };
export const SHOOTING_POINT_LABELS: Record<string, string> = { name: '点位名称', description: '点位说明', sort: '顺序' };

export interface FieldError {
  field: string;
  message: string;
}

const isName = (p: PropertyKey): p is string => typeof p === 'string';

/** 「总投资」, 「资金来源第 2 项的金额」, 「用地范围第 3 项」. */
function fieldName(path: readonly PropertyKey[], labels: Record<string, string>): string {
  const label = (key: string) => labels[key] ?? FIELD_LABELS[key] ?? key;
  const at = path.findIndex((p) => typeof p === 'number');
  if (at < 0) {
    const named = [...path].reverse().find(isName);
    return named ? label(named) : '请求内容';
  }
  const collection = path.slice(0, at).reverse().find(isName);
  const member = path.slice(at + 1).reverse().find(isName);
  const head = `${collection ? label(collection) : ''}第 ${Number(path[at]) + 1} 项`;
  return member ? `${head}的${label(member)}` : head;
}

/** What a wrong type should have been, for the places a schema left zod's English default. */
const EXPECTED: Record<string, string> = {
  object: '格式不正确', array: '必须是列表', string: '必须是文字', number: '必须是数字', int: '必须是整数', boolean: '必须是是或否', date: '必须是日期',
};
function zodDefault(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_type' ? EXPECTED[issue.expected] ?? '格式不正确' : '格式不正确';
}

/**
 * One Chinese sentence per problem, naming the field: 「总投资：必须是整数元，不能有小数」.
 * `labels` renames fields whose common name means something else on a given form
 * (a region's `code` is its 行政区划代码, not a project code).
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], labels: Record<string, string> = {}): FieldError[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return { field, message: `不认识的字段：${issue.keys.join('、')}` };
    }
    // zod 4 keeps `input` on an issue only when parsing with { reportInput: true }; without it
    // every wrong type (a string, 12.5 for integer yuan) would read 必须填写, so only a value
    // known to be missing does. `nonoptional` (a field made required by `.required()`) always is.
    const isMissing = issue.code === 'invalid_type'
      && (issue.expected === 'nonoptional' || ('input' in issue && issue.input === undefined));
    const message = isMissing ? '必须填写' : /^Invalid /.test(issue.message) ? zodDefault(issue) : issue.message;
    return { field, message: `${fieldName(issue.path, labels)}：${message}` };
  });
}
