import { chinaDate } from '../period';

// A reporting month is due on its deadline day (China calendar); a report sent after the
// end of that day is late. The office sees at a glance who is on time, late or missing.

export type Punctuality = 'on_time' | 'late' | 'missing' | 'not_due';

export function punctuality(deadline: string, submittedAt: string | null, now: Date): Punctuality {
  if (submittedAt) return chinaDate(new Date(submittedAt)) <= deadline ? 'on_time' : 'late';
  return chinaDate(now) > deadline ? 'missing' : 'not_due';
}

/** The default deadline of a period: the given day of the following month ('2026-03' → '2026-04-05'). */
export function defaultDeadline(period: string, day = 5): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const next = m === 12 ? [y + 1, 1] : [y, m + 1];
  return `${next[0]}-${String(next[1]).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
