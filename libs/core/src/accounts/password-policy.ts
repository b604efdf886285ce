import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '@app/config';
import { badRequest } from '../app-error';

export const MIN_PASSWORD_LENGTH = 12;
// Also the sign-in limit: hashing a huge string costs the server, never the attacker.
export const MAX_PASSWORD_LENGTH = 128;

const LIST_FILE = path.join(repoRoot(), 'libs', 'core', 'src', 'accounts', 'common-passwords.txt');
let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(LIST_FILE, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

/**
 * Why a new password would be refused, in words the person can act on, or null if it is fine
 * (OWASP ASVS V6: length, a list of common and breached passwords, no composition rules).
 * Every place that sets a password asks this one function.
 */
export function passwordProblem(password: string, { email }: { email?: string } = {}): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `The password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  if (!password.trim()) return 'The password cannot be only spaces: choose three or four unrelated words';
  if (/^(.)\1*$/su.test(password)) return 'The password cannot be one character repeated: choose three or four unrelated words';
  const lower = password.normalize('NFKC').toLowerCase();
  const name = email?.trim().toLowerCase().split('@')[0] ?? '';
  if (name.length >= 3 && lower.includes(name)) return 'The password must not contain your email address or its name part';
  if (variants(lower).some((v) => isCommon(v))) {
    return 'This password is too common or too easy to guess (it is on our list of common and breached passwords, or is one with a few characters added): choose three or four unrelated words';
  }
  return null;
}

/** Throws a 400 saying what to fix when `passwordProblem` finds one. */
export function refuseWeakPassword(password: string, email: string): void {
  const problem = passwordProblem(password, { email });
  if (problem) throw badRequest('weak_password', problem);
}

/** The password as people dress up a weak one: digits or symbols around it, separators, repeats. */
function variants(lower: string): string[] {
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '') || lower;
  const joined = core.replace(/[\s._-]+/g, '');
  return [...new Set([lower, core, joined])];
}

function isCommon(candidate: string): boolean {
  const unit = repeatedUnit(candidate);
  // A short pattern repeated ("ab12ab12ab12") is as weak as the pattern itself.
  return commonPasswords().has(candidate) || (unit !== null && (unit.length <= 4 || commonPasswords().has(unit)));
}

/** The shortest text that, repeated two or more times, makes `s`; null if there is none. */
function repeatedUnit(s: string): string | null {
  const chars = [...s];
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.length % size) continue;
    const unit = chars.slice(0, size).join('');
    if (unit.repeat(chars.length / size) === s) return unit;
  }
  return null;
}
