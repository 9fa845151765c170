import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgKind } from '@tuijin/core';
import { api, type ListResult } from '../../app/api-client';

export interface Org {
  id: number;
  kind: OrgKind;
  name: string;
  shortName: string | null;
  regionCode: string;
  regionName: string;
  uscc: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  version: number;
  updatedAt: string;
}

export interface OrgQuery {
  kind?: OrgKind;
  q?: string;
  regionCode?: string;
  page?: number;
  pageSize?: number;
}

export interface OrgInputValues {
  kind: OrgKind;
  name: string;
  shortName?: string | null;
  regionCode: string;
  uscc?: string | null;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
}

export function useOrgs(query: OrgQuery) {
  return useQuery({
    queryKey: ['orgs', query],
    queryFn: () => api.get<ListResult<Org>>('/orgs', { ...query }),
    placeholderData: keepPreviousData,
  });
}

/** Every org of a kind for a select; a county holds a few hundred at most. */
export function useOrgOptions(kind: OrgKind | undefined) {
  return useQuery({
    queryKey: ['orgs', { kind, pageSize: 1000 }],
    queryFn: () => api.get<ListResult<Org>>('/orgs', { kind, pageSize: 1000 }),
    staleTime: 5 * 60_000,
  });
}

export function useSaveOrg() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, values }: { id?: number; version?: number; values: Partial<OrgInputValues> }) =>
      id == null ? api.post<Org>('/orgs', values) : api.patch<Org>(`/orgs/${id}`, { ...values, version }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['orgs'] }),
  });
}

export function useDeleteOrg() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (org: Pick<Org, 'id' | 'version'>) => api.delete<{ ok: true }>(`/orgs/${org.id}`, { version: org.version }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['orgs'] }),
  });
}
