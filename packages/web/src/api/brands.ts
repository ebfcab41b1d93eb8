// 党建品牌 and 荣誉 reads shared by the brand pages and the home page's reminder card.
import { useQuery } from '@tanstack/react-query';
import type { BrandCluster, BrandDetail, BrandSummary, Honor, SelectionNomination, SelectionRoundDetail, SelectionRoundSummary } from '@zhibu/contracts';
import { api } from './client';

export type { BrandCluster, BrandDetail, BrandSummary, Honor, SelectionNomination, SelectionRoundDetail, SelectionRoundSummary };
export type BrandReminder = { milestoneId: string; brandId: string; brandName: string; orgName: string; title: string; owner: string; dueOn: string; daysOverdue: number; message: string };

export const brandKeys = {
  all: ['brands'] as const,
  list: (q: Record<string, unknown>) => ['brands', 'list', q] as const,
  detail: (id: string) => ['brands', 'detail', id] as const,
  cluster: (courtId?: string) => ['brands', 'cluster', courtId ?? 'mine'] as const,
  reminders: ['brands', 'reminders'] as const,
  honors: (q: Record<string, unknown>) => ['brands', 'honors', q] as const,
  rounds: (courtId?: string) => ['brands', 'selection-rounds', courtId ?? 'mine'] as const,
  round: (id: string) => ['brands', 'selection-round', id] as const,
};

export const brandStateColors: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  recognized: 'cyan',
  returned: 'warning',
  rejected: 'error',
  cultivating: 'blue',
  promoting: 'purple',
  selected: 'red',
};
export const honorLevelColors: Record<string, string> = { court: 'default', city: 'blue', province: 'volcano', national: 'red' };

export function useBrandList(q: { state?: string; reviewer?: 'me'; courtId?: string; page?: number }) {
  return useQuery({ queryKey: brandKeys.list(q), queryFn: () => api.get<{ items: BrandSummary[]; total: number }>('/brands', { pageSize: 100, ...q }) });
}
export function useBrand(id: string) {
  return useQuery({ queryKey: brandKeys.detail(id), queryFn: () => api.get<BrandDetail>(`/brands/${id}`) });
}
export function useBrandCluster(courtId?: string) {
  return useQuery({ queryKey: brandKeys.cluster(courtId), queryFn: () => api.get<BrandCluster>('/brand-cluster', { courtId }) });
}
export function useBrandReminders(enabled = true) {
  return useQuery({ queryKey: brandKeys.reminders, queryFn: () => api.get<{ items: BrandReminder[]; total: number }>('/brand-reminders'), enabled });
}
export function useHonors(q: { courtId?: string; level?: string; kind?: string; year?: number; page?: number }) {
  return useQuery({ queryKey: brandKeys.honors(q), queryFn: () => api.get<{ items: Honor[]; total: number }>('/honors', { pageSize: 100, ...q }) });
}

/** 选树 rounds of the court (the caller's, or the chosen lower court for a higher court). */
export function useSelectionRounds(courtId?: string) {
  return useQuery({ queryKey: brandKeys.rounds(courtId), queryFn: () => api.get<{ items: SelectionRoundSummary[]; total: number }>('/brand-selection-rounds', { courtId }) });
}
export function useSelectionRound(id: string) {
  return useQuery({ queryKey: brandKeys.round(id), queryFn: () => api.get<SelectionRoundDetail>(`/brand-selection-rounds/${id}`) });
}
export const roundStatusColors: Record<string, string> = { collecting: 'processing', reviewing: 'orange', published: 'green' };
export const nominationResultColors: Record<string, string> = { pending: 'default', selected: 'red', notSelected: 'default' };
