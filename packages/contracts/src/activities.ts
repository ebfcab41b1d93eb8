// Organizational life (三会一课 and the courts' own activity types): plan, notify, hold, record,
// attendance, QR sign-in, 案例讲评, attachments, submission to the upper org. @see RULES.md §1
import { activityStatuses, activityTypes, jointCategories } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, isoDateSchema, optionalText, requiredText, versionField } from './common';

/** An instant with its offset, e.g. '2026-11-24T09:00:00+08:00' or '…Z'. */
export const isoInstantSchema = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601，例如 2026-03-01T09:00:00+08:00' });

export const activityReviewStates = ['none', 'submitted', 'approved', 'returned'] as const;
export const activityReviewStateLabels: Record<(typeof activityReviewStates)[number], string> = {
  none: '未报送',
  submitted: '已报送待审核',
  approved: '上级已审核通过',
  returned: '上级已退回',
};
/** What a secretary may mark an expected attendee as (列席 is for guests). */
export const markableAttendanceStatuses = ['present', 'onLeave', 'absent', 'exempt'] as const;
export const guestRoles = ['observer', 'guest', 'remote'] as const;

export const activityListQuery = z.object({
  orgId: idSchema.optional(),
  type: z.enum(activityTypes).optional(),
  status: z.enum(activityStatuses).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

export const activitySummarySchema = z.object({
  id: idSchema,
  courtId: idSchema,
  orgId: idSchema,
  orgName: z.string(),
  type: z.enum(activityTypes),
  typeLabel: z.string(),
  title: z.string(),
  status: z.enum(activityStatuses),
  heldOn: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string().nullable(),
  lateEntry: z.boolean(),
  reviewState: z.enum(activityReviewStates),
  /** 联建活动: its 四联 category (null for the branch's own activities). */
  jointCategory: z.enum(jointCategories).nullish(),
  version: z.number().int(),
});
export type ActivitySummary = z.infer<typeof activitySummarySchema>;
export const activityPageSchema = z.object({ items: z.array(activitySummarySchema), total: z.number().int() });

export const attendanceEntrySchema = z.object({
  id: idSchema,
  memberId: idSchema.nullable(),
  /** Member name or guest name only: attendance never carries 身份证号 or phone. */
  name: z.string(),
  guestUnit: z.string().nullable(),
  role: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  reason: z.string().nullable(),
  signedInAt: z.string().nullable(),
  signInMethod: z.string().nullable(),
  /** 联建活动: whose member this is (host or partner branch); each side records its own. */
  side: z.enum(['host', 'partner']).optional(),
  /** The caller may mark this attendee's attendance (their own side's members only). */
  canMark: z.boolean().optional(),
});

export const quorumSchema = z.object({
  kind: z.string(),
  eligible: z.number().int(),
  attending: z.number().int(),
  required: z.number().int(),
  met: z.boolean(),
  presentWithoutVote: z.number().int(),
  excluded: z.number().int(),
  message: z.string(),
  rule: z.string(),
});

export const caseReviewSchema = z.object({
  id: idSchema,
  activityId: idSchema,
  caseNumber: z.string(),
  title: z.string(),
  departmentId: idSchema.nullable(),
  presenterMemberId: idSchema.nullable(),
  presenterName: z.string().nullable(),
  comments: z.string().nullable(),
  recommendedTypical: z.boolean(),
  version: z.number().int(),
});

export const attachmentSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  url: z.string(),
});

export const activityDetailSchema = activitySummarySchema.extend({
  hostMemberId: idSchema.nullable(),
  hostName: z.string().nullable(),
  recorderMemberId: idSchema.nullable(),
  recorderName: z.string().nullable(),
  agenda: z.string().nullable(),
  firstAgendaItem: z.string().nullable(),
  requiresFirstAgenda: z.boolean(),
  minutes: z.string().nullable(),
  resolutions: z.string().nullable(),
  lateEntryReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  notifiedAt: z.string().nullable(),
  recordedAt: z.string().nullable(),
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  signInOpensAt: z.string().nullable(),
  signInClosesAt: z.string().nullable(),
  attendance: z.array(attendanceEntrySchema),
  counts: z.object({ expected: z.number().int(), present: z.number().int(), onLeave: z.number().int(), absent: z.number().int(), exempt: z.number().int(), pending: z.number().int(), guests: z.number().int() }),
  quorum: quorumSchema.nullable(),
  revisionCount: z.number().int(),
  attachments: z.array(attachmentSchema),
  caseReviews: z.array(caseReviewSchema),
  canManage: z.boolean(),
  canReview: z.boolean(),
  /** 联建活动 under a partnership: category, both sides, and the caller's side. */
  joint: z
    .object({
      partnershipId: idSchema,
      category: z.enum(jointCategories),
      categoryLabel: z.string(),
      hostOrgName: z.string(),
      hostCourtName: z.string(),
      partnerLabel: z.string(),
      side: z.enum(['host', 'partner', 'none']),
    })
    .nullish(),
});
export type ActivityDetail = z.infer<typeof activityDetailSchema>;

