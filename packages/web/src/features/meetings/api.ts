import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ListResult, type QueryParams } from '../../app/api-client';
import type { ActionItem, ActionList, MeetingSummary, MeetingView } from './types';

export function useMeetings(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['meetings', params],
    queryFn: () => api.get<ListResult<MeetingSummary>>('/meetings', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMeeting(id: number) {
  return useQuery({
    queryKey: ['meetings', id],
    queryFn: () => api.get<MeetingView>(`/meetings/${id}`),
    enabled: Number.isSafeInteger(id) && id > 0,
  });
}

export function useActionItems(params: QueryParams) {
  return useQuery({
    queryKey: ['action-items', params],
    queryFn: () => api.get<ActionList>('/action-items', params),
    placeholderData: keepPreviousData,
  });
}

/** Every write to a meeting answers the whole meeting: it replaces what the page shows. */
function useMeetingWrite<V>(send: (values: V) => Promise<MeetingView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (meeting) => {
      client.setQueryData(['meetings', meeting.id], meeting);
      void client.invalidateQueries({ queryKey: ['meetings'], exact: false, predicate: (q) => q.queryKey[1] !== meeting.id });
      void client.invalidateQueries({ queryKey: ['action-items'] });
    },
  });
}

export interface MeetingBody { title?: string; heldOn?: string; place?: string | null; chair?: string | null; attendees?: { name: string; unit: string | null }[]; summary?: string | null }
export interface ItemBody { title?: string; background?: string | null; projectId?: number | null; reporter?: string | null; reported?: string | null; decided?: string | null }
export interface ActionBody { meetingItemId?: number | null; description?: string; ownerOrgId?: number | null; ownerPersonId?: number | null; deadline?: string | null; projectId?: number | null }

export const useCreateMeeting = () => useMeetingWrite((body: MeetingBody) => api.post<MeetingView>('/meetings', body));
export const useUpdateMeeting = (id: number) => useMeetingWrite((body: MeetingBody & { version: number }) => api.patch<MeetingView>(`/meetings/${id}`, body));
export const useMeetingStatus = (id: number) => useMeetingWrite((body: { version: number; status: 'held' | 'closed' }) => api.post<MeetingView>(`/meetings/${id}/status`, body));
export const useRebuildAgenda = (id: number) => useMeetingWrite((body: { version: number }) => api.post<MeetingView>(`/meetings/${id}/rebuild`, body));
export const useReorderAgenda = (id: number) => useMeetingWrite((body: { version: number; itemIds: number[] }) => api.put<MeetingView>(`/meetings/${id}/order`, body));
export const useAddItem = (id: number) => useMeetingWrite((body: ItemBody) => api.post<MeetingView>(`/meetings/${id}/items`, body));
export const useUpdateItem = (id: number) => useMeetingWrite(({ itemId, ...body }: ItemBody & { itemId: number; version: number }) => api.patch<MeetingView>(`/meetings/${id}/items/${itemId}`, body));
export const useRemoveItem = (id: number) => useMeetingWrite(({ itemId, version }: { itemId: number; version: number }) => api.delete<MeetingView>(`/meetings/${id}/items/${itemId}`, { version }));
export const useAddAction = (id: number) => useMeetingWrite((body: ActionBody) => api.post<MeetingView>(`/meetings/${id}/actions`, body));

/** An action item's change answers the item; the lists and its meeting reload. */
export function useUpdateAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ActionBody & { id: number; version: number; status?: string; doneNote?: string | null }) => api.patch<ActionItem>(`/action-items/${id}`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['action-items'] });
      void client.invalidateQueries({ queryKey: ['meetings'] });
    },
  });
}

export function useDeleteAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => api.delete<{ ok: true }>(`/action-items/${id}`, { version }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['action-items'] });
      void client.invalidateQueries({ queryKey: ['meetings'] });
    },
  });
}
