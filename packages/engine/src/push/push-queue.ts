import { type Executor as DbExecutor, jsonRows } from '@crmflow/db';
import { sql } from 'drizzle-orm';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import { QUEUES } from '../queues.ts';

/** A push job: one outbox row to deliver to one device. */
export type PushJob = { outboxId: string };

/** The steps whose notifications were just written. */
export type NotifiedStep = { runId: string; nodeId: string };

/**
 * Queues the Web Push copies of the notifications of these steps, in the caller's transaction:
 * one outbox row per (run, node, device) of each recipient (`<run>:<node>:push:<subscription>`,
 * unique per organization), and a delivery job for each row actually created. A retried step
 * finds its rows and queues nothing, so a device gets a step's notification once.
 */
export async function queueNotificationPushes(args: {
  db: DbExecutor;
  boss: PgBoss;
  steps: readonly NotifiedStep[];
}): Promise<number> {
  const steps = [...new Map(args.steps.map((s) => [`${s.runId}:${s.nodeId}`, s])).values()];
  if (steps.length === 0) return 0;
  const values = steps.map((s) => ({ run_id: s.runId, node_id: s.nodeId }));
  const queued = await args.db.execute<{ id: string }>(sql`
    insert into outbox (org_id, idempotency_key, channel, recipient, body, payload, run_id, node_id)
    select n.org_id, n.run_id || ':' || n.node_id || ':push:' || s.id, 'push', u.email, n.message,
      jsonb_build_object('subscriptionId', s.id, 'notificationId', n.id, 'link', n.link),
      n.run_id, n.node_id
    from json_to_recordset(${jsonRows(values)}) as v(run_id uuid, node_id text)
    join notifications n on n.run_id = v.run_id and n.node_id = v.node_id
    join push_subscriptions s on s.org_id = n.org_id and s.user_id = n.user_id
    join users u on u.id = n.user_id
    on conflict (org_id, idempotency_key) do nothing
    returning id
  `);
  if (queued.length === 0) return 0;
  const jobs = queued.map((row) => ({ data: { outboxId: row.id } satisfies PushJob }));
  await args.boss.insert(QUEUES.push, jobs, { db: fromDrizzle(args.db, sql) });
  return queued.length;
}
