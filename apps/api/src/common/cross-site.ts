import type { FastifyRequest } from 'fastify';
import { pathOf } from './request-path';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Why a JSON API request could have been forged by another site, or null. Only requests a browser
 * could send by itself matter: those with the session cookie, and sign-in (login forgery). A bearer
 * token is never attached by a browser, so such requests are left alone; so are the web pages, which
 * carry a form token (web/csrf.ts).
 *
 * Another site's page can post a form (urlencoded, multipart, text/plain) without asking, but not
 * JSON, and not a custom header: those need a CORS preflight, which this app never grants.
 */
export function crossSiteProblem(request: FastifyRequest, publicUrl: string): string | null {
  if (!STATE_CHANGING.has(request.method) || !pathOf(request).startsWith('/api/') || isBearer(request)) return null;
  const origin = originOf(request);
  const ownOrigins = [new URL(publicUrl).origin, `${request.protocol}://${request.headers.host}`];
  if (origin !== null && !ownOrigins.includes(origin)) {
    return 'This request came from another site. The API takes requests made with the session cookie only from this site\'s own pages; scripts should send an "Authorization: Bearer <token>" header instead.';
  }
  const type = request.headers['content-type'];
  if (type === undefined || isJson(type) || origin !== null || request.headers['x-requested-with'] !== undefined) return null;
  return 'Send the body as application/json (or, for a file upload, add an "X-Requested-With" header) when you use the session cookie; scripts can use an "Authorization: Bearer <token>" header instead.';
}

function isBearer(request: FastifyRequest): boolean {
  return request.headers.authorization?.startsWith('Bearer ') ?? false;
}

/** The Origin header, else the origin of the Referer; null when the client sent neither (curl, scripts). */
function originOf(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (origin !== undefined) return origin;
  const referer = request.headers.referer;
  if (referer === undefined) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return 'unreadable referer';
  }
}

function isJson(type: string): boolean {
  const essence = type.split(';')[0].trim().toLowerCase();
  return essence === 'application/json' || essence.endsWith('+json');
}
