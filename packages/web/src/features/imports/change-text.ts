import { CATEGORIES, CURRENCIES, formatAmount, INDUSTRIES, NATURES } from '@tuijin/core';
import type { ImportChange, RowAction } from './types';

// How a row's changes read in the preview: 「字段：原值 → 新值」, money in 万元.

const MONEY_FIELDS = new Set(['totalInvestment', 'plan', 'target', 'completed', 'completedLastYear', 'annualRevenue', 'annualProfitTax']);

const ENUM_LABELS: Record<string, Record<string, string>> = {
  category: CATEGORIES.label,
  industry: INDUSTRIES.label,
  nature: NATURES.label,
};

const CURRENCY_LABEL: Record<string, string> = CURRENCIES.label;

export const BLANK = '（空）';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value != null && !Array.isArray(value);
}

export function changeValue(field: string, value: unknown): string {
  if (value == null || value === '') return BLANK;
  if (MONEY_FIELDS.has(field) && typeof value === 'number') return `${formatAmount(value, 'wan')} 万元`;
  if (typeof value === 'string') return ENUM_LABELS[field]?.[value] ?? value;
  if (field === 'foreign' && isRecord(value)) {
    const currency = typeof value.currency === 'string' ? CURRENCY_LABEL[value.currency] ?? value.currency : '';
    const amount = typeof value.amount === 'number' ? value.amount.toLocaleString('zh-CN') : String(value.amount);
    return `${amount} ${currency}（汇率 ${String(value.rate)}）`;
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、') || BLANK;
  if (isRecord(value)) return JSON.stringify(value);
  return String(value);
}

/** A row that creates a project (or would, but for an error): nothing it changes had a value. */
export function isNewProject(action: RowAction, changes: ImportChange[]): boolean {
  return action === 'create' || (action === 'error' && changes.length > 0 && changes.every((c) => c.before == null));
}

/** A new project lists what it gets; an existing one what changes from what to what. */
export function changeText(change: ImportChange, isNew: boolean): string {
  const after = changeValue(change.field, change.after);
  if (isNew && change.before == null) return `${change.label}：${after}`;
  return `${change.label}：${changeValue(change.field, change.before)} → ${after}`;
}
