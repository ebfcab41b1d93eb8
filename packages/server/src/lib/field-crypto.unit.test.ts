import { describe, expect, it } from 'vitest';
import { createHmac, randomBytes } from 'node:crypto';
import { createFieldCrypto } from './field-crypto';

describe('身份证号、手机号码加密存储（AES-256-GCM）', () => {
  it.each([
    ['空串', ''],
    ['身份证号', '520102198807154321'],
    ['带 X 的身份证号', '52010219880715432X'],
    ['手机号码', '13800138000'],
    ['中文', '贵州省安顺市中级人民法院'],
    ['64 个字（缓冲区能放下的最长）', '法'.repeat(64)],
    ['65 个字（改走 createHmac）', '法'.repeat(65)],
    ['代理对（4 字节 UTF-8）', '𠀀'.repeat(32)],
    ['很长的文本', 'a'.repeat(1000)],
  ])('查重散列与 HMAC-SHA256 逐字节相同，已存的散列仍能查到：%s', (_label, plain) => {
    const key = randomBytes(32);
    const macKey = createHmac('sha256', key).update('zhibu:mac').digest();
    const expected = createHmac('sha256', macKey).update(plain).digest('hex');
    const fc = createFieldCrypto(key);
    expect(fc.hash(plain)).toBe(expected);
    // The buffers are reused: a shorter value after a longer one must not see the longer one's tail.
    fc.hash('x'.repeat(60));
    expect(fc.hash(plain)).toBe(expected);
  });

  const crypto = createFieldCrypto(randomBytes(32));

  it('加密后可还原，密文中看不到原文', () => {
    const stored = crypto.encrypt('520102198807154321');
    expect(stored.startsWith('v1:')).toBe(true);
    expect(stored).not.toContain('520102198807154321');
    expect(crypto.decrypt(stored)).toBe('520102198807154321');
  });

  it('同一号码每次加密的密文不同：跨过成批取随机数的边界，IV 也从不重复', () => {
    const ivs = new Set<string>();
    const n = 2 * 1024 + 7; // more than two draws of IVs
    for (let i = 0; i < n; i++) {
      const stored = crypto.encrypt('13800138000');
      ivs.add(Buffer.from(stored.slice(3), 'base64').subarray(0, 12).toString('hex'));
      if (i % 500 === 0) expect(crypto.decrypt(stored)).toBe('13800138000');
    }
    expect(ivs.size).toBe(n);
  });

  it('密文被改动一个字节即解密失败，不会得到错误的号码', () => {
    const raw = Buffer.from(crypto.encrypt('520102198807154321').slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => crypto.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('另一把密钥解不开；查重用的散列对同一号码相同、与密钥有关', () => {
    const other = createFieldCrypto(randomBytes(32));
    expect(() => other.decrypt(crypto.encrypt('13800138000'))).toThrow();
    expect(crypto.hash('13800138000')).toBe(crypto.hash('13800138000'));
    expect(other.hash('13800138000')).not.toBe(crypto.hash('13800138000'));
  });
});
