import { type Db, workflows, workflowVersions } from '@crmflow/db';
import { analyzeConflicts, type FlowConflict, type FlowUnderAnalysis } from '@crmflow/flow';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import { loadModuleCatalog } from '../workflows/module-catalog.ts';
import { storedGraph } from '../workflows/workflow-graph.ts';

/** Every workflow of the organization with its current graph, as the analysis reads them. */
async function flowsOf(db: Db, orgId: string): Promise<FlowUnderAnalysis[]> {
  const rows = await db
    .select({ row: workflows, graph: workflowVersions.graph })
    .from(workflows)
    .innerJoin(workflowVersions, eq(workflowVersions.id, workflows.currentVersionId))
    .where(eq(workflows.orgId, orgId));
  return rows.map(({ row, graph }) => ({
    id: row.id,
    name: row.name,
    module: row.module,
    kind: row.kind,
    active: row.status === 'active',
    priority: row.priority,
    createdAt: row.createdAt.toISOString(),
    graph: storedGraph(graph),
  }));
}

/**
 * The conflict warnings of each of `ids` (all the organization's workflows when not given)
 * against the organization's active workflows, as of their current versions.
 */
export async function conflictsByWorkflow(args: {
  db: Db;
  orgId: string;
  ids?: readonly string[];
}): Promise<Map<string, FlowConflict[]>> {
  const { db, orgId } = args;
  const [flows, catalog] = await Promise.all([flowsOf(db, orgId), loadModuleCatalog(db, orgId)]);
  const wanted = args.ids ? new Set(args.ids) : null;
  return new Map(
    flows
      .filter((flow) => !wanted || wanted.has(flow.id))
      .map((subject) => [subject.id, analyzeConflicts({ subject, flows, catalog })]),
  );
}

/** `GET /api/workflows/:id/conflicts`: another organization's workflow is a 404. */
export async function workflowConflicts(args: {
  db: Db;
  orgId: string;
  id: string;
}): Promise<FlowConflict[]> {
  const found = await conflictsByWorkflow({ ...args, ids: [args.id] });
  const conflicts = found.get(args.id);
  if (!conflicts) throw new AppError('workflow_not_found');
  return conflicts;
}
