// Hard checks on a member's dates, the 党龄 derived from them, and the cross-check of declared data
// against the identity number. These are data errors (a date that cannot be true), so unlike the
// structure findings they block saving. @see RULES.md §3.2 T1, T19, T24, T26
import { addMonths, addYears, compareDates, diffInYears, formatChineseDate, isIsoDate, type IsoDate } from './dates';
import { genderLabels, memberStatusLabels, type Gender, type MemberStatus } from './enums';
import { validateIdNumber } from './id-number';
import type { RuleConfig } from './rule-config';

export type MemberDatesInput = {
  birthDate?: IsoDate | null;
  /** 入党时间: the day the 支部大会 admitted the member as 预备党员 (RULES.md §3.2 T20). */
  joinedOn?: IsoDate | null;
  /** 转正时间: the day probation ended (possibly after an extension). */
  fullMemberSince?: IsoDate | null;
  status: MemberStatus;
};

export type MemberDateField = 'birthDate' | 'joinedOn' | 'fullMemberSince';
export type MemberDateProblem = { field: MemberDateField; message: string };

const fieldLabels: Record<MemberDateField, string> = { birthDate: '出生日期', joinedOn: '入党时间', fullMemberSince: '转正时间' };
const earliestBirthDate = '1900-01-01';

/** A malformed date is reported once and left out of every comparison. */
function readDate(input: MemberDatesInput, field: MemberDateField, problems: MemberDateProblem[]): IsoDate | null {
  const value = input[field];
  if (value === undefined || value === null || value === '') return null;
  if (isIsoDate(value)) return value;
  problems.push({ field, message: `${fieldLabels[field]}格式不正确，应为有效日期（如2025-03-01）` });
  return null;
}

/** Hard errors in a member's dates, each naming its field, in Chinese. Empty when consistent. */
export function checkMemberDates(input: MemberDatesInput, today: IsoDate, config: RuleConfig): MemberDateProblem[] {
  const problems: MemberDateProblem[] = [];
  const birthDate = readDate(input, 'birthDate', problems);
  const joinedOn = readDate(input, 'joinedOn', problems);
  const fullMemberSince = readDate(input, 'fullMemberSince', problems);
  const { status } = input;
  const label = memberStatusLabels[status];

  if (birthDate && compareDates(birthDate, today) > 0) problems.push({ field: 'birthDate', message: '出生日期不能晚于今天' });
  if (birthDate && compareDates(birthDate, earliestBirthDate) < 0) problems.push({ field: 'birthDate', message: '出生日期不能早于1900年' });

  if (joinedOn && compareDates(joinedOn, today) > 0) problems.push({ field: 'joinedOn', message: '入党时间不能晚于今天' });
  // 年满十八岁的中国工人、农民…可以申请加入中国共产党 (党章 第一条): admission comes after the
  // application, so a member admitted before turning 18 is impossible data.
  if (joinedOn && birthDate) {
    const adultOn = addYears(birthDate, config.minApplicantAge);
    if (compareDates(joinedOn, adultOn) < 0) {
      problems.push({
        field: 'joinedOn',
        message: `入党时间不能早于年满${config.minApplicantAge}周岁之日（${formatChineseDate(adultOn)}）（党章第一条）`,
      });
    }
  }

  if (fullMemberSince && compareDates(fullMemberSince, today) > 0) problems.push({ field: 'fullMemberSince', message: '转正时间不能晚于今天' });
  if (fullMemberSince && joinedOn) {
    // 预备期1年 (党章 第七条, T19); an extension is at most 1 year (T24), so 转正 falls between
    // joinedOn + 1 year and joinedOn + 1 year + 12 months, both ends included.
    const probationEnd = addYears(joinedOn, config.probationYears);
    const latest = addMonths(probationEnd, config.maxProbationExtensionMonths);
    if (compareDates(fullMemberSince, probationEnd) < 0) {
      problems.push({
        field: 'fullMemberSince',
        message: `转正时间不能早于预备期满之日（${formatChineseDate(probationEnd)}）：预备期为${config.probationYears}年（党章第七条）`,
      });
    } else if (compareDates(fullMemberSince, latest) > 0) {
      problems.push({
        field: 'fullMemberSince',
        message: `转正时间不能晚于${formatChineseDate(latest)}：延长预备期最长不超过${config.maxProbationExtensionMonths}个月（党章第七条）`,
      });
    }
  }

  if ((status === 'probationaryMember' || status === 'fullMember') && !input.joinedOn) {
    problems.push({ field: 'joinedOn', message: `${label}须填写入党时间` });
  }
  if (status === 'fullMember' && !input.fullMemberSince) {
    problems.push({ field: 'fullMemberSince', message: '正式党员须填写转正时间' });
  }
  if (status === 'probationaryMember' && input.fullMemberSince) {
    problems.push({ field: 'fullMemberSince', message: '预备党员尚未转正，不应填写转正时间' });
  }
  if ((status === 'applicant' || status === 'activist' || status === 'developmentCandidate') && input.joinedOn) {
    problems.push({ field: 'joinedOn', message: `${label}尚未入党，不应填写入党时间` });
  }
  return problems;
}

/**
 * 党龄 in full years on `today`, counted from 转正 (党章 第七条; after an extended probation, from the
 * extended 转正 day). null when the person is not yet a full member; 0 before the first anniversary.
 * @see RULES.md §3.2 T26
 */
export function derivePartyStanding(fullMemberSince: IsoDate | null | undefined, today: IsoDate): number | null {
  if (!fullMemberSince) return null;
  return Math.max(0, diffInYears(fullMemberSince, today));
}

/**
 * Disagreements between the declared birth date / gender and those carried by the identity number,
 * in Chinese. An identity number that does not itself validate gives none: validateIdNumber reports it.
 */
export function crossCheckIdNumber(idNumber: string, declared: { birthDate?: IsoDate | null; gender?: Gender | null }): string[] {
  // Only the format, birth date and checksum matter here; no upper bound on the birth date is needed.
  const parsed = validateIdNumber(idNumber, '9999-12-31');
  if (!parsed.ok) return [];
  const messages: string[] = [];
  if (declared.birthDate && isIsoDate(declared.birthDate) && declared.birthDate !== parsed.birthDate) {
    messages.push(
      `出生日期（${formatChineseDate(declared.birthDate)}）与身份证号中的出生日期（${formatChineseDate(parsed.birthDate)}）不一致`,
    );
  }
  if (declared.gender && declared.gender !== parsed.gender) {
    messages.push(`性别（${genderLabels[declared.gender]}）与身份证号中的性别（${genderLabels[parsed.gender]}）不一致`);
  }
  return messages;
}
