// The life of a project, from an idea to full production (DESIGN.md §3).

export const STAGE_LABEL = {
  planning: '谋划',
  reserve: '储备',
  signed: '签约',
  preparing: '前期',
  under_construction: '在建',
  completed: '竣工',
  operating: '投产',
  full_production: '达产',
  suspended: '停缓建',
  terminated: '终止',
} as const;
export type Stage = keyof typeof STAGE_LABEL;
export const STAGES = Object.keys(STAGE_LABEL) as [Stage, ...Stage[]];
export const STAGE_OPTIONS = STAGES.map((value) => ({ value, label: STAGE_LABEL[value] }));

/** The main line, in order; side states can be entered from and left to it. */
const MAIN_LINE: readonly Stage[] = [
  'planning', 'reserve', 'signed', 'preparing', 'under_construction', 'completed', 'operating', 'full_production',
];

/**
 * Allowed moves: forward along the main line (skipping is allowed, a project may be
 * signed straight from a lead), one step back to correct a mistake, into 停缓建 from any
 * active stage and back to where it was, and 终止 from anywhere but the end.
 */
export function canTransition(from: Stage, to: Stage, resumeTo?: Stage | null): boolean {
  if (from === to) return false;
  if (from === 'terminated') return false;
  if (to === 'terminated') return from !== 'full_production';
  if (to === 'suspended') return from !== 'full_production' && from !== 'planning';
  if (from === 'suspended') return resumeTo == null || MAIN_LINE.indexOf(to) >= MAIN_LINE.indexOf(resumeTo) - 1;
  const a = MAIN_LINE.indexOf(from);
  const b = MAIN_LINE.indexOf(to);
  return b > a || b === a - 1;
}

export function nextStages(from: Stage, resumeTo?: Stage | null): Stage[] {
  return STAGES.filter((to) => canTransition(from, to, resumeTo));
}

/** Stages whose projects count as being carried out this year (实施). */
export const ACTIVE_STAGES: readonly Stage[] = ['signed', 'preparing', 'under_construction', 'completed', 'operating', 'full_production', 'suspended'];

export function isMainLineAfter(stage: Stage, than: Stage): boolean {
  return MAIN_LINE.indexOf(stage) > MAIN_LINE.indexOf(than);
}
