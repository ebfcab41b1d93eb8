// 发展党员 (issue 5): the board, a case, its reminders.
import { useQuery } from '@tanstack/react-query';
import type { DevelopmentCase, DevelopmentCaseSummary, DevelopmentReminderItem } from '@zhibu/contracts';
import { api } from './client';

export const developmentKeys = {
  all: ['development'] as const,
  board: (orgId?: string) => ['development', 'board', orgId ?? ''] as const,
  case: (id: string) => ['development', 'case', id] as const,
  reminders: (orgId?: string) => ['development', 'reminders', orgId ?? ''] as const,
};

export function useDevelopmentBoard(orgId?: string) {
  return useQuery({
    queryKey: developmentKeys.board(orgId),
    queryFn: () => api.get<{ items: DevelopmentCaseSummary[]; total: number }>('/development/cases', { orgId, pageSize: 500 }),
  });
}

export function useDevelopmentCase(id: string) {
  return useQuery({ queryKey: developmentKeys.case(id), queryFn: () => api.get<DevelopmentCase>(`/development/cases/${id}`) });
}

export function useDevelopmentReminders(orgId?: string, enabled = true) {
  return useQuery({
    queryKey: developmentKeys.reminders(orgId),
    queryFn: () => api.get<{ items: DevelopmentReminderItem[]; total: number }>('/development/reminders', { orgId }),
    enabled,
  });
}
