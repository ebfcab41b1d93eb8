// 民主评议党员 (RULES.md §6; 教育管理条例 第十八条). A round per branch and year: the participants are
// the branch's members on the round's date (正式党员 graded; 预备党员 take part without a grade unless
// the court says otherwise); members write their 自评 on their phone (or the secretary enters the
// paper one); the 民主测评 is anonymous — a ballot row says THAT someone voted, the votes carry no
// voter and random ids, so counts per member are all anyone can see; the secretary may enter tallied
// paper ballots instead. The 支委会's grades respect the 优秀 quota (round row locked FOR UPDATE so two
// grades at once cannot both take the last place); the member reads and confirms their result.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type {
  castEvaluationBallotRequest,
  createEvaluationRoundRequest,
  enterPaperVotesRequest,
  enterSelfAssessmentRequest,
  EvaluationOverview,
  EvaluationParticipant,
  EvaluationRound,
  EvaluationRoundSummary,
  evaluationRoundListQuery,
  gradeEvaluationParticipantRequest,
  MyEvaluation,
  updateEvaluationParticipantRequest,
  writeMySelfAssessmentRequest,
  z,
} from '@zhibu/contracts';
import {
  checkEvaluationGrade,
  checkExcellentQuota,
  checkStageAdvance,
  disposalNotice,
  emptyPeerCounts,
  evaluationGradeLabels,
  evaluationGradeUse,
  evaluationRule,
  evaluationStageLabels,
  evaluationStages,
  excellentQuotaRule,
  formatRatio,
  isDateAfter,
  isEvaluationParticipant,
  isGradedParticipant,
  maxExcellentCount,
  memberStatusLabels,
  nextEvaluationStage,
  type EvaluationGrade,
  type EvaluationSettings,
  type EvaluationStage,
  type MemberStatus,
  type PeerCounts,
} from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { assertVersion, found } from '../../lib/records';
import { getRuleConfig } from '../../lib/settings';
import { auditActorOf, type Actor } from '../../policy/actor';
import { memberScopeOf } from '../../policy/scope';
import { isUniqueViolation } from '../members/member-record';
import { evaluationsPolicy as policy } from './evaluations.policy';
import * as repo from './evaluations.repository';
import { renderOverviewWorkbook, renderRoundWorkbook } from './evaluations-xlsx';

const { evaluationRounds: rounds, evaluationParticipants: participants, evaluationBallots: ballots, evaluationVotes: votes, members } = schema;
type RoundRow = repo.RoundRow;
type ParticipantRow = repo.ParticipantRow;

function groupByRound(ps: ParticipantRow[]): Map<string, ParticipantRow[]> {
  const m = new Map<string, ParticipantRow[]>();
  for (const p of ps) m.set(p.roundId, [...(m.get(p.roundId) ?? []), p]);
  return m;
}

const stageIndex = (s: string) => evaluationStages.indexOf(s as EvaluationStage);
const settingsOf = (r: RoundRow) => r.settings as EvaluationSettings;
const fail = (message: string) => new AppError('VALIDATION_FAILED', message);

function requireStage(round: RoundRow, allowed: EvaluationStage[], what: string): void {
  if (!allowed.includes(round.stage as EvaluationStage)) {
    throw fail(`本轮评议当前处于“${evaluationStageLabels[round.stage as EvaluationStage]}”阶段，不能${what}（可在“${allowed.map((s) => evaluationStageLabels[s]).join('”“')}”阶段办理）`);
  }
}

const targetOf = (r: RoundRow) => ({ courtId: r.courtId, path: r.orgPath });

