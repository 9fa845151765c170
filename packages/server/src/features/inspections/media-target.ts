import type { LngLat } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { can, isInScope } from '../../lib/permissions';
import { parseJson } from '../../lib/records';
import type { MediaTarget } from '../media/targets';
import { loadReportSettings } from '../settings/report-settings';
import { findFindingInScope } from './queries';

// A finding's photos go through the report's pipeline (checks, derivatives, duplicates); they
// should have been taken on the day of the visit, at the site. They may be added, captioned or
// taken out by the office or an inspector of the inspection's region until it is finished.

export async function findingTarget(_ctx: AppContext, db: Executor, user: SessionUser, id: number): Promise<MediaTarget> {
  const f = await findFindingInScope(db, user, id);
  if (!f) throw notFound('检查记录');
  if (!can(user, 'inspect') || !isInScope(user, f.inspectionRegionCode)) throw new AppError('forbidden', '只有督查人员或重点项目办可以上传检查照片');
  if (f.inspectionStatus === 'finished') throw new AppError('unprocessable', '督导检查已完成，检查照片不能再修改');
  const settings = await loadReportSettings(db, f.regionCode);
  return {
    ref: { kind: 'finding', id }, projectId: f.projectId, regionCode: f.regionCode, ownerOrgId: f.ownerOrgId,
    period: f.visitedOn.slice(0, 7), capture: { day: f.visitedOn },
    site: { point: f.lng != null && f.lat != null ? [f.lng, f.lat] : null, outline: parseJson<LngLat[] | null>(f.sitePolygon, null) },
    limits: settings,
  };
}
