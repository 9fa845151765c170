import type { ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { RegionLevel, Role } from '@tuijin/core';
import { api, isApiError } from './api-client';
import { ME_KEY } from './query-client';
import { FullPageSpin, LoadError } from '../components/page-state';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  regionLevel: RegionLevel;
  orgId: number | null;
  orgName: string | null;
  /** The person this account is (a leader's own 人员 record), when linked. */
  personId: number | null;
  mustChangePassword: boolean;
  passwordExpired: boolean;
  can: {
    editLedger: boolean; manageOrgs: boolean; manageUsers: boolean; manageRegions: boolean; readAudit: boolean;
    readReports: boolean; fillReports: boolean; reviewReports: boolean; managePeriods: boolean; managePoints: boolean; readArchives: boolean;
    readSupervision: boolean; manageObstacles: boolean; resolveObstacles: boolean; inspect: boolean; manageMeetings: boolean; recordVisits: boolean;
    readAssessment: boolean; manageAssessment: boolean;
  };
}

async function fetchMe(): Promise<Me | null> {
  try {
    const { user } = await api.get<{ user: Me }>('/auth/me');
    return user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

let lastMe: Me | null = null;

/**
 * The signed-in user; only call below <RequireAuth>, which guarantees one. When the session
 * ends (logout, a 401 from a request already in flight) the pages still mounted keep the user
 * they had for the moment RequireAuth takes to send the browser to the login page.
 */
export function useMe(): Me {
  const { data } = useMeQuery();
  if (data) lastMe = data;
  if (!lastMe) throw new Error('useMe() used outside <RequireAuth>');
  return data ?? lastMe;
}

export function useLogout() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/logout'),
    onSettled: () => {
      // Leave the signed-in pages first; clearing the user while they are still mounted
      // would have them ask for a user that is gone.
      navigate('/login', { replace: true });
      setTimeout(() => {
        client.clear();
        client.setQueryData(ME_KEY, null);
      }, 0);
    },
  });
}

/** Renders its children for a signed-in user, else sends the browser to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, error, refetch } = useMeQuery();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (!me) {
    const next = location.pathname + location.search;
    const search = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  return <>{children}</>;
}
