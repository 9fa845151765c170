/**
 * The entries of `after` that differ from `before`, for PATCH bodies: an edit sends only what
 * the person changed (and never echoes back a masked value such as 138****1234).
 */
export function changedValues<T extends object>(before: Partial<T>, after: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const a = after[key] ?? null;
    const b = before[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out[key] = after[key];
  }
  return out;
}

/** Blank text fields become null, as the API stores "not filled in". */
export function blankToNull<T extends object>(values: T): T {
  const out = { ...values };
  for (const key of Object.keys(out) as (keyof T)[]) {
    const v = out[key];
    if (typeof v === 'string') out[key] = (v.trim() === '' ? null : v.trim()) as T[keyof T];
    if (v === undefined) out[key] = null as T[keyof T];
  }
  return out;
}
