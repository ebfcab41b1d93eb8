// The 谈心谈话 API for the talks page and the home card.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Talk, TalkCoverageSummaryItem, TalkCoverageView } from '@zhibu/contracts';
import { api, apiUrl, request } from '../../api/client';

export type { Talk, TalkCoverageSummaryItem, TalkCoverageView };
export type TalkInput = {
  talkedOn: string;
  kind: Talk['kind'];
  topic: string;
  summary?: string | null;
  participantIds: string[];
  initiatorId: string;
  followUpState: Talk['followUpState'];
  followUpNote?: string | null;
  followUpOn?: string | null;
};

export const talkKeys = { all: ['talks'] as const };

export function useTalks(orgId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...talkKeys.all, 'list', orgId, year],
    queryFn: () => api.get<{ items: Talk[]; total: number }>('/talks', { orgId, year, pageSize: 500 }),
    enabled: !!orgId,
  });
}

export function useTalkCoverage(orgId: string | undefined, year: number, page: number, pageSize: number, category?: string) {
  return useQuery({
    queryKey: [...talkKeys.all, 'coverage', orgId, year, page, pageSize, category],
    queryFn: () => api.get<TalkCoverageView>('/talks/coverage', { orgId, year, page, pageSize, category }),
    enabled: !!orgId,
    placeholderData: (prev) => prev,
  });
}

export function useTalkCoverageSummary(year: number, enabled = true) {
  return useQuery({
    queryKey: [...talkKeys.all, 'summary', year],
    queryFn: () => api.get<{ year: number; warningFromMonth: number; items: TalkCoverageSummaryItem[] }>('/talks/coverage-summary', { year }),
    enabled,
  });
}

export const talksApi = {
  create: (orgId: string, input: TalkInput) => api.post<Talk>('/talks', { orgId, ...input }),
  update: (id: string, input: TalkInput & { version: number }) => api.put<Talk>(`/talks/${id}`, input),
  remove: (id: string, version: number) => request<{ ok: true }>('DELETE', `/talks/${id}`, { query: { version } }),
  ledgerUrl: (orgId: string | undefined, year: number) => (orgId ? apiUrl('/talks/ledger.xlsx', { orgId, year }) : undefined),
};

export function useTalksChanged() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: talkKeys.all });
}
