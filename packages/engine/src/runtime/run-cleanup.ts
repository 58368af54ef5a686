import type { Executor } from '@crmflow/db';
import { sql } from 'drizzle-orm';
import { deleteInChunks } from './chunked-delete.ts';

export const DEFAULT_RUN_RETENTION_DAYS = 30;

/**
 * Deletes finished runs (with their steps and effect claims) older than their organization's
 * `settings.runRetentionDays` (30 when unset), in chunks so no single statement runs long.
 * Runs still open, such as one waiting on a long delay, are kept whatever their age.
 */
export function cleanupRuns(db: Executor): Promise<number> {
  return deleteInChunks(
    db,
    (limit) => sql`
      delete from runs where id in (
        select r.id from runs r join organizations o on o.id = r.org_id
        where r.status in ('succeeded', 'failed', 'dropped', 'skipped')
          and r.created_at < now() - make_interval(days => case
            when (o.settings->>'runRetentionDays') ~ '^[0-9]{1,5}$' then (o.settings->>'runRetentionDays')::int
            else ${DEFAULT_RUN_RETENTION_DAYS}
          end)
        limit ${limit}
      )
      returning id
    `,
  );
}
