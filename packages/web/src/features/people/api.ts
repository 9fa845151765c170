import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ListResult } from '../../app/api-client';

export interface Person {
  id: number;
  name: string;
  title: string | null;
  phone: string | null;
  orgId: number | null;
  orgName: string | null;
  regionCode: string;
  version: number;
}

export interface PersonQuery {
  q?: string;
  orgId?: number;
  regionCode?: string;
  page?: number;
  pageSize?: number;
}

export interface PersonInputValues {
  name: string;
  title?: string | null;
  phone?: string | null;
  orgId?: number | null;
  regionCode: string;
}

export function usePeople(query: PersonQuery) {
  return useQuery({
    queryKey: ['people', query],
    queryFn: () => api.get<ListResult<Person>>('/people', { ...query }),
    placeholderData: keepPreviousData,
  });
}

/** Everyone in scope, for selects (包保领导, 第一责任人, 联系人). */
export function usePeopleOptions() {
  return useQuery({
    queryKey: ['people', { pageSize: 1000 }],
    queryFn: () => api.get<ListResult<Person>>('/people', { pageSize: 1000 }),
    staleTime: 5 * 60_000,
  });
}

export function useSavePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, values }: { id?: number; version?: number; values: Partial<PersonInputValues> }) =>
      id == null ? api.post<Person>('/people', values) : api.patch<Person>(`/people/${id}`, { ...values, version }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['people'] }),
  });
}

export function useDeletePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (person: Pick<Person, 'id' | 'version'>) =>
      api.delete<{ ok: true }>(`/people/${person.id}`, { version: person.version }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['people'] }),
  });
}
