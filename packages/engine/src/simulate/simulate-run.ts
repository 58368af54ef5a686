import { type Db, records, workflowFired, workflows, workflowVersions } from '@crmflow/db';
import {
  type EventTriggerConfig,
  isScheduleTrigger,
  type Locale,
  type MessageCode,
  type ParamsArg,
  type RecordOperation,
  render,
} from '@crmflow/flow';
import { and, eq } from 'drizzle-orm';
import type { RecordSnapshot } from '../executors/executor.ts';
import {
  type ConditionOutcome,
  type ConditionWalk,
  conditionsOn,
  walkConditions,
} from '../runtime/matcher/condition-walk.ts';
import { firesOncePerRecord, matchTrigger } from '../runtime/matcher/match-event.ts';
import { type OrgContext, OrgContexts } from '../runtime/org-context.ts';
import { type NodeProblem, readWorkflowGraph, type WorkflowGraph } from '../runtime/workflow-graph.ts';
import { previewWalk } from './preview-walk.ts';
import { failedRulesText } from './simulation-text.ts';

/** A catalogue text in the reader's language. */
type Say = <Code extends MessageCode>(code: Code, ...args: ParamsArg<Code>) => string;

export type SimulatedNode = {
  status: 'matched' | 'not_matched' | 'would_run' | 'skipped' | 'error';
  reason: string;
  preview?: unknown;
};

export type SimulationResult = {
  /** The trigger fires and the conditions lead to at least one action. */
  matched: boolean;
  /** The nodes the run would go through, in order. */
  path: string[];
  nodes: Record<string, SimulatedNode>;
};

export type SimulationErrorCode =
  | 'workflow_not_found'
  | 'version_not_found'
  | 'record_not_found'
  | 'graph_invalid';

/** What makes a simulation impossible; the API answers 404 (not found) or 422 (graph). */
export class SimulationError extends Error {
  constructor(readonly code: SimulationErrorCode) {
    super(code);
    this.name = 'SimulationError';
  }
}

/** The change the test panel takes an event trigger to be, and how it says so. */
const takenAs: Record<
  EventTriggerConfig['on'],
  {
    operation: RecordOperation;
    says: 'simulation.as_created' | 'simulation.as_updated' | 'simulation.as_deleted';
  }
> = {
  create: { operation: 'create', says: 'simulation.as_created' },
  create_or_update: { operation: 'update', says: 'simulation.as_updated' },
  update: { operation: 'update', says: 'simulation.as_updated' },
  delete: { operation: 'delete', says: 'simulation.as_deleted' },
};

/** What the test panel says of a node the walk reached but cannot run. */
const problemSaid: Record<NodeProblem, 'simulation.config_invalid' | 'simulation.unknown_node'> = {
  trigger_invalid: 'simulation.config_invalid',
  condition_invalid: 'simulation.config_invalid',
  node_type_unknown: 'simulation.unknown_node',
};

async function loadSubject(args: {
  db: Db;
  orgId: string;
  workflowId: string;
  recordId: string;
  versionId?: string;
}) {
  const { db, orgId } = args;
  const [workflow] = await db
    .select({ id: workflows.id, module: workflows.module, currentVersionId: workflows.currentVersionId })
    .from(workflows)
    .where(and(eq(workflows.id, args.workflowId), eq(workflows.orgId, orgId)));
  if (!workflow) throw new SimulationError('workflow_not_found');
  const versionId = args.versionId ?? workflow.currentVersionId;
  const [version] = versionId
    ? await db
        .select({ graph: workflowVersions.graph })
        .from(workflowVersions)
        .where(and(eq(workflowVersions.id, versionId), eq(workflowVersions.workflowId, workflow.id)))
    : [];
  if (!version) throw new SimulationError('version_not_found');
  const [row] = await db
    .select()
    .from(records)
    .where(and(eq(records.id, args.recordId), eq(records.orgId, orgId), eq(records.module, workflow.module)));
  if (!row) throw new SimulationError('record_not_found');
  const record: RecordSnapshot = {
    id: row.id,
    module: row.module,
    data: row.data,
    ownerId: row.ownerId,
    deleted: row.deletedAt !== null,
  };
  return { workflow, graph: version.graph, record };
}

/**
 * The test panel (`POST /api/workflows/:id/test`): what the workflow would do for a record, with
 * nothing written and nothing sent. The trigger is taken as having happened (an edit changes
 * every field); conditions are evaluated on the record as it is; each action on the path shows
 * its executor's preview (rendered texts, values, recipients). The walk is the runtime's
 * (`matchTrigger`, `walkConditions`, through `previewWalk`); a draft's node that cannot run
 * shows its error where the walk reaches it.
 */
