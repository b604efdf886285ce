import type { FastifyRequest } from 'fastify';

/**
 * The address's path without its query string, percent-decoded as the router reads it: "/%61pi/v1/…"
 * reaches the same route as "/api/v1/…", so every check of the path must see it that way too.
 */
export function pathOf(request: FastifyRequest): string {
  const query = request.url.indexOf('?');
  const path = query === -1 ? request.url : request.url.slice(0, query);
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // not a valid encoding: the router refuses it as a bad address
  }
}
