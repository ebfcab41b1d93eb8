// 联建 / 四联 reads for the partnerships page and the activity pages: pairings in scope, one pairing's
// joint activities, counterpart branches on the platform, the network with its counts.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Partnership, PartnershipNetwork } from '@zhibu/contracts';
import { api } from './client';

export type { Partnership, PartnershipNetwork };
export type JointActivity = {
  id: string;
  title: string;
  type: string;
  typeLabel: string;
  heldOn: string;
  startsAt: string;
  status: string;
  place: string | null;
  category: string;
  categoryLabel: string;
  hostOrgName: string;
  hostCourtName: string;
};
export type Counterpart = { id: string; name: string; courtId: string; courtName: string; courtLevel: string };

export const partnershipStatusColors: Record<string, string> = { proposed: 'gold', active: 'green', declined: 'red', ended: 'default' };
export const jointCategoryColors: Record<string, string> = { jointPlanning: 'blue', jointProblemSolving: 'volcano', jointBranding: 'magenta', jointForces: 'cyan' };

export const partnershipKeys = {
  all: ['partnerships'] as const,
  list: (filters: Record<string, unknown>) => ['partnerships', 'list', filters] as const,
  activities: (id: string) => ['partnerships', 'activities', id] as const,
  network: (filters: Record<string, unknown>) => ['partnerships', 'network', filters] as const,
};

export function usePartnerships(filters: { orgId?: string; status?: string; courtId?: string }, page: number, pageSize: number) {
  return useQuery({
    queryKey: partnershipKeys.list({ ...filters, page, pageSize }),
    queryFn: () => api.get<{ items: Partnership[]; total: number }>('/partnerships', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useJointActivities(id: string | undefined) {
  return useQuery({
    queryKey: partnershipKeys.activities(id ?? ''),
    queryFn: () => api.get<{ items: JointActivity[]; total: number }>(`/partnerships/${id}/activities`),
    enabled: !!id,
  });
}

export function useCounterparts(enabled: boolean) {
  return useQuery({
    queryKey: ['partnerships', 'counterparts'],
    queryFn: async () => (await api.get<{ items: Counterpart[]; total: number }>('/partnerships/counterparts')).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function usePartnershipNetwork(filters: { year: number; courtId?: string }) {
  return useQuery({
    queryKey: partnershipKeys.network(filters),
    queryFn: () => api.get<PartnershipNetwork>('/partnerships/network', filters),
    placeholderData: keepPreviousData,
  });
}

export function usePartnershipsChanged() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: partnershipKeys.all });
}
