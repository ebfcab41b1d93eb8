import { describe, expect, it } from 'vitest';
import { makeIdNumber } from './id-number';
import { checkMemberDates, crossCheckIdNumber, derivePartyStanding, type MemberDatesInput } from './member-rules';
import { defaultRuleConfig } from './rule-config';

const config = defaultRuleConfig;
const today = '2025-06-15';

function checkFull(overrides: Partial<MemberDatesInput>): ReturnType<typeof checkMemberDates> {
  return checkMemberDates(
    { birthDate: '1990-01-01', joinedOn: '2015-07-01', fullMemberSince: '2016-07-01', status: 'fullMember', ...overrides },
    today,
    config,
  );
}

describe('checkMemberDates', () => {
  it('日期一致的正式党员没有错误', () => {
    expect(checkFull({})).toEqual([]);
  });

  it.each([
    ['2016-07-01', []],
    ['2016-06-30', ['fullMemberSince']],
    ['2017-07-01', []],
    ['2017-07-02', ['fullMemberSince']],
    ['2016-12-31', []],
  ])('入党2015年7月1日，转正时间 %s 的错误字段为 %j（预备期1年，延长最长1年）', (fullMemberSince, fields) => {
    expect(checkFull({ fullMemberSince }).map((p) => p.field)).toEqual(fields);
  });

  it('转正早于预备期满时应当说明预备期满之日', () => {
    expect(checkFull({ fullMemberSince: '2016-06-30' })).toEqual([
      { field: 'fullMemberSince', message: '转正时间不能早于预备期满之日（2016年7月1日）：预备期为1年（党章第七条）' },
    ]);
  });

  it('转正晚于预备期满1年时应当说明最晚日期', () => {
    expect(checkFull({ fullMemberSince: '2017-07-02' })).toEqual([
      { field: 'fullMemberSince', message: '转正时间不能晚于2017年7月1日：延长预备期最长不超过12个月（党章第七条）' },
    ]);
  });

  it.each([
    ['2015-07-01', []],
    ['2015-06-30', ['joinedOn']],
  ])('生于1997年7月1日，入党时间 %s 的错误字段为 %j（年满18周岁当日可以入党）', (joinedOn, fields) => {
    const problems = checkMemberDates({ birthDate: '1997-07-01', joinedOn, status: 'probationaryMember' }, today, config);
    expect(problems.map((p) => p.field)).toEqual(fields);
  });

  it('入党时未满18周岁应当给出年满18周岁之日', () => {
    const problems = checkMemberDates({ birthDate: '1997-07-01', joinedOn: '2015-06-30', status: 'probationaryMember' }, today, config);
    expect(problems[0]?.message).toBe('入党时间不能早于年满18周岁之日（2015年7月1日）（党章第一条）');
  });

  it.each([
    [{ joinedOn: '2025-06-15', fullMemberSince: null, status: 'probationaryMember' }, []],
    [{ joinedOn: '2025-06-16', fullMemberSince: null, status: 'probationaryMember' }, [{ field: 'joinedOn', message: '入党时间不能晚于今天' }]],
    [{ joinedOn: '2024-06-15', fullMemberSince: '2025-06-16' }, [{ field: 'fullMemberSince', message: '转正时间不能晚于今天' }]],
    [{ birthDate: '2025-06-16', joinedOn: null, fullMemberSince: null, status: 'applicant' }, [{ field: 'birthDate', message: '出生日期不能晚于今天' }]],
  ] as const)('日期晚于今天（%j）应当报错', (overrides, problems) => {
    expect(checkFull(overrides)).toEqual(problems);
  });

  it.each([
    [{ status: 'probationaryMember', joinedOn: null, fullMemberSince: null }, [{ field: 'joinedOn', message: '预备党员须填写入党时间' }]],
    [
      { status: 'fullMember', joinedOn: null },
      [{ field: 'joinedOn', message: '正式党员须填写入党时间' }],
    ],
    [{ status: 'fullMember', fullMemberSince: null }, [{ field: 'fullMemberSince', message: '正式党员须填写转正时间' }]],
    [{ status: 'fullMember', fullMemberSince: '' }, [{ field: 'fullMemberSince', message: '正式党员须填写转正时间' }]],
    [{ status: 'probationaryMember' }, [{ field: 'fullMemberSince', message: '预备党员尚未转正，不应填写转正时间' }]],
    [{ status: 'activist', fullMemberSince: null }, [{ field: 'joinedOn', message: '入党积极分子尚未入党，不应填写入党时间' }]],
    [{ status: 'transferredOut' }, []],
  ] as const)('状态与日期不符（%j）应当报错', (overrides, problems) => {
    expect(checkFull(overrides)).toEqual(problems);
  });

  it.each([
    [{ birthDate: '1990-02-30' }, 'birthDate', '出生日期格式不正确，应为有效日期（如2025-03-01）'],
    [{ joinedOn: '2015/07/01' }, 'joinedOn', '入党时间格式不正确，应为有效日期（如2025-03-01）'],
  ] as const)('无效日期（%j）只报告格式错误', (overrides, field, message) => {
    expect(checkFull(overrides)).toEqual([{ field, message }]);
  });

  it('法院可配置预备期', () => {
    const custom = { ...config, maxProbationExtensionMonths: 6 };
    const problems = checkMemberDates({ joinedOn: '2015-07-01', fullMemberSince: '2017-01-02', status: 'fullMember' }, today, custom);
    expect(problems.map((p) => p.field)).toEqual(['fullMemberSince']);
  });
});

describe('derivePartyStanding（党龄从转正之日算起）', () => {
  it.each([
    ['2016-07-01', '2025-06-30', 8],
    ['2016-07-01', '2025-07-01', 9],
    ['2025-06-15', '2025-06-15', 0],
    ['2025-07-01', '2025-06-15', 0],
    [null, '2025-06-15', null],
    [undefined, '2025-06-15', null],
  ])('转正于 %j，在 %s 党龄为 %j 年', (since, on, years) => {
    expect(derivePartyStanding(since, on)).toBe(years);
  });
});

describe('crossCheckIdNumber', () => {
  const id = makeIdNumber('520102', '1990-01-01', 123); // odd → male

  it.each([
    [{ birthDate: '1990-01-01', gender: 'male' }, []],
    [{}, []],
    [{ birthDate: '1990-01-02', gender: 'male' }, ['出生日期（1990年1月2日）与身份证号中的出生日期（1990年1月1日）不一致']],
    [{ birthDate: '1990-01-01', gender: 'female' }, ['性别（女）与身份证号中的性别（男）不一致']],
  ] as const)('填写的信息 %j 与身份证号核对结果为 %j', (declared, messages) => {
    expect(crossCheckIdNumber(id, declared)).toEqual(messages);
  });

  it('身份证号本身无效时不做核对（由 validateIdNumber 报告）', () => {
    expect(crossCheckIdNumber('123', { birthDate: '1990-01-01', gender: 'male' })).toEqual([]);
  });
});
