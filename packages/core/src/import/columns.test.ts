import { describe, expect, it } from 'vitest';
import { matchHeader, matchHeaderPair, sheetUnitIn, unitIn } from './columns';
import { normalizePhone, readPhones, splitContact } from './contact';
import type { ColumnUnit, ImportField } from './types';

describe('matchHeader', () => {
  it.each<[string, ImportField | null]>([
    ['序号', 'seq'],
    ['项目名称', 'name'],
    ['项目类别', 'category'],
    ['项目类型', 'category'],
    ['所属行业', 'industry'],
    ['产业类别', 'industry'],
    ['建设单位', 'ownerName'],
    ['项目单位', 'ownerName'],
    ['建设地点', 'address'],
    ['所在乡镇（园区）', 'township'],
    ['建设性质', 'nature'],
    ['建设内容及规模', 'contentScale'],
    ['建设规模及内容', 'contentScale'],
    ['总投资', 'totalInvestment'],
    ['总投资（万元）', 'totalInvestment'],
    ['总投资\n（亿元）', 'totalInvestment'],
    ['其中：外资（万美元）', 'foreignInvestment'],
    ['年度计划投资', 'plan'],
    ['计划投资', 'plan'],
    ['力争投资', 'target'],
    ['目标投资', 'target'],
    ['1-8月完成投资', 'completed'],
    ['完成投资', 'completed'],
    ['累计完成', 'completed'],
    ['1-9月', 'completed'],
    ['上年同期完成', 'completedLastYear'],
    ['占年计划%', 'completionRate'],
    ['开工时间', 'startDate'],
    ['计划开工时间', 'startDate'],
    ['竣工时间', 'completionDate'],
    ['竣工投产时间', 'completionDate'],
    ['建设年限', 'period'],
    ['建设起止年限', 'period'],
    ['计划开工（竣工）节点', 'nodes'],
    ['项目进展', 'stage'],
    ['当前进展', 'stage'],
    ['形象进度', 'progress'],
    ['项目级别', 'level'],
    ['重点级别', 'level'],
    ['包保县级领导', 'leaderName'],
    ['县级包抓领导', 'leaderName'],
    ['包联领导', 'leaderName'],
    ['第一责任人', 'firstResponsibleName'],
    ['责任单位', 'responsibleOrgName'],
    ['牵头单位', 'responsibleOrgName'],
    ['联系人', 'contactName'],
    ['项目联系人', 'contactName'],
    ['联系电话', 'contactPhone'],
    ['统一社会信用代码', 'uscc'],
    ['项目代码', 'code'],
    ['达产后年销售收入（万元）', 'annualRevenue'],
    ['年利税', 'annualProfitTax'],
    ['存在问题', 'problems'],
    ['备注', 'remarks'],
    ['本月完成投资', 'ignore'],
    ['２０２３年', null],
    ['XX县2023年县级重点建设项目推进情况表', null],
    ['__proto__', null],
    ['constructor', null],
    ['', null],
  ])('%j → %s', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it.each<[string, string, ImportField | null]>([
    ['2023年', '计划投资', 'plan'],
    ['1-9月', '完成投资', 'completed'],
    ['1-9月', '占年计划%', 'completionRate'],
    ['2021年度投资（亿元）', '1-8月完成', 'completed'],
    ['2021年度投资（亿元）', '上年同期完成', 'completedLastYear'],
    ['项目联系人', '电话', 'contactPhone'],
    ['项目联系人', '姓名', 'contactName'],
    ['建设年限', '开工', 'startDate'],
    ['序号', '序号', 'seq'],
    ['项目名称', '', 'name'],
    ['2023年', '备用', null],
  ])('%j over %j → %s', (parent, child, field) => {
    expect(matchHeaderPair(parent, child)).toBe(field);
  });
});

describe('units', () => {
  it.each<[string, ColumnUnit | null]>([
    ['总投资（万元）', { kind: 'cny', unit: 'wan' }],
    ['总投资(亿元)', { kind: 'cny', unit: 'yi' }],
    ['2021年度投资（亿元）', { kind: 'cny', unit: 'yi' }],
    ['总投资（元）', { kind: 'cny', unit: 'yuan' }],
    ['其中：外资（万美元）', { kind: 'foreign', currency: 'USD', unit: 'wan' }],
    ['外资（亿美元）', { kind: 'foreign', currency: 'USD', unit: 'yi' }],
    ['利用外资（万港元）', { kind: 'foreign', currency: 'HKD', unit: 'wan' }],
    ['总投资', null],
    ['占年计划%', null],
  ])('unitIn(%j) → %j', (text, unit) => {
    expect(unitIn(text)).toEqual(unit);
  });

  it.each<[string, ColumnUnit | null]>([
    ['填报单位：XX县发改委　截止时间：2021年8月31日　金额单位：亿元', { kind: 'cny', unit: 'yi' }],
    ['单位：万元', { kind: 'cny', unit: 'wan' }],
    ['（单位：元）', { kind: 'cny', unit: 'yuan' }],
    ['填报单位：XX县发改委', null],
  ])('sheetUnitIn(%j) → %j', (text, unit) => {
    expect(sheetUnitIn(text)).toEqual(unit);
  });
});

describe('phones', () => {
  it.each<[string, string | null]>([
    ['15893847894', '15893847894'],
    ['158 9384 7894', '15893847894'],
    ['158-9384-7894', '15893847894'],
    ['+86 15893847894', '15893847894'],
    ['１５８９３８４７８９４', '15893847894'],
    ['0371-61234567', '0371-61234567'],
    ['037161234567', '0371-61234567'],
    ['(0371)6123456', '0371-6123456'],
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'],
    ['0371-61234567转802', '0371-61234567-802'],
    ['61234567', null],
    ['1589384789', null],
    ['25893847894', null],
  ])('normalizePhone(%j) → %s', (text, phone) => {
    expect(normalizePhone(text)).toBe(phone);
  });

  it.each<[string, string, string[]]>([
    ['刘工 15893847894', '刘工', ['15893847894']],
    ['刘工（电话：158 9384 7894）', '刘工', ['15893847894']],
    ['王科长0371-61234567', '王科长', ['0371-61234567']],
    ['张三', '张三', []],
  ])('splitContact(%j)', (text, name, phones) => {
    expect(splitContact(text)).toMatchObject({ name, phones });
  });

  it('reads several numbers in a phone cell and names what is not one', () => {
    expect(readPhones('13912345678、0371-61234567／6123')).toEqual({ phones: ['13912345678', '0371-61234567'], invalid: ['6123'] });
  });
});
