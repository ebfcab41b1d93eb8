import { describe, expect, it } from 'vitest';
import { checkQuorum, checkVote, type QuorumAttendee } from './quorum';
import { defaultRuleConfig } from './rule-config';

const config = defaultRuleConfig.quorum;
const inclusive = { ...config, generalOperator: '>=' as const, electionOperator: '>=' as const };

function fullMembers(count: number, prefix = 'f'): QuorumAttendee[] {
  return Array.from({ length: count }, (_, i) => ({ memberId: `${prefix}${i + 1}`, status: 'fullMember' as const }));
}

function ids(count: number, prefix = 'f'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
}

describe('支部党员大会：半数以上有表决权的党员到会（支部工作条例第十一条）', () => {
  it.each([
    [5, '>', false, 6],
    [6, '>', true, 6],
    [4, '>=', false, 5],
    [5, '>=', true, 5],
  ] as const)('应到10人、实到%i人，按“%s”半数判断是否可以开会：%s（至少%i人）', (present, operator, met, required) => {
    const result = checkQuorum({ kind: 'general', expected: fullMembers(10), present: ids(present) }, { ...config, generalOperator: operator });
    expect(result).toMatchObject({ eligible: 10, attending: present, required, met });
  });

  it('默认按“超过半数”判断', () => {
    expect(checkQuorum({ kind: 'general', expected: fullMembers(10), present: ids(5) }).met).toBe(false);
  });

  it.each([
    [9, 5, true],
    [9, 4, false],
    [1, 1, true],
  ])('应到%i人（奇数）、实到%i人：%s', (eligible, present, met) => {
    expect(checkQuorum({ kind: 'general', expected: fullMembers(eligible), present: ids(present) }, config).met).toBe(met);
  });

  it('提示写明应到、实到和是否符合要求', () => {
    const result = checkQuorum({ kind: 'general', expected: fullMembers(18), present: ids(10) }, config);
    expect(result.message).toBe('应到会有表决权党员18人，实到10人，超过半数，符合开会要求');
    expect(result.rule).toContain('《中国共产党支部工作条例（试行）》第十一条');
  });

  it('不足时写明至少需要的人数', () => {
    expect(checkQuorum({ kind: 'general', expected: fullMembers(10), present: ids(5) }, config).message).toBe(
      '应到会有表决权党员10人，实到5人，未超过半数（至少需6人），不符合开会要求，不能进行表决',
    );
  });

  it('“半数以上”含本数时的措辞', () => {
    expect(checkQuorum({ kind: 'general', expected: fullMembers(10), present: ids(5) }, inclusive).message).toBe(
      '应到会有表决权党员10人，实到5人，达到半数以上，符合开会要求',
    );
  });

  it('没有应到会有表决权党员时不能表决', () => {
    expect(checkQuorum({ kind: 'general', expected: [], present: [] }, inclusive)).toMatchObject({ eligible: 0, met: false });
  });
});

describe('谁计入应到会有表决权人数（党章第七条；RULES.md §1.2）', () => {
  const expected: QuorumAttendee[] = [
    ...fullMembers(8),
    { memberId: 'p1', status: 'probationaryMember' },
    { memberId: 'p2', status: 'probationaryMember' },
    { memberId: 's1', status: 'fullMember', underPartyProbation: true },
    { memberId: 'r1', status: 'fullMember', rightsSuspended: true },
    { memberId: 'x1', status: 'fullMember', excludedFromQuorum: true },
    { memberId: 'x2', status: 'fullMember', excludedFromQuorum: true },
  ];

  it('预备党员、留党察看、权利中止的党员没有表决权，经批准不计入的党员不计入应到会', () => {
    const result = checkQuorum({ kind: 'general', expected, present: [...ids(4), 'p1', 'p2', 's1'] }, config);
    expect(result).toMatchObject({ eligible: 8, attending: 4, presentWithoutVote: 3, excluded: 2, met: false, required: 5 });
    expect(result.message).toContain('另有3人到会但没有表决权');
    expect(result.message).toContain('2人经批准不计入应到会人数');
  });

  it('预备党员到会不能凑足人数', () => {
    expect(checkQuorum({ kind: 'general', expected, present: [...ids(4), 'p1', 'p2'] }, config).met).toBe(false);
    expect(checkQuorum({ kind: 'general', expected, present: ids(5) }, config).met).toBe(true);
  });

  it('经批准不计入应到会的党员本人到会的，同时计入应到和实到', () => {
    const result = checkQuorum({ kind: 'general', expected, present: [...ids(4), 'x1'] }, config);
    expect(result).toMatchObject({ eligible: 9, attending: 5, excluded: 1, required: 5, met: true });
  });

  it('名单中重复的党员只计一次，不在名单上的人不计', () => {
    const result = checkQuorum({ kind: 'general', expected: [...fullMembers(4), ...fullMembers(4)], present: [...ids(3), 'guest'] }, config);
    expect(result).toMatchObject({ eligible: 4, attending: 3, met: true });
  });
});

