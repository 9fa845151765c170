import type { LngLat } from '@tuijin/core';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { parseJson } from '../../lib/records';
import { registerMediaTarget } from '../media/targets';
import { loadReportSettings } from '../settings/report-settings';
import { findVisit, visitEditRefusal } from './queries';

// A visit's photos go through the report's pipeline and checks, taken on the day of the visit
// at the project's site; only those who may change the visit may add to it, while it is open.

export function registerVisitTarget(): void {
  registerMediaTarget('visit', async (ctx, db, user, id) => {
    const v = await findVisit(db, user, id);
    if (!v) throw notFound('走访记录');
    const refusal = visitEditRefusal(ctx, user, v);
    if (refusal) throw refusal.status === 403 ? forbidden(refusal.message) : new AppError('unprocessable', refusal.message);
    const settings = await loadReportSettings(db, v.projectRegionCode);
    return {
      ref: { kind: 'visit', id }, projectId: v.projectId, regionCode: v.projectRegionCode, ownerOrgId: v.ownerOrgId,
      period: v.visitedOn.slice(0, 7), capture: { day: v.visitedOn },
      site: { point: v.projectLng != null && v.projectLat != null ? [v.projectLng, v.projectLat] : null, outline: parseJson<LngLat[] | null>(v.sitePolygon, null) },
      limits: settings,
    };
  });
}
