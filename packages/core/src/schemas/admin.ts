import { z } from 'zod';
import { ORG_KINDS, REGION_LEVELS, ROLES } from '../catalog';
import {
  enumOf, id, idParam, optionalText, pageParam, pageSizeParam, phone, regionCode, requiredText, text, uscc, version,
} from './fields';

export const role = enumOf(ROLES.ids, ROLES.label);

export const regionInput = z.strictObject({
  code: regionCode,
  name: requiredText(50),
  level: enumOf(REGION_LEVELS.ids, REGION_LEVELS.label),
  parentCode: regionCode.nullable().optional(),
});
export const regionUpdate = z.strictObject({ name: requiredText(50), version });

const orgFields = {
  kind: enumOf(ORG_KINDS.ids, ORG_KINDS.label),
  name: requiredText(100),
  shortName: optionalText(50),
  regionCode,
  uscc: uscc.nullable().optional(),
  address: optionalText(200),
  contactName: optionalText(50),
  contactPhone: phone.nullable().optional(),
};
export const orgInput = z.strictObject(orgFields);
export const orgUpdate = z.strictObject({ ...orgFields, version }).partial().required({ version: true });
export type OrgInput = z.infer<typeof orgInput>;

const personFields = {
  name: requiredText(50),
  title: optionalText(100),
  phone: phone.nullable().optional(),
  orgId: id.nullable().optional(),
  regionCode,
};
export const personInput = z.strictObject(personFields);
export const personUpdate = z.strictObject({ ...personFields, version }).partial().required({ version: true });
export type PersonInput = z.infer<typeof personInput>;

export const username = z
  .string({ error: '必须是用户名' })
  .trim()
  .regex(/^[A-Za-z0-9_.@-]{3,40}$/, '用户名为 3–40 位字母、数字或 _ . @ -');

export const userInput = z.strictObject({
  username,
  displayName: requiredText(50),
  role,
  regionCode,
  orgId: id.nullable().optional(),
  personId: id.nullable().optional(),
  password: z.string({ error: '必须填写密码' }).min(1, '不能为空').max(128, '不能超过 128 个字符'),
});
export const userUpdate = z
  .strictObject({
    displayName: requiredText(50),
    role,
    regionCode,
    orgId: id.nullable(),
    personId: id.nullable(),
    disabled: z.boolean({ error: '必须是是/否' }),
    version,
  })
  .partial()
  .required({ version: true });

export const listQuery = z.strictObject({
  q: text(100).optional(),
  kind: enumOf(ORG_KINDS.ids, ORG_KINDS.label).optional(),
  regionCode: regionCode.optional(),
  orgId: idParam.optional(),
  page: pageParam,
  pageSize: pageSizeParam(1000).default(100),
});
