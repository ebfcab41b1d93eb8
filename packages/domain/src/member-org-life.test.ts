import { describe, expect, it } from 'vitest';
import { mergeActivityCatalogue } from './activity-types';
import { checkMemberCounter, checkMemberOrgLife, findLastOrgLifeDates, type OrgLifeAttendance } from './member-org-life';

const today = '2025-07-15';
const member = { memberId: 'm1', status: 'fullMember' as const };

describe('连续未参加组织生活的月数（党章第九条，按自然月计算）', () => {
  it.each([
    ['2025-04-16', 2, 'ok'],
    ['2025-04-15', 3, 'warning'],
    ['2025-01-16', 5, 'warning'],
    ['2025-01-15', 6, 'critical'],
    ['2024-07-15', 12, 'critical'],
    ['2025-07-15', 0, 'ok'],
  ] as const)('最近一次参加为 %s 时为 %i 个月（%s）：满3个月提醒，满6个月为严重', (lastAttendedOn, months, level) => {
    const result = checkMemberOrgLife({ ...member, lastAttendedOn }, today);
    expect(result).toMatchObject({ months, level, since: lastAttendedOn, counter: 'orgLife', rule: '《中国共产党章程》第九条；RULES.md §4.1' });
  });

  it('2个月零30天不足3个月，不提醒', () => {
    // 2025-01-15 → 2025-04-14: two calendar months (to 3月15日) and 30 days.
    expect(checkMemberOrgLife({ ...member, lastAttendedOn: '2025-01-15' }, '2025-04-14')).toMatchObject({ months: 2, level: 'ok' });
    expect(checkMemberOrgLife({ ...member, lastAttendedOn: '2025-01-15' }, '2025-04-15')).toMatchObject({ months: 3, level: 'warning' });
  });

  it('月末日期按月末对齐：1月31日起至4月30日为满3个月', () => {
    expect(checkMemberOrgLife({ ...member, lastAttendedOn: '2025-01-31' }, '2025-04-29').months).toBe(2);
    expect(checkMemberOrgLife({ ...member, lastAttendedOn: '2025-01-31' }, '2025-04-30').months).toBe(3);
  });

  it('满3个月的提醒说明由支部了解情况，不自动处理', () => {
    const result = checkMemberOrgLife({ ...member, lastAttendedOn: '2025-04-15' }, today);
    expect(result.message).toBe(
      '最近一次参加党的组织生活为2025年4月15日，已连续3个月未参加党的组织生活，请支部了解情况、及时提醒谈话（连续6个月将依照党章第九条由支部大会研究处理）',
    );
  });

  it('满6个月时提示由支部大会决定并报上级批准，系统不自动处理', () => {
    const { message } = checkMemberOrgLife({ ...member, lastAttendedOn: '2025-01-15' }, today);
    expect(message).toContain('已连续6个月未参加党的组织生活');
    expect(message).toContain('由支部大会决定是否除名并报上级党组织批准');
    expect(message).toContain('系统不会自动处理');
  });

  it('预备党员同样计算（预备党员的义务同正式党员一样）', () => {
    expect(checkMemberOrgLife({ ...member, status: 'probationaryMember', lastAttendedOn: '2025-01-15' }, today).level).toBe('critical');
  });
});

describe('计算起点：最近参加、正当理由、转入本支部中最晚的一天', () => {
  it('正当理由登记至4月30日时，从4月30日起计算', () => {
    const result = checkMemberOrgLife({ ...member, lastAttendedOn: '2024-12-01', justifiedUntil: '2025-04-30' }, today);
    expect(result).toMatchObject({ months: 2, level: 'ok', since: '2025-04-30' });
    expect(result.message).toContain('正当理由登记至2025年4月30日');
  });

  it('正当理由尚未到期时不计算，并注明', () => {
    const result = checkMemberOrgLife({ ...member, lastAttendedOn: '2024-12-01', justifiedUntil: '2025-09-30' }, today);
    expect(result).toMatchObject({ months: 0, level: 'ok', note: '有正当理由，登记至2025年9月30日' });
  });

  it('转入本支部后尚无记录时，从转入之日起计算', () => {
    const result = checkMemberOrgLife({ ...member, joinedBranchOn: '2025-03-01' }, today);
    expect(result).toMatchObject({ months: 4, level: 'warning', since: '2025-03-01' });
    expect(result.message).toContain('2025年3月1日转入本支部后未有参加党的组织生活的记录');
  });

  it('既无参加记录也无转入日期时提示补录', () => {
    expect(checkMemberOrgLife(member, today)).toMatchObject({ months: null, level: 'warning', message: expect.stringContaining('请补录') });
  });
});

