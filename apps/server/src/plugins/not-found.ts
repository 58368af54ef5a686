import type { App } from '../app-types.ts';
import { errorMessage } from '../errors/error-messages.ts';

/**
 * Unknown routes: JSON 404s under /api (and for anything but a page request), the SPA's
 * index.html for a browser asking for a client-side route.
 */
export function installNotFound(app: App, options: { spa: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (options.spa && wantsPage && !path.startsWith('/api/') && path !== '/api') {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    const error = { code: 'not_found', message: errorMessage('not_found', request.locale ?? 'vi') };
    return reply.code(404).type('application/json; charset=utf-8').send(JSON.stringify({ error }));
  });
}
