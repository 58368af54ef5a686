import { type Executor, jsonRows, type StepStatus } from '@crmflow/db';
import { sql } from 'drizzle-orm';

export type StepKey = { orgId: string; runId: string; nodeId: string; nodeType: string };

export type ClaimedStep = {
  runId: string;
  nodeId: string;
  /** `running` when this attempt is to execute it; a final status when it is already done. */
  status: StepStatus;
  attempts: number;
  startedAt: Date;
};

const FINAL: readonly StepStatus[] = ['succeeded', 'skipped', 'failed'];

export const isFinalStep = (status: StepStatus) => FINAL.includes(status);

/**
 * Marks a batch of steps running (creating their rows when absent), one attempt more each, and
 * their runs running, in one statement. Steps already in a final state are returned as they are:
 * their job is a duplicate and must not execute them again.
 */
export async function claimSteps(db: Executor, steps: readonly StepKey[]): Promise<Map<string, ClaimedStep>> {
  const result = new Map<string, ClaimedStep>();
  if (steps.length === 0) return result;
  const sorted = [...steps].sort((a, b) => `${a.runId}:${a.nodeId}`.localeCompare(`${b.runId}:${b.nodeId}`));
  const rows = sorted.map((s) => ({
    org_id: s.orgId,
    run_id: s.runId,
    node_id: s.nodeId,
    node_type: s.nodeType,
  }));
  const claimedRows = await db.execute<{
    run_id: string;
    node_id: string;
    status: StepStatus;
    attempts: number;
    started_ms: number;
  }>(sql`
    with claimed as (
      insert into run_steps (org_id, run_id, node_id, node_type, status, attempts, started_at)
      select v.org_id, v.run_id, v.node_id, v.node_type, 'running', 1, now()
      from json_to_recordset(${jsonRows(rows)}) as v(org_id uuid, run_id uuid, node_id text, node_type text)
      on conflict (run_id, node_id) do update set
        status = case when run_steps.status in ('succeeded', 'skipped', 'failed') then run_steps.status else 'running' end,
        attempts = case when run_steps.status in ('succeeded', 'skipped', 'failed') then run_steps.attempts else run_steps.attempts + 1 end,
        started_at = coalesce(run_steps.started_at, excluded.started_at)
      returning run_id, node_id, status, attempts, started_at
    ), started as (
      update runs set status = 'running', started_at = coalesce(started_at, now())
      where id in (select run_id from claimed where status = 'running') and status in ('queued', 'waiting')
    )
    select run_id::text, node_id, status, attempts, (extract(epoch from started_at) * 1000)::float8 as started_ms from claimed
  `);
  for (const row of claimedRows) {
    result.set(`${row.run_id}:${row.node_id}`, {
      runId: row.run_id,
      nodeId: row.node_id,
      status: row.status,
      attempts: Number(row.attempts),
      startedAt: new Date(Number(row.started_ms)),
    });
  }
  return result;
}
