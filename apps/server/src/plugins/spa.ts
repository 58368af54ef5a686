import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '../app-types.ts';

/** Whether a built SPA is there to serve. */
export function spaAvailable(webDist: string): boolean {
  return existsSync(join(webDist, 'index.html'));
}

/**
 * Serves the built SPA at `/`. Client-side routes (`/workflows/123`) have no file: the
 * not-found handler answers them with index.html (see `installNotFound`).
 */
export async function installSpa(app: App, webDist: string): Promise<void> {
  await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: true, index: ['index.html'] });
}
