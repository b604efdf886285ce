import type { FastifyReply } from 'fastify';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { SESSION_COOKIE } from '../common/auth.guard';
import { PageRequest } from './csrf';

const COOKIE = 'it_calendar_link';
const PATH = '/settings/notifications';
const LIFETIME_SECONDS = 15 * 60;

/** A key only this browser's session can make: the link is readable by the session that made it, and no other. */
function keyOf(req: PageRequest): Buffer | null {
  const session = req.cookies?.[SESSION_COOKIE];
  return typeof session === 'string' && session ? createHash('sha256').update(`calendar link\0${session}`).digest() : null;
}

/**
 * A new calendar link is made by a POST that redirects (post/redirect/get); the page it lands on shows the
 * link from this short-lived cookie, encrypted to the session. Reloading that page shows the same link
 * again, never makes another. Only a hash of the token is stored on the server, so this is the one copy.
 */
export const calendarLink = {
  remember(req: PageRequest, res: FastifyReply, token: string, secure: boolean): void {
    const key = keyOf(req);
    if (!key) return;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    const value = Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
    // Expires beside Max-Age, for browsers that know only the older attribute.
    const expires = new Date(Date.now() + LIFETIME_SECONDS * 1000);
    res.setCookie(COOKIE, value, { httpOnly: true, sameSite: 'lax', secure, path: PATH, maxAge: LIFETIME_SECONDS, expires });
  },

  /** The token this session made, if the cookie holds one it can open. */
  recall(req: PageRequest): string | null {
    const key = keyOf(req);
    const value = req.cookies?.[COOKIE];
    if (!key || typeof value !== 'string') return null;
    try {
      const bytes = Buffer.from(value, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  },

  forget(res: FastifyReply, secure: boolean): void {
    res.clearCookie(COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: PATH });
  },
};
