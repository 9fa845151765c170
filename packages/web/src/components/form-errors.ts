import type { FormInstance } from 'antd';
import { isApiError } from '../app/api-client';

type NamePath = (string | number)[];

/** `fundingSources.0.amount` → ['fundingSources', 0, 'amount'], the form's name path. */
export function toNamePath(field: string): NamePath {
  return field.split('.').filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface ServerErrorTargets {
  /** Top-level names the form renders; issues about other fields are returned instead. */
  fields?: readonly string[];
  /** Form.List roots: an issue about the whole list (not one row) has no input to sit under. */
  lists?: readonly string[];
}

/**
 * Puts a reply's field messages (`details: [{field, message}]`, as `validation_failed` and
 * some `conflict` replies carry) next to the fields they name. Returns what should be shown
 * above the form: messages naming no input here, or the error's own message.
 */
export function applyServerErrors(form: FormInstance, error: unknown, targets: ServerErrorTargets = {}): string[] {
  if (!isApiError(error)) return [error instanceof Error ? error.message : '操作失败，请稍后重试'];
  const issues = error.fieldIssues;
  if (!issues.length) return [error.message];
  const known = targets.fields ? new Set(targets.fields) : null;
  const lists = new Set(targets.lists ?? []);
  const unplaced: string[] = [];
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const path = toNamePath(issue.field);
    const top = String(path[0] ?? '');
    const isPlaceable = path.length > 0 && (!known || known.has(top)) && !(path.length === 1 && lists.has(top));
    if (!isPlaceable) {
      unplaced.push(issue.message);
      continue;
    }
    byField.set(issue.field, [...(byField.get(issue.field) ?? []), issue.message]);
  }
  form.setFields([...byField].map(([field, errors]) => ({ name: toNamePath(field), errors })));
  const first = byField.keys().next();
  if (!first.done) form.scrollToField(toNamePath(first.value), { block: 'center' });
  // Other codes (a duplicate 项目代码 is `conflict`) carry a whole sentence worth showing too.
  return error.code === 'validation_failed' ? unplaced : [error.message, ...unplaced.filter((m) => m !== error.message)];
}
