import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@tuijin/core';
import { api, type ListResult } from '../../app/api-client';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string | null;
  orgId: number | null;
  orgName: string | null;
  personId: number | null;
  disabled: boolean;
  lastLoginAt: string | null;
  version: number;
}

export interface UserCreateValues {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  orgId?: number | null;
  personId?: number | null;
  password: string;
}

export type UserUpdateValues = Partial<Pick<User, 'displayName' | 'role' | 'regionCode' | 'orgId' | 'personId' | 'disabled'>>;

export function useUsers() {
  return useQuery({ queryKey: ['users'], queryFn: () => api.get<ListResult<User>>('/users') });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (values: UserCreateValues) => api.post<User>('/users', values),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, values }: { id: number; version: number; values: UserUpdateValues }) =>
      api.patch<User>(`/users/${id}`, { ...values, version }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (id: number) => api.post<{ password: string }>(`/users/${id}/reset-password`),
  });
}

const ALPHABET = {
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  lower: 'abcdefghijkmnpqrstuvwxyz',
  digit: '23456789',
  symbol: '!@#$%&*?+-',
};

/** A 14-character initial password with all four character classes, no look-alike letters. */
export function generatePassword(length = 14): string {
  const all = Object.values(ALPHABET).join('');
  const random = (max: number) => {
    const buf = new Uint32Array(1);
    crypto.getRandomValues(buf);
    return (buf[0] ?? 0) % max;
  };
  const pick = (set: string) => set[random(set.length)] ?? '';
  const chars = [pick(ALPHABET.upper), pick(ALPHABET.lower), pick(ALPHABET.digit), pick(ALPHABET.symbol)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
