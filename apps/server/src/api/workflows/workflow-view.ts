import type { workflows, workflowVersions } from '@crmflow/db';
import { FlowGraph, type Locale, ModuleKey, type ValidationError, WorkflowKind } from '@crmflow/flow';
import { z } from 'zod';
import { ErrorBody } from '../../errors/app-error.ts';
import { FlowConflict } from '../workflow-conflicts/workflow-conflicts.schema.ts';
import { GraphProblem, graphProblem } from './graph-problems.ts';
import { storedGraph } from './workflow-graph.ts';

export type WorkflowRow = typeof workflows.$inferSelect;
export type VersionRow = typeof workflowVersions.$inferSelect;

export const WorkflowStats = z
  .object({
    runs: z.number().int(),
    failed: z.number().int(),
    lastRunAt: z.iso.datetime().nullable(),
    lastRunStatus: z.string().nullable(),
  })
  .describe('How often the workflow ran, across all its versions');
export type WorkflowStats = z.infer<typeof WorkflowStats>;

export const noRuns: WorkflowStats = { runs: 0, failed: 0, lastRunAt: null, lastRunStatus: null };

export const Workflow = z
  .object({
    id: z.uuid(),
    module: ModuleKey,
    kind: WorkflowKind.describe('`event`: Quy trình làm việc; `schedule`: Quy trình chăm sóc'),
    name: z.string(),
    description: z.string(),
    status: z.enum(['active', 'inactive']),
    priority: z.number().int().describe('Lower runs first among the module’s workflows of one kind'),
    version: z.number().int().describe('Number of the current version'),
    versionId: z.uuid().describe('Id of the current version'),
    graph: FlowGraph.describe('The current version’s graph (see /api/schemas/graph.json)'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    activatedAt: z.iso.datetime().nullable(),
    createdBy: z.uuid().nullable(),
    stats: WorkflowStats,
    validation: z
      .array(GraphProblem)
      .optional()
      .describe(
        'Problems of the current graph against the organization’s fields and data; empty when it may be activated',
      ),
    conflicts: z
      .array(FlowConflict)
      .optional()
      .describe(
        'Warnings against the organization’s active workflows (see GET /api/workflows/:id/conflicts)',
      ),
  })
  .describe('A workflow (Quy trình làm việc) or care process (Quy trình chăm sóc)');
export type Workflow = z.infer<typeof Workflow>;

/**
 * Each version's graph as today's declarations read it, by version id: a version is never
 * edited once written, so a list reads each graph once per process rather than once a request.
 * The graphs are shared: nothing may change them in place.
 */
const versionGraphs = new Map<string, FlowGraph>();
const KEPT_GRAPHS = 5_000;

function graphOf(version: VersionRow): FlowGraph {
  const kept = versionGraphs.get(version.id);
  if (kept) return kept;
  const graph = storedGraph(version.graph);
  if (versionGraphs.size >= KEPT_GRAPHS) versionGraphs.clear();
  versionGraphs.set(version.id, graph);
  return graph;
}

export function toWorkflowView(args: {
  row: WorkflowRow;
  version: VersionRow;
  stats?: WorkflowStats | undefined;
  validation?: ValidationError[] | undefined;
  conflicts?: FlowConflict[] | undefined;
  /** The language `validation` is told in. */
  locale?: Locale;
}): Workflow {
  const { row, version } = args;
  return {
    id: row.id,
    module: row.module,
    kind: row.kind,
    name: row.name,
    description: row.description,
    status: row.status,
    priority: row.priority,
    version: version.version,
    versionId: version.id,
    graph: graphOf(version),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    activatedAt: row.activatedAt?.toISOString() ?? null,
    createdBy: row.createdBy,
    stats: args.stats ?? noRuns,
    ...(args.validation
      ? { validation: args.validation.map((error) => graphProblem(error, args.locale ?? 'vi')) }
      : {}),
    ...(args.conflicts ? { conflicts: args.conflicts } : {}),
  };
}

/** 422: the graph cannot be read, or (on activation) breaks a rule; `details` are per node. */
export const InvalidGraphError = ErrorBody.describe(
  'The graph is not valid; `message` tells the first problem in the caller’s language and `details` lists `{ nodeId?, edgeId?, path?, code, message }` per problem',
);
