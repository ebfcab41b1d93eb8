// 组织关系转接 (RULES.md §5): out of a branch to another branch of the court, to a court on the
// platform (its inbox accepts or returns it), or out of the platform (a paper 介绍信 and its 回执).
import { transferKinds, transferStates } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, optionalText, paginationQuery, requiredText, versionField } from './common';

export const transferSchema = z.object({
  id: idSchema,
  kind: z.enum(transferKinds),
  kindLabel: z.string(),
  state: z.enum(transferStates),
  stateLabel: z.string(),
  memberId: idSchema,
  memberName: z.string(),
  fromCourtId: idSchema,
  fromCourtName: z.string(),
  fromOrgId: idSchema,
  fromOrgName: z.string(),
  toCourtId: idSchema.nullable(),
  toCourtName: z.string().nullable(),
  toOrgId: idSchema.nullable(),
  toOrgName: z.string().nullable(),
  toUnitName: z.string().nullable(),
  reason: z.string(),
  duesPaidTo: z.string(),
  letterNo: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
  /** Past its validity and still in transit: only a return (or a new letter) is possible. */
  expired: z.boolean(),
  sentByName: z.string(),
  sentAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** The caller manages the sending branch (cancel, 回执, the letter) / the receiving one (accept, return). */
  isSender: z.boolean(),
  isReceiver: z.boolean(),
  rule: z.string(),
  version: z.number().int(),
});
export type Transfer = z.infer<typeof transferSchema>;
export const transferListResponse = z.object({ items: z.array(transferSchema), total: z.number().int() });

export const transferListQuery = paginationQuery.extend({
  /** outbox: sent by branches I manage; inbox: to branches I manage. */
  box: z.enum(['all', 'outbox', 'inbox']).default('all'),
  state: z.enum(transferStates).optional(),
});

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为年月，如 2026-11');

export const createTransferRequest = z.object({
  memberId: idSchema,
  /** A branch on the platform (this court or another); null/absent with toUnitName: out of the platform. */
  toOrgId: idSchema.nullish(),
  toUnitName: optionalText(100),
  reason: requiredText(200),
  duesPaidTo: monthSchema,
});

export const decideTransferRequest = z.object({
  decision: z.enum(['accept', 'return', 'cancel', 'complete']),
  note: optionalText(500),
  ...versionField,
});

export const transferDestinationsQuery = z.object({ q: z.string().trim().min(1).max(32) });
export const transferDestinationSchema = z.object({ id: idSchema, name: z.string(), shortName: z.string().nullable(), courtId: idSchema, courtName: z.string() });
