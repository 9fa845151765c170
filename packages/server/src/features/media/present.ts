import { CHECK_STATUS_LABEL, type CheckResult, type CheckStatus } from '@tuijin/core';
import type { Media } from '../../db/types';
import { parseJson } from '../../lib/records';

export type MediaRow = Media & { shootingPointName?: string | null; uploadedByName?: string | null };

/** A photo or video as the app shows it; file bytes are fetched by the links, each checked for scope. */
export function presentMedia(m: MediaRow) {
  const base = `/api/v1/media/${m.id}`;
  const hasPicture = m.displayKey != null;
  return {
    id: m.id, projectId: m.projectId, reportId: m.reportId, period: m.period, kind: m.kind, format: m.format,
    mime: m.mime, filename: m.filename, size: m.size, width: m.width, height: m.height,
    durationSeconds: m.durationMs == null ? null : m.durationMs / 1000, capturedAt: m.capturedAt,
    lng: m.lng, lat: m.lat, camera: m.camera, caption: m.caption, shootingPointId: m.shootingPointId,
    shootingPointName: m.shootingPointName ?? null, sort: m.sort,
    checks: parseJson<CheckResult[]>(m.checks, []), checkStatus: m.checkStatus as CheckStatus,
    checkStatusLabel: CHECK_STATUS_LABEL[m.checkStatus as CheckStatus] ?? m.checkStatus,
    urls: {
      thumb: hasPicture ? `${base}/thumb` : null,
      display: hasPicture ? `${base}/display` : null,
      original: `${base}/original`,
    },
    uploadedAt: m.createdAt, uploadedByName: m.uploadedByName ?? null, version: m.version,
  };
}
export type MediaView = ReturnType<typeof presentMedia>;
