import type { Warning } from '@tuijin/core';

// What a recompute changes: the warnings the rules give today against the live ones. Only
// differences are written, so an hourly run over a quiet province touches (almost) nothing.

export interface LiveWarning { id: number; projectId: number; regionCode: string; rule: string; level: string; reason: string; facts: string }
export interface ComputedWarning extends Warning { projectId: number; regionCode: string; /** facts as stored (JSON), made once */ factsJson: string }

export interface WarningDiff {
  /** New: no live warning of this rule on the project. */
  raise: ComputedWarning[];
  /** Its level moved (yellow ↔ red): an event in its history. */
  change: { live: LiveWarning; next: ComputedWarning }[];
  /** Same level, figures moved on (days overdue, points behind): the words follow, no event. */
  refresh: { live: LiveWarning; next: ComputedWarning }[];
  /** The rule no longer holds: cleared, an event in its history. */
  clear: LiveWarning[];
}

export const warningKey = (projectId: number, rule: string) => `${projectId}:${rule}`;

export function diffWarnings(live: readonly LiveWarning[], computed: ReadonlyMap<string, ComputedWarning>): WarningDiff {
  const out: WarningDiff = { raise: [], change: [], refresh: [], clear: [] };
  const seen = new Set<string>();
  for (const w of live) {
    const key = warningKey(w.projectId, w.rule);
    const next = computed.get(key);
    // A second live row for the same key (cannot happen under the unique index) is cleared.
    if (!next || seen.has(key)) {
      out.clear.push(w);
      continue;
    }
    seen.add(key);
    if (next.level !== w.level) out.change.push({ live: w, next });
    else if (next.reason !== w.reason || next.factsJson !== w.facts || next.regionCode !== w.regionCode) out.refresh.push({ live: w, next });
  }
  for (const [key, next] of computed) if (!seen.has(key)) out.raise.push(next);
  return out;
}
