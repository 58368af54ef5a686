import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { z } from 'zod';

const Status = z.object({ status: z.string() });

/** Tables the migrations create; when they answer, the schema is in place. */
async function databaseReady(app: Parameters<FastifyPluginAsyncZod>[0]): Promise<boolean> {
  try {
    const rows = await app.database.db.execute<{ ready: boolean }>(
      sql`select to_regclass('public.records') is not null and to_regclass('pgboss.job') is not null as ready`,
    );
    return rows[0]?.ready === true;
  } catch {
    return false;
  }
}

export function opsRoutes(registry: Registry): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          summary: 'Liveness: the process answers',
          tags: ['operations'],
          response: { 200: Status.describe('Alive') },
        },
      },
      async () => ({ status: 'ok' }),
    );

    app.get(
      '/readyz',
      {
        schema: {
          summary: 'Readiness: the database answers and is migrated',
          tags: ['operations'],
          response: { 200: Status.describe('Ready'), 503: Status.describe('Not ready') },
        },
      },
      async (_request, reply) => {
        const ready = await databaseReady(app);
        return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable' });
      },
    );

    app.get(
      '/metrics',
      {
        schema: {
          summary: 'Prometheus metrics',
          tags: ['operations'],
          response: { 200: z.string().describe('Prometheus text exposition format') },
        },
      },
      async (_request, reply) => {
        const text = await registry.metrics();
        return reply.type(registry.contentType).send(text);
      },
    );
  };
}
