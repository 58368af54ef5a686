import { runSteps, runs, type Tx, workflowFired } from '@crmflow/db';
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { type LedgerEntry, type PlannedDrop, type PlannedStart, pairKey } from './matcher-plan.ts';
import { inLocale } from './messages.ts';
import type { OrgContext } from './org-context.ts';
import { capPayload } from './payload-cap.ts';

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
  const inserted = await tx
    .insert(runs)
    .values(
      starts.map((s) => ({
        id: s.runId,
        orgId: s.event.orgId,
        workflowId: s.workflow.id,
        workflowVersionId: s.workflow.versionId,
        module: s.event.module,
        recordId: s.event.recordId,
        cause: s.cause,
        depth: s.event.causation.depth,
        eventId: s.event.eventId,
        status: 'queued' as const,
      })),
    )
    .onConflictDoNothing({ target: [runs.workflowId, runs.eventId] })
    .returning({ id: runs.id });
  const ids = new Set(inserted.map((row) => row.id));
  const kept = starts.filter((s) => ids.has(s.runId));
  if (kept.length === 0) return [];
  const now = sql`now()`;
  await tx
    .insert(runSteps)
    .values(
      kept.flatMap((s) => [
        {
          orgId: s.event.orgId,
          runId: s.runId,
          nodeId: s.workflow.graph.trigger.id,
          nodeType: 'trigger',
          status: 'succeeded' as const,
          attempts: 1,
          output: { reason: s.cause.trigger ?? null, changes: s.cause.changes },
          startedAt: now,
          finishedAt: now,
        },
        ...s.conditions.map((c) => ({
          orgId: s.event.orgId,
          runId: s.runId,
          nodeId: c.nodeId,
          nodeType: 'condition',
          status: 'succeeded' as const,
          attempts: 1,
          output: capPayload({ matched: c.matched, trace: c.trace }),
          startedAt: now,
          finishedAt: now,
        })),
        ...s.actions.map((nodeId) => ({
          orgId: s.event.orgId,
          runId: s.runId,
          nodeId,
          nodeType: actionType(s, nodeId),
          status: 'pending' as const,
        })),
      ]),
    )
    .onConflictDoNothing();
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
