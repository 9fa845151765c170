import type { WarningLevel } from './catalog';

// Roll-ups of warnings (预警汇总): a project counts once, at its worst level, in each group it
// belongs to (its 责任单位, 包保领导, 乡镇园区, county); the rest of the group's projects are green.

export interface RollUpRow<K> {
  projectId: number;
  level: WarningLevel | string;
  /** The group the project belongs to; null when it has none (no 责任单位 set, say). */
  group: K | null;
}

export interface LevelRollUp<K> {
  group: K | null;
  /** Projects whose worst warning is red / yellow. */
  red: number;
  yellow: number;
  /** Projects in the group (when known), so green = projects − red − yellow. */
  projects: number;
  green: number;
  /** Live warnings, all levels. */
  warnings: number;
}

const worse = (a: string | undefined, b: string) => (a === 'red' || b === 'red' ? 'red' : 'yellow');

/** Counts per level over warnings: projects at their worst level, and warnings. */
export function countLevels(rows: readonly { projectId: number; level: string }[]): { red: number; yellow: number; warnings: { red: number; yellow: number } } {
  const byProject = new Map<number, string>();
  const warnings = { red: 0, yellow: 0 };
  for (const r of rows) {
    byProject.set(r.projectId, worse(byProject.get(r.projectId), r.level));
    if (r.level === 'red') warnings.red++;
    else warnings.yellow++;
  }
  let red = 0;
  for (const level of byProject.values()) if (level === 'red') red++;
  return { red, yellow: byProject.size - red, warnings };
}

/**
 * Per group: red and yellow projects and warnings, with each group's project count (from
 * `projects`, the group's size) to give its green; groups with projects and no warning appear
 * all green. Most red first, then most yellow.
 */
export function rollUpLevels<K extends string | number>(rows: readonly RollUpRow<K>[], projects: ReadonlyMap<K | null, number> = new Map()): LevelRollUp<K>[] {
  const groups = new Map<K | null, { worst: Map<number, string>; warnings: number }>();
  for (const r of rows) {
    const g = groups.get(r.group) ?? { worst: new Map<number, string>(), warnings: 0 };
    g.worst.set(r.projectId, worse(g.worst.get(r.projectId), r.level));
    g.warnings++;
    groups.set(r.group, g);
  }
  for (const key of projects.keys()) if (!groups.has(key)) groups.set(key, { worst: new Map(), warnings: 0 });
  const out: LevelRollUp<K>[] = [];
  for (const [group, g] of groups) {
    let red = 0;
    for (const level of g.worst.values()) if (level === 'red') red++;
    const yellow = g.worst.size - red;
    const total = Math.max(projects.get(group) ?? 0, g.worst.size);
    out.push({ group, red, yellow, projects: total, green: total - red - yellow, warnings: g.warnings });
  }
  return out.sort((a, b) => b.red - a.red || b.yellow - a.yellow || b.projects - a.projects || String(a.group ?? '').localeCompare(String(b.group ?? '')));
}
