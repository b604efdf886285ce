import { registeredRoutes, TestApp } from './test-app';

/**
 * Every route the app's controllers serve, as "METHOD /path/:param": what Fastify was given, less the
 * HEAD routes it adds for each GET, the static assets and the OpenAPI pages.
 */
export function appRoutes(t: TestApp): string[] {
  return registeredRoutes(t.app).filter((route) => {
    const [method, path] = route.split(' ');
    return method !== 'HEAD' && !path.startsWith('/assets/') && !path.startsWith('/api/docs');
  });
}
