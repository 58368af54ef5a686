import { type Executor as DbExecutor, jsonRows } from '@crmflow/db';
import { sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { queueNotificationPushes } from '../push/push-queue.ts';

/** The Postgres channel new notifications are announced on; the API relays them over SSE. */
export const NOTIFICATION_CHANNEL = 'crmflow_notifications';

export type NotificationDraft = { userId: string; message: string; link: string | null };

/** What is announced on the channel (JSON): the new row, minus nothing the recipient may not see. */
export type NotificationAnnouncement = {
  id: string;
  orgId: string;
  userId: string;
  message: string;
  link: string | null;
  createdAt: string;
};

/** Keeps a NOTIFY payload well under Postgres's 8000-byte limit. */
const ANNOUNCED_MESSAGE_CHARS = 1_500;

/**
 * Inserts a step's notifications, one per (run, node, user): a retried step inserts nothing new.
 * Each row actually inserted is announced with `pg_notify` in the same statement, so it is
 * announced once, and only if the caller's transaction commits; its Web Push copies to the
 * recipients' devices are queued in that transaction too.
 */
export async function insertNotifications(args: {
  db: DbExecutor;
  boss: PgBoss;
  orgId: string;
  runId: string;
  nodeId: string;
  drafts: readonly NotificationDraft[];
}): Promise<number> {
  const { db, orgId, runId, nodeId } = args;
  const drafts = [...new Map(args.drafts.map((d) => [d.userId, d])).values()];
  if (drafts.length === 0) return 0;
  const rows = drafts.map((d) => ({ user_id: d.userId, message: d.message, link: d.link }));
  const announced = await db.execute<{ announced: number }>(sql`
    with inserted as (
      insert into notifications (org_id, user_id, message, link, run_id, node_id)
      select ${orgId}::uuid, v.user_id, v.message, v.link, ${runId}::uuid, ${nodeId}
      from json_to_recordset(${jsonRows(rows)}) as v(user_id uuid, message text, link text)
      on conflict (run_id, node_id, user_id) where run_id is not null do nothing
      returning id, org_id, user_id, message, link, created_at
    )
    select count(pg_notify(${NOTIFICATION_CHANNEL}, json_build_object(
      'id', id, 'orgId', org_id, 'userId', user_id,
      'message', left(message, ${ANNOUNCED_MESSAGE_CHARS}), 'link', link, 'createdAt', created_at
    )::text))::int as announced
    from inserted
  `);
  const count = Number(announced[0]?.announced ?? 0);
  if (count > 0) await queueNotificationPushes({ db, boss: args.boss, steps: [{ runId, nodeId }] });
  return count;
}

/** A notification of a run's step, for `insertStepNotifications`. */
export type StepNotification = NotificationDraft & { orgId: string; runId: string; nodeId: string };

/**
 * The notifications of many steps in one statement, each once per (run, node, user) and
 * announced and pushed as `insertNotifications` does. Answers how many were inserted per
 * `runId:nodeId`.
 */
export async function insertStepNotifications(
  db: DbExecutor,
  rows: readonly StepNotification[],
  boss: PgBoss,
): Promise<Map<string, number>> {
  const unique = [...new Map(rows.map((r) => [`${r.runId}:${r.nodeId}:${r.userId}`, r])).values()];
  const counts = new Map<string, number>();
  if (unique.length === 0) return counts;
  const values = unique.map((r) => ({
    org_id: r.orgId,
    user_id: r.userId,
    message: r.message,
    link: r.link,
    run_id: r.runId,
    node_id: r.nodeId,
  }));
  const inserted = await db.execute<{ run_id: string; node_id: string; announced: number }>(sql`
    with inserted as (
      insert into notifications (org_id, user_id, message, link, run_id, node_id)
      select v.org_id, v.user_id, v.message, v.link, v.run_id, v.node_id
      from json_to_recordset(${jsonRows(values)})
        as v(org_id uuid, user_id uuid, message text, link text, run_id uuid, node_id text)
      on conflict (run_id, node_id, user_id) where run_id is not null do nothing
      returning id, org_id, user_id, message, link, created_at, run_id, node_id
    )
    select run_id::text as run_id, node_id, count(pg_notify(${NOTIFICATION_CHANNEL}, json_build_object(
      'id', id, 'orgId', org_id, 'userId', user_id,
      'message', left(message, ${ANNOUNCED_MESSAGE_CHARS}), 'link', link, 'createdAt', created_at
    )::text))::int as announced
    from inserted group by run_id, node_id
  `);
  for (const row of inserted) counts.set(`${row.run_id}:${row.node_id}`, Number(row.announced));
  const steps = inserted.map((row) => ({ runId: row.run_id, nodeId: row.node_id }));
  await queueNotificationPushes({ db, boss, steps });
  return counts;
}
