import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegionLevel } from '@tuijin/core';
import { api } from '../../app/api-client';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  version: number;
}

export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: () => api.get<{ items: Region[] }>('/regions'),
    staleTime: 10 * 60_000,
  });
}

export function useCreateRegion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (values: { code: string; name: string; level: RegionLevel; parentCode: string | null }) =>
      api.post<Region>('/regions', values),
    onSuccess: () => client.invalidateQueries({ queryKey: ['regions'] }),
  });
}

export function useRenameRegion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, name, version }: { code: string; name: string; version: number }) =>
      api.patch<Region>(`/regions/${code}`, { name, version }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['regions'] }),
  });
}

export interface RegionNode extends Region {
  children?: RegionNode[];
}

/** The flat list as a tree (province › city › county), roots being those without a listed parent. */
export function buildRegionTree(items: readonly Region[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>(items.map((r) => [r.code, { ...r }]));
  const roots: RegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (list: RegionNode[]) => {
    list.sort((a, b) => a.code.localeCompare(b.code));
    list.forEach((n) => n.children && sort(n.children));
  };
  sort(roots);
  return roots;
}