/** A round the caller may read; anyone else gets 404. */
async function loadReadable(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<RoundRow> {
  const round = found(await repo.findRound(db, id, forUpdate));
  if (!policy.read(actor, targetOf(round))) throw new AppError('NOT_FOUND');
  return round;
}

async function loadManaged(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<RoundRow> {
  const round = await loadReadable(db, actor, id, forUpdate);
  if (!policy.manage(actor, targetOf(round))) throw new AppError('FORBIDDEN');
  return round;
}

async function loadManagedParticipant(db: DbOrTx, actor: Actor, participantId: string) {
  const p = found(await repo.findParticipant(db, participantId));
  const round = await loadManaged(db, actor, p.roundId, true);
  return { p, round };
}

function summarize(round: RoundRow, orgName: string, ps: ParticipantRow[], voters: Set<string>, actor: Actor): EvaluationRoundSummary {
  const settings = settingsOf(round);
  const gradeCounts = emptyPeerCounts();
  for (const p of ps) if (p.grade && !p.exempt) gradeCounts[p.grade as EvaluationGrade] += 1;
  const graded = ps.filter((p) => p.graded && !p.exempt);
  return {
    id: round.id,
    courtId: round.courtId,
    orgId: round.orgId,
    orgName,
    year: round.year,
    heldOn: round.heldOn,
    stage: round.stage as EvaluationStage,
    stageLabel: evaluationStageLabels[round.stage as EvaluationStage],
    participantCount: ps.length,
    gradedCount: graded.length,
    exemptCount: ps.filter((p) => p.exempt).length,
    selfAssessedCount: ps.filter((p) => !!p.selfAssessment).length,
    ballotCount: ps.filter((p) => voters.has(p.id)).length,
    acknowledgedCount: ps.filter((p) => !!p.acknowledgedAt).length,
    gradeCounts,
    maxExcellent: maxExcellentCount(graded.length, settings.excellentRatio),
    canManage: policy.manage(actor, targetOf(round)),
    version: round.version,
  };
}

function participantView(p: ParticipantRow, online: PeerCounts | undefined, voted: boolean): EvaluationParticipant {
  return {
    id: p.id,
    memberId: p.memberId,
    memberName: p.memberName,
    memberStatus: p.memberStatus as 'fullMember' | 'probationaryMember',
    memberStatusLabel: memberStatusLabels[p.memberStatus as MemberStatus],
    graded: p.graded,
    exempt: p.exempt,
    exemptReason: p.exemptReason,
    selfAssessment: p.selfAssessment,
    selfAssessmentSource: (p.selfAssessmentSource as 'self' | 'secretary' | null) ?? null,
    selfAssessmentAt: p.selfAssessmentAt?.toISOString() ?? null,
    onlineVotes: online ?? emptyPeerCounts(),
    paperVotes: (p.paperVotes as PeerCounts | null) ?? null,
    hasVoted: voted,
    grade: (p.grade as EvaluationGrade | null) ?? null,
    gradeLabel: p.grade ? evaluationGradeLabels[p.grade as EvaluationGrade] : null,
    gradeReason: p.gradeReason,
    committeeComment: p.committeeComment,
    gradedByName: p.gradedByName,
    acknowledgedAt: p.acknowledgedAt?.toISOString() ?? null,
    version: p.version,
  };
}

export async function listRounds(deps: Deps, actor: Actor, q: z.infer<typeof evaluationRoundListQuery>): Promise<{ items: EvaluationRoundSummary[]; total: number }> {
  const scope = memberScopeOf(actor);
  const rows = (await repo.roundsInScope(deps.db, scope, q.year, q.orgId)).filter((r) => policy.read(actor, targetOf(r)));
  const ids = rows.map((r) => r.id);
  const [ps, voters, orgs] = await Promise.all([repo.participantsOf(deps.db, ids), repo.votersOf(deps.db, ids), repo.orgsById(deps.db, rows.map((r) => r.orgId))]);
  const byRound = groupByRound(ps);
  rows.sort((a, b) => b.year - a.year || (orgs.get(a.orgId)?.sortOrder ?? 0) - (orgs.get(b.orgId)?.sortOrder ?? 0));
  const items = rows.map((r) => summarize(r, orgs.get(r.orgId)?.name ?? '', byRound.get(r.id) ?? [], voters, actor));
  return { items, total: items.length };
}

export async function getRound(deps: Deps, actor: Actor, id: string): Promise<EvaluationRound> {
  const round = await loadReadable(deps.db, actor, id);
  const [ps, voters, counts, orgs] = await Promise.all([repo.participantsOf(deps.db, [id]), repo.votersOf(deps.db, [id]), repo.voteCountsOf(deps.db, [id]), repo.orgsById(deps.db, [round.orgId])]);
  const settings = settingsOf(round);
  return {
    ...summarize(round, orgs.get(round.orgId)?.name ?? '', ps, voters, actor),
    participants: ps.map((p) => participantView(p, counts.get(p.id), voters.has(p.id))),
    excellentRatioLabel: formatRatio(settings.excellentRatio),
    rule: evaluationRule,
    quotaRule: excellentQuotaRule,
    disposalNotice,
    advanceBlocker: checkStageAdvance(round.stage as EvaluationStage, ps.map((p) => ({ graded: p.graded, exempt: p.exempt, grade: (p.grade as EvaluationGrade | null) ?? null })), settings),
  };
}

/** Who takes part: the branch's members on the round's date, 正式 or 预备 as of that day. */
function statusOn(m: { status: string; joinedOn: string | null; fullMemberSince: string | null }, day: string): 'fullMember' | 'probationaryMember' | null {
  if (!isEvaluationParticipant(m.status as MemberStatus)) return null;
  if (m.joinedOn && isDateAfter(m.joinedOn, day)) return null;
  if (m.status === 'fullMember' && (!m.fullMemberSince || !isDateAfter(m.fullMemberSince, day))) return 'fullMember';
  return 'probationaryMember';
}

export async function createRound(deps: Deps, actor: Actor, input: z.infer<typeof createEvaluationRoundRequest>): Promise<EvaluationRound> {
  const org = (await repo.orgsById(deps.db, [input.orgId])).get(input.orgId);
  if (!org || !policy.read(actor, org)) throw invalidField('orgId', '党组织不存在或不在您的管理范围内');
  if (!policy.manage(actor, org)) throw new AppError('FORBIDDEN');
  if (org.type !== 'branch' && org.type !== 'generalBranch') throw invalidField('orgId', '民主评议党员以党支部为单位进行，请选择党支部');
  if (Number(input.heldOn.slice(0, 4)) !== input.year) throw invalidField('heldOn', `评议日期应在${input.year}年内`);
  const settings = (await getRuleConfig(deps.db, org.courtId)).evaluation;
  const roster = await deps.db
    .select({ id: members.id, name: members.name, status: members.status, joinedOn: members.joinedOn, fullMemberSince: members.fullMemberSince })
    .from(members)
    .where(and(eq(members.orgId, org.id), inArray(members.status, ['fullMember', 'probationaryMember'])));
  const people = roster
    .map((m) => ({ ...m, on: statusOn(m, input.heldOn) }))
    .filter((m): m is typeof m & { on: 'fullMember' | 'probationaryMember' } => !!m.on)
    .sort((a, b) => (a.on === b.on ? a.name.localeCompare(b.name, 'zh-CN') : a.on === 'fullMember' ? -1 : 1));
  if (!people.length) throw invalidField('orgId', '该党支部在评议日期没有在册党员');
  const roundId = newId();
  try {
    await deps.db.transaction(async (tx) => {
      await tx.insert(rounds).values({
        id: roundId,
        courtId: org.courtId,
        orgId: org.id,
        orgPath: org.path,
        year: input.year,
        heldOn: input.heldOn,
        settings,
        createdBy: actor.userId,
        createdByName: actor.displayName,
      });
      await tx.insert(participants).values(
        people.map((m, i) => ({
          id: newId(),
          roundId,
          courtId: org.courtId,
          memberId: m.id,
          memberName: m.name,
          memberStatus: m.on,
          graded: isGradedParticipant(m.on, settings),
          sortOrder: i,
        })),
      );
      await appendAudit(tx, auditActorOf(actor), {
        action: 'evaluation.open',
        entity: 'evaluationRound',
        entityId: roundId,
        courtId: org.courtId,
        after: { orgId: org.id, orgName: org.name, year: input.year, heldOn: input.heldOn, participants: people.length, graded: people.filter((m) => isGradedParticipant(m.on, settings)).length, settings },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw invalidField('year', `${org.name}${input.year}年度的民主评议已经开启，每个党支部每年一轮`);
    throw err;
  }
  return getRound(deps, actor, roundId);
}

export async function advanceRound(deps: Deps, actor: Actor, id: string, version: number): Promise<EvaluationRound> {
  await deps.db.transaction(async (tx) => {
    const round = await loadManaged(tx, actor, id, true);
    assertVersion(round.version, version);
    const ps = await repo.participantsOf(tx, [id]);
    const blocker = checkStageAdvance(round.stage as EvaluationStage, ps.map((p) => ({ graded: p.graded, exempt: p.exempt, grade: (p.grade as EvaluationGrade | null) ?? null })), settingsOf(round));
    if (blocker) throw fail(blocker);
    const next = nextEvaluationStage(round.stage as EvaluationStage)!;
    await tx
      .update(rounds)
      .set({ stage: next, version: round.version + 1, updatedAt: deps.now(), ...(next === 'completed' ? { completedAt: deps.now() } : {}) })
      .where(eq(rounds.id, id));
    await appendAudit(tx, auditActorOf(actor), {
      action: 'evaluation.advance',
      entity: 'evaluationRound',
      entityId: id,
      courtId: round.courtId,
      before: { stage: round.stage },
      after: { stage: next },
    });
  });
  return getRound(deps, actor, id);
}

async function updateParticipantRow(
  deps: Deps,
  actor: Actor,
  participantId: string,
  version: number,
  apply: (p: ParticipantRow, round: RoundRow, tx: DbOrTx) => Promise<{ set: Partial<ParticipantRow>; action: string; before: unknown; after: unknown }>,
): Promise<EvaluationRound> {
  const roundId = await deps.db.transaction(async (tx) => {
    const { p, round } = await loadManagedParticipant(tx, actor, participantId);
    assertVersion(p.version, version);
    const { set, action, before, after } = await apply(p, round, tx);
    await tx.update(participants).set({ ...set, version: p.version + 1, updatedAt: deps.now() }).where(eq(participants.id, p.id));
    await appendAudit(tx, auditActorOf(actor), { action, entity: 'evaluationParticipant', entityId: p.id, courtId: p.courtId, before, after: { memberName: p.memberName, ...(after as object) } });
    return round.id;
  });
  return getRound(deps, actor, roundId);
}

const editable: EvaluationStage[] = ['preparing', 'selfAssessment', 'peerReview', 'committeeReview'];

export function setExempt(deps: Deps, actor: Actor, participantId: string, input: z.infer<typeof updateEvaluationParticipantRequest>) {
  return updateParticipantRow(deps, actor, participantId, input.version, async (p, round) => {
    requireStage(round, editable, '调整参评人员');
    if (input.exempt && !input.exemptReason?.trim()) throw invalidField('exemptReason', '请写明不参加评议的原因（如年老体弱、长期患病）');
    const exemptReason = input.exempt ? input.exemptReason!.trim() : null;
    return {
      set: { exempt: input.exempt, exemptReason, ...(input.exempt ? { grade: null, gradeReason: null } : {}) },
      action: 'evaluation.exempt',
      before: { exempt: p.exempt, exemptReason: p.exemptReason },
      after: { exempt: input.exempt, exemptReason },
    };
  });
}

export function enterSelfAssessment(deps: Deps, actor: Actor, participantId: string, input: z.infer<typeof enterSelfAssessmentRequest>) {
  return updateParticipantRow(deps, actor, participantId, input.version, async (p, round) => {
    requireStage(round, ['selfAssessment', 'peerReview', 'committeeReview'], '录入个人自评');
    if (p.exempt) throw fail(`${p.memberName}不参加本次评议，无须自评`);
    return {
      set: { selfAssessment: input.selfAssessment, selfAssessmentSource: 'secretary', selfAssessmentAt: deps.now() },
      action: 'evaluation.selfAssessment',
      before: { selfAssessment: p.selfAssessment },
      after: { selfAssessment: input.selfAssessment, source: 'secretary' },
    };
  });
}

export function enterPaperVotes(deps: Deps, actor: Actor, participantId: string, input: z.infer<typeof enterPaperVotesRequest>) {
  return updateParticipantRow(deps, actor, participantId, input.version, async (p, round, tx) => {
    requireStage(round, ['peerReview', 'committeeReview'], '录入纸质测评票数');
    if (input.paperVotes) {
      const total = Object.values(input.paperVotes).reduce((s, n) => s + n, 0);
      const ps = await repo.participantsOf(tx, [round.id]);
      const voters = ps.filter((x) => !x.exempt).length;
      if (total > voters) throw invalidField('paperVotes', `票数合计${total}张，超过本支部参加评议的${voters}人`);
    }
    return { set: { paperVotes: input.paperVotes }, action: 'evaluation.paperVotes', before: { paperVotes: p.paperVotes }, after: { paperVotes: input.paperVotes } };
  });
}

export function gradeParticipant(deps: Deps, actor: Actor, participantId: string, input: z.infer<typeof gradeEvaluationParticipantRequest>) {
  return updateParticipantRow(deps, actor, participantId, input.version, async (p, round, tx) => {
    requireStage(round, ['committeeReview'], '评定等次');
    if (p.exempt) throw invalidField('grade', `${p.memberName}不参加本次评议，不评定等次`);
    if (!p.graded) throw invalidField('grade', `${p.memberName}是预备党员，参加评议但不评定等次（本院设置）。依据：RULES.md §6`);
    const problems = checkEvaluationGrade({ grade: input.grade, reason: input.gradeReason });
    if (problems.length) throw invalidField('gradeReason', problems[0]!.message);
    if (input.grade === 'excellent') {
      // The round row is locked (FOR UPDATE): two grades at once cannot both take the last place.
      const ps = await repo.participantsOf(tx, [round.id]);
      const graded = ps.filter((x) => x.graded && !x.exempt);
      const others = graded.filter((x) => x.id !== p.id && x.grade === 'excellent').length;
      const refusal = checkExcellentQuota(others, graded.length, settingsOf(round));
      if (refusal) throw invalidField('grade', refusal);
    }
    const set = { grade: input.grade, gradeReason: input.gradeReason?.trim() || null, committeeComment: input.committeeComment?.trim() || null, gradedByName: actor.displayName, gradedAt: deps.now() };
    return {
      set,
      action: 'evaluation.grade',
      before: { grade: p.grade, gradeReason: p.gradeReason, committeeComment: p.committeeComment },
      after: { grade: set.grade, gradeReason: set.gradeReason, committeeComment: set.committeeComment },
    };
  });
}

// ── The member's own part ────────────────────────────────────────────────────────────────────────

export async function myEvaluations(deps: Deps, actor: Actor): Promise<{ items: MyEvaluation[] }> {
  if (!actor.memberId) return { items: [] };
  const mine = await deps.db.select().from(participants).where(eq(participants.memberId, actor.memberId));
  if (!mine.length) return { items: [] };
  const roundIds = mine.map((p) => p.roundId);
  const rs = await deps.db.select().from(rounds).where(inArray(rounds.id, roundIds));
  const [all, voters, orgs] = await Promise.all([repo.participantsOf(deps.db, roundIds), repo.votersOf(deps.db, roundIds), repo.orgsById(deps.db, rs.map((r) => r.orgId))]);
  const items = mine
    .map((p): MyEvaluation => {
      const r = rs.find((x) => x.id === p.roundId)!;
      const stage = r.stage as EvaluationStage;
      const resultVisible = stageIndex(stage) >= stageIndex('feedback');
      const hasVoted = voters.has(p.id);
      const grade = resultVisible ? ((p.grade as EvaluationGrade | null) ?? null) : null;
      return {
        roundId: r.id,
        participantId: p.id,
        year: r.year,
        orgName: orgs.get(r.orgId)?.name ?? '',
        heldOn: r.heldOn,
        stage,
        stageLabel: evaluationStageLabels[stage],
        graded: p.graded,
        exempt: p.exempt,
        selfAssessment: p.selfAssessment,
        canWriteSelfAssessment: !p.exempt && (stage === 'selfAssessment' || stage === 'peerReview'),
        canVote: !p.exempt && stage === 'peerReview' && !hasVoted,
        hasVoted,
        peers:
          stage === 'peerReview' && !p.exempt && !hasVoted
            ? all.filter((x) => x.roundId === r.id && x.id !== p.id && !x.exempt).map((x) => ({ participantId: x.id, memberName: x.memberName, memberStatusLabel: memberStatusLabels[x.memberStatus as MemberStatus] }))
            : [],
        grade,
        gradeLabel: grade ? evaluationGradeLabels[grade] : null,
        gradeUse: grade ? evaluationGradeUse[grade] : null,
        gradeReason: resultVisible ? p.gradeReason : null,
        committeeComment: resultVisible ? p.committeeComment : null,
        acknowledgedAt: p.acknowledgedAt?.toISOString() ?? null,
        version: p.version,
      };
    })
    .sort((a, b) => b.year - a.year);
  return { items };
}

/** The caller's own participation; another member's answers 404. */
async function loadOwn(tx: DbOrTx, actor: Actor, participantId: string) {
  const p = await repo.findParticipant(tx, participantId);
  if (!p || !actor.memberId || p.memberId !== actor.memberId) throw new AppError('NOT_FOUND');
  const round = found(await repo.findRound(tx, p.roundId, true));
  return { p, round };
}

async function myOne(deps: Deps, actor: Actor, participantId: string): Promise<MyEvaluation> {
  return found((await myEvaluations(deps, actor)).items.find((x) => x.participantId === participantId));
}

export async function writeMySelfAssessment(deps: Deps, actor: Actor, participantId: string, input: z.infer<typeof writeMySelfAssessmentRequest>): Promise<MyEvaluation> {
  await deps.db.transaction(async (tx) => {
    const { p, round } = await loadOwn(tx, actor, participantId);
    assertVersion(p.version, input.version);
    requireStage(round, ['selfAssessment', 'peerReview'], '提交个人自评');
    if (p.exempt) throw fail('您不参加本次评议，无须自评');
    await tx.update(participants).set({ selfAssessment: input.selfAssessment, selfAssessmentSource: 'self', selfAssessmentAt: deps.now(), version: p.version + 1, updatedAt: deps.now() }).where(eq(participants.id, p.id));
    await appendAudit(tx, auditActorOf(actor), {
      action: 'evaluation.selfAssessment',
      entity: 'evaluationParticipant',
      entityId: p.id,
      courtId: p.courtId,
      before: { selfAssessment: p.selfAssessment },
      after: { memberName: p.memberName, selfAssessment: input.selfAssessment, source: 'self' },
    });
  });
  return myOne(deps, actor, participantId);
}

export async function castBallot(deps: Deps, actor: Actor, participantId: string, input: z.infer<typeof castEvaluationBallotRequest>): Promise<MyEvaluation> {
  try {
    await deps.db.transaction(async (tx) => {
      const { p, round } = await loadOwn(tx, actor, participantId);
      requireStage(round, ['peerReview'], '提交民主测评票');
      if (p.exempt) throw fail('您不参加本次评议，不参加测评');
      const voted = await repo.votersOf(tx, [round.id]);
      if (voted.has(p.id)) throw fail('您已提交测评票，测评票提交后不能修改');
      const peers = (await repo.participantsOf(tx, [round.id])).filter((x) => x.id !== p.id && !x.exempt);
      const peerIds = new Set(peers.map((x) => x.id));
      const seen = new Set<string>();
      for (const v of input.votes) {
        if (!peerIds.has(v.participantId)) throw invalidField('votes', '测评对象应为本轮参加评议的其他党员（不评自己）');
        if (seen.has(v.participantId)) throw invalidField('votes', '同一名党员只能投一票');
        seen.add(v.participantId);
      }
      const missing = peers.filter((x) => !seen.has(x.id));
      if (missing.length) throw invalidField('votes', `还有${missing.length}名党员未评：${missing.slice(0, 5).map((x) => x.memberName).join('、')}${missing.length > 5 ? '等' : ''}`);
      await tx.insert(ballots).values({ id: newId(), roundId: round.id, voterParticipantId: p.id, castAt: deps.now() });
      // Random (v4) ids in random order: nothing in the vote rows leads back to the ballot or its time.
      const shuffled = input.votes.map((v) => ({ ...v, k: Math.random() })).sort((a, b) => a.k - b.k);
      await tx.insert(votes).values(shuffled.map((v) => ({ id: randomUUID(), roundId: round.id, targetParticipantId: v.participantId, grade: v.grade })));
      // The audit says that a ballot was cast, never its content.
      await appendAudit(tx, auditActorOf(actor), { action: 'evaluation.ballot', entity: 'evaluationRound', entityId: round.id, courtId: p.courtId, after: { memberName: p.memberName, votes: input.votes.length } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw fail('您已提交测评票，测评票提交后不能修改');
    throw err;
  }
  return myOne(deps, actor, participantId);
}

export async function acknowledgeResult(deps: Deps, actor: Actor, participantId: string): Promise<MyEvaluation> {
  await deps.db.transaction(async (tx) => {
    const { p, round } = await loadOwn(tx, actor, participantId);
    requireStage(round, ['feedback', 'completed'], '确认评议结果');
    if (p.acknowledgedAt) return;
    await tx.update(participants).set({ acknowledgedAt: deps.now(), version: p.version + 1, updatedAt: deps.now() }).where(eq(participants.id, p.id));
    await appendAudit(tx, auditActorOf(actor), { action: 'evaluation.acknowledge', entity: 'evaluationParticipant', entityId: p.id, courtId: p.courtId, after: { memberName: p.memberName, grade: p.grade } });
  });
  return myOne(deps, actor, participantId);
}

// ── The party office's year ──────────────────────────────────────────────────────────────────────

function officeCourt(actor: Actor): string {
  const courtId = actor.grants.find((g) => g.role === 'courtAdmin')?.courtId;
  if (!courtId || !policy.overview(actor, courtId)) throw new AppError('FORBIDDEN');
  return courtId;
}

export async function overview(deps: Deps, actor: Actor, year: number): Promise<EvaluationOverview> {
  const courtId = officeCourt(actor);
  const branches = await repo.branchesOfCourt(deps.db, courtId);
  const rs = await repo.roundsInScope(deps.db, { courtIds: [courtId], orgPaths: [] }, year);
  const ids = rs.map((r) => r.id);
  const [ps, voters, orgs] = await Promise.all([repo.participantsOf(deps.db, ids), repo.votersOf(deps.db, ids), repo.orgsById(deps.db, rs.map((r) => r.orgId))]);
  const byRound = groupByRound(ps);
  const summaries = new Map(rs.map((r) => [r.orgId, summarize(r, orgs.get(r.orgId)?.name ?? '', byRound.get(r.id) ?? [], voters, actor)]));
  const listed = new Set(branches.map((b) => b.id));
  const extra = rs.filter((r) => !listed.has(r.orgId)).map((r) => ({ orgId: r.orgId, orgName: orgs.get(r.orgId)?.name ?? '', round: summaries.get(r.orgId) ?? null }));
  const rows = [...branches.map((b) => ({ orgId: b.id, orgName: b.name, round: summaries.get(b.id) ?? null })), ...extra];
  const totals = { ...emptyPeerCounts(), graded: 0, rounds: rs.length, completed: rs.filter((r) => r.stage === 'completed').length };
  for (const s of summaries.values()) {
    totals.graded += s.gradedCount;
    for (const g of Object.keys(s.gradeCounts) as EvaluationGrade[]) totals[g] += s.gradeCounts[g];
  }
  const orgOrder = new Map(rows.map((r, i) => [r.orgId, i]));
  const roundOrg = new Map(rs.map((r) => [r.id, r.orgId]));
  const excellent = ps
    .filter((p) => p.grade === 'excellent' && !p.exempt)
    .map((p) => ({ memberId: p.memberId, memberName: p.memberName, orgId: roundOrg.get(p.roundId)!, committeeComment: p.committeeComment }))
    .sort((a, b) => (orgOrder.get(a.orgId) ?? 0) - (orgOrder.get(b.orgId) ?? 0))
    .map(({ orgId, ...e }) => ({ ...e, orgName: orgs.get(orgId)?.name ?? '' }));
  return { year, branches: rows, totals, excellent };
}


// ── Exports ──────────────────────────────────────────────────────────────────────────────────────

export async function roundWorkbook(deps: Deps, actor: Actor, id: string) {
  const round = await getRound(deps, actor, id);
  const buffer = await renderRoundWorkbook(round);
  return { buffer, fileName: `${round.orgName}${round.year}年度民主评议党员结果.xlsx`, asciiName: `evaluation-${round.year}.xlsx` };
}

export async function overviewWorkbook(deps: Deps, actor: Actor, year: number) {
  const o = await overview(deps, actor, year);
  const courtId = officeCourt(actor);
  const court = (await deps.db.select({ name: schema.courts.name }).from(schema.courts).where(eq(schema.courts.id, courtId)))[0];
  const buffer = await renderOverviewWorkbook(court?.name ?? '', o);
  return { buffer, fileName: `${court?.name ?? ''}${year}年度民主评议党员汇总表.xlsx`, asciiName: `evaluation-summary-${year}.xlsx` };
}
