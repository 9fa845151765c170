import { useCallback } from 'react';
import {
  APPROVAL_ITEMS, APPROVAL_STATUSES, CATEGORIES, CURRENCIES, FIELD_LABELS, FUNDING_SOURCES, INDUSTRIES,
  KEY_LIST_LEVELS, NATURES, NODE_KINDS, STAGE_LABEL,
} from '@tuijin/core';
import { wan } from '../../components/format';
import { useOrgOptions } from '../orgs/api';
import { usePeopleOptions } from '../people/api';
import { useRegions } from '../regions/api';

// How a field's value reads to a person: used by the conflict dialog and the change history,
// where values arrive raw (ids, enum ids, integer yuan).

const PROJECT_LABELS: Record<string, string> = {
  name: '项目名称', code: '项目代码', address: '建设地点', leaderId: '包保县级领导', contactId: '联系人',
  annualRevenue: '达产后年销售收入', annualProfitTax: '达产后年利税',
};

export function fieldLabel(field: string): string {
  return PROJECT_LABELS[field] ?? FIELD_LABELS[field] ?? field;
}

const MONEY_FIELDS = new Set([
  'totalInvestment', 'annualRevenue', 'annualProfitTax', 'plan', 'target', 'completed', 'completedLastYear', 'amount',
]);
const PERSON_FIELDS = new Set(['leaderId', 'firstResponsibleId', 'contactId', 'personId']);
const ORG_FIELDS = new Set(['townshipId', 'ownerOrgId', 'responsibleOrgId', 'bankOrgId', 'orgId']);

const ENUM_LABELS: Record<string, Record<string, string>> = {
  category: CATEGORIES.label,
  industry: INDUSTRIES.label,
  nature: NATURES.label,
  stage: STAGE_LABEL,
  fromStage: STAGE_LABEL,
  toStage: STAGE_LABEL,
  level: KEY_LIST_LEVELS.label,
  kind: NODE_KINDS.label,
  item: APPROVAL_ITEMS.label,
  status: APPROVAL_STATUSES.label,
  currency: CURRENCIES.label,
  source: FUNDING_SOURCES,
};

export type NameOf = (kind: 'person' | 'org' | 'region', id: number | string) => string | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value != null && !Array.isArray(value);
}

/** Audit rows may hold JSON columns as text ('["a","b"]'); read them as values. */
function unpack(value: unknown): unknown {
  if (typeof value !== 'string' || !/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export function formatFieldValue(field: string, raw: unknown, nameOf: NameOf): string {
  const value = unpack(raw);
  if (value == null || value === '') return '（空）';
  if (MONEY_FIELDS.has(field) && typeof value === 'number') return `${wan(value)} 万元`;
  if (PERSON_FIELDS.has(field) && typeof value === 'number') return nameOf('person', value) ?? `人员 #${value}`;
  if (ORG_FIELDS.has(field) && typeof value === 'number') return nameOf('org', value) ?? `单位 #${value}`;
  if (field === 'regionCode' && typeof value === 'string') return nameOf('region', value) ?? value;
  if (typeof value === 'string' && ENUM_LABELS[field]?.[value]) return ENUM_LABELS[field][value] ?? value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if ((field === 'lng' || field === 'lat') && typeof value === 'number') return value.toFixed(6);
  if (field === 'monthly' && Array.isArray(value)) {
    return value.map((v, i) => `${i + 1}月 ${typeof v === 'number' ? wan(v) : '—'}`).join('，');
  }
  if (field === 'fundingSources' && Array.isArray(value)) {
    return value.filter(isRecord)
      .map((r) => `${formatFieldValue('source', r.source, nameOf)} ${formatFieldValue('amount', r.amount, nameOf)}`)
      .join('；') || '（空）';
  }
  if (field === 'foreign' && isRecord(value)) {
    const currency = typeof value.currency === 'string' ? (CURRENCIES.label as Record<string, string>)[value.currency] ?? value.currency : '';
    return `${String(value.amount)} ${currency}（汇率 ${String(value.rate)}）`;
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、') || '（空）';
  if (isRecord(value)) return JSON.stringify(value);
  return String(value);
}

/** Names for ids from the cached reference lists (the selects load them anyway). */
export function useNameOf(): NameOf {
  const people = usePeopleOptions();
  const orgs = useOrgOptions(undefined);
  const regions = useRegions();
  return useCallback<NameOf>(
    (kind, id) => {
      if (kind === 'person') return people.data?.items.find((p) => p.id === id)?.name;
      if (kind === 'org') return orgs.data?.items.find((o) => o.id === id)?.name;
      return regions.data?.items.find((r) => r.code === id)?.name;
    },
    [people.data, orgs.data, regions.data],
  );
}
