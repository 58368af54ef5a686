import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { App } from '../app-types.ts';

/**
 * Prometheus metrics of this process. A registry per app (not the global one) so that several
 * apps in one process — the tests — do not register the same metric twice.
 */
export function installMetrics(app: App): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const durations = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests in seconds, by method, route and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  if (app.database.statementsSent() !== null) {
    new Gauge({
      name: 'crmflow_db_statements_sent',
      help: 'Statements this process has sent to the database (counted when CRMFLOW_COUNT_STATEMENTS=on)',
      registers: [registry],
      collect() {
        this.set(app.database.statementsSent() ?? 0);
      },
    });
  }
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL: ids in paths would make a series per record.
    const route = request.routeOptions.url ?? 'not_found';
    durations.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  return registry;
}
