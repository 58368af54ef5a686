import { createBoss, isDatabaseUnavailable } from '@crmflow/db';
import {
  configureMessaging,
  ensureQueues,
  ensureVapidKeys,
  type RunningWorker,
  secretKeyFromText,
  startWorker,
} from '@crmflow/engine';
import type { FastifyInstance } from 'fastify';
import type { PgBoss } from 'pg-boss';
import { buildApp } from '../app.ts';
import { type AppConfig, ConfigError, loadConfig, type ServerRole } from '../config.ts';
import { spaAvailable } from '../plugins/spa.ts';
import { startBanner } from './banner.ts';
import { resolveSecretKey } from './secret-key.ts';
import { type SeedOutcome, seedOnFirstStart } from './seed.ts';
import { DRAIN_MS, SHUTDOWN_DEADLINE_MS, shutDown } from './shutdown.ts';
import { checkSecretKeyOpensStoredSecrets, openDatabaseForStart, requireSharedKey } from './start-checks.ts';

/** The server-side statement_timeout of an API-only process's sessions. */
const API_STATEMENT_TIMEOUT_MS = 15_000;

/** How long a start waits before trying again when the database does not answer. */
const START_RETRY_MS = 2_000;

/**
 * Starts one process: `all` (API + worker, the default and the only role the embedded database
 * allows), `api` or `worker` (each scales on its own against one Postgres). A worker serves only
 * /healthz, /readyz and /metrics.
 */
export async function startServer(role?: ServerRole): Promise<void> {
  const loaded = loadConfig();
  requireSharedKey(loaded);
  const secret = resolveSecretKey(loaded);
  const config: AppConfig = { ...loaded, role: role ?? loaded.role, secretKey: secret.key };
  if (!config.databaseUrl && config.role !== 'all') {
    throw new ConfigError(
      `CRMFLOW_ROLE=${config.role} needs DATABASE_URL: the embedded database lives inside one process`,
    );
  }
  const database = await openDatabaseForStart(
    config,
    // An API request must not wait on a stuck statement for ever; workers' batches may run long.
    {
      ...(config.role === 'api' ? { statementTimeoutMs: API_STATEMENT_TIMEOUT_MS } : {}),
      countStatements: config.countStatements,
    },
  );
  // What is opened from here on is closed again when the start fails (the database may be
  // restarting: `runServer` then tries again).
  let opened: { boss?: PgBoss; app?: FastifyInstance; worker?: RunningWorker | null } = {};
  try {
    if (config.secretKey) await checkSecretKeyOpensStoredSecrets(database, config.secretKey);
    const seed: SeedOutcome | null =
      config.role === 'worker' ? null : await seedOnFirstStart(database, config);

    const boss = createBoss({
      connection: database.connection,
      listenNotify: database.mode === 'postgres',
      // Maintenance and cron belong to workers; an API-only process leaves them alone.
      supervise: config.role !== 'api',
    });
    opened = { boss };
    const app = await buildApp({
      database,
      boss,
      config,
      surface: config.role === 'worker' ? 'ops' : 'full',
    });
    opened = { boss, app };
    boss.on('error', (error) => app.log.error({ err: error }, 'queue error'));
    // Web Push identity, made on the first start and kept (sealed) in the database for every process.
    // A pair sealed under another secret key leaves push off, not the server down.
    if (config.secretKey)
      await ensureVapidKeys({ db: database.db, secretKey: secretKeyFromText(config.secretKey) }).catch(
        (error) =>
          app.log.warn(
            { err: error },
            'Web Push is off: the stored VAPID key was sealed with another CRMFLOW_SECRET_KEY (see README, "On the phone")',
          ),
      );
    await boss.start();
    await ensureQueues(boss);
    // Executors decrypt provider secrets with the same key the API sealed them with.
    if (config.secretKey) configureMessaging({ secretKey: secretKeyFromText(config.secretKey) });
    const worker: RunningWorker | null =
      config.role === 'api' ? null : await startWorker({ database, boss, logger: app.log });
    opened = { boss, app, worker };
    await app.listen({ port: config.port, host: config.host });
    process.stdout.write(
      startBanner({
        config,
        database,
        seed,
        secret,
        spa: config.role !== 'worker' && spaAvailable(config.webDist),
      }),
    );

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      app.log.info({ signal }, 'shutting down');
      let current = 'closing HTTP';
      // Each stage is bounded on its own; a stop that still outlives this is stuck, and says where.
      const timer = setTimeout(() => {
        process.stderr.write(
          `crmflow: shutdown did not finish within ${SHUTDOWN_DEADLINE_MS / 1000} s (stuck ${current}); exiting\n`,
        );
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS);
      timer.unref();
      const outcome = await shutDown(
        { app, worker, boss, database },
        {
          onStage: (stage) => {
            current = stage;
          },
        },
      );
      if (outcome.cutRequests)
        app.log.warn(`requests still open after ${DRAIN_MS / 1000} s of shutdown were cut`);
      if (outcome.leftBatches)
        app.log.warn('batches still running at shutdown were left to expire and run again');
      for (const { stage, error } of outcome.errors)
        app.log.error({ err: error }, `shutdown: ${stage} failed`);
      process.exit(outcome.errors.length === 0 ? 0 : 1);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    await opened.worker?.stop().catch(() => {});
    await opened.app?.close().catch(() => {});
    await opened.boss?.stop({ graceful: false, timeout: 1_000 }).catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}

/** Entry points call this: configuration errors are printed plainly, not as a stack trace. */
export function runServer(role?: ServerRole): void {
  const waitMs = Number(process.env.CRMFLOW_START_WAIT_S ?? 60) * 1000;
  const began = Date.now();
  const attempt = (): Promise<void> =>
    startServer(role).catch(async (error: unknown) => {
      // PostgreSQL restarting or not up yet: wait for it rather than exit, as long as allowed.
      if (!isDatabaseUnavailable(error) || Date.now() - began + START_RETRY_MS > waitMs) throw error;
      const text = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `crmflow: the database does not answer yet (${text.split('\n')[0]}); trying again in ${START_RETRY_MS / 1000} s\n`,
      );
      await new Promise((resolve) => setTimeout(resolve, START_RETRY_MS));
      return attempt();
    });
  attempt().catch((error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`crmflow: ${error.message}\n`);
    else if (isAddressInUse(error))
      process.stderr.write(
        `crmflow: ${error.address ?? ''}:${error.port ?? ''} is already in use by another program; stop it or start with another PORT\n`,
      );
    else {
      // Still one line; LOG_LEVEL=debug adds the stack for a bug report.
      const text = error instanceof Error ? error.message : String(error);
      process.stderr.write(`crmflow: failed to start: ${text.split('\n')[0]}\n`);
      if (process.env.LOG_LEVEL === 'debug' && error instanceof Error)
        process.stderr.write(`${error.stack}\n`);
    }
    process.exit(1);
  });
}

function isAddressInUse(error: unknown): error is { code: string; address?: string; port?: number } {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EADDRINUSE';
}
