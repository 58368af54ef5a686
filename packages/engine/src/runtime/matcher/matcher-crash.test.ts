import { notifications, records, runs } from '@crmflow/db';
import { testDatabaseMode } from '@crmflow/db/testing';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { action } from '../../../test/fixtures.ts';
import { type CrashBed, killAndRecover, openCrashBed } from '../../../test/worker-child.ts';
import { QUEUES } from '../../queues.ts';

const RUNS = 200;

let crash: CrashBed;

// Both steps take batches, so the matcher runs them in the transaction that starts the runs and
// completes the events: a kill there must undo runs, effects and completions together, and the
// redelivered events must start each run once and do its steps once.
beforeAll(async () => {
  crash = await openCrashBed({
    nodes: [
      action('mark', 'update_fields', {
        name: 'Ngành',
        target: 'self',
        values: [{ field: 'industry', value: 'retail' }],
      }),
      action('tell', 'notify', {
        name: 'Báo',
        to: { fields: ['owner_id'] },
        message: 'Khách hàng mới: #name',
      }),
    ],
    edges: ['t>mark', 'mark>tell'],
    count: RUNS,
  });
}, 300_000);

afterAll(() => crash?.close());

it(`a worker killed inside the matcher's transactions: the ${RUNS} runs start once each and finish, nothing lost`, async () => {
  const { atKill, upAfterMs, finishedAfterMs } = await killAndRecover({
    crash,
    // Ten events a batch, and the notifications' batch lingers 40 ms before its commit: the
    // matcher spends most of its time inside those transactions when the kill comes.
    env: { CRMFLOW_CRASH_PAUSE_MS: '40', CRMFLOW_CRASH_BATCHES: JSON.stringify({ events: 10 }) },
    killWhen: (p) => p.succeeded >= RUNS / 4,
  });

  const { db } = crash.bed.database;
  const { org, workflowId } = crash;
  const [started] = await db.select({ n: count() }).from(runs).where(eq(runs.workflowId, workflowId));
  const marked = await db
    .select({ industry: sql<string>`${records.data}->>'industry'`, n: count() })
    .from(records)
    .where(and(eq(records.orgId, org.id), eq(records.module, 'account')))
    .groupBy(sql`${records.data}->>'industry'`);
  const [told] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.orgId, org.id), eq(notifications.nodeId, 'tell')));
  // Events the killed worker held and the second one handled again; step jobs ever queued.
  const [again] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from pgboss.job where name = ${QUEUES.recordChanged} and retry_count > 0`,
  );
  const [stepJobs] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from pgboss.job where name = ${QUEUES.step}`,
  );
  console.info(
    `matcher crash test (${testDatabaseMode()}): killed at ${atKill.succeeded}/${RUNS} runs done, ` +
      `${again?.n} event(s) handled again, ${stepJobs?.n} step job(s), the restarted worker was up after ` +
      `${upAfterMs} ms and finished the rest ${finishedAfterMs} ms later`,
  );
  expect(atKill.succeeded).toBeLessThan(RUNS);
  expect(started?.n).toBe(RUNS);
  expect(marked).toEqual([{ industry: 'retail', n: RUNS }]);
  expect(told?.n).toBe(RUNS);
  if (testDatabaseMode() === 'postgres') {
    // The kill caught events in flight, and every step ran in the matcher's transactions.
    expect(again?.n).toBeGreaterThan(0);
    expect(stepJobs?.n).toBe(0);
  }
}, 600_000);
