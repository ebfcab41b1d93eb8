import { describe, expect, it } from 'vitest';
import { computeTalkCoverage, talkCoverageLevel, type TalkCoverageInput, type TalkRecordInput, type TalkRosterEntry } from './talk-coverage';

const p = (id: string, extra: Partial<TalkRosterEntry> = {}): TalkRosterEntry => ({ id, name: id, since: null, leftOn: null, committee: false, ...extra });
// 书记 s, 委员 w; 党员 a, b, c.
const roster = [p('s', { committee: true }), p('w', { committee: true }), p('a'), p('b'), p('c')];
const talk = (talkedOn: string, ...participantIds: string[]): TalkRecordInput => ({ talkedOn, kind: 'talk', participantIds });
const input = (talks: TalkRecordInput[], extra: Partial<TalkCoverageInput> = {}): TalkCoverageInput => ({ year: 2026, asOf: '2026-12-31', roster, talks, peerCoverage: 'eachMemberOnce', ...extra });
const pairs = (r: ReturnType<typeof computeTalkCoverage>) => r.missing.map((m) => `${m.category}:${m.a.id}-${m.b?.id ?? '*'}`);

describe('谈心谈话三类覆盖（支部工作条例第十九条：每年一般各不少于1次）', () => {
  it('没有任何谈话时，支委↔支委、支委↔党员逐对缺，党员↔党员按每人一次缺', () => {
    const r = computeTalkCoverage(input([]));
    expect(r.categories).toEqual([
      { category: 'committeeCommittee', required: 1, covered: 0 },
      { category: 'committeeMember', required: 6, covered: 0 },
      { category: 'memberMember', required: 3, covered: 0 },
    ]);
    expect(r.percent).toBe(0);
    expect(pairs(r)).toContain('committeeMember:s-a');
    expect(pairs(r)).toContain('memberMember:a-*');
  });

  it('全部谈到时覆盖率100%，没有缺的对', () => {
    const all = [talk('2026-03-01', 's', 'w'), ...['a', 'b', 'c'].flatMap((m) => [talk('2026-04-01', 's', m), talk('2026-05-01', 'w', m)]), talk('2026-06-01', 'a', 'b'), talk('2026-06-02', 'c', 'a')];
    const r = computeTalkCoverage(input(all));
    expect(r.missing).toEqual([]);
    expect(r.percent).toBe(100);
    expect(r.covered).toBe(r.required);
  });

  it('党员↔党员（每人一次）：a 与 b 谈过，则 a、b 都已覆盖，c 仍缺', () => {
    const r = computeTalkCoverage(input([talk('2026-06-01', 'a', 'b')]));
    expect(r.categories[2]).toEqual({ category: 'memberMember', required: 3, covered: 2 });
    expect(pairs(r).filter((x) => x.startsWith('memberMember'))).toEqual(['memberMember:c-*']);
  });

  it('党员↔党员（逐对）：三名党员要谈三对', () => {
    const r = computeTalkCoverage(input([talk('2026-06-01', 'a', 'b')], { peerCoverage: 'allPairs' }));
    expect(r.categories[2]).toEqual({ category: 'memberMember', required: 3, covered: 1 });
    expect(pairs(r).filter((x) => x.startsWith('memberMember'))).toEqual(['memberMember:a-c', 'memberMember:b-c']);
  });

  it('300人支部逐对为44850对，每人一次为300人次', () => {
    const big = Array.from({ length: 300 }, (_, i) => p(`m${i}`));
    expect(computeTalkCoverage(input([], { roster: big, peerCoverage: 'allPairs' })).required).toBe(44850);
    expect(computeTalkCoverage(input([], { roster: big })).required).toBe(300);
  });

  it('多人一起谈话，参加者两两算谈过', () => {
    const r = computeTalkCoverage(input([talk('2026-06-01', 's', 'w', 'a')]));
    expect(pairs(r)).not.toContain('committeeCommittee:s-w');
    expect(pairs(r)).not.toContain('committeeMember:s-a');
    expect(pairs(r)).not.toContain('committeeMember:w-a');
  });

  it('提醒谈话、谈话提醒不计入谈心谈话覆盖', () => {
    const r = computeTalkCoverage(input([{ talkedOn: '2026-06-01', kind: 'remindingTalk', participantIds: ['s', 'a'] }, { talkedOn: '2026-06-02', kind: 'talkReminder', participantIds: ['s', 'b'] }]));
    expect(pairs(r)).toContain('committeeMember:s-a');
    expect(pairs(r)).toContain('committeeMember:s-b');
  });

  it('只有一名普通党员时，党员↔党员不作要求', () => {
    const r = computeTalkCoverage(input([], { roster: [p('s', { committee: true }), p('a')] }));
    expect(r.categories[2]).toEqual({ category: 'memberMember', required: 0, covered: 0 });
  });

  it('没有应谈的对时覆盖率为100%', () => {
    expect(computeTalkCoverage(input([], { roster: [p('s', { committee: true })] })).percent).toBe(100);
  });

  it('覆盖率向下取整：差一对不显示100%', () => {
    const many = [p('s', { committee: true }), ...Array.from({ length: 200 }, (_, i) => p(`m${i}`))];
    const talks = many.slice(1).map((m) => talk('2026-05-01', 's', m.id));
    const r = computeTalkCoverage(input(talks.slice(0, 199), { roster: many, peerCoverage: 'allPairs' }));
    expect(r.percent).toBeLessThan(100);
  });
});

