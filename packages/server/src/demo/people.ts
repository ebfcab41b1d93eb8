// Fictional people for demo and benchmark data: plausible Chinese names, valid-checksum 身份证号
// (GB 11643-1999) whose birth date and gender agree with the person, mobile numbers, education,
// and party dates consistent with the rules (转正 = 入党 + 1 year, 党章 第七条; 入党 after 18,
// 党章 第一条). Everything comes from a seeded PRNG, so the same seed gives the same people.
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  makeIdNumber,
  type Education,
  type Gender,
  type IsoDate,
  type MemberStatus,
  type Position,
} from '@zhibu/domain';
import type { Random } from './random';

// Common surnames, most frequent first (weights roughly follow their national frequency).
const surnames: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 70], ['张', 66], ['刘', 54], ['陈', 45], ['杨', 40], ['黄', 25], ['赵', 22], ['吴', 21], ['周', 20],
  ['徐', 15], ['孙', 14], ['马', 13], ['朱', 12], ['胡', 12], ['郭', 11], ['何', 11], ['罗', 10], ['高', 10], ['林', 9],
  ['郑', 8], ['梁', 8], ['谢', 7], ['宋', 6], ['唐', 6], ['许', 6], ['韩', 5], ['冯', 5], ['邓', 5], ['曹', 5],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 4], ['董', 4], ['袁', 4], ['潘', 4], ['蒋', 4], ['蔡', 4], ['余', 4],
  ['杜', 4], ['叶', 4], ['程', 3], ['魏', 3], ['苏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['姚', 3], ['卢', 3],
  ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['石', 3], ['廖', 3], ['贾', 2],
  ['韦', 2], ['龙', 2], ['安', 2], ['文', 2], ['付', 2], ['方', 2], ['邹', 2], ['熊', 2], ['雷', 2], ['向', 2],
  ['欧阳', 1], ['易', 1], ['颜', 1], ['秦', 1], ['万', 1],
];

const maleChars = '伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘';
const femaleChars = '秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿翠烟';

function pickChars(rng: Random, pool: string, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += pool[rng.int(0, pool.length - 1)];
  return out;
}

/** A plausible full name; 70% have a two-character given name. */
export function makeName(rng: Random, gender: Gender, surname?: string): string {
  const family = surname ?? rng.weighted(surnames);
  const pool = gender === 'male' ? maleChars : femaleChars;
  const given = pickChars(rng, pool, rng.chance(0.7) ? 2 : 1);
  return family + given;
}

export type AreaProfile = {
  /** 6-digit administrative codes where people were born (most from the court's own area). */
  areaCodes: readonly (readonly [string, number])[];
  ethnicities: readonly (readonly [string, number])[];
};

/** 安顺 and the rest of 贵州: Han, with 布依族、苗族、仡佬族 as in the province. */
export const guizhouArea: AreaProfile = {
  areaCodes: [
    ['520402', 30], ['520403', 8], ['520422', 6], ['520423', 5], ['520424', 4], ['520425', 3],
    ['520102', 6], ['520103', 5], ['520203', 3], ['520302', 3], ['522601', 2], ['522701', 2],
  ],
  ethnicities: [['汉族', 74], ['布依族', 12], ['苗族', 8], ['仡佬族', 3], ['回族', 2], ['彝族', 1]],
};

/** 株洲 渌口区 (430212, earlier 株洲县 430221) and the rest of 湖南. */
export const hunanArea: AreaProfile = {
  areaCodes: [
    ['430212', 25], ['430221', 12], ['430202', 6], ['430203', 5], ['430204', 4], ['430211', 5],
    ['430223', 3], ['430281', 4], ['430102', 3], ['430104', 2], ['430302', 2],
  ],
  ethnicities: [['汉族', 96], ['土家族', 2], ['瑶族', 1], ['苗族', 1]],
};

export type Person = {
  name: string;
  gender: Gender;
  ethnicity: string;
  birthDate: IsoDate;
  idNumber: string;
  phone: string;
};

/** Keeps 身份证号 and phones unique across everything one generator makes. */
export type PersonFactory = {
  make: (opts: { born: readonly [IsoDate, IsoDate]; gender?: Gender; surname?: string; name?: string; area?: AreaProfile }) => Person;
};

export function createPersonFactory(rng: Random, defaultArea: AreaProfile): PersonFactory {
  const idNumbers = new Set<string>();
  const phones = new Set<string>();
  const mobilePrefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '177', '180', '182', '183', '185', '186', '187', '188', '189', '191', '199'];
  return {
    make(opts) {
      const area = opts.area ?? defaultArea;
      const gender = opts.gender ?? (rng.chance(0.55) ? 'male' : 'female');
      const birthDate = rng.date(opts.born[0], opts.born[1]);
      // GB 11643-1999 §4: the sequence code is odd for men, even for women.
      const nextIdNumber = () => makeIdNumber(rng.weighted(area.areaCodes), birthDate, rng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0));
      let idNumber = nextIdNumber();
      while (idNumbers.has(idNumber)) idNumber = nextIdNumber();
      idNumbers.add(idNumber);
      const nextPhone = () => rng.pick(mobilePrefixes) + String(rng.int(0, 99_999_999)).padStart(8, '0');
      let phone = nextPhone();
      while (phones.has(phone)) phone = nextPhone();
      phones.add(phone);
      return {
        name: opts.name ?? makeName(rng, gender, opts.surname),
        gender,
        ethnicity: rng.weighted(area.ethnicities),
        birthDate,
        idNumber,
        phone,
      };
    },
  };
}

