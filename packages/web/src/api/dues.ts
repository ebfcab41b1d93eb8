// 党费 reads and writes for the ledger page and the member's card: the branch-year ledger, the
// published totals, 少交/免交 requests, the member's own dues. Money is integer 分 throughout.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DuesLedger, DuesLedgerRow, DuesMonthCellView, DuesReport, MyDues } from '@zhibu/contracts';
import { api, apiUrl, request } from './client';

export type { DuesLedger, DuesLedgerRow, DuesMonthCellView, DuesReport, MyDues };
export type DuesAdjustment = {
  id: string;
  memberId: string;
  memberName: string;
  orgName: string;
  kind: 'reduce' | 'exempt';
  kindLabel: string;
  fromMonth: string;
  toMonth: string | null;
  monthlyFen: number;
  reason: string;
  state: 'pending' | 'approved' | 'rejected';
  stateLabel: string;
  decisionReason: string | null;
  canDecide: boolean;
  rule: string;
  version: number;
};

export const duesKeys = {
  all: ['dues'] as const,
  ledger: (orgId: string, year: number) => ['dues', 'ledger', orgId, year] as const,
  report: (orgId: string | undefined, year: number) => ['dues', 'report', orgId ?? 'mine', year] as const,
  adjustments: (orgId: string) => ['dues', 'adjustments', orgId] as const,
  mine: ['dues', 'mine'] as const,
};

export function useDuesLedger(orgId: string | undefined, year: number) {
  return useQuery({ queryKey: duesKeys.ledger(orgId ?? '', year), queryFn: () => api.get<DuesLedger>('/dues/ledger', { orgId, year }), enabled: !!orgId, placeholderData: keepPreviousData });
}

export function useDuesReport(orgId: string | undefined, year: number, enabled = true) {
  return useQuery({ queryKey: duesKeys.report(orgId, year), queryFn: () => api.get<DuesReport>('/dues/report', { orgId, year }), enabled });
}

export function useDuesAdjustments(orgId: string | undefined) {
  return useQuery({ queryKey: duesKeys.adjustments(orgId ?? ''), queryFn: () => api.get<{ items: DuesAdjustment[]; total: number }>('/dues/adjustments', { orgId }), enabled: !!orgId });
}

export function useMyDues() {
  return useQuery({ queryKey: duesKeys.mine, queryFn: () => api.get<MyDues>('/dues/mine'), retry: false });
}

export const duesApi = {
  recordPayment: (body: { memberId: string; month: string; amountFen: number; paidOn: string; paidByName?: string | null; note?: string | null }) => api.post('/dues/payments', body),
  deletePayment: (id: string, version: number) => request('DELETE', `/dues/payments/${id}`, { query: { version } }),
  requestAdjustment: (body: { memberId: string; kind: 'reduce' | 'exempt'; fromMonth: string; toMonth?: string | null; monthlyFen?: number | null; reason: string }) => api.post('/dues/adjustments', body),
  decideAdjustment: (id: string, body: { decision: 'approve' | 'reject'; reason?: string | null; version: number }) => api.post(`/dues/adjustments/${id}/decide`, body),
  exportUrl: (orgId: string | undefined, year: number) => apiUrl('/dues/report.xlsx', { orgId, year }),
};

/** 9450 → '94.50'. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `${Math.floor(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
}

/** '2026-03' → '3月'. */
export const monthLabel = (m: string) => `${Number(m.slice(5, 7))}月`;

export type DuesBase = {
  id: string;
  memberId: string;
  effectiveMonth: string;
  memberType: string;
  memberTypeLabel: string;
  components: { name: string; amountFen: number; deducted: boolean }[];
  baseFen: number | null;
  monthlyFen: number;
  rate: string | null;
  bandLabel: string;
  rule: string;
  version: number;
};

export function useDuesBases(memberId: string | undefined) {
  return useQuery({
    queryKey: ['dues', 'bases', memberId ?? ''] as const,
    queryFn: () => api.get<{ items: DuesBase[]; total: number; defaultComponents: { name: string; deducted: boolean }[] }>(`/dues/members/${memberId}/bases`),
    enabled: !!memberId,
  });
}

export const saveDuesBase = (memberId: string, body: { effectiveMonth: string; memberType: string; components: { name: string; amountFen: number; deducted: boolean }[]; note?: string | null; version?: number | null }) =>
  api.put<DuesBase>(`/dues/members/${memberId}/bases`, body);
