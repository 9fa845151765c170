import {
  addMonths, METRIC_FORMULAS, schemeVersionInput,
  type FormulaKind, type Metric, type SchemeVersionInput, type ScoringScheme, type SubjectKind,
} from '@tuijin/core';
import { isApiError } from '../../app/api-client';
import { toNamePath } from '../../components/form-errors';
import { today } from '../../components/year-select';
import type { SchemeVersionView, SchemesView } from './types';

// The scheme editor's form and the document it saves. The form mirrors the request body
// (name, effectiveFrom, note, document.items.3.weight …) so a message about a path — from the
// schema here or from the server — lands on its input; ratios the document keeps as shares
// (1 = 100%) are edited as percents.

export interface FormulaValues {
  kind: FormulaKind;
  /** ratio: the percent that earns full marks. */
  full?: number | null;
  /** bands: percents, from the top. */
  bands?: { atLeast: number | null; share: number | null }[];
  /** deduction / bonus: points per event and the cap. */
  per?: number | null;
  max?: number | null;
}

export interface ItemValues { key: string; label: string; metric: Metric; weight: number | null; formula: FormulaValues }

export interface SchemeFormValues {
  name: string;
  effectiveFrom: string | null;
  note: string | null;
  document: {
    items: ItemValues[];
    subjects: SubjectKind[];
    flags: { red: number | null; yellow: number | null };
    grades: { atLeast: number | null; label: string }[];
  };
}

const toPct = (share: number) => Math.round(share * 100 * 1e4) / 1e4;
const toShare = (pct: number | null | undefined) => (pct == null ? pct : Math.round(pct * 1e4) / 1e6);

/** The parameters a formula starts with when an item is switched to it. */
export function defaultFormula(kind: FormulaKind): FormulaValues {
  switch (kind) {
    case 'ratio': return { kind, full: 100 };
    case 'bands': return { kind, bands: [{ atLeast: 100, share: 100 }, { atLeast: 80, share: 80 }, { atLeast: 60, share: 60 }] };
    case 'deduction': return { kind, per: 5, max: null };
    case 'bonus': return { kind, per: 2, max: 5 };
  }
}

export function formulaToValues(formula: ScoringScheme['items'][number]['formula']): FormulaValues {
  switch (formula.kind) {
    case 'ratio': return { kind: 'ratio', full: toPct(formula.full) };
    case 'bands': return { kind: 'bands', bands: formula.bands.map((b) => ({ atLeast: toPct(b.atLeast), share: toPct(b.share) })) };
    case 'deduction': return { kind: 'deduction', per: formula.per, max: formula.max ?? null };
    case 'bonus': return { kind: 'bonus', per: formula.per, max: formula.max };
  }
}

/** The formula as the document holds it; empty inputs stay empty for the schema to name. */
export function valuesToFormula(f: FormulaValues): unknown {
  switch (f.kind) {
    case 'ratio': return { kind: 'ratio', full: toShare(f.full) };
    case 'bands': return { kind: 'bands', bands: (f.bands ?? []).map((b) => ({ atLeast: toShare(b.atLeast), share: toShare(b.share) })) };
    case 'deduction': return { kind: 'deduction', per: f.per, ...(f.max == null ? {} : { max: f.max }) };
    case 'bonus': return { kind: 'bonus', per: f.per, max: f.max };
  }
}

/** The first month a revision may take effect: after the last month whose scores are published. */
export const firstAllowedMonth = (publishedThrough: string | null) => (publishedThrough ? addMonths(publishedThrough, 1) : null);

/** What a revision is offered to take effect from: this month, or the first open one if that is later. */
export function suggestedMonth(publishedThrough: string | null): string {
  const thisMonth = today().slice(0, 7);
  const allowed = firstAllowedMonth(publishedThrough);
  return allowed && allowed > thisMonth ? allowed : thisMonth;
}

export function toFormValues(view: SchemesView, from: SchemeVersionView): SchemeFormValues {
  const doc = from.document;
  return {
    // A county's first version is its own, no longer the built-in one.
    name: from.id == null ? from.name.replace(/（系统默认）$/, '') : from.name,
    effectiveFrom: suggestedMonth(view.publishedThrough),
    note: null,
    document: {
      items: doc.items.map((i) => ({ key: i.key, label: i.label, metric: i.metric, weight: i.weight, formula: formulaToValues(i.formula) })),
      subjects: [...doc.subjects],
      flags: { ...doc.flags },
      grades: doc.grades.map((g) => ({ ...g })),
    },
  };
}

/** A key no other item has, from the metric's name (it stays the item's id across versions). */
export function newItemKey(metric: Metric, items: readonly Pick<ItemValues, 'key'>[]): string {
  const taken = new Set(items.map((i) => i.key));
  if (!taken.has(metric)) return metric;
  for (let n = 2; ; n++) if (!taken.has(`${metric}_${n}`)) return `${metric}_${n}`;
}

export function newItem(items: readonly ItemValues[]): ItemValues {
  const metric: Metric = 'investment_pace';
  return { key: newItemKey(metric, items), label: '', metric, weight: null, formula: defaultFormula(METRIC_FORMULAS[metric][0]!) };
}

export function toInput(values: SchemeFormValues, baseVersion: number): unknown {
  return {
    name: values.name,
    effectiveFrom: values.effectiveFrom,
    note: values.note?.trim() || null,
    baseVersion,
    document: {
      items: values.document.items.map((i) => ({ key: i.key, label: i.label, metric: i.metric, weight: i.weight, formula: valuesToFormula(i.formula) })),
      subjects: values.document.subjects,
      flags: values.document.flags,
      grades: values.document.grades,
    },
  };
}

export interface PathIssue { path: (string | number)[]; message: string }

/** Checks the document as the server will; the issues by form path. */
export function checkInput(input: unknown): { ok: true; value: SchemeVersionInput } | { ok: false; issues: PathIssue[] } {
  const parsed = schemeVersionInput.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: i.message })) };
}

/** The server's field issues as form paths: its paths may start at the document (items.3.weight). */
export function serverIssues(error: unknown): PathIssue[] {
  if (!isApiError(error)) return [];
  return error.fieldIssues.map((i) => {
    const path = toNamePath(i.field);
    const isDocumentPath = ['items', 'subjects', 'flags', 'grades'].includes(String(path[0]));
    return { path: isDocumentPath ? ['document', ...path] : path, message: i.message };
  });
}

const LISTS = new Set(['items', 'bands', 'grades']);

/**
 * Where an issue shows: on its input (`field`), or — for a whole list (the weights' total, the
 * order of bands) or the hidden item key — above the form, naming the item it is about.
 */
export function placeIssue(issue: PathIssue): { field: (string | number)[] } | { text: string } {
  const path = [...issue.path];
  const last = path.at(-1);
  if (last === 'formula') return { field: [...path, 'kind'] };
  const isHidden = last === 'key' || last === 'baseVersion';
  if (typeof last === 'string' && (LISTS.has(last) || isHidden) || path.length === 0) {
    const itemAt = path[0] === 'document' && path[1] === 'items' && typeof path[2] === 'number' ? path[2] : null;
    return { text: itemAt == null ? issue.message : `第 ${itemAt + 1} 项：${issue.message}` };
  }
  return { field: path };
}
