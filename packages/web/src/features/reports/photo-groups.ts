import type { MediaItem, ProjectMedia, ShootingPoint } from './types';

// A project's photos arranged for 递进比较: one row per shooting point (then the photos taken
// from points since retired, then those without a point), one column per month.

export interface PointGroup {
  key: string;
  point: ShootingPoint | null;
  name: string;
  description: string | null;
  isRetired: boolean;
  byPeriod: Map<string, MediaItem[]>;
}

const byOrder = (a: MediaItem, b: MediaItem) => a.sort - b.sort || (a.capturedAt ?? a.uploadedAt).localeCompare(b.capturedAt ?? b.uploadedAt) || a.id - b.id;

function add(group: PointGroup, item: MediaItem) {
  const period = item.period ?? '';
  group.byPeriod.set(period, [...(group.byPeriod.get(period) ?? []), item]);
}

export function groupByPoint(data: ProjectMedia): PointGroup[] {
  const groups = new Map<string, PointGroup>();
  for (const point of data.points) {
    groups.set(`p${point.id}`, { key: `p${point.id}`, point, name: point.name, description: point.description, isRetired: false, byPeriod: new Map() });
  }
  const loose: PointGroup = { key: 'none', point: null, name: '未指定点位', description: '上传时没有选择拍摄点位的照片和视频', isRetired: false, byPeriod: new Map() };
  for (const item of [...data.items].sort(byOrder)) {
    if (item.shootingPointId == null) {
      add(loose, item);
      continue;
    }
    const key = `p${item.shootingPointId}`;
    if (!groups.has(key)) {
      groups.set(key, { key, point: null, name: item.shootingPointName ?? '已删除的点位', description: '该点位已停用，保留其历史照片', isRetired: true, byPeriod: new Map() });
    }
    add(groups.get(key)!, item);
  }
  const list = [...groups.values()];
  // Retired points after the ones in use; photos without a point last.
  list.sort((a, b) => Number(a.isRetired) - Number(b.isRetired));
  if (loose.byPeriod.size) list.push(loose);
  return list;
}

/** Months (ascending) in which this point has at least one photo (videos cannot be wiped). */
export function photoMonths(group: PointGroup): string[] {
  return [...group.byPeriod].filter(([, items]) => items.some((m) => m.kind === 'photo' && m.urls.display)).map(([p]) => p).sort();
}

export function photosOf(group: PointGroup, period: string): MediaItem[] {
  return (group.byPeriod.get(period) ?? []).filter((m) => m.kind === 'photo' && m.urls.display);
}
