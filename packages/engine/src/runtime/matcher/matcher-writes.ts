import { jsonRows, runs, type Tx, workflowFired } from '@crmflow/db';
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { inLocale } from '../messages.ts';
import type { OrgContext } from '../org-context.ts';
import { capPayload } from '../payload-cap.ts';
import { type LedgerEntry, type PlannedDrop, type PlannedStart, pairKey } from './matcher-plan.ts';

/** One dropped run per (workflow, record) per this many seconds is enough to tell why. */
export const DROPPED_RUN_THROTTLE_SECONDS = 60;

const byPair = <T extends { workflowId: string; recordId: string }>(a: T, b: T) =>
  pairKey(a.workflowId, a.recordId).localeCompare(pairKey(b.workflowId, b.recordId));

const pairsWhere = (pairs: readonly { workflowId: string; recordId: string }[]) =>
  or(
    ...pairs.map((p) =>
      and(eq(workflowFired.workflowId, p.workflowId), eq(workflowFired.recordId, p.recordId)),
    ),
  );

/**
 * Claims the first fire of `repeat: false` workflows, race-safe: a new ledger row, or a row that
 * has never fired yet, is claimed by exactly one transaction. Returns the pairs claimed.
 */
export async function claimFirstFires(tx: Tx, starts: readonly PlannedStart[]): Promise<Set<string>> {
  const wanted = starts
    .map((s) => ({ workflowId: s.workflow.id, recordId: s.event.recordId, orgId: s.event.orgId }))
    .sort(byPair);
  const claimed = new Set<string>();
  if (wanted.length === 0) return claimed;
  const inserted = await tx
    .insert(workflowFired)
    .values(wanted.map((w) => ({ ...w, firstFiredAt: sql`now()`, lastMatched: true })))
    .onConflictDoNothing()
    .returning({ workflowId: workflowFired.workflowId, recordId: workflowFired.recordId });
  for (const row of inserted) claimed.add(pairKey(row.workflowId, row.recordId));
  const rest = wanted.filter((w) => !claimed.has(pairKey(w.workflowId, w.recordId)));
  if (rest.length > 0) {
    const updated = await tx
      .update(workflowFired)
      .set({ firstFiredAt: sql`now()` })
      .where(and(isNull(workflowFired.firstFiredAt), pairsWhere(rest)))
      .returning({ workflowId: workflowFired.workflowId, recordId: workflowFired.recordId });
    for (const row of updated) claimed.add(pairKey(row.workflowId, row.recordId));
  }
  return claimed;
}

/** Records, per (workflow, record), whether it matched last time and when it first fired. */
export async function writeLedger(args: {
  tx: Tx;
  entries: readonly LedgerEntry[];
  fired: ReadonlySet<string>;
}): Promise<void> {
  const entries = [...args.entries].sort(byPair);
  if (entries.length === 0) return;
  await args.tx
    .insert(workflowFired)
    .values(
      entries.map((e) => ({
        ...e,
        lastMatched: e.matched,
        firstFiredAt: args.fired.has(pairKey(e.workflowId, e.recordId)) ? sql`now()` : null,
        lastEvaluatedAt: sql`now()`,
      })),
    )
    .onConflictDoUpdate({
      target: [workflowFired.workflowId, workflowFired.recordId],
      set: {
        lastMatched: sql`excluded.last_matched`,
        lastEvaluatedAt: sql`now()`,
        firstFiredAt: sql`coalesce(${workflowFired.firstFiredAt}, excluded.first_fired_at)`,
      },
    });
}

/**
 * Inserts the runs, their trigger and condition steps and first action steps (pending; the
 * caller runs or queues them). A run whose (workflow, event) already exists is skipped with
 * everything of it, so a redelivered event never starts a second run. Returns the runs inserted.
 */
