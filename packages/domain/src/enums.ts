// Enumerations shared by every layer. Identifiers follow docs/glossary.md; each has its Chinese
// label beside it so that the web, exports and error messages all say the same words.

export const courtLevels = ['supreme', 'high', 'intermediate', 'basic', 'tribunal'] as const;
export type CourtLevel = (typeof courtLevels)[number];
export const courtLevelLabels: Record<CourtLevel, string> = {
  supreme: '最高人民法院',
  high: '高级人民法院',
  intermediate: '中级人民法院',
  basic: '基层人民法院',
  tribunal: '人民法庭',
};

export const orgTypes = [
  'leadingPartyGroup',
  'organCommittee',
  'primaryCommittee',
  'generalBranch',
  'branch',
  'partyGroup',
  'youthStudyGroup',
] as const;
export type OrgType = (typeof orgTypes)[number];
export const orgTypeLabels: Record<OrgType, string> = {
  leadingPartyGroup: '党组',
  organCommittee: '机关党委',
  primaryCommittee: '基层党委',
  generalBranch: '党总支',
  branch: '党支部',
  partyGroup: '党小组',
  youthStudyGroup: '青年理论学习小组',
};

export const branchKinds = ['regular', 'retired', 'joint', 'temporary'] as const;
export type BranchKind = (typeof branchKinds)[number];
export const branchKindLabels: Record<BranchKind, string> = {
  regular: '在职党支部',
  retired: '离退休党支部',
  joint: '联合党支部',
  temporary: '临时党支部',
};

export const departmentKinds = ['department', 'trialTeam'] as const;
export type DepartmentKind = (typeof departmentKinds)[number];
export const departmentKindLabels: Record<DepartmentKind, string> = {
  department: '庭室',
  trialTeam: '审判团队',
};

export const committeePosts = [
  'secretary',
  'deputySecretary',
  'organizationMember',
  'publicityMember',
  'disciplineMember',
  'youthMember',
  'committeeMember',
] as const;
export type CommitteePost = (typeof committeePosts)[number];
export const committeePostLabels: Record<CommitteePost, string> = {
  secretary: '书记',
  deputySecretary: '副书记',
  organizationMember: '组织委员',
  publicityMember: '宣传委员',
  disciplineMember: '纪检委员',
  youthMember: '青年委员',
  committeeMember: '委员',
};

export const memberStatuses = [
  'applicant',
  'activist',
  'developmentCandidate',
  'probationaryMember',
  'fullMember',
  'membershipSuspended',
  'transferredOut',
  'deceased',
  'removed',
] as const;
export type MemberStatus = (typeof memberStatuses)[number];
export const memberStatusLabels: Record<MemberStatus, string> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  developmentCandidate: '发展对象',
  probationaryMember: '预备党员',
  fullMember: '正式党员',
  membershipSuspended: '停止党籍',
  transferredOut: '已转出',
  deceased: '已去世',
  removed: '已除名',
};

export const genders = ['male', 'female'] as const;
export type Gender = (typeof genders)[number];
export const genderLabels: Record<Gender, string> = { male: '男', female: '女' };

export const positions = ['judge', 'judgeAssistant', 'clerk', 'judicialPolice', 'administrative', 'other'] as const;
export type Position = (typeof positions)[number];
export const positionLabels: Record<Position, string> = {
  judge: '法官',
  judgeAssistant: '法官助理',
  clerk: '书记员',
  judicialPolice: '司法警察',
  administrative: '行政人员',
  other: '其他',
};

export const educations = ['doctorate', 'master', 'bachelor', 'juniorCollege', 'secondary', 'other'] as const;
export type Education = (typeof educations)[number];
export const educationLabels: Record<Education, string> = {
  doctorate: '博士研究生',
  master: '硕士研究生',
  bachelor: '大学本科',
  juniorCollege: '大学专科',
  secondary: '中专及以下',
  other: '其他',
};

/** Roles. The 三员 (sysAdmin, securityOfficer, auditor) are separate by design: no role holds two. */
export const roles = [
  'sysAdmin',
  'securityOfficer',
  'auditor',
  'courtAdmin',
  'branchSecretary',
  'committeeMember',
  'groupLeader',
  'member',
  'higherCourtViewer',
] as const;
export type Role = (typeof roles)[number];
export const roleLabels: Record<Role, string> = {
  sysAdmin: '系统管理员',
  securityOfficer: '安全保密员',
  auditor: '安全审计员',
  courtAdmin: '机关党委（党总支）管理员',
  branchSecretary: '党支部书记',
  committeeMember: '支部委员',
  groupLeader: '党小组长',
  member: '党员',
  higherCourtViewer: '上级法院查看',
};

/** Units in which the regulations state a minimum frequency (每周、每月、每季度、每半年、每年). @see RULES.md §1.1 */
export const periodUnits = ['week', 'month', 'quarter', 'halfYear', 'year'] as const;
export type PeriodUnit = (typeof periodUnits)[number];
export const periodUnitLabels: Record<PeriodUnit, string> = {
  week: '周',
  month: '月',
  quarter: '季度',
  halfYear: '半年',
  year: '年',
};

/** A person's attendance at an activity. 免于参加 is for old, weak or seriously ill members (RULES.md §1.1 Notes). */
export const attendanceStatuses = ['present', 'onLeave', 'absent', 'exempt', 'observer'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceStatusLabels: Record<AttendanceStatus, string> = {
  present: '出席',
  onLeave: '请假',
  absent: '缺席',
  exempt: '免于参加',
  observer: '列席',
};
