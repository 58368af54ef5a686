import { randomUUID } from 'node:crypto';
import type { RecordChangedEvent } from '../../records/record-event.ts';
import type { OrgContext } from '../org-context.ts';
import { type ActiveWorkflow, moduleKeyOf } from './active-workflows.ts';
import type { ConditionOutcome } from './condition-walk.ts';
import type { LoopStop } from './loop-guard.ts';
import { eventChanges, firesOncePerRecord, matchEvent } from './match-event.ts';
import { changedBefore, type RunCause } from './run-cause.ts';

export type PlannedStart = {
  runId: string;
  event: RecordChangedEvent;
  workflow: ActiveWorkflow;
  cause: RunCause;
  conditions: ConditionOutcome[];
  actions: string[];
  /** false: the workflow may fire only once per record (claimed in the `workflow_fired` ledger). */
  repeat: boolean;
};

export type PlannedDrop = {
  runId: string;
  event: RecordChangedEvent;
  workflow: ActiveWorkflow;
  cause: RunCause;
  stop: LoopStop;
};

/**
 * Whether a `repeat: false` workflow matched a record the last time an event of it fired the
 * trigger (the ledger `workflow_fired`).
 */
export type LedgerEntry = { workflowId: string; recordId: string; orgId: string; matched: boolean };

export type MatchPlan = { starts: PlannedStart[]; drops: PlannedDrop[]; ledger: LedgerEntry[] };

export const pairKey = (workflowId: string, recordId: string) => `${workflowId}:${recordId}`;

function causeOf(event: RecordChangedEvent, changes: string[], trigger?: string): RunCause {
  return {
    eventId: event.eventId,
    operation: event.operation,
    actor: event.actor,
    at: event.at,
    changes,
    before: changedBefore(event.before, changes),
    chain: event.causation.chain,
    ...(trigger ? { trigger } : {}),
  };
}

/**
 * Decides, without touching the database, what a batch of events does: for each event in the
 * order they happened, each active workflow of its module in priority order. Within the batch a
 * `repeat: false` workflow starts at most once per record; across batches the ledger decides.
 */
export function planRuns(args: {
  events: readonly RecordChangedEvent[];
  active: ReadonlyMap<string, readonly ActiveWorkflow[]>;
  orgs: ReadonlyMap<string, OrgContext>;
  now: Date;
}): MatchPlan {
  const plan: MatchPlan = { starts: [], drops: [], ledger: [] };
  const ledger = new Map<string, LedgerEntry>();
  const onceStarted = new Set<string>();
  for (const event of args.events) {
    const org = args.orgs.get(event.orgId);
    if (!org) continue;
    const workflows = args.active.get(moduleKeyOf(event.orgId, event.module)) ?? [];
    for (const workflow of workflows) {
      const decision = matchEvent({
        event,
        workflowId: workflow.id,
        graph: workflow.graph,
        catalog: org.catalog,
        timeZone: org.timeZone,
        now: args.now,
      });
      if (decision.kind === 'ignored') continue;
      const once = firesOncePerRecord(workflow.graph.trigger.config);
      const pair = pairKey(workflow.id, event.recordId);
      // Only a workflow that fires once per record needs the ledger; writing a row per
      // (workflow, record) for every edit of every other one would cost more than the matching.
      if (once) {
        ledger.set(pair, {
          workflowId: workflow.id,
          recordId: event.recordId,
          orgId: event.orgId,
          matched: decision.kind !== 'unmatched',
        });
      }
      const changes = eventChanges(event, org.catalog);
      if (decision.kind === 'drop') {
        const cause = causeOf(event, changes);
        cause.dropped = { code: decision.stop.code, ...decision.stop.text };
        plan.drops.push({ runId: randomUUID(), event, workflow, cause, stop: decision.stop });
      } else if (decision.kind === 'start') {
        if (once) {
          if (onceStarted.has(pair)) continue;
          onceStarted.add(pair);
        }
        plan.starts.push({
          runId: randomUUID(),
          event,
          workflow,
          cause: causeOf(event, changes, decision.reason),
          conditions: decision.conditions,
          actions: decision.actions,
          repeat: !once,
        });
      }
    }
  }
  plan.ledger = [...ledger.values()];
  return plan;
}
