import type { z } from 'zod';
import type { shootingPointInput, shootingPointUpdate } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { diff, inTransaction, nowIso } from '../../lib/records';
import { findProject } from '../projects/queries';

// 拍摄点位: fixed places a site is photographed from every month, so that months compare
// like with like (月度影像资料递进比较). Set by the office or the company's reporter.

type PointInput = z.infer<typeof shootingPointInput>;
type PointUpdate = z.infer<typeof shootingPointUpdate>;

export function findPoints(db: Executor, projectId: number) {
  return db.selectFrom('shootingPoint').select(['id', 'name', 'description', 'lng', 'lat', 'sort', 'version'])
    .where('projectId', '=', projectId).where('deletedAt', 'is', null).orderBy('sort').orderBy('id').execute();
}

export async function listPoints(ctx: AppContext, user: SessionUser, projectId: number) {
  if (!(await findProject(ctx.db, user, projectId))) throw notFound('项目');
  return { items: await findPoints(ctx.db, projectId) };
}

export async function createPoint(ctx: AppContext, user: SessionUser, projectId: number, input: PointInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    if (!(await findProject(tx, user, projectId))) throw notFound('项目');
    const count = await tx.selectFrom('shootingPoint').select((eb) => eb.fn.countAll<number>().as('n')).where('projectId', '=', projectId).where('deletedAt', 'is', null).executeTakeFirst();
    if (Number(count?.n ?? 0) >= 30) throw new AppError('unprocessable', '每个项目最多设置 30 个拍摄点位');
    await assertNameFree(tx, projectId, input.name);
    const at = nowIso(ctx);
    const { id } = await tx.insertInto('shootingPoint').values({
      projectId, name: input.name, description: input.description ?? null, lng: input.lng ?? null, lat: input.lat ?? null,
      sort: input.sort ?? Number(count?.n ?? 0), createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow();
    await audit({ action: 'create', objectType: 'shooting_point', objectId: id, projectId, after: input });
    return { items: await findPoints(tx, projectId) };
  });
}

async function assertNameFree(tx: Executor, projectId: number, name: string | undefined, exceptId?: number) {
  if (name === undefined) return;
  let q = tx.selectFrom('shootingPoint').select('id').where('projectId', '=', projectId).where('name', '=', name).where('deletedAt', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new AppError('conflict', `本项目已有名为「${name}」的拍摄点位`, [{ field: 'name', message: '点位名称：本项目已有同名点位' }]);
}

async function pointInScope(tx: Executor, user: SessionUser, id: number) {
  const point = await tx.selectFrom('shootingPoint').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  if (!point || !(await findProject(tx, user, point.projectId))) throw notFound('拍摄点位');
  return point;
}

export async function updatePoint(ctx: AppContext, user: SessionUser, id: number, input: PointUpdate) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const point = await pointInScope(tx, user, id);
    const { version, ...fields } = input;
    if (point.version !== version) throw versionConflict(point);
    await assertNameFree(tx, point.projectId, fields.name, id);
    const { before, after } = diff(point as unknown as Record<string, unknown>, fields as Record<string, unknown>);
    if (Object.keys(after).length) {
      await tx.updateTable('shootingPoint').set({ ...fields, version: version + 1, updatedAt: nowIso(ctx) }).where('id', '=', id).where('version', '=', version).execute();
      await audit({ action: 'update', objectType: 'shooting_point', objectId: id, projectId: point.projectId, before, after });
    }
    return { items: await findPoints(tx, point.projectId) };
  });
}

/** A point is retired, not erased: photos taken from it keep their label. */
export async function deletePoint(ctx: AppContext, user: SessionUser, id: number, version: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const point = await pointInScope(tx, user, id);
    if (point.version !== version) throw versionConflict(point);
    await tx.updateTable('shootingPoint').set({ deletedAt: nowIso(ctx), version: version + 1, updatedAt: nowIso(ctx) }).where('id', '=', id).execute();
    await audit({ action: 'delete', objectType: 'shooting_point', objectId: id, projectId: point.projectId, before: { name: point.name } });
    return { items: await findPoints(tx, point.projectId) };
  });
}
