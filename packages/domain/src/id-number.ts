// Chinese resident identity numbers (GB 11643-1999) and phone numbers: validation for forms and
// Excel import, and masking for responses. Both are personal data that the platform encrypts at rest
// and shows masked unless the caller may see them. @see DESIGN.md §Data
import { compareDates, formatIsoDate, parseIsoDate, type IsoDate } from './dates';
import type { Gender } from './enums';

export type IdNumberResult =
  | { ok: true; normalized: string; birthDate: IsoDate; gender: Gender }
  | { ok: false; reason: 'format' | 'birthDate' | 'checksum'; message: string };

export type PhoneResult =
  | { ok: true; normalized: string; kind: 'mobile' | 'landline' }
  | { ok: false; message: string };

// GB 11643-1999 §8.2: ISO 7064 MOD 11-2 weights for the 17 body digits and the check characters
// indexed by (weighted sum mod 11).
const checkWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkChars = '10X98765432';
// Nobody on a court's roster was born before 1900; an earlier date is a typo in the number.
const earliestBirthDate = '1900-01-01';

// Excel and Chinese input methods often yield full-width digits (１２３) or Ｘ; NFKC folds them to ASCII.
function normalizeInput(raw: string): string {
  return raw.normalize('NFKC').trim();
}

/** The check character for the first 17 digits of an identity number. */
export function computeIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('计算校验位需要17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (checkWeights[i] ?? 0);
  return checkChars[sum % 11] ?? '';
}

/**
 * Validates an 18-character identity number: format, then the birth date it carries, then the check
 * character. Lowercase x is accepted and normalized to X. `today` bounds the birth date.
 */
export function validateIdNumber(raw: string, today: IsoDate): IdNumberResult {
  const normalized = normalizeInput(raw).toUpperCase();
  if (normalized.length !== 18) {
    return { ok: false, reason: 'format', message: `身份证号应为18位（当前${normalized.length}位）` };
  }
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return { ok: false, reason: 'format', message: '身份证号格式不正确：前17位应为数字，最后一位应为数字或X' };
  }
  const birth = parseIsoDate(`${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`);
  if (!birth) return { ok: false, reason: 'birthDate', message: '身份证号中的出生日期无效' };
  const birthDate = formatIsoDate(birth);
  if (compareDates(birthDate, today) > 0) {
    return { ok: false, reason: 'birthDate', message: '身份证号中的出生日期无效：晚于今天' };
  }
  if (compareDates(birthDate, earliestBirthDate) < 0) {
    return { ok: false, reason: 'birthDate', message: '身份证号中的出生日期无效：早于1900年' };
  }
  if (computeIdCheckChar(normalized.slice(0, 17)) !== normalized[17]) {
    return { ok: false, reason: 'checksum', message: '身份证号校验位错误，请核对' };
  }
  // GB 11643-1999 §4: the 17th digit (sequence code) is odd for men, even for women.
  const gender: Gender = Number(normalized[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, normalized, birthDate, gender };
}

/**
 * Builds a valid identity number (check character computed), for demo data and tests.
 * An odd `seq3` gives a man, an even one a woman.
 */
export function makeIdNumber(areaCode6: string, birthDate: IsoDate, seq3: string | number): string {
  if (!/^\d{6}$/.test(areaCode6)) throw new RangeError('地址码应为6位数字');
  const birth = parseIsoDate(birthDate);
  if (!birth) throw new RangeError(`无效的出生日期：${birthDate}`);
  const seq = typeof seq3 === 'number' ? String(seq3).padStart(3, '0') : seq3;
  if (!/^\d{3}$/.test(seq)) throw new RangeError('顺序码应为3位数字');
  const first17 = `${areaCode6}${birthDate.replaceAll('-', '')}${seq}`;
  return first17 + computeIdCheckChar(first17);
}

/** '520102199001011234' → '520102********1234': keeps the area code and the last 4 only. */
export function maskIdNumber(raw: string): string {
  const value = normalizeInput(raw).toUpperCase();
  // Too short to keep 10 characters and still hide something: hide everything.
  if (value.length < 11) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

const mobilePattern = /^1[3-9]\d{9}$/;
// Area code 0 + 2–3 digits (010, 020, 0851), a dash, then a 7- or 8-digit local number.
const landlinePattern = /^(0\d{2,3})-(\d{7,8})$/;

function normalizePhone(raw: string): string {
  // Spaces are common in copied numbers ("138 1234 5678"); a +86 prefix only appears before mobiles.
  return normalizeInput(raw).replace(/\s+/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

/** Mainland mobile (11 digits, 1[3-9]…) or a landline with area code (0851-12345678). */
export function validatePhone(raw: string): PhoneResult {
  const normalized = normalizePhone(raw);
  if (mobilePattern.test(normalized)) return { ok: true, normalized, kind: 'mobile' };
  if (landlinePattern.test(normalized)) return { ok: true, normalized, kind: 'landline' };
  return { ok: false, message: '电话号码格式不正确：应为11位手机号，或带区号的固定电话（如0851-12345678）' };
}

/** '13812345678' → '138****5678'; '0851-12345678' → '0851-****5678'. */
export function maskPhone(raw: string): string {
  const value = normalizePhone(raw);
  const landline = landlinePattern.exec(value);
  if (landline) {
    const local = landline[2] ?? '';
    return `${landline[1] ?? ''}-${'*'.repeat(local.length - 4)}${local.slice(-4)}`;
  }
  if (value.length < 8) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}
