import { runSteps, type Tx } from '@crmflow/db';
import { type ConditionConfig, evaluateCondition, parentsOf, render, text } from '@crmflow/flow';
import { and, eq } from 'drizzle-orm';
import type { ExecutionScope, ExecutorResult, RecordSnapshot, StepError } from '../../executors/executor.ts';
import { type Bilingual, inLocale } from '../messages.ts';
import type { OrgContext } from '../org-context.ts';
import type { RuntimeDeps } from '../runtime-deps.ts';
import { nextNodes, type RuntimeNode, type WorkflowGraph } from '../workflow-graph.ts';
import { snapshotValues } from './run-snapshot.ts';
import type { ClaimedStep } from './step-claim.ts';
import type { LoadedRun } from './step-load.ts';

/** How an attempt at a step ended; `next` are the nodes to queue after a success. */
export type StepOutcome =
  | { status: 'succeeded'; output: unknown; next: string[] }
  | { status: 'skipped'; output: unknown }
  | { status: 'waiting'; until: Date; output: unknown }
  | { status: 'failed'; error: StepError; retryable: boolean };

export type StepAttempt = {
  /** The run, with its snapshot (what texts quote) as the steps before this one left it. */
  run: LoadedRun;
  graph: WorkflowGraph;
  org: OrgContext;
  /** The record as it is now: conditions and writes read it. */
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
  if (!node) return failure(org, 'node_missing', text('run.node_missing', { nodeId: step.nodeId }));
  if (!record) return failure(org, 'record_missing', text('run.record_gone'));
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
      return { status: 'skipped', output: { reason: render(org.locale, 'run.record_gone') } };
    const changed = await conditionChanged(deps, attempt, record);
    if (changed) {
      return {
        status: 'skipped',
        output: { reason: render(org.locale, 'run.condition_no_longer_met', { nodeId: changed }) },
      };
    }
  }
  const scope = runScope(deps, attempt, node, now);
  try {
    const result = await deps.executors[node.type].runNode(scope, node.config);
    return outcomeOf(graph, node.id, result);
  } catch (error) {
    // Only bugs and infrastructure hiccups (a lost connection, a deadlock) throw: worth a retry.
    deps.logger.error({ err: error, runId: run.id, nodeId: node.id }, 'step threw');
    const detail = error instanceof Error ? error.message : String(error);
    return failure(org, 'internal_error', text('run.unexpected', { detail }), true);
  }
}

type ActionNode = Extract<RuntimeNode, { kind: 'action' }>;

function runScope(deps: RuntimeDeps, attempt: StepAttempt, node: ActionNode, now: Date) {
  const { run, org, step, graph } = attempt;
  const record = attempt.record as RecordSnapshot;
  const scope: ExecutionScope = {
    db: deps.database.db,
    org,
    record,
    snapshot: snapshotValues({ snapshot: run.snapshot, graph, record }),
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
  return { ...scope, boss: deps.boss, run: runInfo };
}

function outcomeOf(graph: WorkflowGraph, nodeId: string, result: ExecutorResult): StepOutcome {
  if (result.status === 'succeeded')
    return { status: 'succeeded', output: result.output ?? null, next: nextNodes({ graph, nodeId }) };
  if (result.status === 'waiting')
    return { status: 'waiting', until: result.until, output: result.output ?? null };
  return { status: 'failed', error: result.error, retryable: result.retryable };
}

function actionOf(attempt: StepAttempt): ActionNode | null {
  const node = attempt.graph.nodes.get(attempt.step.nodeId);
  return node?.kind === 'action' ? node : null;
}

/**
 * Whether the step may run in its batch's finishing transaction: an action whose executor takes
 * its config in batches, on a record that exists, and not the wake-up of a wait (which checks
 * the run's conditions again first).
 */
export function runsInBatch(deps: RuntimeDeps, attempt: StepAttempt): boolean {
  const node = actionOf(attempt);
  if (!node || attempt.wake || !attempt.record) return false;
  return deps.executors[node.type].batches?.(node.config) ?? false;
}

/**
 * Runs steps `runsInBatch` accepted, each node type's in one call of its executor, inside `tx`:
 * their effects commit with their completion. An executor that throws has its writes undone (a
 * savepoint per call) and its steps failed for another attempt, as a step that throws alone.
 */
export async function executeBatch(
  deps: RuntimeDeps,
  tx: Tx,
  attempts: readonly StepAttempt[],
): Promise<StepOutcome[]> {
  const now = deps.now();
  const outcomes: StepOutcome[] = [];
  const byType = new Map<ActionNode['type'], number[]>();
  for (const [index, attempt] of attempts.entries()) {
    const node = actionOf(attempt);
    if (!node) throw new Error(`Step ${attempt.step.nodeId} is not an action`);
    byType.set(node.type, [...(byType.get(node.type) ?? []), index]);
  }
  for (const [type, indexes] of byType) {
    const executor = deps.executors[type];
    if (!executor.runNodes) throw new Error(`Executor ${type} does not run in batches`);
    const items = indexes.map((index) => {
      const attempt = attempts[index] as StepAttempt;
      const node = actionOf(attempt) as ActionNode;
      return { attempt, scope: runScope(deps, attempt, node, now), rawConfig: node.config };
    });
    const runNodes = executor.runNodes;
    try {
      // A savepoint of its own: a throw undoes this executor's writes and fails only its steps.
      const results = await tx.transaction((savepoint) => runNodes(savepoint, items));
      for (const [position, index] of indexes.entries()) {
        const item = items[position];
        const result = results[position];
        if (!item || !result) throw new Error(`Executor ${type} returned too few results`);
        outcomes[index] = outcomeOf(item.attempt.graph, item.attempt.step.nodeId, result);
      }
    } catch (error) {
      // As for one step: only bugs and infrastructure hiccups throw, worth another attempt.
      deps.logger.error({ err: error, type, steps: items.length }, 'batch of steps threw');
      const detail = error instanceof Error ? error.message : String(error);
      for (const [position, index] of indexes.entries()) {
        const org = items[position]?.attempt.org;
        if (org) outcomes[index] = failure(org, 'internal_error', text('run.unexpected', { detail }), true);
      }
    }
  }
  return outcomes;
}
