import { notifications, records, runEffects, runSteps, runs } from '@crmflow/db';
import { testDatabaseMode } from '@crmflow/db/testing';
import { and, count, eq, gt, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { action } from '../../../test/fixtures.ts';
import { type CrashBed, killAndRecover, openCrashBed } from '../../../test/worker-child.ts';

const RUNS = 200;

let crash: CrashBed;

beforeAll(async () => {
  crash = await openCrashBed({
    nodes: [
      action('task', 'create_task', { title: 'Chăm sóc #name', assignee: { field: 'owner_id' } }),
      action('tell', 'notify', {
        name: 'Báo',
        to: { fields: ['owner_id'] },
        message: 'Đã giao việc cho #name',
      }),
    ],
    edges: ['t>task', 'task>tell'],
    count: RUNS,
  });
}, 300_000);

afterAll(() => crash?.close());

it(`a worker killed with SIGKILL midway through ${RUNS} runs: after a restart every run completes, no effect twice`, async () => {
  const { atKill, upAfterMs, finishedAfterMs } = await killAndRecover({
    crash,
    env: {
      // The pause after a task's effect makes a kill land between an effect and its step's end.
      CRMFLOW_CRASH_PAUSE_MS: '40',
      // The 200 task steps in several batches on Postgres too, so that some runs are done while
      // other runs' tasks are still executing: the moment the test kills the worker.
      CRMFLOW_CRASH_BATCHES: JSON.stringify(testDatabaseMode() === 'postgres' ? { steps: 50 } : {}),
    },
    // Killed while steps are being executed, some of them past their effect (see the pause).
    killWhen: (p) => p.succeeded >= RUNS / 4 && p.running > 0,
  });

  const { db } = crash.bed.database;
  const { org, workflowId } = crash;
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
      `the restarted worker was up after ${upAfterMs} ms and finished the rest ${finishedAfterMs} ms later, ` +
      `${retried?.n} step(s) ran more than once, ` +
      `${tasks?.n} tasks, notifications ${JSON.stringify(told)}`,
  );
  expect(atKill.succeeded).toBeLessThan(RUNS);
  expect(runIds).toHaveLength(RUNS);
  expect(tasks?.n).toBe(RUNS);
  expect(claims?.n).toBe(RUNS);
  expect(Object.fromEntries(told.map((row) => [row.node, row.n]))).toEqual({ task: RUNS, tell: RUNS });
}, 600_000);
