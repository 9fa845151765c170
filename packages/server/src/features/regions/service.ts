import { levelOfCode, parentCode, REGION_LEVELS, type RegionLevel } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { isInScope, scopePrefix } from '../../lib/permissions';
import { inTransaction, nowIso } from '../../lib/records';

const COLUMNS = ['code', 'name', 'level', 'parentCode', 'version'] as const;

/** The caller's region, everything under it, and the chain above it (for breadcrumbs). */
export async function listRegions(db: Executor, user: SessionUser) {
  const ancestors: string[] = [];
  for (let c = parentCode(user.regionCode); c; c = parentCode(c)) ancestors.push(c);
  return db
    .selectFrom('region')
    .select(COLUMNS)
    .where((eb) => eb.or([eb('code', 'like', `${scopePrefix(user)}%`), ...(ancestors.length ? [eb('code', 'in', ancestors)] : [])]))
    .orderBy('code')
    .execute();
}

export async function createRegion(
  ctx: AppContext,
  user: SessionUser,
  input: { code: string; name: string; level: RegionLevel; parentCode?: string | null },
) {
  if (levelOfCode(input.code) !== input.level) {
    throw new AppError('validation_failed', `行政区划代码 ${input.code} 与级别「${REGION_LEVELS.label[input.level]}」不符`, [
      { field: 'level', message: '级别：与行政区划代码不符' },
    ]);
  }
  const expectedParent = parentCode(input.code);
  const parent = input.parentCode ?? expectedParent;
  if (parent !== expectedParent) {
    throw new AppError('validation_failed', '上级地区与行政区划代码不符', [{ field: 'parentCode', message: '上级地区：与代码不符' }]);
  }
  if (!isInScope(user, input.code)) throw notFound('上级地区');
  return inTransaction(ctx, user, async (tx, audit) => {
    if (parent && !(await tx.selectFrom('region').select('code').where('code', '=', parent).executeTakeFirst())) {
      throw new AppError('validation_failed', `上级地区 ${parent} 尚未建立，请先添加上级地区`, [{ field: 'parentCode', message: '上级地区：不存在' }]);
    }
    if (await tx.selectFrom('region').select('code').where('code', '=', input.code).executeTakeFirst()) {
      throw new AppError('conflict', `行政区划代码 ${input.code} 已存在`);
    }
    const at = nowIso(ctx);
    const row = { code: input.code, name: input.name, level: input.level, parentCode: parent, createdAt: at, updatedAt: at };
    await tx.insertInto('region').values(row).execute();
    await audit({ action: 'create', objectType: 'region', objectId: input.code, after: row });
    return { ...row, version: 1 };
  });
}

export async function renameRegion(ctx: AppContext, user: SessionUser, code: string, input: { name: string; version: number }) {
  if (!isInScope(user, code)) throw notFound('地区');
  return inTransaction(ctx, user, async (tx, audit) => {
    const current = await tx.selectFrom('region').select(COLUMNS).where('code', '=', code).executeTakeFirst();
    if (!current) throw notFound('地区');
    const done = await tx
      .updateTable('region')
      .set({ name: input.name, version: input.version + 1, updatedAt: nowIso(ctx) })
      .where('code', '=', code)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(current);
    await audit({ action: 'update', objectType: 'region', objectId: code, before: { name: current.name }, after: { name: input.name } });
    return { ...current, name: input.name, version: current.version + 1 };
  });
}
