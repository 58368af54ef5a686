import { type Executor, jsonRows, type Tx } from '@crmflow/db';
import { sql } from 'drizzle-orm';
import { deleteInChunks } from '../runtime/chunked-delete.ts';
import type { RecordChangedEvent } from './record-event.ts';

/**
 * Keeps the history rows of writes in the writes' transaction, in one statement: the row of an
 * event carries the event's id, so history, record and job commit or roll back together. The
 * workflow of a run's write is the last link of its causation chain.
 */
export async function writeRecordHistory(tx: Tx, events: readonly RecordChangedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event) => ({
    id: event.eventId,
    org_id: event.orgId,
    module: event.module,
    record_id: event.recordId,
    operation: event.operation,
    changed: event.changed,
    before: event.before,
    after: event.after,
    actor_user_id: event.actor.userId,
    source: event.actor.source,
    run_id: event.causation.runId ?? null,
    workflow_id: event.causation.runId ? (event.causation.chain.at(-1)?.workflowId ?? null) : null,
    depth: event.causation.depth,
    at: event.at,
  }));
  await tx.execute(sql`
    insert into record_history
      (id, org_id, module, record_id, operation, changed, before, after, actor_user_id, source,
       run_id, workflow_id, depth, at)
    select v.id, v.org_id, v.module, v.record_id, v.operation,
      array(select json_array_elements_text(v.changed)), v.before, v.after, v.actor_user_id,
      v.source, v.run_id, v.workflow_id, v.depth, v.at
    from json_to_recordset(${jsonRows(rows)}) as v(id uuid, org_id uuid, module text, record_id uuid,
      operation text, changed json, before jsonb, after jsonb, actor_user_id uuid, source text,
      run_id text, workflow_id text, depth int, at timestamptz)
  `);
}

export const DEFAULT_HISTORY_RETENTION_DAYS = 180;

/**
 * Deletes history rows older than their organization's `settings.historyRetentionDays` (180 when
 * unset), in chunks so no single statement runs long.
 */
export function purgeRecordHistory(db: Executor): Promise<number> {
  return deleteInChunks(
    db,
    (limit) => sql`
      delete from record_history where id in (
        select h.id from record_history h join organizations o on o.id = h.org_id
        where h.at < now() - make_interval(days => case
            when (o.settings->>'historyRetentionDays') ~ '^[0-9]{1,5}$'
              then (o.settings->>'historyRetentionDays')::int
            else ${DEFAULT_HISTORY_RETENTION_DAYS}
          end)
        limit ${limit}
      )
      returning id
    `,
  );
}
