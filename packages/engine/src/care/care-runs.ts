import { randomUUID } from 'node:crypto';
import type { Tx } from '@crmflow/db';
import { evaluateCondition, type ModuleKey } from '@crmflow/flow';
import { sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { z } from 'zod';
import type { ConditionOutcome } from '../runtime/condition-walk.ts';
import type { OrgContext } from '../runtime/org-context.ts';
import { capPayload } from '../runtime/payload-cap.ts';
import { enqueueSteps, stepJob } from '../runtime/step-jobs.ts';
import { type CareGraph, walkCareGraph } from './care-graph.ts';
import type { DueRecord } from './care-select.ts';

/**
 * `runs.cause` of a care-process run: the occurrence it is for, the day it fell due and the
 * tick that started it. A scheduled run has no causal chain, no changed fields, no "before".
 */
export const CareRunCause = z.object({
  kind: z.literal('schedule'),
  occurrence: z.string(),
  fireDate: z.string(),
  tickAt: z.string(),
  chain: z.array(z.object({ workflowId: z.string(), recordId: z.string() })),
  changes: z.array(z.string()),
  before: z.null(),
});
export type CareRunCause = z.infer<typeof CareRunCause>;

/** The care process a batch runs for: the version it is pinned to, with its organization. */
export type CareProcessRun = {
  workflowId: string;
  versionId: string;
  module: ModuleKey;
  graph: CareGraph;
  org: OrgContext;
};

export type CareStart = {
  runId: string;
  record: DueRecord;
  cause: CareRunCause;
  conditions: ConditionOutcome[];
  actions: string[];
};

/**
 * Decides which due records run: the graph's conditions are evaluated on each (as the record is
 * now; no "before" and nothing changed), and a record runs when they lead to an action.
 */
export function planCareStarts(args: {
  process: CareProcessRun;
  records: readonly DueRecord[];
  now: Date;
}): CareStart[] {
  const { process, now } = args;
  const starts: CareStart[] = [];
  for (const record of args.records) {
    const walk = walkCareGraph({
      graph: process.graph,
      evaluate: (config) =>
        evaluateCondition({
          config,
          record: record.data,
          before: null,
          changes: [],
          catalog: process.org.catalog,
          module: process.module,
          now,
          timeZone: process.org.timeZone,
        }),
    });
    if (walk.actions.length === 0) continue;
    starts.push({
      runId: randomUUID(),
      record,
      cause: {
        kind: 'schedule',
        occurrence: record.occurrence,
        fireDate: record.fireDate,
        tickAt: now.toISOString(),
        chain: [],
        changes: [],
        before: null,
      },
      conditions: walk.conditions,
      actions: walk.actions,
    });
  }
  return starts;
}

type StepRow = {
  org_id: string;
  run_id: string;
  node_id: string;
  node_type: string;
  status: 'succeeded' | 'pending';
  output: unknown;
};

function stepRows(process: CareProcessRun, starts: readonly CareStart[]): StepRow[] {
  const orgId = process.org.id;
  const trigger = process.graph.trigger;
  return starts.flatMap((s) => [
    {
      org_id: orgId,
      run_id: s.runId,
      node_id: trigger.id,
      node_type: 'trigger',
      status: 'succeeded' as const,
      output: {
        occurrence: s.record.occurrence,
        fireDate: s.record.fireDate,
        field: trigger.config.dateField,
      },
    },
    ...s.conditions.map((c) => ({
      org_id: orgId,
      run_id: s.runId,
      node_id: c.nodeId,
      node_type: 'condition',
      status: 'succeeded' as const,
      output: capPayload({ matched: c.matched, trace: c.trace }),
    })),
    ...s.actions.map((nodeId) => {
      const node = process.graph.nodes.get(nodeId);
      return {
        org_id: orgId,
        run_id: s.runId,
        node_id: nodeId,
        node_type: node?.kind === 'action' ? node.type : 'unknown',
        status: 'pending' as const,
        output: null,
      };
    }),
  ]);
}

/**
 * Inserts the runs with their trigger and condition steps and pending first actions, and queues
 * those actions, in the caller's transaction. A (workflow, record, occurrence) that already has a
 * run is skipped with everything of it, by the database's unique index: two schedulers, or a
 * tick repeated after a crash, never start a second run. Returns the ids of the runs inserted.
 * Rows travel as one JSON parameter: a thousand runs as bound values cost ten times as much.
 */
export async function insertCareRuns(args: {
  tx: Tx;
  boss: PgBoss;
  process: CareProcessRun;
  starts: readonly CareStart[];
}): Promise<string[]> {
  const { tx, boss, process } = args;
  if (args.starts.length === 0) return [];
  const runRows = JSON.stringify(
    args.starts.map((s) => ({
      id: s.runId,
      record_id: s.record.id,
      cause: s.cause,
      occurrence: s.record.occurrence,
    })),
  );
  const inserted = await tx.execute<{ id: string }>(sql`
    insert into runs (id, org_id, workflow_id, workflow_version_id, module, record_id, cause, depth, occurrence, status)
    select x.id, ${process.org.id}::uuid, ${process.workflowId}::uuid, ${process.versionId}::uuid, ${process.module},
      x.record_id, x.cause, 0, x.occurrence, 'queued'
    from jsonb_to_recordset(${runRows}::jsonb) as x(id uuid, record_id uuid, cause jsonb, occurrence text)
    on conflict (workflow_id, record_id, occurrence) where occurrence is not null do nothing
    returning id`);
  const ids = new Set([...inserted].map((row) => row.id));
  const kept = args.starts.filter((s) => ids.has(s.runId));
  if (kept.length === 0) return [];
  await tx.execute(sql`
    insert into run_steps (org_id, run_id, node_id, node_type, status, attempts, output, started_at, finished_at)
    select x.org_id, x.run_id, x.node_id, x.node_type, x.status,
      case when x.status = 'succeeded' then 1 else 0 end, x.output,
      case when x.status = 'succeeded' then now() end, case when x.status = 'succeeded' then now() end
    from jsonb_to_recordset(${JSON.stringify(stepRows(process, kept))}::jsonb)
      as x(org_id uuid, run_id uuid, node_id text, node_type text, status text, output jsonb)
    on conflict do nothing`);
  await enqueueSteps({
    tx,
    boss,
    jobs: kept.flatMap((s) => s.actions.map((nodeId) => stepJob(s.runId, nodeId))),
  });
  return kept.map((s) => s.runId);
}
