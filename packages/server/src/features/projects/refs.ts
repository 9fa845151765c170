import type { ProjectCreate, ProjectUpdate } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { SessionUser } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { isInScope, scopePrefix } from '../../lib/permissions';

// A project points at organisations and people; each must exist, be of the right kind
// and lie inside the user's region, or the save is refused naming the field.

const ORG_REFS = [
  ['townshipId', 'township', '所在乡镇（园区）'],
  ['ownerOrgId', 'company', '项目单位'],
  ['responsibleOrgId', 'department', '责任单位'],
  ['bankOrgId', 'bank', '金融机构'],
] as const;
const PERSON_REFS = [
  ['leaderId', '包保县级领导'],
  ['firstResponsibleId', '第一责任人'],
  ['contactId', '联系人'],
] as const;

export async function checkProjectRefs(db: Executor, user: SessionUser, input: Partial<ProjectCreate> | ProjectUpdate) {
  const errors: { field: string; message: string }[] = [];
  if (input.regionCode) {
    const region = await db.selectFrom('region').select(['code', 'level']).where('code', '=', input.regionCode).executeTakeFirst();
    if (!region || !isInScope(user, input.regionCode)) errors.push({ field: 'regionCode', message: '所属地区：不存在或不在管辖范围内' });
    else if (region.level !== 'county') errors.push({ field: 'regionCode', message: '所属地区：项目必须落在县（市、区）一级' });
  }
  const prefix = scopePrefix(user);
  for (const [field, kind, label] of ORG_REFS) {
    const id = input[field];
    if (id == null) continue;
    const org = await db.selectFrom('org').select(['kind', 'regionCode']).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
    if (!org || !org.regionCode.startsWith(prefix)) errors.push({ field, message: `${label}：不存在或不在管辖范围内` });
    else if (org.kind !== kind) errors.push({ field, message: `${label}：所选单位类型不符` });
  }
  for (const [field, label] of PERSON_REFS) {
    const id = input[field];
    if (id == null) continue;
    const person = await db.selectFrom('person').select('regionCode').where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
    if (!person || !person.regionCode.startsWith(prefix)) errors.push({ field, message: `${label}：不存在或不在管辖范围内` });
  }
  if (errors.length) throw new AppError('validation_failed', errors[0]!.message, errors);
}
