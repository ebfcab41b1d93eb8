// Organizational life (组织生活) reads shared by the activity pages (list, form, detail) and any
// other page that wants them (calendar, home): list, one activity, the court's type catalogue,
// the members of an org (for 主持人 / 记录人 / 讲评人).
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActivityCatalogueResponse, ActivityDetail, ActivitySummary, ActivityTypeDefinitionDto, Member } from '@zhibu/contracts';
import { activityStatusLabels, periodUnitLabels, type ActivityStatus } from '@zhibu/domain';
import { api } from './client';

export type { ActivityDetail, ActivitySummary, ActivityTypeDefinitionDto };
export type ActivityReviewState = ActivitySummary['reviewState'];
export type AttendanceEntry = ActivityDetail['attendance'][number];
export type CaseReview = ActivityDetail['caseReviews'][number];
export type Attachment = ActivityDetail['attachments'][number];
export type Quorum = NonNullable<ActivityDetail['quorum']>;

export type ActivityListFilters = { orgId?: string; type?: string; status?: string; from?: string; to?: string };

export const activityStatusColors: Record<ActivityStatus, string> = { planned: 'blue', held: 'green', cancelled: 'default' };
export { activityStatusLabels };

/** The same words as the server's activityReviewStateLabels (contracts are imported as types only). */
export const reviewStateLabels: Record<ActivityReviewState, string> = {
  none: '未报送',
  submitted: '已报送待审核',
  approved: '上级已审核通过',
  returned: '上级已退回',
};
export const reviewStateColors: Record<ActivityReviewState, string> = { none: 'default', submitted: 'processing', approved: 'success', returned: 'error' };

export const attendanceChoiceLabels = { present: '出席', onLeave: '请假', absent: '缺席', exempt: '免于参加' } as const;
export type AttendanceChoice = keyof typeof attendanceChoiceLabels;
export const attendanceColors: Record<string, string> = { present: 'green', onLeave: 'orange', absent: 'red', exempt: 'default', pending: 'blue', observer: 'purple' };

export const guestRoleLabels = { observer: '列席', guest: '来宾', remote: '线上参加' } as const;
export type GuestRole = keyof typeof guestRoleLabels;

export const expectedLabels: Record<ActivityTypeDefinitionDto['expected'], string> = {
  allMembers: '本组织全体党员',
  committee: '在任支部委员',
  group: '本党小组党员',
};

/** '每季度1次' / '不作频次要求'. */
export function describeFrequency(d: Pick<ActivityTypeDefinitionDto, 'minFrequency'>): string {
  if (!d.minFrequency) return '不作频次要求';
  const unit = periodUnitLabels[d.minFrequency.period];
  return `每${unit}至少${d.minFrequency.count}次`;
}

export const activityKeys = {
  all: ['activities'] as const,
  list: (filters: ActivityListFilters, page: number, pageSize: number) => ['activities', 'list', filters, page, pageSize] as const,
  one: (id: string) => ['activities', 'one', id] as const,
};

export function useActivityList(filters: ActivityListFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: activityKeys.list(filters, page, pageSize),
    queryFn: () => api.get<{ items: ActivitySummary[]; total: number }>('/activities', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: activityKeys.one(id ?? ''),
    queryFn: () => api.get<ActivityDetail>(`/activities/${id}`),
    enabled: !!id,
  });
}

/** The court's effective catalogue (defaults merged with the court's overrides). */
export function useActivityCatalogue(courtId?: string | null, enabled = true) {
  return useQuery({
    queryKey: ['activity-types', courtId ?? 'mine'],
    queryFn: () => api.get<ActivityCatalogueResponse>('/activity-types', courtId ? { courtId } : undefined),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Members of an org's subtree, for choosing a 主持人, 记录人 or 讲评人. */
export function useOrgMembers(orgId: string | undefined | null, enabled = true) {
  return useQuery({
    queryKey: ['members', 'of-org', orgId],
    queryFn: async () => (await api.get<{ items: Member[]; total: number }>('/members', { orgId, pageSize: 500 })).items,
    enabled: enabled && !!orgId,
    staleTime: 60_000,
  });
}

/** After any change to an activity: its detail takes the server's answer, lists reload. */
export function useActivityUpdated() {
  const client = useQueryClient();
  return (detail?: ActivityDetail) => {
    if (detail) client.setQueryData(activityKeys.one(detail.id), detail);
    void client.invalidateQueries({ queryKey: ['activities', 'list'] });
    void client.invalidateQueries({ queryKey: ['calendar'] });
    void client.invalidateQueries({ queryKey: ['reminders'] });
  };
}
