// Fills one branch with people: active members (正式党员 and a few 预备党员), people in the
// development pipeline, those who left, its committee for the current term, and its 党小组.
import { addMonths, type CommitteePost, type Gender, type IsoDate, type MemberStatus, type Position } from '@zhibu/domain';
import type { DemoBuilder, DepartmentRow, MemberRow, OrgRow, TermRow } from './builder';
import { bornRange, makePartyRecord, pickEducation, type AreaProfile, type PersonFactory } from './people';
import type { Random } from './random';

export type BranchProfile = 'trial' | 'enforcement' | 'admin' | 'tribunal' | 'retired';

const positionMix: Record<BranchProfile, readonly (readonly [Position, number])[]> = {
  trial: [['judge', 36], ['judgeAssistant', 30], ['clerk', 24], ['administrative', 7], ['judicialPolice', 3]],
  enforcement: [['judge', 24], ['judgeAssistant', 20], ['clerk', 18], ['judicialPolice', 28], ['administrative', 10]],
  admin: [['administrative', 68], ['judicialPolice', 22], ['judge', 6], ['other', 4]],
  tribunal: [['judge', 30], ['judgeAssistant', 25], ['clerk', 30], ['judicialPolice', 15]],
  retired: [['other', 45], ['judge', 35], ['administrative', 20]],
};

const jobTitles: Partial<Record<Position, readonly string[]>> = {
  judge: ['一级法官', '二级法官', '三级法官', '四级高级法官', '三级高级法官', '四级法官'],
  judgeAssistant: ['法官助理'],
  clerk: ['书记员'],
  judicialPolice: ['一级警长', '二级警长', '三级警长', '一级警员', '二级警员'],
  administrative: ['一级主任科员', '二级主任科员', '三级主任科员', '四级主任科员', '一级科员'],
};

/** Someone the articles name, or a role the demo needs to point at (an account's member). */
export type NamedPerson = {
  key: string;
  name?: string;
  surname?: string;
  gender?: Gender;
  position: Position;
  jobTitle?: string;
  /** Birth date range override (e.g. the committee of 渌口's 综合管理党支部 are 80后/90后). */
  born?: readonly [IsoDate, IsoDate];
  post?: CommitteePost;
  department?: DepartmentRow;
  status?: MemberStatus;
};

export type BranchSpec = {
  org: OrgRow;
  term: TermRow | null;
  profile: BranchProfile;
  /** Active members (预备党员 + 正式党员), named people included. */
  activeMembers: number;
  probationary?: number;
  development?: { applicant?: number; activist?: number; developmentCandidate?: number };
  transferredOut?: number;
  deceased?: number;
  departments: readonly DepartmentRow[];
  groups?: readonly OrgRow[];
  named?: readonly NamedPerson[];
  /** Posts of the committee besides those the named people hold, filled from full members. */
  posts?: readonly CommitteePost[];
  area?: AreaProfile;
};

export type PopulatedBranch = { members: MemberRow[]; named: Record<string, MemberRow> };

export function populateBranch(b: DemoBuilder, rng: Random, people: PersonFactory, today: IsoDate, spec: BranchSpec): PopulatedBranch {
  const retired = spec.profile === 'retired';
  const named: Record<string, MemberRow> = {};
  const active: MemberRow[] = [];
  const groups = spec.groups ?? [];
  const mainDept = spec.departments[0] ?? null;
  let groupTurn = 0;
  const nextGroup = () => (groups.length ? (groups[groupTurn++ % groups.length] as OrgRow).id : null);
  const add = (position: Position, status: MemberStatus, opts: Omit<Partial<NamedPerson>, 'position' | 'key'> = {}) => {
    const person = people.make({
      born: opts.born ?? bornRange(position, today, retired),
      ...(opts.gender ? { gender: opts.gender } : {}),
      ...(opts.surname ? { surname: opts.surname } : {}),
      ...(opts.name ? { name: opts.name } : {}),
      ...(spec.area ? { area: spec.area } : {}),
    });
    const inRoster = status === 'fullMember' || status === 'probationaryMember';
    const department = opts.department ?? (spec.departments.length > 1 && rng.chance(0.35) ? rng.pick(spec.departments) : mainDept);
    return b.addMember(spec.org, {
      person,
      party: makePartyRecord(rng, status, person.birthDate, today),
      position,
      education: pickEducation(rng, position, retired),
      groupId: inRoster ? nextGroup() : null,
      departmentId: retired ? null : (department?.id ?? null),
      jobTitle: opts.jobTitle ?? (retired ? null : rng.chance(0.8) ? (rng.pick(jobTitles[position] ?? ['']) || null) : null),
      isRetired: retired,
    });
  };

  const committee: { member: MemberRow; post: CommitteePost }[] = [];
  for (const p of spec.named ?? []) {
    const row = add(p.position, p.status ?? 'fullMember', p);
    named[p.key] = row;
    active.push(row);
    if (p.post) committee.push({ member: row, post: p.post });
  }
  const probationary = spec.probationary ?? 0;
  while (active.length < spec.activeMembers - probationary) active.push(add(rng.weighted(positionMix[spec.profile]), 'fullMember'));
  // 预备党员 are young: admitted within the last year, mostly assistants and clerks.
  for (let i = 0; i < probationary; i++) {
    const position = retired ? 'other' : rng.pick(['judgeAssistant', 'clerk', 'judgeAssistant'] as const);
    active.push(add(position, 'probationaryMember', retired ? {} : { born: [addMonths(today, -12 * 30), addMonths(today, -12 * 23)] }));
  }

  // The committee: posts not held by named people go to full members, judges first.
  const taken = new Set(committee.map((c) => c.member.id));
  const candidates = active
    .filter((m) => m.status === 'fullMember' && !taken.has(m.id))
    .sort((x, y) => Number(y.position === 'judge') - Number(x.position === 'judge'));
  for (const post of spec.posts ?? []) {
    if (committee.some((c) => c.post === post)) continue;
    const member = candidates.shift();
    if (member) committee.push({ member, post });
  }
  if (spec.term) for (const c of committee) b.addCommitteePosition(spec.org, spec.term, c.member, c.post);

  const others: MemberRow[] = [];
  const young = { born: [addMonths(today, -12 * 32), addMonths(today, -12 * 23)] as const };
  for (const [status, count] of Object.entries(spec.development ?? {}) as [MemberStatus, number][]) {
    for (let i = 0; i < count; i++) others.push(add(rng.pick(['judgeAssistant', 'clerk'] as const), status, young));
  }
  for (let i = 0; i < (spec.transferredOut ?? 0); i++) others.push(add(rng.weighted(positionMix[spec.profile]), 'transferredOut'));
  for (let i = 0; i < (spec.deceased ?? 0); i++) others.push(add('other', 'deceased'));
  return { members: [...active, ...others], named };
}
