import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { OBSTACLE_KIND_LABEL, OBSTACLE_SOURCE_LABEL, OBSTACLE_STAGES, OBSTACLE_STATUS_LABEL, type ObstacleKind, type ObstacleSource, type ObstacleStage, type ObstacleStatus } from '@tuijin/core';

// The list's view lives in the URL (?status=open&leaderId=12&overdue=1), so a leader's list
// before a meeting is a link the office can send.

export type ListView = 'list' | 'department' | 'leader';
export interface ObstacleParams {
  view: ListView;
  status: ObstacleStatus | null;
  stage: ObstacleStage | null;
  kind: ObstacleKind | null;
  source: ObstacleSource | null;
  ownerOrgId: number | null;
  leaderId: number | null;
  overdue: boolean;
  q: string;
  page: number;
}

const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | null => ((values as readonly string[]).includes(raw ?? '') ? (raw as T) : null);
const positiveInt = (raw: string | null) => (raw && /^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null);

export function parseObstacleParams(s: URLSearchParams): ObstacleParams {
  return {
    view: oneOf(['list', 'department', 'leader'] as const, s.get('view')) ?? 'list',
    // Without a choice the list shows what is being worked on; 'all' shows everything.
    status: s.get('status') === 'all' ? null : oneOf(Object.keys(OBSTACLE_STATUS_LABEL) as ObstacleStatus[], s.get('status')) ?? 'open',
    stage: oneOf(OBSTACLE_STAGES, s.get('stage')),
    kind: oneOf(Object.keys(OBSTACLE_KIND_LABEL) as ObstacleKind[], s.get('kind')),
    source: oneOf(Object.keys(OBSTACLE_SOURCE_LABEL) as ObstacleSource[], s.get('source')),
    ownerOrgId: positiveInt(s.get('ownerOrgId')),
    leaderId: positiveInt(s.get('leaderId')),
    overdue: s.get('overdue') === '1',
    q: (s.get('q') ?? '').slice(0, 100),
    page: positiveInt(s.get('page')) ?? 1,
  };
}

function toSearch(p: ObstacleParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.view !== 'list') out.set('view', p.view);
  if (p.status !== 'open') out.set('status', p.status ?? 'all');
  for (const key of ['stage', 'kind', 'source', 'ownerOrgId', 'leaderId'] as const) if (p[key] != null) out.set(key, String(p[key]));
  if (p.overdue) out.set('overdue', '1');
  if (p.q.trim()) out.set('q', p.q.trim());
  if (p.page > 1) out.set('page', String(p.page));
  return out;
}

export function useObstacleParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseObstacleParams(search), [search]);
  /** A new filter starts again at page 1. */
  const update = useCallback(
    (patch: Partial<ObstacleParams>) => setSearch((prev) => toSearch({ ...parseObstacleParams(prev), page: 1, ...patch }), { replace: true }),
    [setSearch],
  );
  return { params, update };
}

/** The API query for the list. */
export function listQuery(p: ObstacleParams, pageSize: number) {
  return {
    status: p.status, stage: p.stage, kind: p.kind, source: p.source, ownerOrgId: p.ownerOrgId, leaderId: p.leaderId,
    overdue: p.overdue ? 'true' : null, q: p.q || null, page: p.page, pageSize,
  };
}
