import { courtLevels, duesRoundingModes, duesRoundingUnits, periodUnits, talkPeerCoverageModes, excellenceQuotaModes } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, requiredText, versionField } from './common';

export const courtSchema = z.object({
  id: idSchema,
  name: z.string(),
  shortName: z.string(),
  level: z.enum(courtLevels),
  parentId: idSchema.nullable(),
  region: z.string().nullable(),
  version: z.number().int(),
});
export type Court = z.infer<typeof courtSchema>;

export const createCourtRequest = z.object({
  name: requiredText(64),
  shortName: requiredText(32),
  level: z.enum(courtLevels),
  parentId: idSchema.nullish(),
  region: z.string().trim().max(64).nullish(),
});
export const updateCourtRequest = createCourtRequest.partial().extend(versionField);

const positiveInt = z.number().int().min(1).max(100);
const dayCount = z.number().int().min(0).max(366);
const quorumOperator = z.enum(['>', '>=']);
/** A 党章第九条 counter (months): warn first, then critical; their order is checked with the merged config. */
const counterThresholds = z.object({ warnMonths: z.number().int().min(1).max(24), criticalMonths: z.number().int().min(1).max(24) }).partial().strict();
/** A court's overrides of the structure rules ([U] and local practice: DESIGN.md, RULES.md §2). */
export const courtRuleOverridesSchema = z
  .object({
    termYears: z
      .object({
        organCommittee: positiveInt.nullable(),
        primaryCommittee: positiveInt.nullable(),
        generalBranch: positiveInt.nullable(),
        branch: positiveInt.nullable(),
      })
      .partial(),
    termWarningMonths: z.number().int().min(0).max(24),
    maxTermExtensionMonths: z.number().int().min(0).max(24),
    minFullMembersForBranch: positiveInt,
    committeeRequiredAtFullMembers: positiveInt,
    committeeSize: z.object({ min: positiveInt, max: positiveInt, hardMax: positiveInt }).partial(),
    maxDeputySecretaries: z.number().int().min(0).max(5),
    branchMemberSoftMax: z.number().int().min(1).max(1000),
    // 党建工作提示 and the 党章第九条 counter (RULES.md §1.1 Notes, §4.1; [U] thresholds).
    orgLife: z
      .object({
        dueSoonDays: z.object(Object.fromEntries(periodUnits.map((u) => [u, dayCount])) as Record<(typeof periodUnits)[number], typeof dayCount>).partial().strict(),
        lookbackPeriods: z.number().int().min(0).max(12),
        memberAbsence: counterThresholds,
        youngAgeMax: z.number().int().min(18).max(60),
      })
      .partial()
      .strict(),
    // How 「半数以上」 is read, and the election quorum (RULES.md §1.2 Edge cases).
    quorum: z
      .object({
        generalOperator: quorumOperator,
        admissionOperator: quorumOperator,
        committeeOperator: quorumOperator,
        electionOperator: quorumOperator,
        electionRatio: z.object({ numerator: z.number().int().min(1).max(10), denominator: z.number().int().min(1).max(10) }).strict(),
        electionVoteBase: z.enum(['attending', 'expected']),
      })
      .partial()
      .strict(),
    // 党费: the farmer amount (0.2–1元, 第六条) and the rounding (RULES.md §4.1 Rounding; [U]).
    dues: z
      .object({
        farmerFen: z.number().int().min(20).max(100),
        rounding: z.object({ mode: z.enum(duesRoundingModes), unit: z.enum(duesRoundingUnits) }).partial().strict(),
        // 连续未交党费 (党章第九条), counted apart from organizational life.
        arrears: counterThresholds,
      })
      .partial()
      .strict(),
    // 发展党员 [U] numbers (RULES.md §3.2 T5, T18, T29).
    development: z
      .object({
        applicantToActivistMonths: z.number().int().min(0).max(24),
        youthLeagueAgeMax: z.number().int().min(18).max(40),
        publicity: z.object({ days: z.number().int().min(1).max(30), unit: z.enum(['workday', 'calendar']) }).partial().strict(),
        reminderDays: z.number().int().min(0).max(365),
      })
      .partial()
      .strict(),
    // 组织关系转接: the 介绍信's validity and number prefix (RULES.md §5 有效期 [U]).
    transfer: z
      .object({
        letterValidityDays: z.number().int().min(1).max(183),
        letterPrefix: z.string().trim().min(1).max(12),
      })
      .partial()
      .strict(),
    // 民主评议党员: 优秀 ratio (一般不超过三分之一) and whether 预备党员 get a grade (RULES.md §6 [U]).
    evaluation: z
      .object({
        excellentRatio: z.object({ numerator: z.number().int().min(0).max(10), denominator: z.number().int().min(1).max(10) }).strict(),
        gradeProbationaryMembers: z.boolean(),
      })
      .partial()
      .strict(),
    // 谈心谈话: the reading of 党员↔党员 and the month missing pairs start to warn (RULES.md §1.1 [U]).
    talks: z.object({ peerCoverage: z.enum(talkPeerCoverageModes), warningFromMonth: z.number().int().min(1).max(12) }).partial().strict(),
    // 示范岗/先锋队 and 优秀党员 [U]: review deadline month, model posts per member, default quota (pioneers.ts).
    pioneers: z
      .object({
        reviewDueMonth: z.number().int().min(1).max(12),
        maxActiveModelPostsPerMember: z.number().int().min(1).max(5),
        excellenceQuota: z.object({ mode: z.enum(excellenceQuotaModes), count: z.number().int().min(1).max(500) }).partial().strict(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type CourtRuleOverrides = z.infer<typeof courtRuleOverridesSchema>;

export const courtRuleConfigResponse = z.object({
  overrides: courtRuleOverridesSchema,
  effective: z.record(z.string(), z.unknown()),
  defaults: z.record(z.string(), z.unknown()),
  version: z.number().int(),
});
export const updateCourtRuleConfigRequest = z.object({ overrides: courtRuleOverridesSchema, version: z.number().int().min(0) });
