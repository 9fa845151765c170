import { useState } from 'react';
import type { ShootingPoint } from './types';

// The shooting point a clerk is photographing from, kept for the browser session (per
// project): after the camera, a reload or the next batch of photos it is still chosen, so
// photos do not land in 「未指定点位」 because the select was skipped.

const keyOf = (projectId: number) => `tuijin.report-point.${projectId}`;

function remembered(projectId: number, points: readonly ShootingPoint[]): number | null {
  try {
    const id = Number(sessionStorage.getItem(keyOf(projectId)));
    if (points.some((p) => p.id === id)) return id;
  } catch {
    // storage refused (private mode): nothing remembered
  }
  // One point only: that is where the photos are taken.
  return points.length === 1 ? points[0]!.id : null;
}

export function useRememberedPoint(projectId: number, points: readonly ShootingPoint[]): [number | null, (id: number | null) => void] {
  const [pointId, setPointId] = useState(() => remembered(projectId, points));
  const choose = (id: number | null) => {
    setPointId(id);
    try {
      if (id == null) sessionStorage.removeItem(keyOf(projectId));
      else sessionStorage.setItem(keyOf(projectId), String(id));
    } catch {
      // not remembered; still chosen for this page
    }
  };
  return [pointId, choose];
}
