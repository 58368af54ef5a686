import { type Executor, workflows, workflowVersions } from '@crmflow/db';
import type { ModuleKey } from '@crmflow/flow';
import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { parseWorkflowGraph, type WorkflowGraph } from '../workflow-graph.ts';

export type ActiveWorkflow = {
  id: string;
  orgId: string;
  module: ModuleKey;
  versionId: string;
  graph: WorkflowGraph;
  /** (priority, creation time, id): the order in which a record's runs go. */
  order: [number, number, string];
};

const MAX_CACHED_GRAPHS = 5_000;

/**
 * Parsed graphs by version id. Versions are immutable, so a cached graph is never stale; what
 * is active, and in which order, is read from the database every time.
 */
export class GraphCache {
  readonly #graphs = new Map<string, WorkflowGraph | null>();

  async load(db: Executor, versionIds: readonly string[]): Promise<Map<string, WorkflowGraph | null>> {
    const missing = [...new Set(versionIds)].filter((id) => !this.#graphs.has(id));
    if (missing.length > 0) {
      const rows = await db
        .select({ id: workflowVersions.id, graph: workflowVersions.graph })
        .from(workflowVersions)
        .where(inArray(workflowVersions.id, missing));
      if (this.#graphs.size + rows.length > MAX_CACHED_GRAPHS) this.#graphs.clear();
      for (const row of rows) {
        const parsed = parseWorkflowGraph(row.graph);
        this.#graphs.set(row.id, parsed.ok ? parsed.graph : null);
      }
    }
    const result = new Map<string, WorkflowGraph | null>();
    for (const id of versionIds) result.set(id, this.#graphs.get(id) ?? null);
    return result;
  }
}

export const moduleKeyOf = (orgId: string, module: string) => `${orgId}:${module}`;

/**
 * The active event workflows of each (organization, module), in priority order (priority, then
 * creation time, then id): one small query per batch of events, graphs from the cache.
 */
export async function loadActiveWorkflows(args: {
  db: Executor;
  graphs: GraphCache;
  scopes: readonly { orgId: string; module: ModuleKey }[];
  onInvalid?: (workflowId: string) => void;
}): Promise<Map<string, ActiveWorkflow[]>> {
  const { db, graphs, scopes } = args;
  const result = new Map<string, ActiveWorkflow[]>();
  if (scopes.length === 0) return result;
  const rows = await db
    .select({
      id: workflows.id,
      orgId: workflows.orgId,
      module: workflows.module,
      versionId: workflows.currentVersionId,
      priority: workflows.priority,
      createdAt: workflows.createdAt,
    })
    .from(workflows)
    .where(
      and(
        eq(workflows.kind, 'event'),
        eq(workflows.status, 'active'),
        isNotNull(workflows.currentVersionId),
        or(
          ...scopes.map((scope) => and(eq(workflows.orgId, scope.orgId), eq(workflows.module, scope.module))),
        ),
      ),
    )
    .orderBy(asc(workflows.priority), asc(workflows.createdAt), asc(workflows.id));
  const parsed = await graphs.load(
    db,
    rows.flatMap((row) => (row.versionId ? [row.versionId] : [])),
  );
  for (const row of rows) {
    const graph = row.versionId ? parsed.get(row.versionId) : null;
    if (!row.versionId || !graph) {
      args.onInvalid?.(row.id);
      continue;
    }
    const key = moduleKeyOf(row.orgId, row.module);
    const list = result.get(key) ?? [];
    list.push({
      id: row.id,
      orgId: row.orgId,
      module: row.module,
      versionId: row.versionId,
      graph,
      order: [row.priority, row.createdAt.getTime(), row.id],
    });
    result.set(key, list);
  }
  return result;
}
