// The checks a member record must pass, shared by the form (POST/PATCH) and the Excel import, so
// both say the same thing in the same words. Pure apart from the field crypto handed in.
// @see RULES.md §3.2 T1, T19, T24, T26; DESIGN.md § Data (身份证号 and phone encrypted, masked)
import {
  checkMemberDates,
  crossCheckIdNumber,
  derivePartyStanding,
  maskIdNumber,
  maskPhone,
  validateIdNumber,
  validatePhone,
  type Gender,
  type IsoDate,
  type MemberStatus,
  type RuleConfig,
} from '@zhibu/domain';
import { labelField, type ErrorDetail, type Member } from '@zhibu/contracts';
import type { FieldCrypto } from '../../lib/field-crypto';
import { AppError } from '../../errors';
import type { MemberViewRow } from './members.repository';

export type FieldProblem = { field: string; message: string };

/** Labels where a member's field reads differently from the shared table ('name' is 姓名 here). */
const memberFieldLabels: Record<string, string> = { name: '姓名', orgId: '所在党支部', file: '文件' };

export function labelMemberField(field: string): string {
  return memberFieldLabels[field] ?? labelField(field);
}

/** A 400 naming every bad field, the first one in the message. */
export function memberInvalid(details: ErrorDetail[]): AppError {
  const first = details[0];
  return new AppError('VALIDATION_FAILED', first ? `${labelMemberField(first.field)}：${first.message}` : undefined, details);
}

export function memberInvalidField(field: string, message: string): AppError {
  return memberInvalid([{ field, message }]);
}

export type IdentityInput = {
  idNumber: string;
  gender?: Gender | null;
  birthDate?: IsoDate | null;
};

export type Identity = { idNumber: string; gender: Gender; birthDate: IsoDate };

/**
 * 身份证号 checked (format, birth date, checksum); gender and birth date taken from it when not
 * given, and cross-checked against it when given. Problems name the field to fix.
 */
export function checkIdentity(input: IdentityInput, today: IsoDate): { identity: Identity | null; problems: FieldProblem[] } {
  const parsed = validateIdNumber(input.idNumber, today);
  if (!parsed.ok) return { identity: null, problems: [{ field: 'idNumber', message: parsed.message }] };
  const problems: FieldProblem[] = [];
  if (input.birthDate && input.birthDate !== parsed.birthDate) {
    for (const message of crossCheckIdNumber(parsed.normalized, { birthDate: input.birthDate })) problems.push({ field: 'birthDate', message });
  }
  if (input.gender && input.gender !== parsed.gender) {
    for (const message of crossCheckIdNumber(parsed.normalized, { gender: input.gender })) problems.push({ field: 'gender', message });
  }
  return { identity: { idNumber: parsed.normalized, gender: parsed.gender, birthDate: parsed.birthDate }, problems };
}

/** A phone number normalized, or a problem; empty means none. */
export function checkPhone(raw: string | null | undefined): { phone: string | null; problem: FieldProblem | null } {
  if (raw === undefined || raw === null || raw.trim() === '') return { phone: null, problem: null };
  const r = validatePhone(raw);
  return r.ok ? { phone: r.normalized, problem: null } : { phone: null, problem: { field: 'phone', message: r.message } };
}

export function checkDates(
  input: { birthDate: IsoDate; joinedOn: IsoDate | null; fullMemberSince: IsoDate | null; status: MemberStatus },
  today: IsoDate,
  config: RuleConfig,
): FieldProblem[] {
  return checkMemberDates(input, today, config);
}

export type SealedIdentity = {
  idNumberEnc: string;
  idNumberHash: string;
  idNumberMasked: string;
};

export function sealIdNumber(crypto: FieldCrypto, idNumber: string): SealedIdentity {
  return { idNumberEnc: crypto.encrypt(idNumber), idNumberHash: crypto.hash(idNumber), idNumberMasked: maskIdNumber(idNumber) };
}

export function sealPhone(crypto: FieldCrypto, phone: string | null) {
  if (!phone) return { phoneEnc: null, phoneHash: null, phoneMasked: null };
  return { phoneEnc: crypto.encrypt(phone), phoneHash: crypto.hash(phone), phoneMasked: maskPhone(phone) };
}

/**
 * What the audit log keeps of a member: every field, with 身份证号 and phone masked only. Never the
 * plain values, nor the ciphertext (the log is read by the auditor, who must not reveal them).
 */
export function auditViewOf(m: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) {
    if (k === 'idNumberEnc' || k === 'idNumberHash' || k === 'phoneEnc' || k === 'phoneHash' || k === 'idNumber' || k === 'phone') continue;
    if (k === 'createdAt' || k === 'updatedAt' || k === 'version') continue;
    out[k] = v;
  }
  return out;
}

/** The masked shape every list, profile and export answers with. */
export function toMember(v: MemberViewRow, today: IsoDate): Member {
  return {
    id: v.id,
    courtId: v.courtId,
    orgId: v.orgId,
    orgName: v.orgName,
    groupId: v.groupId,
    groupName: v.groupName ?? null,
    name: v.name,
    gender: v.gender as Member['gender'],
    ethnicity: v.ethnicity,
    birthDate: v.birthDate,
    idNumberMasked: v.idNumberMasked,
    phoneMasked: v.phoneMasked,
    education: (v.education ?? null) as Member['education'],
    departmentId: v.departmentId,
    departmentName: v.departmentName ?? null,
    position: v.position as Member['position'],
    jobTitle: v.jobTitle,
    joinedOn: v.joinedOn,
    fullMemberSince: v.fullMemberSince,
    // 党龄 counts from 转正 (党章 第七条). @see RULES.md §3.2 T26
    partyStanding: derivePartyStanding(v.fullMemberSince, today),
    status: v.status as Member['status'],
    isRetired: v.isRetired,
    note: v.note,
    version: v.version,
  };
}

/** The SQLSTATE of a PostgreSQL error, through drizzle's wrapper, on either driver. */
export function pgErrorCode(err: unknown): string | undefined {
  for (let e: unknown = err, i = 0; e && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** unique_violation: the 身份证号 index decided between two writers. */
export function isUniqueViolation(err: unknown): boolean {
  return pgErrorCode(err) === '23505';
}