export async function simulateRun(args: {
  db: Db;
  orgId: string;
  workflowId: string;
  recordId: string;
  now?: Date;
  versionId?: string;
  /** The reader's language for the reasons and previews; the organization's when absent. */
  locale?: Locale;
}): Promise<SimulationResult> {
  const { db, orgId } = args;
  const now = args.now ?? new Date();
  const { workflow, graph: raw, record } = await loadSubject(args);
  const read = readWorkflowGraph(raw);
  if (!read.ok) throw new SimulationError('graph_invalid');
  const { draft } = read;
  const orgOfDb = await new OrgContexts().one(db, orgId);
  const org = args.locale ? { ...orgOfDb, locale: args.locale } : orgOfDb;
  const t: Say = (code, ...params) => render(org.locale, code, ...params);
  const triggerId = draft.trigger.id;
  const config = draft.trigger.config;
  const nodes = new Map<string, SimulatedNode>();
  if (!config) {
    nodes.set(triggerId, { status: 'error', reason: t('simulation.config_invalid') });
    return resultOf({ graph: draft, nodes, t });
  }
  const graph: WorkflowGraph = { ...draft, trigger: { id: triggerId, config } };
  const changes = org.catalog[workflow.module].fields.map((field) => field.key);
  const asIs = { record: record.data, before: null, changes, module: record.module };
  const evaluate = conditionsOn({ ...asIs, catalog: org.catalog, timeZone: org.timeZone, now });
  let start: ConditionWalk | null;
  if (isScheduleTrigger(config)) {
    // A care process's runs start on dates; from the trigger they walk as an event's (`walkCareGraph`).
    nodes.set(triggerId, { status: 'matched', reason: t('simulation.schedule_trigger') });
    start = walkConditions({ graph, from: triggerId, evaluate });
  } else {
    const taken = takenAs[config.on];
    const match = matchTrigger({
      graph,
      change: { ...asIs, operation: taken.operation },
      catalog: org.catalog,
      timeZone: org.timeZone,
      now,
    });
    start = match.walk;
    if (!match.walk) {
      const reason = t('simulation.not_fired', { reason: match.trigger.reason[org.locale] });
      nodes.set(triggerId, { status: 'not_matched', reason });
    } else {
      const [fired] = await db
        .select({ at: workflowFired.firstFiredAt })
        .from(workflowFired)
        .where(and(eq(workflowFired.workflowId, workflow.id), eq(workflowFired.recordId, record.id)));
      const note = firesOncePerRecord(config) && fired?.at ? ` ${t('simulation.already_fired')}` : '';
      nodes.set(triggerId, { status: 'matched', reason: `${t(taken.says)}${note}` });
    }
  }
  if (start) {
    const walked = await previewWalk({
      graph,
      start,
      evaluate,
      scope: {
        db,
        org,
        record,
        // A test run takes the record as it is now for the triggering change: its texts quote it.
        snapshot: record.data,
        workflowId: workflow.id,
        now,
      },
    });
    for (const outcome of walked.conditions.values())
      nodes.set(outcome.nodeId, conditionSaid({ graph, outcome, org, record, t }));
    for (const { nodeId, type: _type, ...result } of walked.actions) nodes.set(nodeId, result);
    for (const nodeId of walked.stopped) {
      const problem = graph.problems.get(nodeId);
      if (problem) nodes.set(nodeId, { status: 'error', reason: t(problemSaid[problem]) });
    }
  }
  return resultOf({ graph, nodes, t });
}

/** Every node of the graph in topological order, those the walk did not reach skipped. */
function resultOf(args: {
  graph: Pick<WorkflowGraph, 'nodes' | 'rank'> & { trigger: { id: string } };
  nodes: ReadonlyMap<string, SimulatedNode>;
  t: Say;
}): SimulationResult {
  const { graph, t } = args;
  const triggerId = graph.trigger.id;
  const order = [triggerId, ...[...graph.rank.keys()].filter((id) => id !== triggerId)];
  const skipped: SimulatedNode = { status: 'skipped', reason: t('simulation.not_reached') };
  const nodes = Object.fromEntries(order.map((id) => [id, args.nodes.get(id) ?? { ...skipped }]));
  const path = [...graph.rank.keys()].filter((id) => nodes[id]?.status !== 'skipped');
  const matched =
    nodes[triggerId]?.status === 'matched' && path.some((id) => graph.nodes.get(id)?.kind === 'action');
  return { matched, path, nodes };
}

/** A condition's outcome as the test panel says it: met, or which of its rules failed. */
function conditionSaid(args: {
  graph: WorkflowGraph;
  outcome: ConditionOutcome;
  org: OrgContext;
  record: RecordSnapshot;
  t: Say;
}): SimulatedNode {
  const { graph, outcome, org, t } = args;
  const node = graph.nodes.get(outcome.nodeId);
  if (node?.kind === 'condition' && node.config.mode === 'all')
    return { status: 'matched', reason: t('simulation.all_records') };
  const preview = { trace: outcome.trace };
  if (outcome.matched) return { status: 'matched', reason: t('simulation.condition_met'), preview };
  const failed = failedRulesText({
    trace: outcome.trace,
    module: org.catalog[args.record.module],
    locale: org.locale,
    timeZone: org.timeZone,
  });
  return { status: 'not_matched', reason: t('simulation.condition_not_met', { failed }), preview };
}
