import { educations, genders, memberStatuses, positions } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, isoDateSchema, paginationQuery, requiredText, versionField } from './common';

export const memberListQuery = paginationQuery.extend({
  orgId: idSchema.optional(),
  courtId: idSchema.optional(),
  status: z.enum(memberStatuses).optional(),
  position: z.enum(positions).optional(),
  q: z.string().trim().max(32).optional(),
});
export type MemberListQuery = z.infer<typeof memberListQuery>;

/** What lists and profiles show: 身份证号 and phone masked (DESIGN.md § Data). */
export const memberSchema = z.object({
  id: idSchema,
  courtId: idSchema,
  orgId: idSchema,
  orgName: z.string(),
  groupId: idSchema.nullable(),
  groupName: z.string().nullable(),
  name: z.string(),
  gender: z.enum(genders),
  ethnicity: z.string(),
  birthDate: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  education: z.enum(educations).nullable(),
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  position: z.enum(positions),
  jobTitle: z.string().nullable(),
  joinedOn: z.string().nullable(),
  fullMemberSince: z.string().nullable(),
  partyStanding: z.number().int().nullable(),
  status: z.enum(memberStatuses),
  isRetired: z.boolean(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type Member = z.infer<typeof memberSchema>;

export const statusHistorySchema = z.object({
  id: idSchema,
  fromStatus: z.enum(memberStatuses).nullable(),
  toStatus: z.enum(memberStatuses),
  changedOn: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});

export const memberProfileSchema = memberSchema.extend({
  statusHistory: z.array(statusHistorySchema),
  canReveal: z.boolean(),
  canEdit: z.boolean(),
});
export type MemberProfile = z.infer<typeof memberProfileSchema>;

const memberFields = {
  orgId: idSchema,
  groupId: idSchema.nullish(),
  name: requiredText(32),
  gender: z.enum(genders).optional(),
  ethnicity: z.string().trim().min(1).max(16).optional(),
  birthDate: isoDateSchema.optional(),
  idNumber: z.string().trim().min(1).max(18),
  phone: z.string().trim().max(20).nullish(),
  education: z.enum(educations).nullish(),
  departmentId: idSchema.nullish(),
  position: z.enum(positions).optional(),
  jobTitle: z.string().trim().max(32).nullish(),
  joinedOn: isoDateSchema.nullish(),
  fullMemberSince: isoDateSchema.nullish(),
  status: z.enum(memberStatuses),
  isRetired: z.boolean().optional(),
  note: z.string().trim().max(500).nullish(),
};

export const createMemberRequest = z.object(memberFields);
export type CreateMemberRequest = z.infer<typeof createMemberRequest>;

export const updateMemberRequest = z
  .object(memberFields)
  .partial()
  .extend({
    ...versionField,
    statusChangedOn: isoDateSchema.optional(),
    statusReason: z.string().trim().max(200).optional(),
  });
export type UpdateMemberRequest = z.infer<typeof updateMemberRequest>;

export const revealRequest = z.object({
  field: z.enum(['idNumber', 'phone']),
  reason: z.string().trim().min(2).max(200),
});
export const revealResponse = z.object({ field: z.enum(['idNumber', 'phone']), value: z.string().nullable() });

export const importProblemSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;
export const importResultSchema = z.object({
  ok: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  problems: z.array(importProblemSchema),
  reportId: z.string().nullable(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** The list response: a page of members (masked) and the total in scope. */
export const memberPageSchema = z.object({ items: z.array(memberSchema), total: z.number().int() });

/** Export takes the list's filters, without paging: the whole scoped list goes into the file. */
export const memberExportQuery = memberListQuery.omit({ page: true, pageSize: true });
export type MemberExportQuery = z.infer<typeof memberExportQuery>;

/** Import target: rows with an empty 所在党支部 go to `orgId`; `dryRun` validates without writing. */
export const memberImportQuery = z.object({
  orgId: idSchema.optional(),
  courtId: idSchema.optional(),
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});
export type MemberImportQuery = z.infer<typeof memberImportQuery>;

/** Extra facts about an import beyond ImportResult's core fields. */
export const importResultDetailSchema = importResultSchema.extend({
  /** Data rows read from the file (empty rows and the template's sample row not counted). */
  rowCount: z.number().int().optional(),
  /** All problems found; `problems` lists at most the first 1,000 of them. */
  problemCount: z.number().int().optional(),
  dryRun: z.boolean().optional(),
});
export type ImportResultDetail = z.infer<typeof importResultDetailSchema>;

/** 422 IMPORT_INVALID: the error body and the import result in one (nothing was written). */
export const importInvalidSchema = importResultDetailSchema.extend({
  code: z.literal('IMPORT_INVALID'),
  message: z.string(),
  details: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type ImportInvalidBody = z.infer<typeof importInvalidSchema>;
