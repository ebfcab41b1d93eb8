import { roles } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema } from './common';

export const loginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const grantSchema = z.object({
  role: z.enum(roles),
  courtId: idSchema.nullable(),
  orgId: idSchema.nullable(),
  scopeName: z.string().nullable(),
});

export const meResponse = z.object({
  userId: idSchema,
  username: z.string(),
  displayName: z.string(),
  courtId: idSchema.nullable(),
  memberId: idSchema.nullable(),
  mustChangePassword: z.boolean(),
  grants: z.array(grantSchema),
  permissions: z.array(z.string()),
  idleTimeoutMinutes: z.number().int(),
});
export type Me = z.infer<typeof meResponse>;

export const changePasswordRequest = z.object({
  oldPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