export function pickEducation(rng: Random, position: Position, retired: boolean): Education {
  if (retired) return rng.weighted([['bachelor', 30], ['juniorCollege', 40], ['secondary', 30]] as const);
  switch (position) {
    case 'judge':
      return rng.weighted([['master', 45], ['bachelor', 52], ['doctorate', 3]] as const);
    case 'judgeAssistant':
      return rng.weighted([['master', 55], ['bachelor', 45]] as const);
    case 'clerk':
      return rng.weighted([['bachelor', 65], ['juniorCollege', 35]] as const);
    case 'judicialPolice':
      return rng.weighted([['bachelor', 60], ['juniorCollege', 40]] as const);
    default:
      return rng.weighted([['bachelor', 60], ['master', 15], ['juniorCollege', 25]] as const);
  }
}

/** Birth-date range by position: assistants and clerks are young, judges older (as of `today`). */
export function bornRange(position: Position, today: IsoDate, retired: boolean): readonly [IsoDate, IsoDate] {
  const ago = (years: number) => addYears(today, -years);
  if (retired) return [ago(88), ago(61)];
  switch (position) {
    case 'judge':
      return [ago(58), ago(30)];
    case 'judgeAssistant':
      return [ago(36), ago(24)];
    case 'clerk':
      return [ago(40), ago(22)];
    case 'judicialPolice':
      return [ago(50), ago(23)];
    default:
      return [ago(58), ago(24)];
  }
}

export type PartyRecord = {
  status: MemberStatus;
  joinedOn: IsoDate | null;
  fullMemberSince: IsoDate | null;
  /** The status changes that led here, oldest first. */
  history: { fromStatus: MemberStatus | null; toStatus: MemberStatus; changedOn: IsoDate; reason: string }[];
};

/**
 * Party dates for a person with the given status. 入党 (admission as 预备党员) is after the 18th
 * birthday; 转正 is exactly one year later (党章 第七条, no extension in demo data); a 预备党员 was
 * admitted within the last year; development-stage people have no 入党时间.
 */
export function makePartyRecord(rng: Random, status: MemberStatus, birthDate: IsoDate, today: IsoDate): PartyRecord {
  const adult = addYears(birthDate, 18);
  const lastYear = addYears(today, -1);
  const history: PartyRecord['history'] = [];
  if (status === 'probationaryMember') {
    const joinedOn = latest(adult, rng.date(addDays(lastYear, 20), addDays(today, -20)));
    history.push({ fromStatus: 'developmentCandidate', toStatus: 'probationaryMember', changedOn: joinedOn, reason: '支部党员大会讨论通过，接收为预备党员' });
    return { status, joinedOn, fullMemberSince: null, history };
  }
  if (status === 'applicant' || status === 'activist' || status === 'developmentCandidate') {
    const steps: MemberStatus[] = ['applicant', 'activist', 'developmentCandidate'];
    const count = steps.indexOf(status) + 1;
    let on = rng.date(addMonths(today, -8 * count - 6), addMonths(today, -8 * count + 2));
    if (compareDates(on, adult) < 0) on = adult;
    const reasons = ['递交入党申请书', '经支部委员会研究，确定为入党积极分子', '经支部委员会讨论，报上级党委备案，列为发展对象'];
    for (let i = 0; i < count; i++) {
      const toStatus = steps[i] as MemberStatus;
      history.push({ fromStatus: i === 0 ? null : (steps[i - 1] as MemberStatus), toStatus, changedOn: on, reason: reasons[i] as string });
      on = earliest(addDays(today, -1), addMonths(on, rng.int(6, 9)));
    }
    return { status, joinedOn: null, fullMemberSince: null, history };
  }
  // Full members (and those who later left the roster) joined between 20 and 38, and at least a
  // year and a few weeks ago, so that their 转正 is in the past.
  const from = latest(addYears(birthDate, 20), '1965-01-01');
  const to = earliest(addYears(birthDate, 38), addDays(lastYear, -30));
  const joinedOn = compareDates(from, to) <= 0 ? rng.date(from, to) : latest(adult, addDays(lastYear, -30));
  const fullMemberSince = addYears(joinedOn, 1);
  history.push({ fromStatus: 'developmentCandidate', toStatus: 'probationaryMember', changedOn: joinedOn, reason: '支部党员大会讨论通过，接收为预备党员' });
  history.push({ fromStatus: 'probationaryMember', toStatus: 'fullMember', changedOn: fullMemberSince, reason: '预备期满，支部党员大会讨论通过，按期转为正式党员' });
  if (status === 'transferredOut') {
    history.push({ fromStatus: 'fullMember', toStatus: 'transferredOut', changedOn: rng.date(addMonths(today, -10), addDays(today, -7)), reason: '工作调动，组织关系转出' });
  } else if (status === 'deceased') {
    history.push({ fromStatus: 'fullMember', toStatus: 'deceased', changedOn: rng.date(addMonths(today, -14), addDays(today, -30)), reason: '因病去世' });
  }
  return { status, joinedOn, fullMemberSince, history };
}

function latest(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

function earliest(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}
