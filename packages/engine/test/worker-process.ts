/**
 * A worker in a process of its own, for the crash test: started, killed with SIGKILL midway,
 * started again. It prints one JSON line of progress (counted in the database) every 250 ms, so
 * the test can decide when to kill it without touching the database itself meanwhile.
 *
 * Environment: CRMFLOW_CRASH_DB = JSON `{ mode, connection, url? }`, CRMFLOW_CRASH_WORKFLOW,
 * CRMFLOW_CRASH_PAUSE_MS: how long a task step lingers after creating its task and before
 * reporting back, the window in which a crash leaves an effect applied but its step unrecorded
 * (and a batch of notifications before its transaction commits), and CRMFLOW_CRASH_BATCHES =
 * JSON `{ events?, steps? }`, the worker's batch sizes.
 */
import { type Database, openDatabase, runSteps, runs } from '@crmflow/db';
import type { NotifyConfig } from '@crmflow/flow';
import { and, count, eq, inArray } from 'drizzle-orm';
import { PgBoss } from 'pg-boss';
import { z } from 'zod';
import { createTaskExecutor } from '../src/executors/create-task.run.ts';
import { defineExecutor } from '../src/executors/executor.ts';
import { notifyExecutor } from '../src/executors/notify.run.ts';
import { executors } from '../src/executors/registry.ts';
import { startWorker } from '../src/worker.ts';
import { connectEmbedded } from './embedded-client.ts';

const Target = z.object({
  mode: z.enum(['embedded', 'postgres']),
  url: z.string().optional(),
  connection: z.object({
    host: z.string(),
    port: z.number(),
    user: z.string(),
    password: z.string().optional(),
    database: z.string(),
  }),
});

const BatchSizes = z.object({ events: z.number().int().optional(), steps: z.number().int().optional() });

async function main() {
  const target = Target.parse(JSON.parse(process.env.CRMFLOW_CRASH_DB ?? '{}'));
  const workflowId = z.string().parse(process.env.CRMFLOW_CRASH_WORKFLOW);
  // Expiry of the jobs the killed worker held happens in pg-boss's monitor pass: every second here.
  const supervision = {
    supervise: true,
    schedule: false,
    superviseIntervalSeconds: 1,
    monitorIntervalSeconds: 1,
    maintenanceIntervalSeconds: 1,
  };

  const database: Database =
    target.mode === 'embedded'
      ? connectEmbedded(target.connection, 12)
      : await openDatabase({ url: target.url, max: 12 });
  const listen = target.mode === 'postgres';
  const boss = new PgBoss({ ...target.connection, max: 4, useListenNotify: listen, ...supervision });
  boss.on('error', () => {});
  await boss.start();
  const pause = Number(process.env.CRMFLOW_CRASH_PAUSE_MS ?? 0);
  const lingeringTask = defineExecutor({
    schema: createTaskExecutor.schema,
    preview: createTaskExecutor.preview,
    async run(ctx) {
      const result = await createTaskExecutor.run(ctx);
      await new Promise((resolve) => setTimeout(resolve, pause));
      return result;
    },
  });
  // On Postgres, notifications run in batches inside the transaction that finishes their steps:
  // they linger there, after their writes and before the commit, where a crash must undo them
  // all. The embedded database serves one transaction at a time, so the progress count could
  // never see such a batch running: there they run one by one, lingering like the tasks.
  const notifyBatch = notifyExecutor.batch;
  const lingeringNotify = defineExecutor<NotifyConfig>({
    schema: notifyExecutor.schema,
    preview: notifyExecutor.preview,
    async run(ctx) {
      const result = await notifyExecutor.run(ctx);
      await new Promise((resolve) => setTimeout(resolve, pause));
      return result;
    },
    ...(notifyBatch && target.mode === 'postgres'
      ? {
          batch: {
            accepts: notifyBatch.accepts,
            async run(tx, items) {
              const results = await notifyBatch.run(tx, items);
              await new Promise((resolve) => setTimeout(resolve, pause));
              return results;
            },
          },
        }
      : {}),
  });
  const logger = { info: () => {}, warn: () => {}, error: () => {} };
  await startWorker({
    database,
    boss,
    logger,
    executors: { ...executors, create_task: lingeringTask, notify: lingeringNotify },
    batchSizes: BatchSizes.parse(JSON.parse(process.env.CRMFLOW_CRASH_BATCHES ?? '{}')),
  });
  process.once('SIGTERM', () => process.exit(0));
  for (;;) {
    const [done] = await database.db
      .select({ n: count() })
      .from(runs)
      .where(and(eq(runs.workflowId, workflowId), eq(runs.status, 'succeeded')));
    const [open] = await database.db
      .select({ n: count() })
      .from(runs)
      .where(and(eq(runs.workflowId, workflowId), inArray(runs.status, ['queued', 'running', 'waiting'])));
    const [running] = await database.db
      .select({ n: count() })
      .from(runSteps)
      .innerJoin(runs, eq(runs.id, runSteps.runId))
      .where(and(eq(runs.workflowId, workflowId), eq(runSteps.status, 'running')));
    const progress = {
      succeeded: done?.n ?? 0,
      open: open?.n ?? 0,
      running: running?.n ?? 0,
      at: Date.now(),
    };
    process.stdout.write(`${JSON.stringify(progress)}\n`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
