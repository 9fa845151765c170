import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BulletinListItem, BulletinUpdateInput, BulletinView } from '@tuijin/core';
import { api, type ListResult } from '../../app/api-client';

// The monthly bulletin over HTTP (server features/bulletins/routes.ts). Every write answers the
// whole bulletin, which replaces what the page shows.

export const bulletinKey = (id: number) => ['bulletins', id] as const;

export function useBulletins() {
  return useQuery({
    queryKey: ['bulletins', 'list'],
    queryFn: () => api.get<ListResult<BulletinListItem>>('/bulletins', { pageSize: 200 }),
  });
}

export function useBulletin(id: number) {
  return useQuery({
    queryKey: bulletinKey(id),
    queryFn: () => api.get<BulletinView>(`/bulletins/${id}`),
    enabled: Number.isSafeInteger(id) && id > 0,
  });
}

/** The Word file: the one stored at publishing once published, else drawn from the saved draft. */
export const docxUrl = (id: number) => `/api/v1/bulletins/${id}/docx`;

function useBulletinWrite<V>(send: (values: V) => Promise<BulletinView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (bulletin) => {
      client.setQueryData(bulletinKey(bulletin.id), bulletin);
      void client.invalidateQueries({ queryKey: ['bulletins', 'list'] });
    },
  });
}

export const useCreateBulletin = () => useBulletinWrite((body: { period: string }) => api.post<BulletinView>('/bulletins', body));
export const useSaveBulletin = (id: number) => useBulletinWrite((body: BulletinUpdateInput) => api.patch<BulletinView>(`/bulletins/${id}`, body));
export const useRegenerateBulletin = (id: number) => useBulletinWrite((body: { version: number }) => api.post<BulletinView>(`/bulletins/${id}/regenerate`, body));
export const usePublishBulletin = (id: number) => useBulletinWrite((body: { version: number }) => api.post<BulletinView>(`/bulletins/${id}/publish`, body));

export function useDeleteBulletin(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.delete<unknown>(`/bulletins/${id}`, { version }),
    // The page leaves first and drops the bulletin from the cache then (removing it while the page
    // still watches it would fetch it again, and find it gone).
    onSuccess: () => void client.invalidateQueries({ queryKey: ['bulletins', 'list'] }),
  });
}
