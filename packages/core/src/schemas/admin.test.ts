import { describe, expect, it } from 'vitest';
import { listQuery, orgInput, orgUpdate, userInput, userUpdate } from './admin';
import { phone } from './fields';
import { dataOf, messagesOf } from './test-helpers';

describe('phone', () => {
  it.each<[string, string]>([
    ['+86 138 0013 8000', '13800138000'],
    ['13800138000', '13800138000'],
    ['86-13800138000', '13800138000'],
    ['+8613800138000', '13800138000'],
    [' 199 0000 1111 ', '19900001111'],
    ['0531-88888888', '0531-88888888'],
    ['(0531) 8888 8888', '053188888888'],
    ['（0539）8888888', '05398888888'],
    ['010-12345678', '010-12345678'],
    ['0539-8888888-123', '0539-8888888-123'],
  ])('normalises %j → %s', (input, output) => {
    expect(dataOf(phone, input)).toBe(output);
  });

  it.each(['1380013800', '138001380001', '12800138000', '88888888', '0531-888888', '电话', ''])('refuses %j', (input) => {
    expect(messagesOf(phone, input)).toEqual(['请求内容：不是有效的手机或固定电话号码']);
  });
});

describe('orgInput', () => {
  const company = { kind: 'company', name: '山东某某新材料有限公司', regionCode: '371425' };

  it('normalises the USCC and the contact phone', () => {
    expect(dataOf(orgInput, { ...company, uscc: ' 91371425ma3c1234xn ', contactPhone: '+86 138 0013 8000', shortName: '' }))
      .toEqual({ ...company, uscc: '91371425MA3C1234XN', contactPhone: '13800138000', shortName: null });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a wrong USCC check character', { uscc: '91371425MA3C1234XP' }, ['统一社会信用代码：统一社会信用代码校验位不正确，请核对']],
    ['a USCC with a forbidden letter', { uscc: '91371425MA3C1234OZ' }, ['统一社会信用代码：统一社会信用代码校验位不正确，请核对']],
    ['a short USCC', { uscc: '91371425MA3C1234X' }, ['统一社会信用代码：统一社会信用代码校验位不正确，请核对']],
    ['a bad phone', { contactPhone: '12345' }, ['联系电话：不是有效的手机或固定电话号码']],
    ['unknown kind', { kind: 'person' }, ['类型：取值无效，可选：部门/责任单位、企业/项目单位、金融机构、乡镇/园区']],
    ['unknown key', { legalPerson: '张三' }, ['不认识的字段：legalPerson']],
  ])('refuses %s', (_case, patch, messages) => {
    expect(messagesOf(orgInput, { ...company, ...patch })).toEqual(messages);
  });

  it('needs only a version to update', () => {
    expect(dataOf(orgUpdate, { version: 2, uscc: null })).toEqual({ version: 2, uscc: null });
    expect(messagesOf(orgUpdate, { uscc: '91371425MA3C1234XN' })).toEqual(['版本号：必须填写']);
  });
});

describe('userInput', () => {
  const user = { username: 'zhang.san', displayName: '张三', role: 'reporter', regionCode: '371425', password: 'Tuijin#2024' };

  it('accepts a user and trims the username', () => {
    expect(dataOf(userInput, { ...user, username: ' zhang.san ', orgId: 5 })).toEqual({ ...user, orgId: 5 });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a two-letter username', { username: 'zs' }, ['用户名：用户名为 3–40 位字母、数字或 _ . @ -']],
    ['a Chinese username', { username: '张三' }, ['用户名：用户名为 3–40 位字母、数字或 _ . @ -']],
    ['unknown role', { role: 'root' }, [expect.stringMatching(/^角色：取值无效，可选：重点项目办、/) as unknown as string]],
    ['an empty password', { password: '' }, ['密码：不能为空']],
    ['a password over 128 characters', { password: 'a'.repeat(129) }, ['密码：不能超过 128 个字符']],
    ['an admin flag', { isAdmin: true }, ['不认识的字段：isAdmin']],
  ])('refuses %s', (_case, patch, messages) => {
    expect(messagesOf(userInput, { ...user, ...patch })).toEqual(messages);
  });

  it('refuses a non-boolean disabled flag on update', () => {
    expect(messagesOf(userUpdate, { version: 1, disabled: 'yes' })).toEqual(['停用：必须是是/否']);
  });
});

describe('listQuery', () => {
  it('defaults page and page size', () => {
    expect(dataOf(listQuery, { kind: 'bank' })).toEqual({ kind: 'bank', page: 1, pageSize: 100 });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a page that is not a number', { page: 'abc' }, ['页码：必须是正整数']],
    ['page size 0', { pageSize: '0' }, ['每页行数：每页至少 1 行']],
    ['page size 1001', { pageSize: '1001' }, ['每页行数：每页最多 1000 行']],
  ])('refuses %s', (_case, query, messages) => {
    expect(messagesOf(listQuery, query)).toEqual(messages);
  });
});
