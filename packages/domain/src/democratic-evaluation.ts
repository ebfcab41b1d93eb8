// 民主评议党员 (RULES.md §6; 教育管理条例 第十八条, 支部工作条例 第十八条): once a year a branch's members
// measure themselves against the 合格党员标准 (自评, 党性分析), rate each other (互评 / 民主测评), the
// 支委会 proposes a grade for each 正式党员 and the result is fed back to the member.
// - Grades 优秀 / 合格 / 基本合格 / 不合格 (共产党员网 专题 [S13]).
// - 优秀 generally ≤ 1/3 of the branch's graded members [S13]; the ratio is per court ([U] locally).
// - 预备党员 take part but get no grade (local notice [S13], [U] as a national rule → configurable).
// - 不合格 leads to 教育转化, otherwise 组织处置 — a separate procedure, never automatic.
import type { MemberStatus } from './enums';

export const evaluationGrades = ['excellent', 'qualified', 'basicallyQualified', 'unqualified'] as const;
export type EvaluationGrade = (typeof evaluationGrades)[number];
export const evaluationGradeLabels: Record<EvaluationGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basicallyQualified: '基本合格',
  unqualified: '不合格',
};
/** How each grade's result is used (RULES.md §6 Use of results). */
export const evaluationGradeUse: Record<EvaluationGrade, string> = {
  excellent: '通报表扬',
  qualified: '肯定鼓励',
  basicallyQualified: '指出差距、帮助改进',
  unqualified: '教育转化；教育转化无效的，另行启动组织处置程序',
};

/** The steps of a round, in order (RULES.md §6 Procedure 1–4). */
export const evaluationStages = ['preparing', 'selfAssessment', 'peerReview', 'committeeReview', 'feedback', 'completed'] as const;
export type EvaluationStage = (typeof evaluationStages)[number];
export const evaluationStageLabels: Record<EvaluationStage, string> = {
  preparing: '准备',
  selfAssessment: '个人自评',
  peerReview: '互评与民主测评',
  committeeReview: '支委会评定',
  feedback: '结果反馈',
  completed: '已完成',
};

export const evaluationRule = '《中国共产党党员教育管理工作条例》第十八条：党员个人自评、党员互评、民主测评，党支部提出评定意见并反馈本人。RULES.md §6';
export const excellentQuotaRule = '“优秀”等次一般不超过本支部参评正式党员的三分之一（比例由本院设置）。RULES.md §6';
export const disposalNotice = '“不合格”等次不会自动引起组织处置：教育转化无效的，须另行按《中国共产党不合格党员组织处置办法》履行支委会、党委预审、支部大会表决和上级审批程序。RULES.md §6';

/** The court-configurable numbers of 民主评议 ([U] / local, RULES.md §6). */
export type EvaluationSettings = {
  /** Largest share of 优秀 among the graded members, rounded down. */
  excellentRatio: { numerator: number; denominator: number };
  /** Whether 预备党员 get a grade too (default no: they take part without a grade). */
  gradeProbationaryMembers: boolean;
};
export const defaultEvaluationSettings: EvaluationSettings = { excellentRatio: { numerator: 1, denominator: 3 }, gradeProbationaryMembers: false };

/** A member takes part when they are a member (预备 or 正式) of the branch on the round's date. */
export function isEvaluationParticipant(status: MemberStatus): boolean {
  return status === 'fullMember' || status === 'probationaryMember';
}

/** Whether a participant gets a grade: 正式党员 always; 预备党员 only when the court says so. */
export function isGradedParticipant(status: MemberStatus, settings: EvaluationSettings): boolean {
  if (status === 'fullMember') return true;
  return status === 'probationaryMember' && settings.gradeProbationaryMembers;
}

/** The most 优秀 a branch may give: ⌊graded × ratio⌋ (9 → 3, 10 → 3, 12 → 4, 2 → 0). */
export function maxExcellentCount(gradedCount: number, ratio: EvaluationSettings['excellentRatio']): number {
  if (gradedCount <= 0 || ratio.denominator <= 0) return 0;
  return Math.floor((gradedCount * ratio.numerator) / ratio.denominator);
}

export function formatRatio(ratio: EvaluationSettings['excellentRatio']): string {
  const { numerator: n, denominator: d } = ratio;
  if (n === 1 && d === 3) return '三分之一';
  return `${n}/${d}`;
}

/**
 * Whether one more 优秀 fits: null when it does, else the Chinese refusal citing the rule.
 * `excellentOthers` counts the 优秀 already given to the other graded members of the round.
 */
export function checkExcellentQuota(excellentOthers: number, gradedCount: number, settings: EvaluationSettings): string | null {
  const max = maxExcellentCount(gradedCount, settings.excellentRatio);
  if (excellentOthers + 1 <= max) return null;
  return `“优秀”等次已有${excellentOthers}人，本支部参评正式党员${gradedCount}人，按不超过${formatRatio(settings.excellentRatio)}（向下取整）最多${max}人，不能再评定为优秀。依据：${excellentQuotaRule}`;
}

/** 基本合格 and 不合格 name the gap (指出差距) or the 教育转化 measures: a reason is required. */
export function gradeNeedsReason(grade: EvaluationGrade): boolean {
  return grade === 'basicallyQualified' || grade === 'unqualified';
}

export type EvaluationGradeInput = { grade: EvaluationGrade; reason?: string | null };

/** Problems of one proposed grade (field → Chinese message), empty when fine. */
export function checkEvaluationGrade(input: EvaluationGradeInput): { field: string; message: string }[] {
  if (gradeNeedsReason(input.grade) && !input.reason?.trim()) {
    const what = input.grade === 'unqualified' ? '不合格的事实和教育转化措施' : '存在的差距和改进要求';
    return [{ field: 'reason', message: `评定为“${evaluationGradeLabels[input.grade]}”须写明${what}（指出差距、帮助改进）` }];
  }
  return [];
}

export type PeerCounts = Record<EvaluationGrade, number>;
export const emptyPeerCounts = (): PeerCounts => ({ excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0 });

/** Counts per grade of the anonymous ballots about one member. */
export function tallyPeerVotes(grades: readonly EvaluationGrade[]): PeerCounts {
  const counts = emptyPeerCounts();
  for (const g of grades) counts[g] += 1;
  return counts;
}

export type StageParticipant = { graded: boolean; exempt: boolean; grade: EvaluationGrade | null };

export function nextEvaluationStage(stage: EvaluationStage): EvaluationStage | null {
  const i = evaluationStages.indexOf(stage);
  return i >= 0 && i < evaluationStages.length - 1 ? evaluationStages[i + 1]! : null;
}

/**
 * Why a round may not move on from `stage` (Chinese), or null. Only the move out of 支委会评定 has
 * a gate: every graded member who takes part needs a grade first, within the 优秀 quota.
 */
export function checkStageAdvance(stage: EvaluationStage, participants: readonly StageParticipant[], settings: EvaluationSettings): string | null {
  if (stage === 'completed') return '本轮民主评议已完成';
  if (stage !== 'committeeReview') return null;
  const graded = participants.filter((p) => p.graded && !p.exempt);
  const missing = graded.filter((p) => !p.grade).length;
  if (missing) return `还有${missing}名参评正式党员未评定等次，支委会评定完成后才能反馈结果`;
  const excellent = graded.filter((p) => p.grade === 'excellent').length;
  const max = maxExcellentCount(graded.length, settings.excellentRatio);
  if (excellent > max) return `“优秀”${excellent}人超过上限${max}人。依据：${excellentQuotaRule}`;
  return null;
}
