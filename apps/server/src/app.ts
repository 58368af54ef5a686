import { type Database, watchDatabase } from '@crmflow/db';
import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { PgBoss } from 'pg-boss';
import { allocationRulesRoutes } from './api/allocation-rules/allocation-rules.routes.ts';
import { authRoutes } from './api/auth/auth.routes.ts';
import { careCardsRoutes } from './api/care-cards/care-cards.routes.ts';
import { careProcessesRoutes } from './api/care-processes/care-processes.routes.ts';
import { meRoutes } from './api/me/me.routes.ts';
import { messageTemplatesRoutes } from './api/message-templates/message-templates.routes.ts';
import { modulesRoutes } from './api/modules/modules.routes.ts';
import { notificationsRoutes } from './api/notifications/notifications.routes.ts';
import { opsRoutes } from './api/ops/ops.routes.ts';
import { orderActivityRoutes } from './api/order-activity/order-activity.routes.ts';
import { organizationRoutes } from './api/organization/organization.routes.ts';
import { outboxRoutes } from './api/outbox/outbox.routes.ts';
import { providersRoutes } from './api/providers/providers.routes.ts';
import { pushRoutes } from './api/push/push.routes.ts';
import { recordFilesRoutes } from './api/record-files/record-files.routes.ts';
import { recordHistoryRoutes } from './api/record-history/record-history.routes.ts';
import { recordsRoutes } from './api/records/records.routes.ts';
import { runsRoutes } from './api/runs/runs.routes.ts';
import { schemasRoutes } from './api/schemas/schemas.routes.ts';
import { templatePreviewRoutes } from './api/template-preview/template-preview.routes.ts';
import { templatesRoutes } from './api/templates/templates.routes.ts';
import { tokensRoutes } from './api/tokens/tokens.routes.ts';
import { usersRoutes } from './api/users/users.routes.ts';
import { workAppRoutes } from './api/work-app/work-app.routes.ts';
import { workflowConflictsRoutes } from './api/workflow-conflicts/workflow-conflicts.routes.ts';
import { workflowImpactRoutes } from './api/workflow-impact/workflow-impact.routes.ts';
import { workflowLifecycleRoutes } from './api/workflows/workflow-lifecycle.routes.ts';
import { workflowTestRoutes } from './api/workflows/workflow-test.routes.ts';
import { workflowsRoutes } from './api/workflows/workflows.routes.ts';
import { znsImportRoutes } from './api/zns-import/zns-import.routes.ts';
import type { App } from './app-types.ts';
import type { AppConfig } from './config.ts';
import { installAuth } from './plugins/auth.ts';
import { closeConnectionsWhenClosing } from './plugins/closing.ts';
import { installErrorHandling } from './plugins/errors.ts';
import { installInputGuard } from './plugins/input-guard.ts';
import { installMetrics } from './plugins/metrics.ts';
import { installNotFound } from './plugins/not-found.ts';
import { installOpenApi } from './plugins/openapi.ts';
import { responseSerializerCompiler } from './plugins/response-projection.ts';
import { installApiRateLimit, installSecurityHeaders } from './plugins/security.ts';
import { installSpa, spaAvailable } from './plugins/spa.ts';

export type BuildAppOptions = {
  database: Database;
  boss: PgBoss;
  config: AppConfig;
  /** `ops` serves only /healthz, /readyz and /metrics: what a worker process exposes. */
  surface?: 'full' | 'ops';
};

/** The HTTP application, ready to `listen` or to `inject` requests into in tests. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { database, boss, config } = options;
  const app = Fastify({
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler({ check: config.checkResponses }));
  app.decorate('database', database);
  const databaseWatch = watchDatabase(database);
  app.decorate('databaseWatch', databaseWatch);
  app.addHook('onClose', async () => databaseWatch.stop());
  closeConnectionsWhenClosing(app);
  app.decorate('boss', boss);
  app.decorate('config', config);

  installErrorHandling(app);
  await installSecurityHeaders(app);
  installInputGuard(app);
  const registry = installMetrics(app);
  if (options.surface === 'ops') {
    installNotFound(app, { spa: false });
    await app.register(opsRoutes(registry));
    return app;
  }

  await app.register(fastifyCookie);
  // Before auth: a flood is turned away before any token is looked up.
  await installApiRateLimit(app, config.apiRateLimit);
  installAuth(app);
  await installOpenApi(app);
  await app.register(opsRoutes(registry));
  for (const routes of [
    authRoutes,
    meRoutes,
    usersRoutes,
    tokensRoutes,
    modulesRoutes,
    recordsRoutes,
    recordHistoryRoutes,
    recordFilesRoutes,
    orderActivityRoutes,
    workflowsRoutes,
    workflowLifecycleRoutes,
    workflowTestRoutes,
    workflowConflictsRoutes,
    workflowImpactRoutes,
    careProcessesRoutes,
    runsRoutes,
    allocationRulesRoutes,
    notificationsRoutes,
    templatesRoutes,
    outboxRoutes,
    schemasRoutes,
    providersRoutes,
    messageTemplatesRoutes,
    pushRoutes,
    careCardsRoutes,
    organizationRoutes,
    workAppRoutes,
    templatePreviewRoutes,
    znsImportRoutes,
  ]) {
    await app.register(routes, { prefix: '/api' });
  }
  const spa = spaAvailable(config.webDist);
  if (spa) await installSpa(app, config.webDist);
  installNotFound(app, { spa });
  return app;
}
