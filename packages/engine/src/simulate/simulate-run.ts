import { type Db, records, workflowFired, workflows, workflowVersions } from '@crmflow/db';
import {
  ConditionConfig,
  evaluateCondition,
  evaluateTrigger,
  FlowGraph,
  isActionNodeType,
  isScheduleTrigger,
  type Locale,
  type MessageCode,
  migrateGraph,
  type ParamsArg,
  render,
  TriggerConfig,
  topologicalOrder,
} from '@crmflow/flow';
import { and, eq } from 'drizzle-orm';
import type { ExecutionScope, RecordSnapshot } from '../executors/executor.ts';
import { executors } from '../executors/registry.ts';
import { firesOncePerRecord } from '../runtime/matcher/match-event.ts';
import { type OrgContext, OrgContexts } from '../runtime/org-context.ts';
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

/** How the test panel says which change it takes the trigger to be. */
const triggeredAs: Partial<Record<string, 'simulation.as_created' | 'simulation.as_deleted'>> = {
  create: 'simulation.as_created',
  delete: 'simulation.as_deleted',
};

const quietLogger = { info: () => {}, warn: () => {}, error: () => {} };

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
 * its executor's preview (rendered texts, values, recipients).
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
  const parsed = FlowGraph.safeParse(raw);
  if (!parsed.success) throw new SimulationError('graph_invalid');
  const graph = migrateGraph(parsed.data);
  const order = topologicalOrder(graph);
  const triggerNode = graph.nodes.find((node) => node.type === 'trigger');
  if (!order || !triggerNode) throw new SimulationError('graph_invalid');
  const orgOfDb = await new OrgContexts().one(db, orgId);
  const org = args.locale ? { ...orgOfDb, locale: args.locale } : orgOfDb;
  const t: Say = (code, ...params) => render(org.locale, code, ...params);
  const nodes: Record<string, SimulatedNode> = {};
  const changes = org.catalog[workflow.module].fields.map((field) => field.key);

  const trigger = TriggerConfig.safeParse(triggerNode.config);
  if (!trigger.success) {
    nodes[triggerNode.id] = { status: 'error', reason: t('simulation.config_invalid') };
  } else if (isScheduleTrigger(trigger.data)) {
    nodes[triggerNode.id] = { status: 'matched', reason: t('simulation.schedule_trigger') };
  } else {
    const operation =
      trigger.data.on === 'create' ? 'create' : trigger.data.on === 'delete' ? 'delete' : 'update';
    const outcome = evaluateTrigger({ config: trigger.data, operation, changes });
    const [fired] = await db
      .select({ at: workflowFired.firstFiredAt })
      .from(workflowFired)
      .where(and(eq(workflowFired.workflowId, workflow.id), eq(workflowFired.recordId, record.id)));
    const note = firesOncePerRecord(trigger.data) && fired?.at ? ` ${t('simulation.already_fired')}` : '';
    nodes[triggerNode.id] = outcome.fires
      ? { status: 'matched', reason: `${t(triggeredAs[trigger.data.on] ?? 'simulation.as_updated')}${note}` }
      : {
          status: 'not_matched',
          reason: t('simulation.not_fired', {
            reason: org.locale === 'en' ? outcome.reason : outcome.reasonVi,
          }),
        };
  }

  const scope = (nodeId: string, type: Parameters<typeof isActionNodeType>[0]): ExecutionScope | null =>
    isActionNodeType(type)
      ? {
          db,
          org,
          record,
          // A test run takes the record as it is now for the triggering change: its texts quote it.
          snapshot: record.data,
          node: { id: nodeId, type },
          workflowId: workflow.id,
          now,
          logger: quietLogger,
        }
      : null;
  const passes = new Map<string, (target: string, handle: string | null | undefined) => boolean>();
  const state = nodes[triggerNode.id]?.status;
  passes.set(triggerNode.id, () => state === 'matched');
  const path: string[] = [];
  for (const nodeId of order) {
    const node = graph.nodes.find((candidate) => candidate.id === nodeId);
    if (!node) continue;
    if (node.type !== 'trigger') {
      const incoming = graph.edges.filter((edge) => edge.target === nodeId);
      const reached = incoming.some((edge) => passes.get(edge.source)?.(nodeId, edge.sourceHandle) ?? false);
      if (!reached) {
        nodes[nodeId] = { status: 'skipped', reason: t('simulation.not_reached') };
        passes.set(nodeId, () => false);
        continue;
      }
      nodes[nodeId] =
        proposedOnPath({ node, path, graph, nodes, t }) ??
        (await simulateNode({ node, org, record, now, t, scope: scope(node.id, node.type) }));
      const status = nodes[nodeId]?.status;
      passes.set(nodeId, (_target, handle) =>
        node.type === 'condition'
          ? (handle ?? 'true') === (status === 'matched' ? 'true' : 'false')
          : status === 'would_run',
      );
    }
    if (nodes[nodeId]?.status !== 'skipped') path.push(nodeId);
  }
  const matched =
    nodes[triggerNode.id]?.status === 'matched' &&
    graph.nodes.some((node) => isActionNodeType(node.type) && path.includes(node.id));
  return { matched, path, nodes };
}

