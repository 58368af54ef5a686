import type { Executor } from '@crmflow/db';
import { sql } from 'drizzle-orm';

/**
 * Derives each run's status from its steps: `failed` as soon as a step failed for good,
 * `succeeded` when every step reached is done, `waiting` when all that is left waits, else
 * `running`; `finished_at` once nothing is left to do (when this statement records it, near the
 * commit, not when a transaction that may have run a long batch first began); a failed run's
 * `reason` is its first failed step's error. Dropped and skipped runs keep theirs.
 */
export async function refreshRunStatus(db: Executor, runIds: readonly string[]): Promise<void> {
  if (runIds.length === 0) return;
  await db.execute(sql`
    update runs r set
      status = case
        when agg.failed > 0 then 'failed'
        when agg.open = 0 then 'succeeded'
        when agg.active = 0 then 'waiting'
        else 'running'
      end,
      finished_at = case when agg.open = 0 then coalesce(r.finished_at, clock_timestamp()) else null end,
      reason = case when agg.failed > 0 then coalesce(r.reason, (
        select s.error->>'message' from run_steps s
        where s.run_id = r.id and s.status = 'failed' order by s.finished_at limit 1
      )) else r.reason end
    from (
      select run_id,
        count(*) filter (where status = 'failed') as failed,
        count(*) filter (where status in ('pending', 'running', 'waiting')) as open,
        count(*) filter (where status in ('pending', 'running')) as active
      from run_steps
      where run_id in ${runIds}
      group by run_id
    ) agg
    where r.id = agg.run_id and r.status not in ('dropped', 'skipped')
  `);
}
