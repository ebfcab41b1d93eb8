import { describe, expect, it } from 'vitest';
import { generateRotation, type RotationMember } from './micro-lecture-rotation';

// Ages on 2025-03-05: 书记 52, two 委员 45 and 40, a young member 28, an older member 50.
const secretary: RotationMember = { id: 's', name: '王书记', isSecretary: true, isCommittee: true, birthDate: '1973-01-01', status: 'fullMember' };
const committeeA: RotationMember = { id: 'c1', name: '陈委员', isSecretary: false, isCommittee: true, birthDate: '1980-01-01', status: 'fullMember' };
const committeeB: RotationMember = { id: 'c2', name: '李委员', isSecretary: false, isCommittee: true, birthDate: '1985-01-01', status: 'fullMember' };
const young: RotationMember = { id: 'y1', name: '赵青年', isSecretary: false, isCommittee: false, birthDate: '1997-01-01', status: 'probationaryMember' };
const older: RotationMember = { id: 'o1', name: '孙党员', isSecretary: false, isCommittee: false, birthDate: '1975-01-01', status: 'fullMember' };
const five = [older, young, committeeB, committeeA, secretary];
const dates = ['2025-03-05', '2025-04-02', '2025-05-07'];

function speakers(result: ReturnType<typeof generateRotation>): string[] {
  return result.schedule.map((slot) => slot.memberId);
}

describe('一刻钟微党课：书记带头讲、委员和青年党员轮流讲、其他党员随后', () => {
  it('3个日期、5名党员：书记开讲，随后委员与青年党员轮流', () => {
    const result = generateRotation({ members: five, sessionDates: dates });
    expect(result.schedule).toEqual([
      { date: '2025-03-05', memberId: 's', tier: 'secretary' },
      { date: '2025-04-02', memberId: 'c1', tier: 'committee' },
      { date: '2025-05-07', memberId: 'y1', tier: 'young' },
    ]);
    expect(result.unscheduled).toEqual([
      { memberId: 'c2', reason: 'notReached', message: '李委员本次排期未轮到（场次少于人数），下次排期优先安排' },
      { memberId: 'o1', reason: 'notReached', message: '孙党员本次排期未轮到（场次少于人数），下次排期优先安排' },
    ]);
    expect(result.unfilledDates).toEqual([]);
  });

  it('人人讲过一次之后才有人讲第二次，新一轮仍由书记开讲', () => {
    const seven = ['2025-01-08', '2025-02-12', '2025-03-12', '2025-04-09', '2025-05-14', '2025-06-11', '2025-07-09'];
    expect(speakers(generateRotation({ members: five, sessionDates: seven }))).toEqual(['s', 'c1', 'y1', 'c2', 'o1', 's', 'c1']);
  });

  it('第2个日期请假的委员顺延到下一个日期', () => {
    const onLeave = { ...committeeA, onLeaveDates: ['2025-04-02'] };
    const result = generateRotation({ members: [secretary, onLeave, committeeB, young, older], sessionDates: dates });
    expect(speakers(result)).toEqual(['s', 'y1', 'c1']);
  });

  it('免于参加的党员从不安排，并说明原因', () => {
    const exempt = { ...older, exempt: true };
    const result = generateRotation({ members: [secretary, committeeA, exempt], sessionDates: ['2025-01-08', '2025-02-12', '2025-03-12', '2025-04-09'] });
    expect(speakers(result)).toEqual(['s', 'c1', 's', 'c1']);
    expect(result.unscheduled).toEqual([{ memberId: 'o1', reason: 'exempt', message: expect.stringContaining('不作硬性要求') }]);
  });

  it('有历史记录时，讲得最少的先讲', () => {
    const history = [
      { memberId: 's', date: '2024-10-09' },
      { memberId: 'c1', date: '2024-11-13' },
      { memberId: 'y1', date: '2024-12-11' },
    ];
    expect(speakers(generateRotation({ members: five, sessionDates: dates, history }))).toEqual(['c2', 'o1', 's']);
  });

  it('历史中讲过两次的党员排在只讲过一次的之后', () => {
    const history = ['s', 's', 'c1', 'y1', 'c2', 'o1'].map((memberId, i) => ({ memberId, date: `2024-0${i + 1}-10` }));
    expect(speakers(generateRotation({ members: five, sessionDates: dates, history }))).toEqual(['c1', 'y1', 'c2']);
  });

  it.each([
    ['1990-03-05', 'young'],
    ['1989-03-05', 'other'],
  ] as const)('出生于 %s 的党员在首个日期时为 %s（35周岁及以下为青年党员）', (birthDate, tier) => {
    const member = { ...older, birthDate };
    const result = generateRotation({ members: [member], sessionDates: ['2025-03-05'] });
    expect(result.schedule[0]?.tier).toBe(tier);
  });

  it('青年党员年龄上限可配置', () => {
    expect(generateRotation({ members: [older], sessionDates: ['2025-03-05'], youngAgeMax: 50 }).schedule[0]?.tier).toBe('young');
  });

  it('非在册党员不安排', () => {
    const result = generateRotation({ members: [secretary, { ...older, status: 'transferredOut' }], sessionDates: dates });
    expect(result.unscheduled).toEqual([{ memberId: 'o1', reason: 'notActiveMember', message: '孙党员为已转出，不是在册党员，不安排' }]);
  });

  it('某日期全部请假时，该日期不安排并列出', () => {
    const result = generateRotation({ members: [{ ...secretary, onLeaveDates: ['2025-04-02'] }], sessionDates: dates });
    expect(result.unfilledDates).toEqual(['2025-04-02']);
    expect(speakers(result)).toEqual(['s', 's']);
  });

  it('每个日期都请假的党员说明原因', () => {
    const result = generateRotation({ members: [secretary, { ...older, onLeaveDates: dates }], sessionDates: dates });
    expect(result.unscheduled).toEqual([{ memberId: 'o1', reason: 'onLeave', message: '孙党员在各场次均请假，未安排' }]);
  });

  it('结果与输入顺序无关：同名按拼音、再按编号排序；日期去重并排序', () => {
    const a = generateRotation({ members: five, sessionDates: [...dates].reverse() });
    const b = generateRotation({ members: [...five].reverse(), sessionDates: [...dates, dates[0]!] });
    expect(a).toEqual(b);
    const twins = [
      { ...older, id: 'o2', name: '张三' },
      { ...older, id: 'o1', name: '张三' },
      { ...older, id: 'o3', name: '李四' },
    ];
    expect(speakers(generateRotation({ members: twins, sessionDates: dates }))).toEqual(['o3', 'o1', 'o2']);
  });
});
