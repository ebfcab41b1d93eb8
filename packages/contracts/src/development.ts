// 发展党员 (issue 5): cases through the 25 steps of RULES.md §3.1, their gates (§3.2) and reminders.
import { developmentStages } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, isoDateSchema, optionalText, paginationQuery, requiredText, versionField } from './common';

const count = z.number().int().min(0).max(10000);

export const developmentStepDetailsSchema = z
  .object({
    talker: optionalText(50),
    mentorIds: z.array(idSchema).max(5).optional(),
    sponsorIds: z.array(idSchema).max(5).optional(),
    politicalReview: z.object({ qualified: z.boolean(), conclusion: z.string().trim().max(2000) }).strict().nullish(),
    training: z.object({ days: z.number().int().min(0).max(60), hours: z.number().int().min(0).max(1000) }).strict().nullish(),
    youthLeagueRecommended: z.boolean().optional(),
    leavingSoon: z.boolean().optional(),
    publicity: z.object({ from: isoDateSchema, to: isoDateSchema }).strict().nullish(),
    vote: z.object({ expected: count, attending: count, yes: count, writtenYes: count }).strict().nullish(),
    outcome: z.enum(['full', 'extend']).nullish(),
    extensionMonths: z.number().int().min(1).max(24).nullish(),
  })
  .strict();
export type DevelopmentStepDetailsInput = z.infer<typeof developmentStepDetailsSchema>;

export const developmentOverrideSchema = z.object({ rule: z.string().trim().min(1).max(10), reason: requiredText(500) }).strict();

export const createDevelopmentCaseRequest = z
  .object({ memberId: idSchema, applicationDate: isoDateSchema, note: optionalText(500) })
  .strict();

export const recordDevelopmentStepRequest = z
  .object({
    step: z.number().int().min(1).max(25),
    doneOn: isoDateSchema,
    details: developmentStepDetailsSchema.default({}),
    note: optionalText(1000),
    /** Reasons for soft rules (and T12 特批) the step does not meet. */
    overrides: z.array(developmentOverrideSchema).max(10).default([]),
    ...versionField,
  })
  .strict();

export const developmentListQuery = paginationQuery.extend({
  orgId: idSchema.optional(),
  stage: z.enum(developmentStages).optional(),
  q: z.string().trim().max(50).optional(),
});

const reminderSchema = z.object({ kind: z.string(), label: z.string(), rule: z.string(), dueOn: z.string(), level: z.enum(['overdue', 'dueSoon']), message: z.string() });
const nextStepSchema = z.object({ no: z.number().int(), label: z.string(), superior: z.boolean(), canRecord: z.boolean() });

export const developmentCaseSummarySchema = z.object({
  id: idSchema,
  memberId: idSchema,
  memberName: z.string(),
  gender: z.string(),
  orgId: idSchema,
  orgName: z.string(),
  stage: z.enum(developmentStages),
  stageLabel: z.string(),
  state: z.enum(['active', 'completed']),
  lastStep: z.number().int(),
  lastStepLabel: z.string(),
  lastStepOn: z.string(),
  applicationDate: z.string(),
  nextSteps: z.array(nextStepSchema),
  reminder: reminderSchema.nullable(),
  version: z.number().int(),
});
export type DevelopmentCaseSummary = z.infer<typeof developmentCaseSummarySchema>;
export const developmentCaseListResponse = z.object({ items: z.array(developmentCaseSummarySchema), total: z.number().int() });

const personRef = z.object({ id: idSchema, name: z.string() });
export const developmentStepViewSchema = z.object({
  id: idSchema,
  step: z.number().int(),
  label: z.string(),
  stage: z.enum(developmentStages),
  doneOn: z.string(),
  approvingOrgName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  mentors: z.array(personRef),
  sponsors: z.array(personRef),
  note: z.string().nullable(),
  overrides: z.array(z.object({ rule: z.string(), message: z.string(), reason: z.string() })),
  files: z.array(z.object({ id: idSchema, fileName: z.string(), size: z.number().int() })),
  recordedAt: z.string(),
});

export const developmentCaseSchema = developmentCaseSummarySchema.extend({
  /** 身份证号, masked. */
  idNumberMasked: z.string(),
  birthDate: z.string(),
  memberStatus: z.string(),
  dates: z.object({
    applicationDate: z.string().nullable(),
    talkDate: z.string().nullable(),
    activistDate: z.string().nullable(),
    candidateDate: z.string().nullable(),
    admissionDate: z.string().nullable(),
    approvalDate: z.string().nullable(),
    extensionMonths: z.number().int(),
    probationEnd: z.string().nullable(),
    fullMemberSince: z.string().nullable(),
    archivedDate: z.string().nullable(),
  }),
  steps: z.array(developmentStepViewSchema),
  canManage: z.boolean(),
  /** 正式党员 on the branch's roster: the 应到会有表决权 the 支部大会 form starts from (RULES.md §1.2). */
  /** 应到会有表决权正式党员 today: the branch's 正式党员 less approved exclusions in force (RULES.md §1.2). */
  votingMembers: z.number().int(),
  /** 正式党员 whose approved exclusion from 应到会 is in force today. */
  excludedFromQuorum: z.number().int(),
});
export type DevelopmentCase = z.infer<typeof developmentCaseSchema>;

export const developmentReminderItemSchema = reminderSchema.extend({ caseId: idSchema, memberName: z.string(), orgName: z.string(), stageLabel: z.string() });
export const developmentReminderListResponse = z.object({ items: z.array(developmentReminderItemSchema), total: z.number().int() });
export type DevelopmentReminderItem = z.infer<typeof developmentReminderItemSchema>;

export const developmentDocumentKinds = ['talk', 'register', 'summary'] as const;
export const developmentDocumentLabels: Record<(typeof developmentDocumentKinds)[number], string> = {
  talk: '入党申请人谈话记录',
  register: '入党积极分子考察登记表',
  summary: '预备党员转正情况汇总',
};
