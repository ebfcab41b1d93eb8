// Demo data of 谈心谈话 (issue 5): a year of talks in 安顺中院 第一党支部 — the committee among
// themselves, the secretary and the committee members with most members, members in pairs — with some
// pairs left open on purpose (the secretary has not yet talked with 小李 and a few others), a few
// 提醒谈话/谈话提醒 by the secretary, follow-ups pending and done; lighter coverage in 第二至第四党支部
// so the office sees branches at different stages. Dates run from 1 January to today.
import { addDays, countDaysBetween, isActiveMember, type IsoDate, type MemberStatus, type TalkKind } from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import type { DemoContext } from './context';
import type { MemberRow, OrgRow } from './builder';

// Topics with what such a talk records (some talks leave the 谈话要点 empty).
const topics: [string, string | null][] = [
  ['谈思想、谈工作、谈家庭', '交流了近期工作和思想状况，情绪稳定，表示将继续发挥党员先锋模范作用。'],
  ['办案压力与工作状态', '反映案件量大、加班较多，支部将与庭室协调分案。'],
  ['学习贯彻党的创新理论的体会', '交流了学习体会，建议支部学习增加案例讲评。'],
  ['青年干警成长与职业规划', null],
  ['审判执行工作中的困难', '反映类案裁判尺度不统一，建议开展专题研讨。'],
  ['家庭困难与需要组织帮助的事', '家中老人生病需要照顾，支部将协调工作安排。'],
  ['对支部工作的意见建议', '建议主题党日多结合审判业务开展。'],
  ['廉洁司法与作风建设', null],
];

export async function seedTalkDemo(ctx: DemoContext): Promise<void> {
  const { rows, today, anshun } = ctx;
  const year = today.slice(0, 4);
  const yearStart = `${year}-01-01` as IsoDate;
  const span = Math.max(0, countDaysBetween(yearStart, today));
  const dayAt = (fraction: number): IsoDate => addDays(yearStart, Math.min(span, Math.floor(span * fraction)));
  const talkRows: (typeof schema.talks.$inferInsert)[] = [];
  const partRows: (typeof schema.talkParticipants.$inferInsert)[] = [];
  let n = 0;
  const add = (org: OrgRow, kind: TalkKind, on: IsoDate, initiator: MemberRow, others: MemberRow[], createdBy: { id: string | null; name: string }, follow: 'none' | 'pending' | 'done' = 'none') => {
    const id = newId();
    const i = n++;
    talkRows.push({
      id,
      courtId: org.courtId,
      orgId: org.id,
      talkedOn: on,
      kind,
      topic: kind === 'talk' ? topics[i % topics.length]![0] : kind === 'remindingTalk' ? '工作纪律方面的苗头性问题' : '案件审限临近未结的提醒',
      summary: kind === 'talk' ? topics[i % topics.length]![1] : '指出问题，本人表示认识到位，将立行立改。',
      followUpState: follow,
      followUpNote: follow === 'none' ? null : follow === 'pending' ? '协调解决反映的困难，一个月内回访' : '已协调解决并回访',
      followUpOn: follow === 'done' ? (on < today ? addDays(on, Math.min(14, countDaysBetween(on, today))) : on) : null,
      createdBy: createdBy.id,
      createdByName: createdBy.name,
    });
    for (const m of [initiator, ...others]) partRows.push({ id: newId(), courtId: org.courtId, talkId: id, memberId: m.id, memberName: m.name, isInitiator: m.id === initiator.id });
  };

  const plan = (org: OrgRow, share: number, full: boolean, createdById: string | null) => {
    const posts = rows.committeePositions.filter((p) => p.orgId === org.id && !p.endOn);
    const committee = posts.map((p) => rows.members.find((m) => m.id === p.memberId)!).filter(Boolean);
    const secretary = rows.members.find((m) => m.id === posts.find((p) => p.post === 'secretary')?.memberId);
    if (!secretary) return;
    const by = { id: createdById, name: secretary.name };
    const members = rows.members.filter((m) => m.orgId === org.id && isActiveMember(m.status as MemberStatus) && m.status === 'fullMember' && !committee.some((c) => c.id === m.id));
    const open = new Set([anshun.named.xiaoli?.id]);
    // 支委↔支委: all pairs but the last one.
    const cPairs: [MemberRow, MemberRow][] = [];
    for (let i = 0; i < committee.length; i++) for (let j = i + 1; j < committee.length; j++) cPairs.push([committee[i]!, committee[j]!]);
    cPairs.slice(0, full ? -1 : Math.floor(cPairs.length * share)).forEach(([a, b], i) => add(org, 'talk', dayAt(0.05 + (i % 10) * 0.02), a, [b], by));
    // 支委↔党员: the secretary with nearly everyone (not 小李 and every ninth member), the others with most.
    committee.forEach((c, ci) => {
      members.forEach((m, mi) => {
        const skip = c.id === secretary.id ? open.has(m.id) || mi % 9 === 4 : (mi + ci) % 5 === 0;
        if (skip || (mi + ci * 7) % 100 >= share * 100) return;
        add(org, 'talk', dayAt(0.1 + ((mi * 7 + ci * 13) % 80) / 100), c, [m], by, mi % 11 === 3 ? 'pending' : mi % 13 === 5 ? 'done' : 'none');
      });
    });
    // 党员↔党员: neighbours in pairs; the last three are left without a peer talk.
    if (full) for (let i = 0; i + 1 < members.length - 3; i += 2) add(org, 'talk', dayAt(0.2 + ((i * 3) % 70) / 100), members[i]!, [members[i + 1]!], by);
    if (full && members.length > 6) {
      // 提醒谈话 and 谈话提醒: the secretary's, seen only by the secretary, the office and the member.
      add(org, 'remindingTalk', dayAt(0.45), secretary, [members[5]!], by, 'done');
      add(org, 'remindingTalk', dayAt(0.8), secretary, [members[6]!], by, 'pending');
      add(org, 'talkReminder', dayAt(0.6), secretary, [members[2]!], by);
    }
  };
  const [b1, b2, b3, b4] = anshun.branches;
  if (b1) plan(b1, 1, true, ctx.userIds.get('anshun-zb1') ?? null);
  if (b2) plan(b2, 0.7, false, ctx.userIds.get('anshun-zb2') ?? null);
  if (b3) plan(b3, 0.4, false, null);
  if (b4) plan(b4, 0.15, false, null);
  for (let i = 0; i < talkRows.length; i += 500) await ctx.tx.insert(schema.talks).values(talkRows.slice(i, i + 500));
  for (let i = 0; i < partRows.length; i += 500) await ctx.tx.insert(schema.talkParticipants).values(partRows.slice(i, i + 500));
}
