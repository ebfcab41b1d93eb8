// Shared reads: orgs, departments and courts are used by many pages and change rarely.
import { useQuery } from '@tanstack/react-query';
import type { Court, Org } from '@zhibu/contracts';
import { api, itemsOf } from './client';

export type Department = { id: string; courtId: string; parentId: string | null; kind: 'department' | 'trialTeam'; name: string; version: number };

export function useOrgs(enabled = true) {
  return useQuery({
    queryKey: ['orgs'],
    queryFn: async () => itemsOf(await api.get<{ items: Org[] }>('/orgs')),
    enabled,
    staleTime: 60_000,
  });
}

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: ['departments'],
    queryFn: async () => itemsOf(await api.get<{ items: Department[] }>('/departments')),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCourts(enabled = true) {
  return useQuery({
    queryKey: ['courts'],
    queryFn: async () => itemsOf(await api.get<{ items: Court[] }>('/courts')),
    enabled,
    staleTime: 5 * 60_000,
  });
}
