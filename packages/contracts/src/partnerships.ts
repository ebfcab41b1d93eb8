// 联建 / "四联": pairings of a branch with counterpart branches (any court on the platform) or
// outside units, their agreements and status, the joint activities under them, and the network
// view with counts per branch and per 四联 category. Nothing here carries members' personal data.
import { jointCategories, partnerKinds, partnershipStatuses, partnerUnitTypes } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, isoDateSchema, optionalText, requiredText, versionField } from './common';

export const partnershipSchema = z.object({
  id: idSchema,
  courtId: idSchema,
  courtName: z.string(),
  orgId: idSchema,
  orgName: z.string(),
  /** '第一党支部' (the org's short name, or its name). */
  orgShortName: z.string(),
  /** The proposing side in one line: '安顺中院 · 第一党支部'. */
  ownLabel: z.string(),
  partnerKind: z.enum(partnerKinds),
  partnerCourtId: idSchema.nullable(),
  partnerCourtName: z.string().nullable(),
  partnerOrgId: idSchema.nullable(),
  partnerOrgName: z.string().nullable(),
  partnerUnitName: z.string().nullable(),
  partnerUnitType: z.enum(partnerUnitTypes).nullable(),
  /** One line for lists: '最高法 · 立案庭党支部' or '西秀区人民检察院第二党支部（检察院）'. */
  partnerLabel: z.string(),
  title: z.string(),
  goals: z.string(),
  categories: z.array(z.enum(jointCategories)),
  categoryLabels: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  contact: z.string().nullable(),
  partnerContact: z.string().nullable(),
  status: z.enum(partnershipStatuses),
  statusLabel: z.string(),
  decisionReason: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  jointActivityCount: z.number().int(),
  /** The caller manages the partner side and may accept or decline it now. */
  canDecide: z.boolean(),
  /** The caller manages either side: may edit the agreement, end it, plan joint activities. */
  canManage: z.boolean(),
  /** Branches on the caller's side that may host a joint activity under it (ids). */
  hostableOrgIds: z.array(idSchema),
  version: z.number().int(),
});
export type Partnership = z.infer<typeof partnershipSchema>;
export const partnershipPageSchema = z.object({ items: z.array(partnershipSchema), total: z.number().int() });

export const partnershipListQuery = z.object({
  orgId: idSchema.optional(),
  courtId: idSchema.optional(),
  status: z.enum(partnershipStatuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

export const createPartnershipRequest = z.object({
  orgId: idSchema,
  partnerKind: z.enum(partnerKinds),
  partnerOrgId: idSchema.nullish(),
  partnerUnitName: optionalText(100),
  partnerUnitType: z.enum(partnerUnitTypes).nullish(),
  title: requiredText(100),
  goals: requiredText(2000),
  categories: z.array(z.enum(jointCategories)).min(1).max(4),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema.nullish(),
  contact: optionalText(100),
  partnerContact: optionalText(100),
});

export const updatePartnershipRequest = z
  .object({
    title: requiredText(100),
    goals: requiredText(2000),
    categories: z.array(z.enum(jointCategories)).min(1).max(4),
    endsOn: isoDateSchema.nullable(),
    contact: optionalText(100),
    partnerContact: optionalText(100),
  })
  .partial()
  .extend(versionField);

export const decidePartnershipRequest = z.object({ decision: z.enum(['accept', 'decline']), reason: optionalText(500), ...versionField });
export const endPartnershipRequest = z.object({ endedOn: isoDateSchema, reason: requiredText(500), ...versionField });

export const jointActivitySchema = z.object({
  id: idSchema,
  title: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  heldOn: z.string(),
  startsAt: z.string(),
  status: z.string(),
  place: z.string().nullable(),
  category: z.enum(jointCategories),
  categoryLabel: z.string(),
  hostOrgName: z.string(),
  hostCourtName: z.string(),
});
export const jointActivityPageSchema = z.object({ items: z.array(jointActivitySchema), total: z.number().int() });

/** A branch on the platform that may be proposed as a counterpart (names only). */
export const counterpartSchema = z.object({ id: idSchema, name: z.string(), courtId: idSchema, courtName: z.string(), courtLevel: z.string() });
export const counterpartListResponse = z.object({ items: z.array(counterpartSchema), total: z.number().int() });
export const counterpartQuery = z.object({ courtId: idSchema.optional(), q: z.string().trim().max(50).optional() });

/**
 * courtId: only the pairings of that court's branches (with their counterparts anywhere), e.g. a higher
 * court's viewer picking one lower court; within the caller's scope as always.
 */
export const networkQuery = z.object({ courtId: idSchema.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
const categoryCounts = z.object(Object.fromEntries(jointCategories.map((c) => [c, z.number().int()])) as Record<(typeof jointCategories)[number], z.ZodNumber>);
export const partnershipNetworkSchema = z.object({
  year: z.number().int(),
  courtId: idSchema.nullable(),
  nodes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** Court (or unit type) the node belongs to; the graph colours by it. */
      group: z.string(),
      kind: z.enum(['branch', 'external']),
      /** A branch of the court being viewed. */
      own: z.boolean(),
      partnerships: z.number().int(),
    }),
  ),
  links: z.array(z.object({ id: idSchema, source: z.string(), target: z.string(), status: z.enum(partnershipStatuses), activities: z.number().int() })),
  byBranch: z.array(
    z.object({ orgId: idSchema, orgName: z.string(), courtName: z.string(), partnerships: z.number().int(), activities: z.number().int(), byCategory: categoryCounts }),
  ),
  byCategory: categoryCounts,
  /**
   * For a higher court's viewer: each lower court it oversees (also those without pairings), with
   * its pairings (either side is a branch of that court) and the year's joint activities under them
   * per 四联 category — names and counts only; the whole scope, whatever courtId filters. Empty for
   * everyone else.
   */
  byCourt: z.array(
    z.object({ courtId: idSchema, courtName: z.string(), partnerships: z.number().int(), active: z.number().int(), activities: z.number().int(), byCategory: categoryCounts }),
  ),
  totals: z.object({ partnerships: z.number().int(), active: z.number().int(), activities: z.number().int(), courts: z.number().int(), externalUnits: z.number().int() }),
});
export type PartnershipNetwork = z.infer<typeof partnershipNetworkSchema>;
