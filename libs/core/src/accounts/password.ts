import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

// scrypt is memory-hard (N * r * 128 bytes = 16 MiB per hash here) and ships with Node, so no native addon.
const PASSWORD_COST = { N: 2 ** 14, r: 8, p: 1 };
/**
 * Under the test runner (jest sets NODE_ENV=test) passwords are hashed at a sixteenth of that work, as
 * the suites make and check thousands. A hash names its own cost and is checked at it, so no rule
 * changes; a council's passwords, under any other NODE_ENV or none, are never stored so.
 */
const TEST_COST = { ...PASSWORD_COST, N: 2 ** 10 };
const MAXMEM = 64 * 1024 * 1024;
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const cost = process.env.NODE_ENV === 'test' ? TEST_COST : PASSWORD_COST;
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem: MAXMEM });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return timingSafeEqual(actual, expected);
}

/** A hash with the same cost, so an unknown email takes as long as a wrong password. */
export const DUMMY_HASH_PROMISE = hashPassword(randomBytes(12).toString('hex'));
