import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt is memory-hard (N·r·128 bytes: 32 MiB at the default cost). The parameters travel
// with each hash, so the cost can be raised later without breaking stored passwords.

export interface ScryptCost { N: number; r: number; p: number }
export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A readable one-time password that passes the level-3 policy: 16 chars, all four classes. */
export function generatePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#%*-_+'];
  const all = sets.join('');
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b, i) => (i < sets.length ? sets[i]! : all)[b % (i < sets.length ? sets[i]!.length : all.length)]!);
  // Shuffle so the class-guaranteeing characters are not always first.
  const order = randomBytes(chars.length);
  return chars.map((c, i) => ({ c, k: order[i]! })).sort((a, b) => a.k - b.k).map((x) => x.c).join('');
}
