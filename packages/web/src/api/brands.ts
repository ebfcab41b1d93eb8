// 党建品牌 and 荣誉 reads shared by the brand pages and the home page's reminder card.
import { useQuery } from '@tanstack/react-query';
import type { BrandCluster, BrandDetail, BrandSummary, Honor } from '@zhibu/contracts';
import { api } from './client';

export type { BrandCluster, BrandDetail, BrandSummary, Honor };
export type BrandReminder = { milestoneId: string; brandId: string; brandName: string; orgName: string; title: string; owner: string; dueOn: string; daysOverdue: number; message: string };

export const brandKeys = {
  all: ['brands'] as const,
  list: (q: Record<string, unknown>) => ['brands', 'list', q] as const,
  detail: (id: string) => ['brands', 'detail', id] as const,
  cluster: (courtId?: string) => ['brands', 'cluster', courtId ?? 'mine'] as const,
  reminders: ['brands', 'reminders'] as const,
  honors: (q: Record<string, unknown>) => ['brands', 'honors', q] as const,
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