describe('接收预备党员、预备党员转正：有表决权到会人数超过应到会半数（发展党员工作细则第二十条）', () => {
  it.each([
    [5, false],
    [6, true],
  ])('应到10人、实到%i人时：%s（“超过”不含本数）', (present, met) => {
    expect(checkQuorum({ kind: 'admission', expected: fullMembers(10), present: ids(present) }, inclusive).met).toBe(met);
  });

  it('因故不到会提交书面意见的计入票数，不计入到会人数', () => {
    const result = checkQuorum({ kind: 'admission', expected: fullMembers(10), present: ids(5), writtenOpinions: ['f6', 'f7', 'f1', 'guest'] }, config);
    expect(result).toMatchObject({ attending: 5, met: false, writtenOpinions: 2 });
    expect(result.message).toContain('因故不到会提交书面意见2人，计入票数');
    expect(result.rule).toContain('《中国共产党发展党员工作细则》第二十条');
  });
});

describe('换届选举：有选举权到会人数超过应到会人数的五分之四', () => {
  it.each([
    [10, 8, '>', false, 9],
    [10, 9, '>', true, 9],
    [10, 8, '>=', true, 8],
    [18, 14, '>', false, 15],
    [18, 15, '>', true, 15],
    [5, 4, '>', false, 5],
    [5, 5, '>', true, 5],
  ] as const)('应到%i人、实到%i人，按“%s”4/5：%s（至少%i人）', (eligible, present, operator, met, required) => {
    const result = checkQuorum({ kind: 'election', expected: fullMembers(eligible), present: ids(present) }, { ...config, electionOperator: operator });
    expect(result).toMatchObject({ eligible, attending: present, required, met });
  });

  it('提示写明五分之四', () => {
    expect(checkQuorum({ kind: 'election', expected: fullMembers(10), present: ids(8) }, config).message).toBe(
      '应到会有选举权党员10人，实到8人，未超过应到会人数的五分之四（至少需9人），不符合选举要求，不能进行选举',
    );
  });

  it('比例可配置（如三分之二）', () => {
    const result = checkQuorum({ kind: 'election', expected: fullMembers(9), present: ids(7) }, { ...config, electionRatio: { numerator: 2, denominator: 3 } });
    expect(result).toMatchObject({ required: 7, met: true });
    expect(result.message).toContain('三分之二');
  });
});

describe('支委会：半数以上委员到会（支部工作条例第十二条）', () => {
  it.each([
    [5, 2, false],
    [5, 3, true],
  ])('委员%i人、到会%i人：%s', (members, present, met) => {
    const result = checkQuorum({ kind: 'committee', expected: fullMembers(members), present: ids(present) }, config);
    expect(result.met).toBe(met);
    expect(result.message).toContain('应到会委员');
  });
});

describe('checkVote：赞成票超过半数为通过', () => {
  it.each([
    ['general', 10, 5, 0, false],
    ['general', 10, 6, 0, true],
    ['admission', 10, 5, 0, false],
    ['admission', 10, 5, 1, true],
    ['general', 10, 5, 1, false],
  ] as const)('%s：应到会有表决权%i人、赞成%i票、书面意见赞成%i票：%s', (kind, eligible, yes, writtenYes, passes) => {
    expect(checkVote({ kind, eligible, yes, writtenYes }).passes).toBe(passes);
  });

  it('接收预备党员的赞成票含书面意见', () => {
    expect(checkVote({ kind: 'admission', eligible: 10, yes: 5, writtenYes: 1 })).toMatchObject({
      yes: 6,
      base: 10,
      required: 6,
      message: '应到会有表决权正式党员10人，赞成6票（含书面意见1票），超过半数，通过',
    });
  });

  it('赞成票以应到会人数为基数，不以实到人数为基数', () => {
    // 10 eligible, 6 present, 5 in favour: a majority of those present, but not more than half of 应到会.
    expect(checkVote({ kind: 'general', eligible: 10, attending: 6, yes: 5 })).toMatchObject({
      passes: false,
      message: '应到会有表决权党员10人，赞成5票，未超过半数（至少需6票），未通过',
    });
  });

  it.each([
    [9, 4, false],
    [9, 5, true],
    [8, 4, false],
  ])('基层组织选举：实到会%i人、赞成%i票，当选：%s', (attending, yes, passes) => {
    const result = checkVote({ kind: 'election', eligible: 10, attending, yes }, config);
    expect(result.passes).toBe(passes);
    expect(result.base).toBe(attending);
  });

  it('按应到会计票（地方组织口径）可配置', () => {
    expect(checkVote({ kind: 'election', eligible: 10, attending: 9, yes: 5 }, { ...config, electionVoteBase: 'expected' })).toMatchObject({
      passes: false,
      base: 10,
      message: '应到会有选举权党员10人，赞成5票，未超过半数（至少需6票），未当选',
    });
  });

  it.each([
    [{ kind: 'general' as const, eligible: 10, yes: 11 }],
    [{ kind: 'general' as const, eligible: 10, yes: -1 }],
    [{ kind: 'general' as const, eligible: 10, yes: 1.5 }],
    [{ kind: 'election' as const, eligible: 10, yes: 5 }],
  ])('不可能的票数 %j 报错', (input) => {
    expect(() => checkVote(input, config)).toThrow(RangeError);
  });
});
