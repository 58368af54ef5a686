import { createBoss, type Database, type RecordData, records } from '@crmflow/db';
import { openTestDatabase } from '@crmflow/db/testing';
import type { ModuleKey } from '@crmflow/flow';
import { eq } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll } from 'vitest';
import type { ExecutorRegistry } from '../src/executors/executor.ts';
import { ensureQueues } from '../src/queues.ts';
import { type RunningWorker, startWorker } from '../src/worker.ts';
import {
  addWorkflow,
  graphOf,
  type NodeSpec,
  recordWriter,
  seedOrg,
  silentLogger,
  type TestOrg,
} from './fixtures.ts';

export type RuntimeBed = { database: Database & { url?: string }; boss: PgBoss; close(): Promise<void> };

/**
 * A fresh migrated database (embedded or Postgres, per CRMFLOW_TEST_DB) and pg-boss on it with
 * the queues created and no supervision, as the server starts them: LISTEN/NOTIFY on Postgres.
 */
export async function openRuntimeBed(): Promise<RuntimeBed> {
  const database = await openTestDatabase({ max: 12 });
  const boss = createBoss({
    connection: database.connection,
    supervise: false,
    listenNotify: database.mode === 'postgres',
  });
  boss.on('error', () => {});
  await boss.start();
  await ensureQueues(boss);
  return {
    database,
    boss,
    async close() {
      await boss.stop({ graceful: false, timeout: 2_000 });
      await database.close();
    },
  };
}

export type WorkerBed = RuntimeBed & {
  org: TestOrg;
  worker: RunningWorker;
  /** Writes records as a person of the organization would, through the record store. */
  write: ReturnType<typeof recordWriter>;
  user(index: number): string;
  /** A record's data as stored now; `{}` when there is no such record. */
  dataOf(id: string): Promise<RecordData>;
  /** An event workflow of the organization, active unless said otherwise (see `graphOf`). */
  workflow(
    args: Omit<Parameters<typeof addWorkflow>[1], 'orgId' | 'graph'> & Parameters<typeof graphOf>[0],
  ): Promise<string>;
  /** A workflow run on creation: `nodes` each right after the trigger, unless `edges` say otherwise. */
  onCreate(module: ModuleKey, nodes: NodeSpec[], edges?: string[]): Promise<string>;
  stop(): Promise<void>;
};

/**
 * A runtime bed with an organization (four users, the last inactive) and the worker running,
 * for tests that write records and wait for what the workflows did. `prepare` runs before the
 * worker starts (to tune queues, say).
 */
export async function startWorkerBed(
  options: { executors?: ExecutorRegistry; prepare?: (bed: RuntimeBed) => Promise<void> } = {},
): Promise<WorkerBed> {
  const bed = await openRuntimeBed();
  const org = await seedOrg(bed.database.db);
  await options.prepare?.(bed);
  const worker = await startWorker({
    database: bed.database,
    boss: bed.boss,
    logger: silentLogger,
    ...(options.executors ? { executors: options.executors } : {}),
  });
  const { db } = bed.database;
  const user = (index: number) => org.users[index]?.id ?? '';
  const workflow: WorkerBed['workflow'] = ({ trigger, nodes, edges, ...rest }) =>
    addWorkflow(db, { ...rest, orgId: org.id, graph: graphOf({ trigger, nodes, edges }) });
  return {
    ...bed,
    org,
    worker,
    write: recordWriter({ db, boss: bed.boss, orgId: org.id, userId: user(0) }),
    user,
    dataOf: async (id) => (await db.select().from(records).where(eq(records.id, id)))[0]?.data ?? {},
    workflow,
    onCreate: (module, nodes, edges) =>
      workflow({
        module,
        trigger: { on: 'create' },
        nodes,
        edges: edges ?? nodes.map((node) => `t>${node.id}`),
      }),
    async stop() {
      await worker.stop();
      await bed.close();
    },
  };
}

/**
 * A worker bed for the tests of a file or `describe` block: started before them, stopped after
 * them. The object returned is filled in when the bed has started, so use it inside tests only.
 */
export function useWorkerBed(options: Parameters<typeof startWorkerBed>[0] = {}): WorkerBed {
  const bed = {} as WorkerBed;
  beforeAll(async () => {
    Object.assign(bed, await startWorkerBed(options));
  }, 180_000);
  afterAll(() => bed.stop?.());
  return bed;
}