export const createActivityRequest = z.object({
  orgId: idSchema,
  type: z.enum(activityTypes),
  title: requiredText(100),
  startsAt: isoInstantSchema,
  endsAt: isoInstantSchema.nullish(),
  place: optionalText(100),
  hostMemberId: idSchema.nullish(),
  recorderMemberId: idSchema.nullish(),
  agenda: optionalText(5000),
  firstAgendaItem: optionalText(500),
  /** Required when startsAt lies on an earlier day: 补录 is allowed but marked (留痕). */
  lateEntryReason: optionalText(500),
  /** 联建活动: the partnership it is held under (the org must be one side of it) and its 四联 category. */
  partnershipId: idSchema.nullish(),
  jointCategory: z.enum(jointCategories).nullish(),
});

export const updateActivityRequest = z
  .object({
    title: requiredText(100),
    startsAt: isoInstantSchema,
    endsAt: isoInstantSchema.nullable(),
    place: optionalText(100),
    hostMemberId: idSchema.nullable(),
    recorderMemberId: idSchema.nullable(),
    agenda: optionalText(5000),
    firstAgendaItem: optionalText(500),
    minutes: optionalText(50000),
    resolutions: optionalText(10000),
    lateEntryReason: optionalText(500),
    /** Why a recorded activity is changed; required once it is held (留痕). */
    changeReason: optionalText(500),
  })
  .partial()
  .extend(versionField);

export const recordActivityRequest = z.object({
  minutes: requiredText(50000),
  resolutions: optionalText(10000),
  firstAgendaItem: optionalText(500),
  attendance: z
    .array(z.object({ memberId: idSchema, status: z.enum(markableAttendanceStatuses), reason: optionalText(200) }))
    .max(2000),
  guests: z
    .array(z.object({ guestName: requiredText(50), guestUnit: optionalText(100), role: z.enum(guestRoles) }))
    .max(500)
    .optional(),
  ...versionField,
});

export const markAttendanceRequest = z.object({
  memberId: idSchema,
  status: z.enum(markableAttendanceStatuses),
  reason: optionalText(200),
});

export const cancelActivityRequest = z.object({ reason: requiredText(500), ...versionField });
export const reviewActivityRequest = z.object({ decision: z.enum(['approve', 'return']), reason: optionalText(500) });

export const activityActionResponse = z.object({ ok: z.literal(true), message: z.string(), activity: activityDetailSchema });

export const signInWindowRequest = z.object({ minutes: z.number().int().min(1).max(240).default(30) });
export const signInStateQuery = z.object({ open: z.enum(['true', 'false']).optional() });
export const signInStateSchema = z.object({
  activityId: idSchema,
  open: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  /** The rotating token; null outside the window. */
  token: z.string().nullable(),
  /** What the QR code encodes: `/sign-in?t=<token>`. */
  url: z.string().nullable(),
  code: z.string().nullable(),
  rotateSeconds: z.number().int(),
  /** When this token stops being the current one (it is still accepted one step longer). */
  tokenRotatesAt: z.string().nullable(),
  expected: z.number().int(),
  signedIn: z.number().int(),
});

export const signInRequest = z.object({
  token: z.string().trim().min(1).max(400).optional(),
  activityId: idSchema.optional(),
  code: z.string().trim().regex(/^\d{6}$/, '签到码应为6位数字').optional(),
});
export const signInResponse = z.object({
  ok: z.literal(true),
  alreadySignedIn: z.boolean(),
  message: z.string(),
  activityId: idSchema,
  activityTitle: z.string(),
  signedInAt: z.string(),
});

export const createCaseReviewRequest = z.object({
  caseNumber: requiredText(64),
  title: requiredText(200),
  departmentId: idSchema.nullish(),
  presenterMemberId: idSchema.nullish(),
  comments: optionalText(5000),
  recommendedTypical: z.boolean().optional(),
});
export const updateCaseReviewRequest = createCaseReviewRequest.partial().extend(versionField);

/** 修改记录 of a recorded activity: what each edit changed (before → after), who, when and why. */
export const activityRevisionSchema = z.object({
  version: z.number().int(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  reason: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
});
export type ActivityRevision = z.infer<typeof activityRevisionSchema>;
export const activityRevisionsResponse = z.object({ items: z.array(activityRevisionSchema), total: z.number().int() });
