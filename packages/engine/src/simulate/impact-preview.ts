import { type Db, workflows, workflowVersions } from '@crmflow/db';
import { isScheduleTrigger } from '@crmflow/flow';
import { and, eq } from 'drizzle-orm';
import type { RecordSnapshot } from '../executors/executor.ts';
import type { RecordChangedEvent } from '../records/record-event.ts';
import { recordTitle } from '../records/record-meta.ts';
import { conditionsOn } from '../runtime/matcher/condition-walk.ts';
import { MAX_CAUSAL_DEPTH } from '../runtime/matcher/loop-guard.ts';
import { eventChanges, firesOncePerRecord, matchEvent } from '../runtime/matcher/match-event.ts';
import { type OrgContext, OrgContexts } from '../runtime/org-context.ts';
import { parseWorkflowGraph, type WorkflowGraph } from '../runtime/workflow-graph.ts';
import { previewCareImpact } from './impact-care.ts';
import {
  conditionInputs,
  type HistoryRow,
  type HistoryScope,
  historyHits,
  historyShapes,
} from './impact-history.ts';
import { previewWalk } from './preview-walk.ts';
import { type SimulatedNode, SimulationError } from './simulate-run.ts';

/** What one action of a run would have done: its executor's preview, nothing sent or written. */
export type ImpactAction = { nodeId: string; type: string } & SimulatedNode;

/** A run the flow would have started (event) or will start (care process), on one record. */
export type ImpactRun = {
  recordId: string;
  title: string;
  /** When the change happened (event), or the day the run falls on (care process). */
  at: string;
  /** Each action's effect; only for the first `DETAILED_RUNS` runs listed. */
  actions: ImpactAction[] | null;
};

export type ImpactPreview = {
  kind: 'event' | 'schedule';
  days: number;
  from: string;
  to: string;
  /** History rows the trigger could fire on (read from the database), or due records. */
  scanned: number;
  /** Runs the flow would have started over the period. */
  runs: number;
  /** Distinct records those runs are on. */
  records: number;
  /** The latest runs (event) or the earliest (care process), at most `LISTED_RUNS`. */
  items: ImpactRun[];
};

/** Runs listed at most; `runs` counts them all. */
export const LISTED_RUNS = 100;
/** Runs whose actions are previewed, each action asking its executor. */
export const DETAILED_RUNS = 20;

/** The actions a run goes through from its first ones, each previewed by its executor. */
async function previewActions(args: {
  db: Db;
  org: OrgContext;
  workflowId: string;
  graph: WorkflowGraph;
  first: string[];
  record: RecordSnapshot;
  now: Date;
  changes: string[];
  before: Record<string, unknown> | null;
}): Promise<ImpactAction[]> {
  const { db, org, record, now } = args;
  const walked = await previewWalk({
    graph: args.graph,
    start: { conditions: [], actions: args.first, stopped: [] },
    evaluate: conditionsOn({
      record: record.data,
      before: args.before,
      changes: args.changes,
      module: record.module,
      catalog: org.catalog,
      timeZone: org.timeZone,
      now,
    }),
    scope: {
      db,
      org,
      record,
      // As a run would: texts quote the record as this change left it (the history row's after).
      snapshot: record.data,
      workflowId: args.workflowId,
      now,
    },
  });
  return [...walked.actions];
}

/**
 * "Nếu kích hoạt…": what a workflow's current version would have done over the last `days` days
 * (an event workflow: the module's record history replayed through the matcher's own trigger,
 * condition and loop-guard decision, `repeat: false` kept per record) or will do over the next
 * `days` days (a care process: the scheduler's own selection). Each action of the first runs is
 * previewed by its executor on the test panel's walk (`previewWalk`): nothing is sent or written.
 */
export async function previewImpact(args: {
  db: Db;
  orgId: string;
  workflowId: string;
  days: number;
  now?: Date;
}): Promise<ImpactPreview> {
  const { db, orgId, days } = args;
  const now = args.now ?? new Date();
  const [workflow] = await db
    .select({ id: workflows.id, module: workflows.module, graph: workflowVersions.graph })
    .from(workflows)
    .innerJoin(workflowVersions, eq(workflowVersions.id, workflows.currentVersionId))
    .where(and(eq(workflows.id, args.workflowId), eq(workflows.orgId, orgId)));
  if (!workflow) throw new SimulationError('workflow_not_found');
  const parsed = parseWorkflowGraph(workflow.graph);
  if (!parsed.ok) throw new SimulationError('graph_invalid');
  const { graph } = parsed;
  const org = await new OrgContexts().one(db, orgId);
  const trigger = graph.trigger.config;
  if (isScheduleTrigger(trigger)) {
    return previewCareImpact({
      db,
      org,
      workflowId: workflow.id,
      module: workflow.module,
      graph: workflow.graph,
      days,
      now,
    });
  }
  const since = new Date(now.getTime() - days * 86_400_000);
  const scope: HistoryScope = {
    orgId,
    module: workflow.module,
    trigger,
    ...conditionInputs(graph),
    timeZone: org.timeZone,
    since,
    until: now,
  };
  const decide = (row: Omit<HistoryRow, 'id' | 'record_id'> & { id?: string; record_id?: string }) => {
    const event: RecordChangedEvent = {
      eventId: row.id ?? '00000000-0000-4000-8000-000000000000',
      orgId,
      module: workflow.module,
      recordId: row.record_id ?? '00000000-0000-4000-8000-000000000000',
      operation: row.operation,
      before: row.before,
      after: row.after,
      changed: row.changed,
      actor: { userId: null, source: 'api' },
      causation: { depth: row.depth, chain: [] },
      at: row.at,
    };
    const decision = matchEvent({
      event,
      workflowId: workflow.id,
      graph,
      catalog: org.catalog,
      timeZone: org.timeZone,
      now: new Date(row.at),
    });
    return { decision, changes: eventChanges(event, org.catalog) };
  };
  // The engine decides once per distinct shape of row; the database counts and lists the rows.
  const shapes = await historyShapes(db, scope);
  const starting = shapes.filter(
    (shape) => decide({ ...shape, depth: shape.deep ? MAX_CAUSAL_DEPTH + 1 : 0 }).decision.kind === 'start',
  );
  const hits = await historyHits(db, {
    scope,
    shapes: starting.map((shape) => shape.shape),
    firstPerRecord: firesOncePerRecord(trigger),
    limit: LISTED_RUNS,
  });
  const items: ImpactRun[] = [];
  for (const [index, row] of hits.latest.entries()) {
    const { decision, changes } = decide(row);
    const data = row.after ?? row.before ?? {};
    const record: RecordSnapshot = {
      id: row.record_id,
      module: workflow.module,
      data,
      ownerId: typeof data.owner_id === 'string' ? data.owner_id : null,
      deleted: row.operation === 'delete',
    };
    items.push({
      recordId: row.record_id,
      title: recordTitle(workflow.module, data),
      at: row.at,
      actions:
        index < DETAILED_RUNS && decision.kind === 'start'
          ? await previewActions({
              db,
              org,
              workflowId: workflow.id,
              graph,
              first: decision.actions,
              record,
              now,
              changes,
              before: row.before,
            })
          : null,
    });
  }
  return {
    kind: 'event',
    days,
    from: since.toISOString(),
    to: now.toISOString(),
    scanned: shapes.reduce((sum, shape) => sum + shape.rows, 0),
    runs: hits.runs,
    records: hits.records,
    items,
  };
}
