import { runSteps } from '@crmflow/db';
import { type ConditionConfig, evaluateCondition, parentsOf } from '@crmflow/flow';
import { and, eq } from 'drizzle-orm';
import type { ExecutionScope, RecordSnapshot, StepError } from '../executors/executor.ts';
import { type Bilingual, inLocale, runtimeText } from './messages.ts';
import type { OrgContext } from './org-context.ts';
import type { RuntimeDeps } from './runtime-deps.ts';
import type { ClaimedStep } from './step-claim.ts';
import type { LoadedRun } from './step-load.ts';
import { nextNodes, type WorkflowGraph } from './workflow-graph.ts';

/** How an attempt at a step ended; `next` are the nodes to queue after a success. */
export type StepOutcome =
  | { status: 'succeeded'; output: unknown; next: string[] }
  | { status: 'skipped'; output: unknown }
  | { status: 'waiting'; until: Date; output: unknown }
  | { status: 'failed'; error: StepError; retryable: boolean };

export type StepAttempt = {
  run: LoadedRun;
  graph: WorkflowGraph;
  org: OrgContext;
  record: RecordSnapshot | null;
  step: ClaimedStep;
  /** The job ends a wait: the run's conditions are checked again before going on. */
  wake: boolean;
};

const failure = (org: OrgContext, code: string, text: Bilingual, retryable = false): StepOutcome => ({
  status: 'failed',
  retryable,
  error: { code, message: inLocale(org.locale, text), details: text },
});

function conditionOn(attempt: StepAttempt, record: RecordSnapshot, config: ConditionConfig, now: Date) {
  const { run, org } = attempt;
  return evaluateCondition({
    config,
    record: record.data,
    before: run.cause.before,
    changes: run.cause.changes,
    catalog: org.catalog,
    module: run.module,
    now,
    timeZone: org.timeZone,
  });
}

function ancestors(graph: WorkflowGraph, nodeId: string): Set<string> {
  const seen = new Set<string>();
  const stack = [nodeId];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const parent of parentsOf({ edges: graph.edges, nodeId: id })) {
      if (!seen.has(parent)) stack.push(parent);
      seen.add(parent);
    }
  }
  return seen;
}

/**
 * After a wait: every condition the run passed on its way to this node is evaluated again on
 * the record as it is now. The id of the first one whose outcome changed, or null.
 */
async function conditionChanged(
  deps: RuntimeDeps,
  attempt: StepAttempt,
  record: RecordSnapshot,
): Promise<string | null> {
  const { run, graph, step } = attempt;
  const passed = await deps.database.db
    .select({ nodeId: runSteps.nodeId, output: runSteps.output })
    .from(runSteps)
    .where(
      and(eq(runSteps.runId, run.id), eq(runSteps.nodeType, 'condition'), eq(runSteps.status, 'succeeded')),
    );
  const before = ancestors(graph, step.nodeId);
  const now = deps.now();
  for (const { nodeId, output } of passed) {
    const node = graph.nodes.get(nodeId);
    if (!before.has(nodeId) || node?.kind !== 'condition') continue;
    const recorded =
      typeof output === 'object' && output !== null && 'matched' in output ? output.matched === true : true;
    if (conditionOn(attempt, record, node.config, now).matched !== recorded) return nodeId;
  }
  return null;
}

/** Runs one step of a run: a condition is evaluated, an action handed to its executor. */
export async function executeStep(deps: RuntimeDeps, attempt: StepAttempt): Promise<StepOutcome> {
  const { run, graph, org, record, step } = attempt;
  const node = graph.nodes.get(step.nodeId);
  if (!node) return failure(org, 'node_missing', runtimeText.nodeMissing(step.nodeId));
  if (!record) return failure(org, 'record_missing', runtimeText.recordGone());
  const now = deps.now();
  if (node.kind === 'condition') {
    const outcome = conditionOn(attempt, record, node.config, now);
    return {
      status: 'succeeded',
      output: { matched: outcome.matched, trace: outcome.trace },
      next: nextNodes({ graph, nodeId: node.id, matched: outcome.matched }),
    };
  }
  if (attempt.wake) {
    if (record.deleted)
      return { status: 'skipped', output: { reason: inLocale(org.locale, runtimeText.recordGone()) } };
    const changed = await conditionChanged(deps, attempt, record);
    if (changed) {
      return {
        status: 'skipped',
        output: { reason: inLocale(org.locale, runtimeText.conditionNoLongerMet(changed)) },
      };
    }
  }
  const scope: ExecutionScope = {
    db: deps.database.db,
    org,
    record,
    node: { id: node.id, type: node.type },
    workflowId: run.workflowId,
    now,
    logger: deps.logger,
  };
  const runInfo = {
    id: run.id,
    workflowId: run.workflowId,
    workflowVersionId: run.workflowVersionId,
    depth: run.depth,
    chain: run.cause.chain,
    attempt: step.attempts,
    stepStartedAt: step.startedAt,
  };
  try {
    const result = await deps.executors[node.type].runNode(
      { ...scope, boss: deps.boss, run: runInfo },
      node.config,
    );
    if (result.status === 'succeeded') {
      return {
        status: 'succeeded',
        output: result.output ?? null,
        next: nextNodes({ graph, nodeId: node.id }),
      };
    }
    if (result.status === 'waiting')
      return { status: 'waiting', until: result.until, output: result.output ?? null };
    return { status: 'failed', error: result.error, retryable: result.retryable };
  } catch (error) {
    // Only bugs and infrastructure hiccups (a lost connection, a deadlock) throw: worth a retry.
    deps.logger.error({ err: error, runId: run.id, nodeId: node.id }, 'step threw');
    const detail = error instanceof Error ? error.message : String(error);
    return failure(org, 'internal_error', runtimeText.unexpected(detail), true);
  }
}
