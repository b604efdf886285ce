import type { FastifyRequest } from 'fastify';

/** The address's path without its query string, as the client sent it (Fastify's request.url keeps the query). */
export function pathOf(request: FastifyRequest): string {
  const query = request.url.indexOf('?');
  return query === -1 ? request.url : request.url.slice(0, query);
}
