import type { FlowConflict, Workflow, WorkflowStats } from '@crmflow/contracts';
import type { workflows, workflowVersions } from '@crmflow/db';
import type { FlowGraph, Locale, ValidationError } from '@crmflow/flow';
import { ErrorBody } from '../../errors/app-error.ts';
import { graphProblem } from './graph-problems.ts';
import { storedGraph } from './workflow-graph.ts';

export type WorkflowRow = typeof workflows.$inferSelect;
export type VersionRow = typeof workflowVersions.$inferSelect;

export const noRuns: WorkflowStats = { runs: 0, failed: 0, lastRunAt: null, lastRunStatus: null };

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
