import { z } from './zod-setup';
import { idSchema } from './common';

export const dashboardSchema = z.object({
  scopeName: z.string(),
  courts: z.array(z.object({ id: idSchema, name: z.string(), level: z.string(), memberCount: z.number().int(), branchCount: z.number().int() })),
  orgCountsByType: z.array(z.object({ type: z.string(), count: z.number().int() })),
  memberCountsByStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
  memberCountsByPosition: z.array(z.object({ position: z.string(), count: z.number().int() })),
  termsDue: z.array(
    z.object({
      orgId: idSchema,
      orgName: z.string(),
      courtName: z.string(),
      termEnd: z.string().nullable(),
      state: z.string(),
      message: z.string(),
    }),
  ),
  personal: z.boolean(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
