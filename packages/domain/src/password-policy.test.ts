import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, describeLock, isLocked, isSessionIdleExpired, nextLockState, type LockState } from './password-policy';

const classesMessage = '密码须包含小写字母、大写字母、数字、符号中的至少3类';

describe('checkPasswordPolicy', () => {
  it.each([
    ['Abcdef1!', []],
    ['abcdef12', [classesMessage]],
    ['Abcdefg1', []],
    ['abc12!@#', []],
    ['ABCD1234', [classesMessage]],
    ['Abc1!xy', ['密码长度至少8位']],
    ['aaaaaaa', ['密码长度至少8位', classesMessage]],
    ['党建Abc123', []],
  ])('密码 %j 的问题为 %j（至少8位、至少3类字符）', (password, problems) => {
    expect(checkPasswordPolicy(password, { username: 'zhangsan' })).toEqual(problems);
  });

  it.each([
    ['Zhangsan1', 'zhangsan1', ['密码不能与用户名相同']],
    ['Zhangsan1!', 'zhangsan', ['密码不能包含用户名']],
    ['xZHANGSAN9', 'ZhangSan', ['密码不能包含用户名']],
    ['Ab1!Ab1!', 'ab', []],
    ['Ab1!Ab1!', 'Ab1!Ab1!', ['密码不能与用户名相同']],
    ['Ab1!Ab1!', '', []],
  ])('密码 %j 与用户名 %j：%j', (password, username, problems) => {
    expect(checkPasswordPolicy(password, { username })).toEqual(problems);
  });

  it('法院可以配置更严格的规则', () => {
    expect(checkPasswordPolicy('Abcdef1!', { username: null }, { minLength: 12, minCharClasses: 4 })).toEqual(['密码长度至少12位']);
  });
});

describe('nextLockState / isLocked', () => {
  const now = new Date('2025-03-01T02:00:00.000Z');
  const config = { maxFailures: 5, lockMinutes: 15 };
  const open: LockState = { failedAttempts: 0, lockedUntil: null };
  const failTimes = (count: number): LockState => {
    let state = open;
    for (let i = 0; i < count; i += 1) state = nextLockState(state, 'failure', now, config);
    return state;
  };

  it.each([
    [1, false],
    [4, false],
    [5, true],
  ])('连续失败 %i 次后是否锁定：%s（第5次失败锁定）', (count, locked) => {
    const state = failTimes(count);
    expect(state.failedAttempts).toBe(count);
    expect(isLocked(state, now)).toBe(locked);
  });

  it('第5次失败后锁定至恰好15分钟后', () => {
    expect(failTimes(5).lockedUntil).toEqual(new Date('2025-03-01T02:15:00.000Z'));
  });

  it.each([
    ['2025-03-01T02:14:59.999Z', true],
    ['2025-03-01T02:15:00.000Z', false],
    ['2025-03-01T02:16:00.000Z', false],
  ])('锁定到期时刻 %s 是否仍锁定：%s（到期时刻即解锁）', (at, locked) => {
    expect(isLocked(failTimes(5), new Date(at))).toBe(locked);
  });

  it('锁定期间的尝试不改变状态，也不延长锁定', () => {
    const locked = failTimes(5);
    const later = new Date('2025-03-01T02:10:00.000Z');
    expect(nextLockState(locked, 'failure', later, config)).toBe(locked);
    expect(nextLockState(locked, 'success', later, config)).toBe(locked);
  });

  it('锁定到期后再次失败应当重新计数', () => {
    const afterExpiry = new Date('2025-03-01T02:15:00.000Z');
    expect(nextLockState(failTimes(5), 'failure', afterExpiry, config)).toEqual({ failedAttempts: 1, lockedUntil: null });
  });

  it.each([
    [failTimes(4)],
    [failTimes(5)],
  ])('登录成功（未锁定时）应当清零失败次数', (state) => {
    const at = new Date('2025-03-01T03:00:00.000Z');
    expect(nextLockState(state, 'success', at, config)).toEqual({ failedAttempts: 0, lockedUntil: null });
  });

  it.each([
    ['2025-03-01T02:00:00.000Z', '登录失败次数过多，账户已锁定，请15分钟后再试'],
    ['2025-03-01T02:14:01.000Z', '登录失败次数过多，账户已锁定，请1分钟后再试'],
    ['2025-03-01T02:15:00.000Z', null],
  ])('在 %s 的锁定提示为 %j', (at, message) => {
    expect(describeLock(failTimes(5), new Date(at))).toBe(message);
  });
});

describe('isSessionIdleExpired', () => {
  const last = new Date('2025-03-01T02:00:00.000Z');
  it.each([
    ['2025-03-01T02:29:59.999Z', false],
    ['2025-03-01T02:30:00.000Z', true],
  ])('最后活动后到 %s 会话是否超时：%s（空闲30分钟超时）', (at, expired) => {
    expect(isSessionIdleExpired(last, new Date(at), { sessionIdleMinutes: 30 })).toBe(expired);
  });
});