describe('不计算的党员', () => {
  it('年老体弱免于参加的党员不作硬性要求，为正常并附说明', () => {
    const result = checkMemberOrgLife({ ...member, exempt: true, lastAttendedOn: '2024-01-01' }, today);
    expect(result.level).toBe('ok');
    expect(result.months).toBe(18);
    expect(result.note).toContain('不作硬性要求');
    expect(result.note).toContain('第二十三条');
  });

  it.each([['applicant'], ['membershipSuspended'], ['transferredOut'], ['deceased'], ['removed']] as const)('%s 不是在册党员，不计算', (status) => {
    expect(checkMemberOrgLife({ ...member, status, lastAttendedOn: '2020-01-01' }, today)).toMatchObject({ level: 'ok', months: null });
  });
});

describe('三个独立计数器可用同一规则计算', () => {
  it.each([
    ['dues', '交纳党费', '第十三条'],
    ['assignedWork', '做党所分配的工作', '第九条'],
  ] as const)('%s：连续6个月未%s为严重', (counter, label, article) => {
    const result = checkMemberCounter(counter, { ...member, lastOccurredOn: '2025-01-15' }, today, { warnMonths: 3, criticalMonths: 6 });
    expect(result).toMatchObject({ counter, level: 'critical', months: 6 });
    expect(result.message).toContain(`未${label}`);
    expect(result.rule).toContain(article);
  });

  it('提醒线可配置：2个月提醒、4个月严重', () => {
    expect(checkMemberOrgLife({ ...member, lastAttendedOn: '2025-05-15' }, today, { warnMonths: 2, criticalMonths: 4 }).level).toBe('warning');
    expect(checkMemberOrgLife({ ...member, lastAttendedOn: '2025-03-15' }, today, { warnMonths: 2, criticalMonths: 4 }).level).toBe('critical');
  });
});

describe('findLastOrgLifeDates：最近一次参加组织生活的日期', () => {
  const attendances: OrgLifeAttendance[] = [
    { memberId: 'm1', activityType: 'branchAssembly', date: '2025-03-10', status: 'present' },
    { memberId: 'm1', activityType: 'themedPartyDay', date: '2025-05-05', status: 'present' },
    { memberId: 'm1', activityType: 'caseReviewSession', date: '2025-06-20', status: 'present' },
    { memberId: 'm1', activityType: 'branchAssembly', date: '2025-06-25', status: 'present', activityStatus: 'cancelled' },
    { memberId: 'm2', activityType: 'branchAssembly', date: '2025-03-10', status: 'onLeave' },
    { memberId: 'm2', activityType: 'groupMeeting', date: '2025-02-10', status: 'present' },
    { memberId: 'm3', activityType: 'branchAssembly', date: '2025-03-10', status: 'observer' },
    { memberId: 'm3', activityType: 'branchAssembly', date: '2025-02-10', status: 'absent' },
  ];

  it('只计出席且计入组织生活的类型；请假、缺席、列席、已取消的活动不计', () => {
    const result = findLastOrgLifeDates(attendances);
    expect(Object.fromEntries(result)).toEqual({ m1: '2025-05-05', m2: '2025-02-10' });
  });

  it('法院将案例讲评会计入组织生活时，按目录计算', () => {
    const catalogue = mergeActivityCatalogue({ caseReviewSession: { countsAsOrgLife: true } });
    expect(findLastOrgLifeDates(attendances, catalogue).get('m1')).toBe('2025-06-20');
  });
});
