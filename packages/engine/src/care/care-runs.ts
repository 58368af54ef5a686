import { randomUUID } from 'node:crypto';
import type { Tx } from '@crmflow/db';
import { evaluateCondition, type ModuleKey } from '@crmflow/flow';
import { sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { z } from 'zod';
import type { ConditionOutcome } from '../runtime/matcher/condition-walk.ts';
import type { OrgContext } from '../runtime/org-context.ts';
import { capPayload } from '../runtime/payload-cap.ts';
import { enqueueSteps, stepJob } from '../runtime/steps/step-jobs.ts';
import { type CareGraph, walkCareGraph } from './care-graph.ts';
import type { DueRecord } from './care-select.ts';

/**
 * `runs.cause` of a care-process run: the occurrence it is for, the day it fell due and the
 * tick that started it. A scheduled run has no causal chain, no changed fields, no "before".
 * The statement that inserts the run adds `data`, the record as the run started: what its texts
 * quote, as an event run's quote the record as its event left it.
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

/**
 * A run as it travels to the database: what differs from one run of the batch to the next. The
 * cause, the trigger step and the pending actions' rows are built by the statement itself.
 */
type RunRow = {
  id: string;
  record_id: string;
  occurrence: string;
  fire_date: string;
  /** Condition steps, already decided: node and its capped output. */
  conditions: { node_id: string; output: unknown }[];
  actions: string[];
};

function runRows(starts: readonly CareStart[]): RunRow[] {
  return starts.map((s) => ({
    id: s.runId,
    record_id: s.record.id,
    occurrence: s.record.occurrence,
    fire_date: s.record.fireDate,
    conditions: s.conditions.map((c) => ({
      node_id: c.nodeId,
      output: capPayload({ matched: c.matched, trace: c.trace }),
    })),
    actions: s.actions,
  }));
}

/** The type of each node of the graph, for the step rows the statement builds. */
function nodeTypes(process: CareProcessRun): Record<string, string> {
  const types: Record<string, string> = { [process.graph.trigger.id]: 'trigger' };
  for (const [id, node] of process.graph.nodes) types[id] = node.kind === 'action' ? node.type : node.kind;
  return types;
}

/**
 * Inserts the runs with their trigger and condition steps and pending first actions, and queues
 * those actions, in the caller's transaction. A (workflow, record, occurrence) that already has a
 * run is skipped with everything of it, by the database's unique index: two schedulers, or a
 * tick repeated after a crash, never start a second run. Returns the ids of the runs inserted.
 * One statement writes the runs and their steps: the rows travel as one JSON parameter (a
 * thousand runs as bound values cost ten times as much), and only the runs actually inserted
 * get steps, so no second round trip is needed to learn which ones were.
 */
export async function insertCareRuns(args: {
  tx: Tx;
  boss: PgBoss;
  process: CareProcessRun;
  starts: readonly CareStart[];
}): Promise<string[]> {
  const { tx, boss, process } = args;
  if (args.starts.length === 0) return [];
  const orgId = process.org.id;
  const trigger = process.graph.trigger;
  const tickAt = args.starts[0]?.cause.tickAt ?? new Date().toISOString();
  const inserted = await tx.execute<{ id: string }>(sql`
    with x as (
      select * from jsonb_to_recordset(${JSON.stringify(runRows(args.starts))}::jsonb)
        as x(id uuid, record_id uuid, occurrence text, fire_date text, conditions jsonb, actions text[])
    ), inserted as (
      insert into runs (id, org_id, workflow_id, workflow_version_id, module, record_id, cause, depth, occurrence, status)
      select x.id, ${orgId}::uuid, ${process.workflowId}::uuid, ${process.versionId}::uuid, ${process.module},
        x.record_id,
        jsonb_build_object('kind', 'schedule', 'occurrence', x.occurrence, 'fireDate', x.fire_date,
          'tickAt', ${tickAt}::text, 'chain', '[]'::jsonb, 'changes', '[]'::jsonb, 'before', null,
          'data', (select r.data from records r where r.id = x.record_id)),
        0, x.occurrence, 'queued'
      from x
      on conflict (workflow_id, record_id, occurrence) where occurrence is not null do nothing
      returning id
    ), steps as (
      insert into run_steps (org_id, run_id, node_id, node_type, status, attempts, output, started_at, finished_at)
      select ${orgId}::uuid, x.id, s.node_id, coalesce(${JSON.stringify(nodeTypes(process))}::jsonb ->> s.node_id, 'unknown'),
        s.status, case when s.status = 'succeeded' then 1 else 0 end, s.output,
        case when s.status = 'succeeded' then now() end, case when s.status = 'succeeded' then now() end
      from inserted join x on x.id = inserted.id
      cross join lateral (
        select ${trigger.id}::text as node_id, 'succeeded'::text as status,
          jsonb_build_object('occurrence', x.occurrence, 'fireDate', x.fire_date, 'field', ${trigger.config.dateField}::text) as output
        union all
        select c.node_id, 'succeeded', c.output
        from jsonb_to_recordset(x.conditions) as c(node_id text, output jsonb)
        union all
        select a.node_id, 'pending', null from unnest(x.actions) as a(node_id)
      ) s
      on conflict do nothing
    )
    select id::text as id from inserted`);
  const ids = new Set([...inserted].map((row) => row.id));
  const kept = args.starts.filter((s) => ids.has(s.runId));
  if (kept.length === 0) return [];
  await enqueueSteps({
    tx,
    boss,
    jobs: kept.flatMap((s) => s.actions.map((nodeId) => stepJob(s.runId, nodeId))),
  });
  return kept.map((s) => s.runId);
}
