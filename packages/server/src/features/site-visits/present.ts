import type { MediaView } from '../media/present';
import type { VisitRow } from './queries';

export function presentVisit(v: VisitRow, extra: { canEdit: boolean; photoCount: number; media?: MediaView[] }) {
  return {
    id: v.id, regionCode: v.regionCode, leaderId: v.leaderId, leaderName: v.leaderName, leaderTitle: v.leaderTitle,
    projectId: v.projectId, projectName: v.projectName, visitedOn: v.visitedOn, days: Number(v.days),
    found: v.found, decided: v.decided, photoCount: extra.photoCount, media: extra.media ?? null,
    createdByName: v.createdByName, canEdit: extra.canEdit, uploadUrl: `/api/v1/site-visits/${v.id}/uploads`,
    version: v.version, createdAt: v.createdAt, updatedAt: v.updatedAt,
  };
}
export type VisitView = ReturnType<typeof presentVisit>;
