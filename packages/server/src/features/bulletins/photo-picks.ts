import { photoCaption, regionPrefix, type BulletinPhoto, type FieldError, type RegionLevel } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import { AppError } from '../../lib/errors';

// The office's photo comparisons: two photos of one project of the bulletin's region, both
// printable (a display image, not failed by the checks, not deleted), the earlier from a month
// before the later, the later no later than the bulletin's month.

export interface PhotoPick { beforeMediaId: number; afterMediaId: number; caption?: string | null }
interface Owner { regionCode: string; regionLevel: string; period: string }

function mediaOf(db: Executor, ids: number[]) {
  return db.selectFrom('media')
    .innerJoin('project', 'project.id', 'media.projectId')
    .leftJoin('shootingPoint as sp', 'sp.id', 'media.shootingPointId')
    .select(['media.id', 'media.projectId', 'project.name as projectName', 'sp.name as pointName', 'media.regionCode', 'media.period', 'media.capturedAt',
      'media.kind', 'media.displayKey', 'media.checkStatus', 'media.deletedAt'])
    .where('media.id', 'in', ids.length ? ids : [0])
    .execute();
}

/** Each pick as the bulletin prints it, or the problems (field-named) with the picks; unknown photos are not found. */
async function checkPicks(db: Executor, b: Owner, picks: PhotoPick[]) {
  const rows = new Map((await mediaOf(db, picks.flatMap((p) => [p.beforeMediaId, p.afterMediaId]))).map((m) => [m.id, m]));
  const prefix = regionPrefix(b.regionCode, b.regionLevel as RegionLevel);
  const problems: FieldError[] = [];
  const missing: number[] = [];
  const photos: (BulletinPhoto | null)[] = picks.map((p, i) => {
    const [before, after] = [rows.get(p.beforeMediaId), rows.get(p.afterMediaId)];
    const place = `照片对比第 ${i + 1} 组`;
    const absent = ([[before, p.beforeMediaId], [after, p.afterMediaId]] as const).filter(([m]) => !m || m.deletedAt != null || !m.regionCode.startsWith(prefix));
    missing.push(...absent.map(([, id]) => id));
    if (!before || !after || absent.length) return null;
    const fail = (field: string, message: string) => { problems.push({ field: `photos.${i}.${field}`, message: `${place}：${message}` }); return null; };
    for (const [m, field] of [[before, 'beforeMediaId'], [after, 'afterMediaId']] as const) {
      if (m.kind !== 'photo' || m.displayKey == null) return fail(field, '只能选用照片（视频不能印入通报）');
      if (m.checkStatus === 'failed') return fail(field, '照片核验未通过，不能用于通报');
      if (m.period == null) return fail(field, '只能选用月报影像资料');
    }
    if (before.projectId !== after.projectId) return fail('afterMediaId', '前后两张照片须是同一项目的');
    if (after.period! > b.period) return fail('afterMediaId', '本期照片不能晚于通报月份');
    if (before.period! >= after.period!) return fail('beforeMediaId', '前期照片须早于本期照片的月份');
    return {
      projectId: after.projectId, projectName: after.projectName, pointName: after.pointName ?? before.pointName,
      caption: p.caption?.trim() || photoCaption(after.projectName, after.pointName ?? before.pointName),
      before: { mediaId: before.id, period: before.period!, capturedAt: before.capturedAt },
      after: { mediaId: after.id, period: after.period!, capturedAt: after.capturedAt },
    };
  });
  return { photos, problems, missing };
}

/** The office's picks, checked: 404 for a photo outside the region, 422 naming the pick otherwise. */
export async function checkPhotoPicks(db: Executor, b: Owner, picks: PhotoPick[]): Promise<BulletinPhoto[]> {
  const { photos, problems, missing } = await checkPicks(db, b, picks);
  if (missing.length) throw new AppError('not_found', `照片（编号 ${missing[0]}）不存在或不属于本通报所在地区`);
  if (problems.length) throw new AppError('unprocessable', problems[0]!.message, problems);
  return photos as BulletinPhoto[];
}

/** Picks made earlier that still hold (a photo deleted or failed since is dropped). */
export async function stillValidPhotos(db: Executor, b: Owner, chosen: BulletinPhoto[]): Promise<BulletinPhoto[]> {
  const { photos } = await checkPicks(db, b, chosen.map((c) => ({ beforeMediaId: c.before.mediaId, afterMediaId: c.after.mediaId, caption: c.caption })));
  return photos.filter((p): p is BulletinPhoto => p != null);
}