export async function insertStartedRuns(args: {
  tx: Tx;
  starts: readonly PlannedStart[];
}): Promise<PlannedStart[]> {
  const { tx, starts } = args;
  if (starts.length === 0) return [];
  const runRows = starts.map((s) => ({
    id: s.runId,
    org_id: s.event.orgId,
    workflow_id: s.workflow.id,
    workflow_version_id: s.workflow.versionId,
    module: s.event.module,
    record_id: s.event.recordId,
    cause: s.cause,
    depth: s.event.causation.depth,
    event_id: s.event.eventId,
  }));
  const inserted = await tx.execute<{ id: string }>(sql`
    insert into runs (id, org_id, workflow_id, workflow_version_id, module, record_id, cause, depth, event_id, status)
    select v.id, v.org_id, v.workflow_id, v.workflow_version_id, v.module, v.record_id, v.cause, v.depth, v.event_id, 'queued'
    from json_to_recordset(${jsonRows(runRows)}) as v(
      id uuid, org_id uuid, workflow_id uuid, workflow_version_id uuid, module text, record_id uuid,
      cause jsonb, depth int, event_id uuid)
    on conflict (workflow_id, event_id) do nothing
    returning id::text as id
  `);
  const ids = new Set(inserted.map((row) => row.id));
  const kept = starts.filter((s) => ids.has(s.runId));
  if (kept.length === 0) return [];
  // Trigger and condition steps are done (`done`: started and finished now); actions pending.
  const stepRows = kept.flatMap((s) => [
    {
      org_id: s.event.orgId,
      run_id: s.runId,
      node_id: s.workflow.graph.trigger.id,
      node_type: 'trigger',
      status: 'succeeded',
      output: { reason: s.cause.trigger ?? null, changes: s.cause.changes },
      done: true,
    },
    ...s.conditions.map((c) => ({
      org_id: s.event.orgId,
      run_id: s.runId,
      node_id: c.nodeId,
      node_type: 'condition',
      status: 'succeeded',
      output: capPayload({ matched: c.matched, trace: c.trace }),
      done: true,
    })),
    ...s.actions.map((nodeId) => ({
      org_id: s.event.orgId,
      run_id: s.runId,
      node_id: nodeId,
      node_type: actionType(s, nodeId),
      status: 'pending',
      output: null,
      done: false,
    })),
  ]);
  await tx.execute(sql`
    insert into run_steps (org_id, run_id, node_id, node_type, status, attempts, output, started_at, finished_at)
    select v.org_id, v.run_id, v.node_id, v.node_type, v.status, case when v.done then 1 else 0 end, v.output,
      case when v.done then now() end, case when v.done then now() end
    from json_to_recordset(${jsonRows(stepRows)})
      as v(org_id uuid, run_id uuid, node_id text, node_type text, status text, output jsonb, done boolean)
    on conflict do nothing
  `);
  return kept;
}

function actionType(start: PlannedStart, nodeId: string): string {
  const node = start.workflow.graph.nodes.get(nodeId);
  return node?.kind === 'action' ? node.type : 'unknown';
}

/**
 * Writes `dropped` runs so the run history says why a loop was cut, at most one per (workflow,
 * record) per throttle window: a runaway loop must not flood the history either.
 */
export async function insertDroppedRuns(args: {
  tx: Tx;
  drops: readonly PlannedDrop[];
  orgs: ReadonlyMap<string, OrgContext>;
}): Promise<void> {
  const { tx, orgs } = args;
  const unique = new Map(args.drops.map((d) => [pairKey(d.workflow.id, d.event.recordId), d]));
  if (unique.size === 0) return;
  const drops = [...unique.values()];
  const recent = await tx
    .select({ workflowId: runs.workflowId, recordId: runs.recordId })
    .from(runs)
    .where(
      and(
        inArray(
          runs.workflowId,
          drops.map((d) => d.workflow.id),
        ),
        inArray(
          runs.recordId,
          drops.map((d) => d.event.recordId),
        ),
        eq(runs.status, 'dropped'),
        gt(runs.createdAt, sql`now() - make_interval(secs => ${DROPPED_RUN_THROTTLE_SECONDS})`),
      ),
    );
  const throttled = new Set(recent.map((row) => pairKey(row.workflowId, row.recordId ?? '')));
  const kept = drops.filter((d) => !throttled.has(pairKey(d.workflow.id, d.event.recordId)));
  if (kept.length === 0) return;
  await tx
    .insert(runs)
    .values(
      kept.map((d) => ({
        id: d.runId,
        orgId: d.event.orgId,
        workflowId: d.workflow.id,
        workflowVersionId: d.workflow.versionId,
        module: d.event.module,
        recordId: d.event.recordId,
        cause: d.cause,
        depth: d.event.causation.depth,
        eventId: d.event.eventId,
        status: 'dropped' as const,
        reason: inLocale(orgs.get(d.event.orgId)?.locale ?? 'vi', d.stop.text),
        finishedAt: sql`now()`,
      })),
    )
    .onConflictDoNothing({ target: [runs.workflowId, runs.eventId] });
}
