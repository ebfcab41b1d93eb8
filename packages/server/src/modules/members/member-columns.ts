// The roster's columns, in the order of the template, the import and the export. Labels come from
// the domain enums, so the file says exactly what the web says.
import {
  educationLabels,
  genderLabels,
  makeIdNumber,
  memberStatusLabels,
  positionLabels,
  type Education,
  type Gender,
  type MemberStatus,
  type Position,
} from '@zhibu/domain';

export type MemberColumnKey =
  | 'name'
  | 'gender'
  | 'ethnicity'
  | 'birthDate'
  | 'idNumber'
  | 'phone'
  | 'education'
  | 'org'
  | 'group'
  | 'department'
  | 'position'
  | 'jobTitle'
  | 'joinedOn'
  | 'fullMemberSince'
  | 'status'
  | 'isRetired'
  | 'note';

export type MemberColumn = {
  key: MemberColumnKey;
  header: string;
  /** Other headers people use for the same column in their own rosters. */
  aliases: string[];
  width: number;
  hint: string;
};

export const memberColumns: MemberColumn[] = [
  { key: 'name', header: '姓名', aliases: [], width: 10, hint: '必填，最多32个字' },
  { key: 'gender', header: '性别', aliases: [], width: 6, hint: '男/女；可不填，由身份证号得出；填了须与身份证号一致' },
  { key: 'ethnicity', header: '民族', aliases: [], width: 8, hint: '如：汉族；不填为汉族' },
  { key: 'birthDate', header: '出生日期', aliases: ['出生年月'], width: 12, hint: '可不填，由身份证号得出；填了须与身份证号一致' },
  { key: 'idNumber', header: '身份证号', aliases: ['身份证号码', '公民身份号码', '身份证'], width: 21, hint: '必填，18位，校验位须正确；请设为文本格式；同一法院内不能重复（再次导入同一人即更新）' },
  { key: 'phone', header: '手机号码', aliases: ['手机号', '手机', '联系电话', '电话'], width: 14, hint: '11位手机号，或带区号的固定电话（如0851-12345678）' },
  { key: 'education', header: '学历', aliases: [], width: 10, hint: '见“可选值”' },
  { key: 'org', header: '所在党支部', aliases: ['所在支部', '党支部', '所在党组织'], width: 30, hint: '本院党支部的全称或简称；不填则导入到导入时选定的党组织' },
  { key: 'group', header: '党小组', aliases: ['所在党小组'], width: 12, hint: '所在党支部下的党小组名称，可不填' },
  { key: 'department', header: '部门', aliases: ['所在部门', '庭室'], width: 12, hint: '本院庭室或审判团队名称，可不填' },
  { key: 'position', header: '岗位', aliases: ['人员类别'], width: 10, hint: '见“可选值”；不填为“其他”' },
  { key: 'jobTitle', header: '职务', aliases: ['职务职级'], width: 12, hint: '可不填' },
  { key: 'joinedOn', header: '入党时间', aliases: ['入党日期'], width: 12, hint: '如2025-03-01、2025/3/1、2025年3月1日；预备党员、正式党员必填，不能晚于今天，入党时须年满18周岁' },
  { key: 'fullMemberSince', header: '转正时间', aliases: ['转正日期'], width: 12, hint: '正式党员必填；不能早于入党时间满1年，延长预备期的最长不超过满2年' },
  { key: 'status', header: '党员状态', aliases: ['状态', '政治面貌'], width: 12, hint: '必填，见“可选值”' },
  { key: 'isRetired', header: '离退休', aliases: ['是否离退休'], width: 8, hint: '是/否；不填为否' },
  { key: 'note', header: '备注', aliases: [], width: 20, hint: '最多500个字' },
];

export const columnHeader = Object.fromEntries(memberColumns.map((c) => [c.key, c.header])) as Record<MemberColumnKey, string>;

/** The request field behind each column, and back: problems name the column the user sees. */
export const headerOfField: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  idNumber: '身份证号',
  phone: '手机号码',
  education: '学历',
  orgId: '所在党支部',
  groupId: '党小组',
  departmentId: '部门',
  position: '岗位',
  jobTitle: '职务',
  joinedOn: '入党时间',
  fullMemberSince: '转正时间',
  status: '党员状态',
  isRetired: '离退休',
  note: '备注',
};

function reverse<K extends string>(labels: Record<K, string>, extra: Record<string, K> = {}): Map<string, K> {
  const map = new Map<string, K>();
  for (const [k, v] of Object.entries(labels) as [K, string][]) {
    map.set(v, k);
    map.set(k, k);
  }
  for (const [k, v] of Object.entries(extra)) map.set(k, v);
  return map;
}

export const genderByLabel = reverse<Gender>(genderLabels, { 男性: 'male', 女性: 'female' });
export const educationByLabel = reverse<Education>(educationLabels, { 博士: 'doctorate', 硕士: 'master', 研究生: 'master', 本科: 'bachelor', 大学: 'bachelor', 大专: 'juniorCollege', 专科: 'juniorCollege', 中专: 'secondary', 高中: 'secondary' });
export const positionByLabel = reverse<Position>(positionLabels, { 法警: 'judicialPolice', 行政: 'administrative' });
export const statusByLabel = reverse<MemberStatus>(memberStatusLabels, {
  申请人: 'applicant',
  积极分子: 'activist',
  预备: 'probationaryMember',
  正式: 'fullMember',
  中共党员: 'fullMember',
  中共预备党员: 'probationaryMember',
  转出: 'transferredOut',
  去世: 'deceased',
  死亡: 'deceased',
  除名: 'removed',
});
export const retiredByLabel = new Map<string, boolean>([
  ['是', true],
  ['否', false],
  ['离休', true],
  ['退休', true],
  ['离退休', true],
  ['在职', false],
  ['Y', true],
  ['N', false],
  ['y', true],
  ['n', false],
  ['1', true],
  ['0', false],
  ['true', true],
  ['false', false],
  ['TRUE', true],
  ['FALSE', false],
]);

/** The template's sample row: a fictional person, skipped on import if left in the file. */
export const sampleMember = {
  name: '张三（示例行，导入时忽略）',
  idNumber: makeIdNumber('520402', '1985-06-15', 123),
  phone: '13800001234',
};
