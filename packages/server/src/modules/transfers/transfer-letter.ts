// 中国共产党党员组织关系介绍信 (组通字〔2006〕45号 式样, RULES.md §5): the letter (正联) with the
// letter number, the member, where the relation goes, 党费交至 and the validity, and below a cut line
// the 回执 that the receiving side returns. Filled from the transfer; opens in Word and WPS.
import { AlignmentType, Packer, Paragraph, TextRun } from 'docx';
import { ageOn, formatChineseDate, memberStatusLabels, type MemberStatus } from '@zhibu/domain';
import type { Transfer } from '@zhibu/contracts';
import { bodyText, LINE, newDocument, page, run, title } from '../../lib/official-docx';

export type LetterInput = {
  transfer: Transfer;
  member: { name: string; gender: string; birthDate: string; ethnicity: string; idNumber: string; status: string };
};

function month(ym: string): string {
  const [y, m] = ym.split('-');
  return `${y}年${Number(m)}月`;
}

export async function renderTransferLetter({ transfer: t, member: m }: LetterInput): Promise<Buffer> {
  const to = t.toOrgName ? `${t.toCourtName ?? ''}${t.toOrgName}` : (t.toUnitName ?? '');
  const gender = m.gender === 'female' ? '女' : '男';
  const status = m.status === 'probationaryMember' ? '预备党员' : (memberStatusLabels[m.status as MemberStatus] ?? '正式党员');
  const right = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [run(text)] });
  const letter = [
    title('中国共产党党员组织关系介绍信'),
    right(t.letterNo),
    new Paragraph({ spacing: LINE, children: [run(`${to}：`)] }),
    ...bodyText(
      `兹介绍${m.name}同志（${gender}，${ageOn(m.birthDate, t.issuedOn)}岁，${m.ethnicity}，身份证号码${m.idNumber}）系中共${status}，` +
        `组织关系由${t.fromCourtName}${t.fromOrgName}转到你处，请接洽。\n该同志党费已交到${month(t.duesPaidTo)}。\n转接原因：${t.reason}`,
    ),
    right(`${t.fromCourtName}${t.fromOrgName}（盖章）`),
    right(formatChineseDate(t.issuedOn)),
    new Paragraph({ spacing: LINE, children: [run(`（有效期至${formatChineseDate(t.validUntil)}）`, { size: 28 })] }),
    new Paragraph({ spacing: { before: 480, after: 480 }, alignment: AlignmentType.CENTER, children: [new TextRun({ text: '- - - - - - - - - - - - - - - - 沿此线剪开 - - - - - - - - - - - - - - - -', size: 24 })] }),
    title('回　执', 36),
    right(t.letterNo),
    new Paragraph({ spacing: LINE, children: [run(`${t.fromCourtName}${t.fromOrgName}：`)] }),
    ...bodyText(`${m.name}同志的党员组织关系已转达我处，特此回复。`),
    right('接收党组织（盖章）'),
    right('　　　　年　　月　　日'),
  ];
  const doc = newDocument(`党员组织关系介绍信 ${t.letterNo}`, [{ properties: { page }, children: letter }]);
  return Packer.toBuffer(doc);
}