/**
 * Nothing is written in a simulation, so recording revenue after a step that would propose it
 * finds no proposal in the database; what the run would do is record that proposal.
 */
function proposedOnPath(args: {
  node: FlowGraph['nodes'][number];
  path: string[];
  graph: FlowGraph;
  nodes: Record<string, SimulatedNode>;
  t: Say;
}): SimulatedNode | null {
  const { node, path, graph, nodes, t } = args;
  if (node.type !== 'record_revenue') return null;
  const proposal = path
    .filter((id) => graph.nodes.some((other) => other.id === id && other.type === 'propose_revenue'))
    .map((id) => nodes[id])
    .find((step) => step?.status === 'would_run');
  if (!proposal) return null;
  const amount = Reflect.get(Object(proposal.preview), 'amount');
  return {
    status: 'would_run',
    reason: t('simulation.records_proposed', { amount: String(amount ?? '') }),
    preview: { kind: 'recorded', amount },
  };
}

async function simulateNode(args: {
  node: FlowGraph['nodes'][number];
  org: OrgContext;
  record: RecordSnapshot;
  now: Date;
  t: Say;
  scope: ExecutionScope | null;
}): Promise<SimulatedNode> {
  const { node, org, record, now, t, scope } = args;
  if (node.type === 'condition') {
    const config = ConditionConfig.safeParse(node.config);
    if (!config.success) return { status: 'error', reason: t('simulation.config_invalid') };
    if (config.data.mode === 'all') return { status: 'matched', reason: t('simulation.all_records') };
    const module = org.catalog[record.module];
    const outcome = evaluateCondition({
      config: config.data,
      record: record.data,
      before: null,
      changes: module.fields.map((field) => field.key),
      catalog: org.catalog,
      module: record.module,
      now,
      timeZone: org.timeZone,
    });
    if (outcome.matched)
      return {
        status: 'matched',
        reason: t('simulation.condition_met'),
        preview: { trace: outcome.trace },
      };
    const failed = failedRulesText({
      trace: outcome.trace,
      module,
      locale: org.locale,
      timeZone: org.timeZone,
    });
    return {
      status: 'not_matched',
      reason: t('simulation.condition_not_met', { failed }),
      preview: { trace: outcome.trace },
    };
  }
  if (!scope || !isActionNodeType(node.type))
    return { status: 'error', reason: t('simulation.unknown_node') };
  try {
    return await executors[node.type].previewNode(scope, node.config);
  } catch (error) {
    return {
      status: 'error',
      reason: t('simulation.preview_failed', {
        detail: error instanceof Error ? error.message : String(error),
      }),
    };
  }
}
