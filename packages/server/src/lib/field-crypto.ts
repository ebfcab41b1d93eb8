// 身份证号 and phone are encrypted at rest with AES-256-GCM, with a keyed hash (HMAC-SHA256) for
// exact lookup (DESIGN.md § Data). One master key yields two sub-keys, so the hash cannot be used
// to decrypt and vice versa.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type FieldCrypto = {
  encrypt: (plain: string) => string;
  decrypt: (stored: string) => string;
  hash: (plain: string) => string;
};

export function createFieldCrypto(masterKey: Buffer): FieldCrypto {
  if (masterKey.length !== 32) throw new Error('ZHIBU_SECRET_KEY 必须是 32 字节（64 位十六进制）');
  const encKey = createHmac('sha256', masterKey).update('zhibu:enc').digest();
  const macKey = createHmac('sha256', masterKey).update('zhibu:mac').digest();
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      const raw = Buffer.from(stored.replace(/^v1:/, ''), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    hash(plain) {
      return createHmac('sha256', macKey).update(plain).digest('hex');
    },
  };
}

/** The key from env, or from a key file made (0600) on first run. */
export function loadMasterKey(opts: { secretKey?: string; secretKeyFile: string }): Buffer {
  if (opts.secretKey) {
    if (!/^[0-9a-fA-F]{64}$/.test(opts.secretKey)) throw new Error('ZHIBU_SECRET_KEY 必须是 64 位十六进制字符');
    return Buffer.from(opts.secretKey, 'hex');
  }
  if (existsSync(opts.secretKeyFile)) return Buffer.from(readFileSync(opts.secretKeyFile, 'utf8').trim(), 'hex');
  mkdirSync(path.dirname(opts.secretKeyFile), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(opts.secretKeyFile, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  return key;
}
