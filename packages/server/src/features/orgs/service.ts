import type { OrgInput } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { isInScope, scopePrefix } from '../../lib/permissions';
import { diff, inTransaction, nowIso, redactPhones } from '../../lib/records';
import { findOrg, findOrgByName } from './queries';
import { presentOrg } from './present';

function toRow(ctx: AppContext, input: Partial<OrgInput>) {
  const { contactPhone, ...rest } = input;
  return contactPhone === undefined ? rest : { ...rest, contactPhoneEnc: contactPhone ? ctx.box.encrypt(contactPhone) : null };
}

function assertRegion(user: SessionUser, regionCode: string | undefined) {
  if (regionCode && !isInScope(user, regionCode)) {
    throw new AppError('validation_failed', '所属地区不在您的管辖范围内', [{ field: 'regionCode', message: '所属地区：不在管辖范围内' }]);
  }
}

/** A region inside the caller's scope may still not exist (a city user naming a county code). */
export async function assertRegionExists(db: Executor, regionCode: string | undefined) {
  if (regionCode && !(await db.selectFrom('region').select('code').where('code', '=', regionCode).executeTakeFirst())) {
    throw new AppError('validation_failed', '所属地区不存在', [{ field: 'regionCode', message: '所属地区：不存在' }]);
  }
}

export async function createOrg(ctx: AppContext, user: SessionUser, input: OrgInput) {
  assertRegion(user, input.regionCode);
  return inTransaction(ctx, user, async (tx, audit) => {
    await assertRegionExists(tx, input.regionCode);
    if (await findOrgByName(tx, input.regionCode, input.kind, input.name)) {
      throw new AppError('conflict', `同一地区已有同名单位「${input.name}」`);
    }
    const at = nowIso(ctx);
    const { id } = await tx
      .insertInto('org')
      .values({ ...toRow(ctx, input), kind: input.kind, name: input.name, regionCode: input.regionCode, createdAt: at, updatedAt: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({ action: 'create', objectType: 'org', objectId: id, after: { ...input, contactPhone: input.contactPhone ? '***' : null } });
    return presentOrg(ctx, user, (await findOrg(tx, scopePrefix(user), id))!);
  });
}

export async function updateOrg(ctx: AppContext, user: SessionUser, id: number, input: Partial<OrgInput> & { version: number }) {
  assertRegion(user, input.regionCode);
  return inTransaction(ctx, user, async (tx, audit) => {
    const current = await findOrg(tx, scopePrefix(user), id);
    if (!current) throw notFound('单位');
    await assertRegionExists(tx, input.regionCode);
    const { version, ...fields } = input;
    const row = toRow(ctx, fields);
    const done = await tx
      .updateTable('org')
      .set({ ...row, version: version + 1, updatedAt: nowIso(ctx) })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(presentOrg(ctx, user, current));
    const { before, after } = redactPhones(diff(current as unknown as Record<string, unknown>, row));
    await audit({ action: 'update', objectType: 'org', objectId: id, before, after });
    return presentOrg(ctx, user, (await findOrg(tx, scopePrefix(user), id))!);
  });
}

export async function deleteOrg(ctx: AppContext, user: SessionUser, id: number, version: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const current = await findOrg(tx, scopePrefix(user), id);
    if (!current) throw notFound('单位');
    const used = await tx
      .selectFrom('project')
      .select('id')
      .where('deletedAt', 'is', null)
      .where((eb) => eb.or([eb('ownerOrgId', '=', id), eb('responsibleOrgId', '=', id), eb('townshipId', '=', id), eb('bankOrgId', '=', id)]))
      .limit(1)
      .executeTakeFirst();
    if (used) throw new AppError('conflict', '该单位仍被项目引用，不能删除');
    const account = await tx.selectFrom('appUser').select('username').where('orgId', '=', id).where('disabled', '=', 0).limit(1).executeTakeFirst();
    if (account) throw new AppError('conflict', `该单位仍有在用账号（${account.username}），请先停用或调整后再删除`);
    const done = await tx.updateTable('org').set({ deletedAt: nowIso(ctx), version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(presentOrg(ctx, user, current));
    await audit({ action: 'delete', objectType: 'org', objectId: id, before: { name: current.name, kind: current.kind } });
    return { ok: true };
  });
}
