import { branchKinds, committeePosts, departmentKinds, orgTypes } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, isoDateSchema, requiredText, versionField } from './common';

export const findingSchema = z.object({
  code: z.string(),
  level: z.enum(['ok', 'info', 'warning', 'critical']),
  message: z.string(),
  rule: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

export const orgSchema = z.object({
  id: idSchema,
  courtId: idSchema,
  parentId: idSchema.nullable(),
  type: z.enum(orgTypes),
  branchKind: z.enum(branchKinds).nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  departmentId: idSchema.nullable(),
  establishedOn: z.string().nullable(),
  sortOrder: z.number().int(),
  version: z.number().int(),
  memberCount: z.number().int(),
});
export type Org = z.infer<typeof orgSchema>;

export const orgListQuery = z.object({
  courtId: idSchema.optional(),
  rootId: idSchema.optional(),
  type: z.enum(orgTypes).optional(),
});

export const createOrgRequest = z.object({
  courtId: idSchema,
  parentId: idSchema.nullish(),
  type: z.enum(orgTypes),
  branchKind: z.enum(branchKinds).nullish(),
  name: requiredText(64),
  shortName: z.string().trim().max(32).nullish(),
  departmentId: idSchema.nullish(),
  establishedOn: isoDateSchema.nullish(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});
export const updateOrgRequest = createOrgRequest.omit({ courtId: true, type: true }).partial().extend(versionField);

export const termSchema = z.object({
  id: idSchema,
  orgId: idSchema,
  termStart: z.string(),
  termEnd: z.string(),
  electedOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export const createTermRequest = z.object({
  termStart: isoDateSchema,
  termEnd: isoDateSchema.nullish(),
  electedOn: isoDateSchema.nullish(),
  note: z.string().trim().max(500).nullish(),
});

export const committeePositionSchema = z.object({
  id: idSchema,
  orgId: idSchema,
  memberId: idSchema,
  memberName: z.string(),
  post: z.enum(committeePosts),
  startOn: z.string(),
  endOn: z.string().nullable(),
  version: z.number().int(),
});
export const createCommitteePositionRequest = z.object({
  memberId: idSchema,
  post: z.enum(committeePosts),
  startOn: isoDateSchema,
  endOn: isoDateSchema.nullish(),
});

export const orgDetailSchema = orgSchema.extend({
  path: z.string(),
  parentName: z.string().nullable(),
  departmentName: z.string().nullable(),
  fullMemberCount: z.number().int(),
  probationaryMemberCount: z.number().int(),
  currentTerm: termSchema.nullable(),
  terms: z.array(termSchema),
  committee: z.array(committeePositionSchema),
  findings: z.array(findingSchema),
});
export type OrgDetail = z.infer<typeof orgDetailSchema>;

export const departmentSchema = z.object({
  id: idSchema,
  courtId: idSchema,
  parentId: idSchema.nullable(),
  kind: z.enum(departmentKinds),
  name: z.string(),
  version: z.number().int(),
});
export const createDepartmentRequest = z.object({
  courtId: idSchema,
  parentId: idSchema.nullish(),
  kind: z.enum(departmentKinds),
  name: requiredText(64),
});
