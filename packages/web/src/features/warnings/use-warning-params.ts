import { useSearchParams } from 'react-router-dom';
import { WARNING_RULES, type WarningLevel, type WarningRule } from '@tuijin/core';

// The warnings page keeps its state in the URL (a link shows the same list): the tab, the
// level, the rule, the group filters, the search and the page.

export const WARNING_TABS = ['list', 'department', 'leader', 'township', 'region'] as const;
export type WarningTab = (typeof WARNING_TABS)[number];

export interface WarningParams {
  tab: WarningTab;
  level: WarningLevel | null;
  rule: WarningRule | null;
  responsibleOrgId: number | null;
  leaderId: number | null;
  townshipId: number | null;
  regionCode: string | null;
  q: string;
  page: number;
}

const idOf = (v: string | null) => {
  const n = Number(v);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

export function useWarningParams(): [WarningParams, (patch: Partial<WarningParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab');
  const level = search.get('level');
  const rule = search.get('rule');
  const regionCode = search.get('regionCode');
  const params: WarningParams = {
    tab: (WARNING_TABS as readonly string[]).includes(tab ?? '') ? (tab as WarningTab) : 'list',
    level: level === 'red' || level === 'yellow' ? level : null,
    rule: (WARNING_RULES as readonly string[]).includes(rule ?? '') ? (rule as WarningRule) : null,
    responsibleOrgId: idOf(search.get('responsibleOrgId')),
    leaderId: idOf(search.get('leaderId')),
    townshipId: idOf(search.get('townshipId')),
    regionCode: regionCode && /^\d{6}$/.test(regionCode) ? regionCode : null,
    q: (search.get('q') ?? '').slice(0, 100),
    page: idOf(search.get('page')) ?? 1,
  };
  const update = (patch: Partial<WarningParams>) => {
    // Any filter change goes back to the first page.
    const next = { ...params, page: 1, ...patch };
    const out = new URLSearchParams();
    if (next.tab !== 'list') out.set('tab', next.tab);
    for (const key of ['level', 'rule', 'responsibleOrgId', 'leaderId', 'townshipId', 'regionCode', 'q'] as const) {
      const v = next[key];
      if (v != null && v !== '') out.set(key, String(v));
    }
    if (next.page > 1) out.set('page', String(next.page));
    setSearch(out, { replace: true });
  };
  return [params, update];
}
