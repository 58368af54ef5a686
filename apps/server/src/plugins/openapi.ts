import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { ApiRoute, App } from '../app-types.ts';

/**
 * The OpenAPI document, built from the routes' zod schemas, at /api/openapi.json, and a UI to try
 * it at /api/docs. Registered before the routes so it sees every one of them.
 */
export async function installOpenApi(app: App): Promise<void> {
  const documented: ApiRoute[] = [];
  app.decorate('apiRoutes', documented);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || route.schema?.hide) return;
    const { schema } = route;
    // A route nobody can discover is a route nobody can integrate with: refuse it at start-up.
    if (!schema?.summary || !schema.tags?.length || !schema.response) {
      throw new Error(`${String(route.method)} ${route.url} needs a schema with summary, tags and responses`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') documented.push({ method, url: route.url });
    }
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'crmflow API',
        description:
          'Records, metadata, users and automation of crmflow. Sign in with the session cookie (`crmflow_session`) or send `Authorization: Bearer <token>`. Errors are `{ error: { code, message, details } }`; messages are Vietnamese unless `Accept-Language` or the user prefers English.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'crmflow_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