describe('年度边界', () => {
  it.each([
    ['12月31日谈的算当年', '2026-12-31', 2026, true],
    ['12月31日谈的不算次年', '2026-12-31', 2027, false],
    ['1月1日谈的算次年', '2027-01-01', 2027, true],
    ['1月1日谈的不算上一年', '2027-01-01', 2026, false],
  ])('%s', (_name, day, year, covered) => {
    const r = computeTalkCoverage(input([talk(day, 's', 'w')], { year, asOf: `${year}-12-31` }));
    expect(r.categories[0]!.covered).toBe(covered ? 1 : 0);
  });
});

describe('年中入党、转入、离开', () => {
  const joined = [p('s', { committee: true }), p('a'), p('n', { since: '2026-07-01' })];

  it('年中转入的党员要谈（自转入之日起）', () => {
    const r = computeTalkCoverage(input([talk('2026-08-01', 's', 'n')], { roster: joined }));
    expect(pairs(r)).not.toContain('committeeMember:s-n');
  });

  it('转入之前的谈话不算（转入前一天谈的仍缺）', () => {
    const r = computeTalkCoverage(input([talk('2026-06-30', 's', 'n')], { roster: joined }));
    expect(pairs(r)).toContain('committeeMember:s-n');
  });

  it('转入当天谈的算', () => {
    const r = computeTalkCoverage(input([talk('2026-07-01', 's', 'n')], { roster: joined }));
    expect(pairs(r)).not.toContain('committeeMember:s-n');
  });

  it('今天之后才转入的党员本年尚不要求', () => {
    const r = computeTalkCoverage(input([], { roster: joined, asOf: '2026-06-30' }));
    expect(pairs(r).some((x) => x.includes('n'))).toBe(false);
  });

  it('已离开支部的党员不算缺', () => {
    const left = [p('s', { committee: true }), p('a'), p('x', { leftOn: '2026-05-01' })];
    const r = computeTalkCoverage(input([], { roster: left }));
    expect(pairs(r).some((k) => k.includes('x'))).toBe(false);
  });

  it('看往年时，次年才离开的党员当年仍要求', () => {
    const later = [p('s', { committee: true }), p('a'), p('x', { leftOn: '2027-03-01' })];
    const r = computeTalkCoverage(input([], { roster: later, year: 2026, asOf: '2027-06-01' }));
    expect(r.referenceDate).toBe('2026-12-31');
    expect(pairs(r)).toContain('committeeMember:s-x');
  });

  it('与已离开的人的谈话不影响其他对', () => {
    const left = [p('s', { committee: true }), p('a'), p('x', { leftOn: '2026-05-01' })];
    const r = computeTalkCoverage(input([talk('2026-03-01', 's', 'x')], { roster: left }));
    expect(r.required).toBe(1);
    expect(pairs(r)).toEqual(['committeeMember:s-a']);
  });
});

describe('缺对提醒：第四季度起（默认10月，可配置）为警示', () => {
  const cfg = { warningFromMonth: 10 };
  it.each([
    ['全部谈到', 2026, '2026-11-01', 0, 'complete'],
    ['9月30日仍是提示', 2026, '2026-09-30', 3, 'open'],
    ['10月1日起为警示', 2026, '2026-10-01', 3, 'warning'],
    ['往年未谈的为警示', 2025, '2026-02-01', 1, 'warning'],
  ] as const)('%s', (_n, year, today, missing, level) => {
    expect(talkCoverageLevel(year, today, missing, cfg)).toBe(level);
  });
  it('本院设为7月时，7月起为警示', () => expect(talkCoverageLevel(2026, '2026-07-01', 1, { warningFromMonth: 7 })).toBe('warning'));
});
