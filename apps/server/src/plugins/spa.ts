import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '../app-types.ts';

/** Whether a built SPA is there to serve. */
export function spaAvailable(webDist: string): boolean {
  return existsSync(join(webDist, 'index.html'));
}

/**
 * The service worker is looked up again on every navigation; a cached copy would keep an old
 * app installed on phones long after a release.
 */
const revalidated = new Set(['sw.js', 'manifest.webmanifest']);

/**
 * Serves the built SPA at `/`. Client-side routes (`/workflows/123`) have no file: the
 * not-found handler answers them with index.html (see `installNotFound`).
 */
export async function installSpa(app: App, webDist: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDist,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    setHeaders(reply, path) {
      if (revalidated.has(basename(path))) reply.header('cache-control', 'no-cache');
    },
  });
}
