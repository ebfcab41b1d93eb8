import { describe, expect, it } from 'vitest';
import { contentDisposition, detectAttachmentType } from './attachments';
import { checkSignInToken, makeSignInToken, newSignInCode, newSignInSecret, parseSignInToken, timeStepOf } from './sign-in-token';

const ID = '01936b7e-8c1a-7000-8000-000000000001';
const T0 = new Date('2026-11-23T02:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('签到二维码令牌', () => {
  const secret = newSignInSecret();
  const token = makeSignInToken(ID, secret, timeStepOf(T0));
  it.each([
    [0, 'valid'],
    [29, 'valid'],
    [30, 'valid'],
    [59, 'valid'],
    [60, 'expired'],
    [-1, 'expired'],
  ] as const)('%i 秒后 → %s', (seconds, expected) => {
    expect(checkSignInToken(parseSignInToken(token)!, secret, at(seconds))).toBe(expected);
  });
  it('换一个密钥或改动内容即无效', () => {
    expect(checkSignInToken(parseSignInToken(token)!, newSignInSecret(), T0)).toBe('invalid');
    const forged = makeSignInToken('01936b7e-8c1a-7000-8000-000000000002', secret, timeStepOf(T0)).split('.')[0] + '.' + token.split('.')[1];
    expect(checkSignInToken(parseSignInToken(forged)!, secret, T0)).toBe('invalid');
  });
  it.each(['', 'abc', 'a.b.c', `${Buffer.from('not-a-uuid.1').toString('base64url')}.x`])('格式错误的令牌 %s 解析为 null', (raw) => {
    expect(parseSignInToken(raw)).toBeNull();
  });
  it('签到码为6位数字', () => {
    for (let i = 0; i < 50; i++) expect(newSignInCode()).toMatch(/^\d{6}$/);
  });
});

describe('附件类型与下载文件名', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
  const jpg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]);
  const pdf = Buffer.from('%PDF-1.7\n');
  const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....word/document.xml')]);
  const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....xl/workbook.xml')]);
  it.each([
    ['照片.PNG', png, 'image/png'],
    ['a.jpeg', jpg, 'image/jpeg'],
    ['a.jpg', jpg, 'image/jpeg'],
    ['纪要.pdf', pdf, 'application/pdf'],
    ['纪要.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['签到表.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['签到表.docx', xlsx, null],
    ['a.png', pdf, null],
    ['a.exe', Buffer.from('MZ'), null],
    ['noext', png, null],
    ['a.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]), null],
  ] as const)('%s → %s', (name, content, expected) => {
    expect(detectAttachmentType(name, content)).toBe(expected);
  });
  it('中文文件名按 RFC 5987 编码，并有 ASCII 备用名', () => {
    const h = contentDisposition('会议照片(1).jpg');
    expect(h).toContain("filename*=UTF-8''%E4%BC%9A%E8%AE%AE%E7%85%A7%E7%89%87%281%29.jpg");
    expect(h).toContain('filename="____(1).jpg"');
    expect(contentDisposition('会议照片.jpg')).toContain('filename="attachment.jpg"');
    expect(contentDisposition('minutes "x".pdf')).toContain('filename="minutes _x_.pdf"');
  });
});
