import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// Personal data (phone numbers) is encrypted at rest with AES-256-GCM under a key kept
// outside the database (SECURITY.md row 15): TUIJIN_DATA_KEY (base64, 32 bytes) or a key
// file created on first start beside the data, readable only by its owner.

export interface CryptoBox {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

export function loadOrCreateKey(options: { keyBase64?: string; keyFile: string }): Buffer {
  if (options.keyBase64) {
    const key = Buffer.from(options.keyBase64, 'base64');
    if (key.length !== 32) throw new Error('TUIJIN_DATA_KEY 必须是 32 字节密钥的 base64 编码');
    return key;
  }
  if (existsSync(options.keyFile)) return Buffer.from(readFileSync(options.keyFile, 'utf8').trim(), 'base64');
  mkdirSync(dirname(options.keyFile), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(options.keyFile, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

export function createCryptoBox(key: Buffer): CryptoBox {
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed) {
      const [v, , data] = sealed.split(':');
      if (v !== 'v1' || !data) throw new Error('无法识别的加密数据');
      const raw = Buffer.from(data, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/** 138****1234: what a role without need-to-know sees of a phone number. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return phone.length > 4 ? `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}` : '****';
}
