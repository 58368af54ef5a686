import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { metricsAllowed } from '../../plugins/security.ts';

const Status = z.object({ status: z.string() });

/** How long /readyz waits for the database before answering 503. */
const READY_TIMEOUT_MS = 900;

/**
 * Tables the migrations create; when they answer, the schema is in place. A database that is
 * known to be down, or does not answer in time, is "not ready" at once rather than a hanging probe.
 */
async function databaseReady(app: Parameters<FastifyPluginAsyncZod>[0]): Promise<boolean> {
  if (!app.databaseWatch.available()) return false;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  const answer = app.database.db
    .execute<{ ready: boolean }>(
      sql`select to_regclass('public.records') is not null and to_regclass('pgboss.job') is not null as ready`,
    )
    .then((rows) => rows[0]?.ready === true)
    .catch(() => false);
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
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
      async (request, reply) => {
        if (!metricsAllowed(request, app.config.metricsToken)) throw new AppError('not_found');
        const text = await registry.metrics();
        return reply.type(registry.contentType).send(text);
      },
    );
  };
}
