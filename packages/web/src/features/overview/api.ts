import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Overview } from '@tuijin/core';
import { api } from '../../app/api-client';

export type { Overview };

export function useOverview(year: number) {
  return useQuery({
    queryKey: ['stats', 'overview', year],
    queryFn: () => api.get<Overview>('/stats/overview', { year }),
    placeholderData: keepPreviousData,
  });
}
