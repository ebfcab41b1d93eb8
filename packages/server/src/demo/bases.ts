// Demo data of 一支部一阵地: every demo branch's activity room (the names the demo activities use as
// their `place`: "第N党支部党员活动室" in 安顺中院 — one per floor, as the article says; 渌口's four
// rooms), devices, the 标准化规范化建设 checklist state, a month of bookings linked to the planned
// and recently held activities held there, this month's political-study points of both courts, and a
// few study materials shared across courts (远程连线、云上共学). 第二党支部's fourth-floor room (the
// 省级示范党支部's) is shared by the 机关党委, so 黄书记 of 第八党支部 can book it — and the calendar
// refuses her when 第二党支部 holds it.
import { createHash } from 'node:crypto';
import { bookingsOverlap, defaultRoomChecklist, shanghaiMonthOf } from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import type { DemoContext } from './context';

type RoomSpec = { orgId: string; courtId: string; name: string; floor: string; areaSqm: number; capacity: number; devices: string[]; shared?: boolean; done: number; notes?: string };

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];
const fullDevices = ['触控大屏', '视频会议终端', '电子书架', '党建学习一体机', '扩音系统'];

export async function seedBaseDemo(ctx: DemoContext): Promise<void> {
  const { tx, now, anshun, lukou } = ctx;
  const activities = ctx.rows.activities;
  const placeOf = (orgId: string) => activities.find((a) => a.orgId === orgId && a.place)?.place ?? null;
  const specs: RoomSpec[] = [];

  anshun.branches.forEach((branch, i) => {
    const name = placeOf(branch.id) ?? `第${CN[i]}党支部党员活动室`;
    const retired = branch.branchKind === 'retired';
    specs.push({
      orgId: branch.id,
      courtId: anshun.court.id,
      name,
      // 机关大楼 "每一层楼都有一间": 第二党支部's room is on the fourth floor (the article).
      floor: retired ? '一楼' : `${CN[i + 2]}楼`,
      areaSqm: i === 1 ? 80 : retired ? 90 : 50 + ((i * 7) % 20),
      capacity: i === 1 ? 40 : retired ? 40 : 25 + ((i * 3) % 10),
      devices: i === 1 ? fullDevices : retired ? ['大屏电视', '电子书架', '扩音系统'] : fullDevices.slice(0, 3 + (i % 3)),
      shared: i === 1,
      done: i === 1 ? defaultRoomChecklist.length : 3 + (i % 4),
      notes: i === 1 ? '省级标准化规范化建设示范党支部活动室，机关党委设为全院共享，可远程连线各县区法院党支部' : undefined,
    });
  });
  const lukouBranches = ctx.rows.partyOrgs.filter((o) => o.courtId === lukou.court.id && o.type === 'branch');
  const lukouRoom: Record<string, Omit<RoomSpec, 'orgId' | 'courtId' | 'name'>> = {
    '党员活动室（审判楼三楼）': { floor: '审判楼三楼', areaSqm: 60, capacity: 35, devices: ['触控大屏', '视频会议终端', '电子书架'], shared: true, done: 6 },
    '党员活动室（综合楼二楼）': { floor: '综合楼二楼', areaSqm: 45, capacity: 25, devices: ['触控大屏', '视频会议终端'], done: 5 },
    淦田法庭党员活动室: { floor: '淦田法庭二楼', areaSqm: 30, capacity: 15, devices: ['大屏电视', '视频会议终端'], done: 3, notes: '人民法庭离城区远，支部学习多通过视频会议终端与院机关连线' },
    老干部活动室: { floor: '综合楼一楼', areaSqm: 70, capacity: 30, devices: ['大屏电视', '电子书架'], done: 4 },
  };
  for (const branch of lukouBranches) {
    const name = placeOf(branch.id);
    const spec = name ? lukouRoom[name] : undefined;
    if (name && spec) specs.push({ orgId: branch.id, courtId: lukou.court.id, name, ...spec });
  }

  const rooms = specs.map((s) => ({
    id: newId(),
    courtId: s.courtId,
    orgId: s.orgId,
    name: s.name,
    floor: s.floor,
    areaSqm: s.areaSqm,
    capacity: s.capacity,
    devices: s.devices,
    checklist: Object.fromEntries(defaultRoomChecklist.map((item, k) => [item, k < s.done])),
    shared: s.shared ?? false,
    notes: s.notes ?? null,
    createdAt: new Date(now.getTime() - 200 * 86400_000),
    updatedAt: new Date(now.getTime() - 30 * 86400_000),
  }));
  if (!rooms.length) return;
  await tx.insert(schema.activityRooms).values(rooms);
  const roomByName = new Map(rooms.map((r) => [`${r.courtId}:${r.name}`, r]));

  // A month back and a month ahead: each activity held in a room books it for its span.
  const from = now.getTime() - 31 * 86400_000;
  const to = now.getTime() + 45 * 86400_000;
  const bookings: (typeof schema.roomBookings.$inferInsert & { startsAt: Date; endsAt: Date; roomId: string })[] = [];
  const secretaryOf = new Map<string, string | undefined>([[anshun.branches[7]?.id ?? '', ctx.userIds.get('anshun-zb8')], [anshun.branches[0]?.id ?? '', ctx.userIds.get('anshun-zb1')]]);
  const sorted = [...activities].filter((a) => a.place && a.status !== 'cancelled' && a.startsAt.getTime() >= from && a.startsAt.getTime() <= to).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const add = (b: Omit<(typeof bookings)[number], 'id'>) => {
    if (bookings.some((x) => x.roomId === b.roomId && bookingsOverlap(x, b))) return false;
    bookings.push({ id: newId(), ...b });
    return true;
  };
  // First 第二党支部's shared room (so the demo's clash for 黄书记 is always there): its own 主题党日 tomorrow 14:00–16:00, and 第八党支部's 支委会 there the day after.
  const shared = rooms.find((r) => r.courtId === anshun.court.id && r.shared);
  const day = (offset: number, hm: string) => {
    const d = new Date(now.getTime() + 8 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);
    return new Date(`${d}T${hm}:00+08:00`);
  };
  if (shared) {
    const second = anshun.branches[1]!;
    const eighth = anshun.branches[7];
    add({ courtId: shared.courtId, roomId: shared.id, orgId: second.id, activityId: null, title: '主题党日：远程连线普定县法院党支部“云上共学”', startsAt: day(1, '14:00'), endsAt: day(1, '16:00'), state: 'booked', bookedBy: ctx.userIds.get('anshun') ?? null });
    add({ courtId: shared.courtId, roomId: shared.id, orgId: second.id, activityId: null, title: '每周政治理论集中学习', startsAt: day(3, '08:00'), endsAt: day(3, '09:00'), state: 'booked', bookedBy: ctx.userIds.get('anshun') ?? null });
    if (eighth) add({ courtId: shared.courtId, roomId: shared.id, orgId: eighth.id, activityId: null, title: '第八党支部“初心铸魂 清风拂绿”品牌交流会', startsAt: day(2, '15:00'), endsAt: day(2, '17:00'), state: 'booked', bookedBy: ctx.userIds.get('anshun-zb8') ?? null });
    // One cancelled booking stays on record.
    add({ courtId: shared.courtId, roomId: shared.id, orgId: anshun.branches[2]!.id, activityId: null, title: '青年党员读书分享会', startsAt: day(4, '15:00'), endsAt: day(4, '16:30'), state: 'cancelled', cancelReason: '与庭审时间冲突，改期', bookedBy: ctx.userIds.get('anshun') ?? null });
  }
  // Then each activity held in a room books it (one that would clash with the above keeps no booking).
  for (const a of sorted) {
    const room = roomByName.get(`${a.courtId}:${a.place}`);
    if (!room) continue;
    const endsAt = a.endsAt ?? new Date(a.startsAt.getTime() + 2 * 3600_000);
    const branchId = a.orgPath.split('/').filter(Boolean).find((id) => rooms.some((r) => r.orgId === id)) ?? room.orgId;
    add({ courtId: a.courtId, roomId: room.id, orgId: a.orgId, activityId: a.id!, title: a.title, startsAt: a.startsAt, endsAt, state: 'booked', bookedBy: secretaryOf.get(branchId) ?? ctx.userIds.get(a.courtId === anshun.court.id ? 'anshun' : 'lukou') ?? null, createdAt: new Date(a.startsAt.getTime() - 7 * 86400_000) });
  }

  for (let i = 0; i < bookings.length; i += 200) await tx.insert(schema.roomBookings).values(bookings.slice(i, i + 200));

  // 月度政治学习要点 of this month (and last month) for both courts.
  const month = shanghaiMonthOf(now);
  const lastMonth = shanghaiMonthOf(new Date(now.getTime() - 31 * 86400_000));
  const points = [
    { courtId: anshun.court.id, month, items: ['学习贯彻党的二十届四中全会精神，结合审判执行工作谈认识', '学习《习近平法治思想学习纲要》第五章，开展“从政治上看、从法治上办”专题研讨', '学习《中国共产党支部工作条例（试行）》，对照检查“三会一课”落实情况', '观看警示教育片，通报法院系统违纪违法典型案例'] },
    { courtId: anshun.court.id, month: lastMonth, items: ['学习习近平总书记对政法工作的重要指示', '学习《中国共产党纪律处分条例》'] },
    { courtId: lukou.court.id, month, items: ['学习党的二十届四中全会精神', '学习“枫桥经验”在人民法庭的实践，开展案例讲评', '学习《中国共产党支部工作条例（试行）》'] },
  ];
  await tx.insert(schema.studyPoints).values(points.map((p) => ({ id: newId(), ...p, updatedBy: ctx.userIds.get(p.courtId === anshun.court.id ? 'anshun' : 'lukou') ?? null })));

  // Shared materials: 第二党支部 shares with 渌口's 审判业务党支部 (远程连线、云上共学), and 渌口 back.
  const second = anshun.branches[1]!;
  const eighth = anshun.branches[7] ?? second;
  const lukouTrial = lukouBranches.find((o) => o.name.includes('审判业务')) ?? lukouBranches[0];
  const lukouTribunal = lukouBranches.find((o) => o.name.includes('淦田'));
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const materials: { orgId: string; courtId: string; title: string; url?: string; file?: string; description: string; shares: (string | undefined)[] }[] = [
    { orgId: second.id, courtId: anshun.court.id, title: '习近平法治思想学习纲要（专题辅导课件）', url: 'https://www.12371.cn/special/xjpfzsx/', description: '第二党支部“云上共学”使用的辅导材料，供联建支部共学', shares: [lukouTrial?.id, lukouTribunal?.id, eighth.id] },
    { orgId: second.id, courtId: anshun.court.id, title: '“三会一课”标准化规范化操作指引', file: '三会一课操作指引.pdf', description: '省级示范党支部的做法，附会议记录样式', shares: [lukouTrial?.id] },
    { orgId: eighth.id, courtId: anshun.court.id, title: '“初心铸魂 清风拂绿”生态环境司法保护典型案例', url: 'https://www.court.gov.cn/', description: '第八党支部品牌案例汇编，用于案例讲评会', shares: [lukouTribunal?.id] },
  ];
  if (lukouTrial) materials.push({ orgId: lukouTrial.id, courtId: lukou.court.id, title: '“枫桥式人民法庭”创建经验交流材料', url: 'https://www.chinacourt.org/', description: '淦田法庭“枫桥创建促振兴”经验，供联建支部参考', shares: [second.id, eighth.id] });
  for (const m of materials) {
    const id = newId();
    let fileId: string | null = null;
    if (m.file) {
      fileId = newId();
      await tx.insert(schema.files).values({ id: fileId, courtId: m.courtId, ownerType: 'sharedMaterial', ownerId: id, fileName: m.file, mimeType: 'application/pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex'), content: pdf, uploadedBy: ctx.userIds.get('anshun') ?? null });
    }
    await tx.insert(schema.sharedMaterials).values({ id, courtId: m.courtId, orgId: m.orgId, title: m.title, kind: m.file ? 'file' : 'link', url: m.url ?? null, fileId, description: m.description, createdBy: ctx.userIds.get('anshun') ?? null });
    const targets = ctx.rows.partyOrgs.filter((o) => m.shares.includes(o.id));
    if (targets.length) await tx.insert(schema.materialShares).values(targets.map((o) => ({ id: newId(), materialId: id, courtId: o.courtId, orgId: o.id })));
  }
}
