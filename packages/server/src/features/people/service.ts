import type { PersonInput } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { isInScope, scopePrefix } from '../../lib/permissions';
import { diff, inTransaction, nowIso, redactPhones } from '../../lib/records';
import { revealPhone } from '../orgs/present';
import { findOrg } from '../orgs/queries';
import { assertRegionExists } from '../orgs/service';
import { findPerson } from './queries';
import type { Person } from '../../db/types';

export function presentPerson(ctx: AppContext, user: SessionUser, p: Person & { orgName: string | null }) {
  return {
    id: p.id, name: p.name, title: p.title, phone: revealPhone(ctx, user, p.phoneEnc),
    orgId: p.orgId, orgName: p.orgName, regionCode: p.regionCode, version: p.version, updatedAt: p.updatedAt,
  };
}

async function checkRefs(db: Executor, user: SessionUser, input: Partial<PersonInput>) {
  if (input.regionCode && !isInScope(user, input.regionCode)) {
    throw new AppError('validation_failed', '所属地区不在您的管辖范围内', [{ field: 'regionCode', message: '所属地区：不在管辖范围内' }]);
  }
  await assertRegionExists(db, input.regionCode);
  if (input.orgId && !(await findOrg(db, scopePrefix(user), input.orgId))) {
    throw new AppError('validation_failed', '所属单位不存在', [{ field: 'orgId', message: '所属单位：不存在' }]);
  }
}

function toRow(ctx: AppContext, input: Partial<PersonInput>) {
  const { phone, ...rest } = input;
  return phone === undefined ? rest : { ...rest, phoneEnc: phone ? ctx.box.encrypt(phone) : null };
}

export async function createPerson(ctx: AppContext, user: SessionUser, input: PersonInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    await checkRefs(tx, user, input);
    const at = nowIso(ctx);
    const { id } = await tx
      .insertInto('person')
      .values({ ...toRow(ctx, input), name: input.name, regionCode: input.regionCode, createdAt: at, updatedAt: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({ action: 'create', objectType: 'person', objectId: id, after: { ...input, phone: input.phone ? '***' : null } });
    return presentPerson(ctx, user, (await findPerson(tx, scopePrefix(user), id))!);
  });
}

export async function updatePerson(ctx: AppContext, user: SessionUser, id: number, input: Partial<PersonInput> & { version: number }) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const current = await findPerson(tx, scopePrefix(user), id);
    if (!current) throw notFound('人员');
    const { version, ...fields } = input;
    await checkRefs(tx, user, fields);
    const row = toRow(ctx, fields);
    const done = await tx.updateTable('person').set({ ...row, version: version + 1, updatedAt: nowIso(ctx) }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(presentPerson(ctx, user, current));
    const { before, after } = redactPhones(diff(current as unknown as Record<string, unknown>, row));
    await audit({ action: 'update', objectType: 'person', objectId: id, before, after });
    return presentPerson(ctx, user, (await findPerson(tx, scopePrefix(user), id))!);
  });
}

export async function deletePerson(ctx: AppContext, user: SessionUser, id: number, version: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const current = await findPerson(tx, scopePrefix(user), id);
    if (!current) throw notFound('人员');
    const used = await tx
      .selectFrom('project')
      .select('id')
      .where('deletedAt', 'is', null)
      .where((eb) => eb.or([eb('leaderId', '=', id), eb('firstResponsibleId', '=', id), eb('contactId', '=', id)]))
      .limit(1)
      .executeTakeFirst();
    if (used) throw new AppError('conflict', '该人员仍是项目的责任人或联系人，不能删除');
    const done = await tx.updateTable('person').set({ deletedAt: nowIso(ctx), version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(presentPerson(ctx, user, current));
    await audit({ action: 'delete', objectType: 'person', objectId: id, before: { name: current.name } });
    return { ok: true };
  });
}
