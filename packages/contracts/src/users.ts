import { roles } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, requiredText } from './common';

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  courtId: idSchema.nullable(),
  memberId: idSchema.nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  grants: z.array(z.object({ id: idSchema, role: z.enum(roles), courtId: idSchema.nullable(), orgId: idSchema.nullable() })),
});
export type User = z.infer<typeof userSchema>;

export const createUserRequest = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(32)
    .regex(/^[a-zA-Z0-9_.-]+$/, '只能包含字母、数字、下划线、点和短横线'),
  displayName: requiredText(32),
  courtId: idSchema.nullish(),
  memberId: idSchema.nullish(),
});
export const createUserResponse = z.object({ id: idSchema, initialPassword: z.string() });

export const grantRoleRequest = z.object({
  role: z.enum(roles),
  courtId: idSchema.nullish(),
  orgId: idSchema.nullish(),
});

export const securitySettingsSchema = z.object({
  sessionIdleMinutes: z.number().int().min(5).max(480),
  maxFailures: z.number().int().min(3).max(10),
  lockMinutes: z.number().int().min(5).max(1440),
});
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

/**
 * What the 安全保密员 picks a grant's scope from: courts and their party orgs, names only. The
 * three officers see no roster, so the grant dialog cannot use the business lists (/courts, /orgs).
 */
export const grantScopesResponse = z.object({
  courts: z.array(z.object({ id: idSchema, name: z.string(), shortName: z.string() })),
  orgs: z.array(z.object({ id: idSchema, courtId: idSchema, name: z.string(), shortName: z.string().nullable(), type: z.string(), path: z.string() })),
});
export type GrantScopes = z.infer<typeof grantScopesResponse>;

/** The 系统管理员 links an account to a member by name: name, branch and job title, nothing personal. */
export const memberCandidatesQuery = z.object({ courtId: idSchema, q: z.string().trim().max(32).optional() });
export const memberCandidateSchema = z.object({
  id: idSchema,
  name: z.string(),
  orgName: z.string(),
  jobTitle: z.string().nullable(),
  /** The account already linked to this member, if any (a member has at most one). */
  username: z.string().nullable(),
});
export type MemberCandidate = z.infer<typeof memberCandidateSchema>;
