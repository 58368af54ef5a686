import type { Executor } from '@crmflow/db';
import { sql } from 'drizzle-orm';

export const DEFAULT_RUN_RETENTION_DAYS = 30;
const CHUNK = 5_000;

/**
 * Deletes finished runs (with their steps and effect claims) older than their organization's
 * `settings.runRetentionDays` (30 when unset), in chunks so no single statement runs long.
 * Runs still open, such as one waiting on a long delay, are kept whatever their age.
 */
export async function cleanupRuns(db: Executor): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.execute<{ id: string }>(sql`
      delete from runs where id in (
        select r.id from runs r join organizations o on o.id = r.org_id
        where r.status in ('succeeded', 'failed', 'dropped', 'skipped')
          and r.created_at < now() - make_interval(days => case
            when (o.settings->>'runRetentionDays') ~ '^[0-9]{1,5}$' then (o.settings->>'runRetentionDays')::int
            else ${DEFAULT_RUN_RETENTION_DAYS}
          end)
        limit ${CHUNK}
      )
      returning id
    `);
    total += rows.length;
    if (rows.length < CHUNK) return total;
  }
}
