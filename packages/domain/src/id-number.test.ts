import { describe, expect, it } from 'vitest';
import { computeIdCheckChar, makeIdNumber, maskIdNumber, maskPhone, validateIdNumber, validatePhone } from './id-number';

const today = '2025-06-15';

describe('computeIdCheckChar / makeIdNumber', () => {
  it.each([
    // GB 11643-1999 附录 examples
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
  ])('前17位 %s 的校验位为 %s', (first17, check) => {
    expect(computeIdCheckChar(first17)).toBe(check);
  });

  it.each([
    ['520102', '1990-01-01', 123],
    ['520102', '2000-02-29', '002'],
    ['110105', '1949-12-31', 2],
  ])('生成的身份证号（%s，%s，%s）应当通过校验', (area, birth, seq) => {
    const id = makeIdNumber(area, birth, seq);
    expect(id).toHaveLength(18);
    const result = validateIdNumber(id, today);
    expect(result).toMatchObject({ ok: true, birthDate: birth });
  });

  it.each([
    ['52010', '1990-01-01', 1],
    ['520102', '1990-02-30', 1],
    ['520102', '1990-01-01', 1000],
    ['520102', '1990-01-01', '12'],
  ])('生成身份证号时参数无效（%s，%s，%s）应当抛出错误', (area, birth, seq) => {
    expect(() => makeIdNumber(area, birth, seq)).toThrow(RangeError);
  });
});

describe('validateIdNumber', () => {
  it('小写x应当接受并规范为大写X', () => {
    expect(validateIdNumber('11010519491231002x', today)).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    });
  });

  it('全角数字和首尾空格应当规范化', () => {
    const id = makeIdNumber('520102', '1990-01-01', 123);
    const fullWidth = [...id].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join('');
    expect(validateIdNumber(` ${fullWidth} `, today)).toMatchObject({ ok: true, normalized: id });
  });

  it.each([
    [makeIdNumber('520102', '1990-01-01', 1), 'male'],
    [makeIdNumber('520102', '1990-01-01', 9), 'male'],
    [makeIdNumber('520102', '1990-01-01', 2), 'female'],
    [makeIdNumber('520102', '1990-01-01', 0), 'female'],
  ])('第17位奇数为男、偶数为女：%s 为 %s', (id, gender) => {
    expect(validateIdNumber(id, today)).toMatchObject({ ok: true, gender });
  });

  it.each([
    ['52010219900101123', 'format', '身份证号应为18位（当前17位）'],
    ['5201021990010112345', 'format', '身份证号应为18位（当前19位）'],
    ['', 'format', '身份证号应为18位（当前0位）'],
    ['52010219900101123Y', 'format', '身份证号格式不正确：前17位应为数字，最后一位应为数字或X'],
    ['5201021990X1011234', 'format', '身份证号格式不正确：前17位应为数字，最后一位应为数字或X'],
    ['520102199002301234', 'birthDate', '身份证号中的出生日期无效'],
    ['520102199013011234', 'birthDate', '身份证号中的出生日期无效'],
  ])('无效身份证号 %j 应当报告 %s', (raw, reason, message) => {
    expect(validateIdNumber(raw, today)).toEqual({ ok: false, reason, message });
  });

  it.each([
    ['2025-06-15', true],
    ['2025-06-16', false],
  ])('出生日期为 %s 时（今天 2025-06-15）是否有效：%s', (birth, ok) => {
    const result = validateIdNumber(makeIdNumber('520102', birth, 1), today);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result).toMatchObject({ reason: 'birthDate', message: '身份证号中的出生日期无效：晚于今天' });
  });

  it.each([
    ['1900-01-01', true],
    ['1899-12-31', false],
  ])('出生日期为 %s 时（不早于1900年）是否有效：%s', (birth, ok) => {
    expect(validateIdNumber(makeIdNumber('520102', birth, 1), today).ok).toBe(ok);
  });

  it('校验位错误应当报告 checksum', () => {
    const id = makeIdNumber('520102', '1990-01-01', 123);
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(validateIdNumber(wrong, today)).toEqual({ ok: false, reason: 'checksum', message: '身份证号校验位错误，请核对' });
  });
});

describe('maskIdNumber / maskPhone', () => {
  it.each([
    ['520102199001011234', '520102********1234'],
    ['11010519491231002x', '110105********002X'],
    ['110105491231002', '110105*****1002'],
    ['1234567890', '**********'],
    ['', ''],
  ])('身份证号 %j 脱敏为 %j（保留前6位和后4位）', (raw, masked) => {
    expect(maskIdNumber(raw)).toBe(masked);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['0851-12345678', '0851-****5678'],
    ['010-1234567', '010-***4567'],
    ['1234567', '*******'],
  ])('电话 %j 脱敏为 %j', (raw, masked) => {
    expect(maskPhone(raw)).toBe(masked);
  });
});

describe('validatePhone', () => {
  it.each([
    ['13812345678', '13812345678', 'mobile'],
    ['19912345678', '19912345678', 'mobile'],
    ['+8613812345678', '13812345678', 'mobile'],
    ['138 1234 5678', '13812345678', 'mobile'],
    ['0851-12345678', '0851-12345678', 'landline'],
    ['0851-1234567', '0851-1234567', 'landline'],
    ['010-12345678', '010-12345678', 'landline'],
  ])('有效电话 %j 应当接受', (raw, normalized, kind) => {
    expect(validatePhone(raw)).toEqual({ ok: true, normalized, kind });
  });

  it.each([
    ['12812345678'],
    ['1381234567'],
    ['138123456789'],
    ['085112345678'],
    ['0851-123456'],
    ['0851-123456789'],
    ['851-12345678'],
    ['abc'],
    [''],
  ])('无效电话 %j 应当拒绝并给出中文提示', (raw) => {
    expect(validatePhone(raw)).toEqual({
      ok: false,
      message: '电话号码格式不正确：应为11位手机号，或带区号的固定电话（如0851-12345678）',
    });
  });
});
