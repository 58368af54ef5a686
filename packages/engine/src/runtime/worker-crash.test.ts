import type { ChildProcess } from 'node:child_process';
import { notifications, records, runEffects, runSteps, runs } from '@crmflow/db';
import { testDatabaseMode } from '@crmflow/db/testing';
import { and, count, eq, gt, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addWorkflow, graphOf, recordWriter, seedOrg, type TestOrg } from '../../test/fixtures.ts';
import { openRuntimeBed, type RuntimeBed } from '../../test/runtime-bed.ts';
import { childExited, startWorkerChild, watchProgress } from '../../test/worker-child.ts';
import { QUEUES } from '../queues.ts';

const RUNS = 200;

let bed: RuntimeBed;
let org: TestOrg;
let workflowId = '';
const children: ChildProcess[] = [];

function startChild(): ChildProcess {
  // The pause after a task's effect makes a kill land between an effect and its step's end.
  const child = startWorkerChild({ bed, workflowId, env: { CRMFLOW_CRASH_PAUSE_MS: '40' } });
  children.push(child);
  return child;
}

beforeAll(async () => {
  bed = await openRuntimeBed();
  org = await seedOrg(bed.database.db);
  // Jobs held by a killed worker come back after this long instead of the production 30 s.
  await bed.boss.updateQueue(QUEUES.step, { expireInSeconds: 8 });
  await bed.boss.updateQueue(QUEUES.recordChanged, { expireInSeconds: 8 });
  workflowId = await addWorkflow(bed.database.db, {
    orgId: org.id,
    module: 'account',
    graph: graphOf({
      trigger: { on: 'create' },
      nodes: [
        {
          id: 'task',
          type: 'create_task',
          config: { title: 'Chăm sóc #name', assignee: { field: 'owner_id' } },
        },
        {
          id: 'tell',
          type: 'notify',
          config: { name: 'Báo', to: { fields: ['owner_id'] }, message: 'Đã giao việc cho #name' },
        },
      ],
      edges: ['t>task', 'task>tell'],
    }),
  });
  const write = recordWriter({ db: bed.database.db, boss: bed.boss, orgId: org.id });
  for (let start = 0; start < RUNS; start += 20) {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        write.create('account', { name: `Khách hàng ${start + i + 1}`, owner_id: org.users[1]?.id }),
      ),
    );
  }
  // From here on only the worker processes work the queues.
  await bed.boss.stop({ graceful: false, timeout: 1_000 });
}, 300_000);

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map(childExited));
  await bed?.database.close();
});

it(`a worker killed with SIGKILL midway through ${RUNS} runs: after a restart every run completes, no effect twice`, async () => {
  const first = startChild();
  // Killed while steps are being executed, some of them past their effect (see the pause).
  const atKill = await watchProgress(first, (p) => p.succeeded >= RUNS / 4 && p.running > 0, 180_000);
  first.kill('SIGKILL');
  await childExited(first);
  const restartedAt = Date.now();
  const second = startChild();
  const up = await watchProgress(second, () => true, 120_000);
  const end = await watchProgress(second, (p) => p.succeeded === RUNS && p.open === 0, 240_000);
  second.kill('SIGTERM');
  await childExited(second);

  const { db } = bed.database;
  const runIds = (await db.select({ id: runs.id }).from(runs).where(eq(runs.workflowId, workflowId))).map(
    (r) => r.id,
  );
  const [tasks] = await db
    .select({ n: count() })
    .from(records)
    .where(and(eq(records.orgId, org.id), eq(records.module, 'task')));
  const [claims] = await db.select({ n: count() }).from(runEffects).where(inArray(runEffects.runId, runIds));
  const told = await db
    .select({ node: notifications.nodeId, n: count() })
    .from(notifications)
    .where(eq(notifications.orgId, org.id))
    .groupBy(notifications.nodeId);
  const [retried] = await db
    .select({ n: count() })
    .from(runSteps)
    .where(and(inArray(runSteps.runId, runIds), gt(runSteps.attempts, 1)));
  console.info(
    `crash test (${testDatabaseMode()}): killed at ${atKill.succeeded}/${RUNS} runs done with ${atKill.running} step(s) executing, ` +
      `the restarted worker was up after ${up.at - restartedAt} ms and finished the rest ${end.at - up.at} ms later, ` +
      `${retried?.n} step(s) ran more than once, ` +
      `${tasks?.n} tasks, notifications ${JSON.stringify(told)}`,
  );
  expect(atKill.succeeded).toBeLessThan(RUNS);
  expect(runIds).toHaveLength(RUNS);
  expect(tasks?.n).toBe(RUNS);
  expect(claims?.n).toBe(RUNS);
  expect(Object.fromEntries(told.map((row) => [row.node, row.n]))).toEqual({ task: RUNS, tell: RUNS });
}, 600_000);
