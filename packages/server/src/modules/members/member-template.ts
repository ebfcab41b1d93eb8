// The import template: the roster sheet with Chinese headers and one sample row, a sheet of the
// values each coded column accepts (with drop-downs pointing at it), and a sheet explaining every
// column. 身份证号 and phone columns are text, so Excel does not turn them into rounded numbers.
import ExcelJS from 'exceljs';
import { educationLabels, genderLabels, memberStatusLabels, positionLabels } from '@zhibu/domain';
import type { Deps } from '../../deps';
import type { Actor } from '../../policy/actor';
import { forbidIf } from '../../lib/records';
import { memberColumns, sampleMember, type MemberColumnKey } from './member-columns';
import { memberOrgTypes, membersPolicy } from './members.policy';
import * as repo from './members.repository';

const TEMPLATE_ROWS = 2000;

type RangeValidations = { dataValidations: { add: (range: string, validation: ExcelJS.DataValidation) => void } };

function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The orgs and groups the caller may import into, so the template offers their real names. */
async function importableNames(deps: Deps, actor: Actor) {
  const orgs: string[] = [];
  const groups: string[] = [];
  const departments: string[] = [];
  for (const courtId of membersPolicy.manageCourtIds(actor)) {
    const all = await repo.listCourtOrgs(deps.db, courtId);
    const manageable = all.filter((o) => membersPolicy.manageOrg(actor, o));
    for (const o of manageable) {
      if ((memberOrgTypes as readonly string[]).includes(o.type)) orgs.push(o.name);
      else if (o.type === 'partyGroup') groups.push(o.name);
    }
    for (const d of await repo.listCourtDepartments(deps.db, courtId)) departments.push(d.name);
  }
  return { orgs, groups: [...new Set(groups)], departments: [...new Set(departments)] };
}

export async function buildImportTemplate(deps: Deps, actor: Actor): Promise<Buffer> {
  forbidIf(!membersPolicy.import(actor));
  const names = await importableNames(deps, actor);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhibu 法院智慧党建平台';

  const sheet = wb.addWorksheet('党员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = memberColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE7E7' } };
  });
  memberColumns.forEach((c, i) => {
    header.getCell(i + 1).note = c.hint;
  });

  const sample: Record<MemberColumnKey, string> = {
    name: sampleMember.name,
    gender: '男',
    ethnicity: '汉族',
    birthDate: '1985-06-15',
    idNumber: sampleMember.idNumber,
    phone: sampleMember.phone,
    education: educationLabels.bachelor,
    org: names.orgs[0] ?? '第一党支部',
    group: '',
    department: names.departments[0] ?? '',
    position: positionLabels.judge,
    jobTitle: '四级高级法官',
    joinedOn: '2010-06-30',
    fullMemberSince: '2011-06-30',
    status: memberStatusLabels.fullMember,
    isRetired: '否',
    note: '示例行：请删除或覆盖；保留也会在导入时忽略',
  };
  const sampleRow = sheet.addRow(sample);
  sampleRow.font = { italic: true, color: { argb: 'FF888888' } };

  // 身份证号 / 手机号码 / dates as text: Excel keeps all 18 digits and the dates as typed.
  const textColumns: MemberColumnKey[] = ['idNumber', 'phone', 'birthDate', 'joinedOn', 'fullMemberSince'];
  for (const key of textColumns) sheet.getColumn(key).numFmt = '@';

  // 可选值: one column per coded field; the roster's cells offer them as drop-downs.
  const lists: { key: MemberColumnKey; title: string; values: string[] }[] = [
    { key: 'gender', title: '性别', values: Object.values(genderLabels) },
    { key: 'education', title: '学历', values: Object.values(educationLabels) },
    { key: 'position', title: '岗位', values: Object.values(positionLabels) },
    { key: 'status', title: '党员状态', values: Object.values(memberStatusLabels) },
    { key: 'isRetired', title: '离退休', values: ['是', '否'] },
    { key: 'org', title: '所在党支部', values: names.orgs },
    { key: 'group', title: '党小组', values: names.groups },
    { key: 'department', title: '部门', values: names.departments },
  ];
  const allowed = wb.addWorksheet('可选值');
  lists.forEach((l, i) => {
    const col = allowed.getColumn(i + 1);
    col.width = l.key === 'org' ? 40 : 16;
    allowed.getCell(1, i + 1).value = l.title;
    allowed.getCell(1, i + 1).font = { bold: true };
    l.values.forEach((v, j) => {
      allowed.getCell(j + 2, i + 1).value = v;
    });
    const rosterIndex = memberColumns.findIndex((c) => c.key === l.key) + 1;
    if (l.values.length && rosterIndex > 0) {
      const letter = columnLetter(i + 1);
      const target = columnLetter(rosterIndex);
      // Range validations exist in exceljs 4 but are missing from its typings.
      (sheet as unknown as RangeValidations).dataValidations.add(`${target}2:${target}${TEMPLATE_ROWS}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`'可选值'!$${letter}$2:$${letter}$${l.values.length + 1}`],
        showErrorMessage: l.key !== 'org' && l.key !== 'group' && l.key !== 'department',
        errorTitle: '取值不在可选范围',
        error: `请从“可选值”工作表的“${l.title}”列中选择`,
      });
    }
  });

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'header', width: 14 },
    { header: '填写要求', key: 'hint', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of memberColumns) help.addRow({ header: c.header, hint: c.hint });
  help.addRow({});
  help.addRow({ header: '说明', hint: '先校验全部行：只要有一行有误，就不写入任何数据，并给出问题清单（行号、列、原因）。' });
  help.addRow({ header: '', hint: '同一法院内以身份证号识别党员：再次导入同一人会更新其信息，不会重复登记。' });

  return Buffer.from((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}
