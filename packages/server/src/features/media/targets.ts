import type { LngLat } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { parseJson } from '../../lib/records';
import { editableReport } from '../reports/service';
import { loadReportSettings } from '../settings/report-settings';

// What a photo or video is evidence for: a month's report, an inspection's finding on site, or a
// leader's visit. Each resolves to the same facts the pipeline needs (project, region, month,
// when a photo should have been taken, where the site is) and says whether it may still change.

export type TargetKind = 'report' | 'finding' | 'visit';
export interface TargetRef { kind: TargetKind; id: number }

export interface MediaTarget {
  ref: TargetRef;
  projectId: number;
  regionCode: string;
  ownerOrgId: number | null;
  /** The month the evidence belongs to (folders in the store, labels of duplicates). */
  period: string;
  /** When the photo should have been taken: a report's month up to its deadline, or the day of a visit. */
  capture: { period: string; deadline: string } | { day: string };
  site: { point: LngLat | null; outline: LngLat[] | null };
  limits: { maxImageMb: number; maxVideoMb: number; maxDistanceMetres: number; maxHashDistance: number };
}

/** Resolvers of the kinds other features own (inspections, visits); they register themselves at start. */
type Resolver = (ctx: AppContext, db: Executor, user: SessionUser, id: number) => Promise<MediaTarget>;
const resolvers = new Map<TargetKind, Resolver>();

export function registerMediaTarget(kind: Exclude<TargetKind, 'report'>, resolver: Resolver): void {
  resolvers.set(kind, resolver);
}

/** The target if the user may add to it or change its evidence now; otherwise why not (404/403/422). */
export async function editableTarget(ctx: AppContext, db: Executor, user: SessionUser, ref: TargetRef): Promise<MediaTarget> {
  if (ref.kind === 'report') {
    const r = await editableReport(ctx, db, user, ref.id, null, 'save');
    const settings = await loadReportSettings(db, r.regionCode);
    return {
      ref, projectId: r.projectId, regionCode: r.regionCode, ownerOrgId: r.ownerOrgId, period: r.period,
      capture: { period: r.period, deadline: r.deadline },
      site: { point: r.projectLng != null && r.projectLat != null ? [r.projectLng, r.projectLat] : null, outline: parseJson<LngLat[] | null>(r.sitePolygon, null) },
      limits: settings,
    };
  }
  const resolver = resolvers.get(ref.kind);
  if (!resolver) throw new AppError('not_found', '记录不存在或无权查看');
  return resolver(ctx, db, user, ref.id);
}

/** The target a session or a media row points at. */
export function targetOf(row: { reportId: number | null; findingId: number | null; visitId: number | null }): TargetRef | null {
  if (row.reportId) return { kind: 'report', id: row.reportId };
  if (row.findingId) return { kind: 'finding', id: row.findingId };
  if (row.visitId) return { kind: 'visit', id: row.visitId };
  return null;
}

/** The columns that point a session or a media row at its target. */
export function targetColumns(ref: TargetRef) {
  return { reportId: ref.kind === 'report' ? ref.id : null, findingId: ref.kind === 'finding' ? ref.id : null, visitId: ref.kind === 'visit' ? ref.id : null };
}
