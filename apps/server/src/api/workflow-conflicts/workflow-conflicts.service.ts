import { type Db, workflows, workflowVersions } from '@crmflow/db';
import { analyzeConflicts, type FlowConflict, type FlowUnderAnalysis } from '@crmflow/flow';
import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import { loadModuleCatalog } from '../workflows/module-catalog.ts';
import { storedGraph } from '../workflows/workflow-graph.ts';

/** Every workflow of the organization with its current graph, as the analysis reads them. */
async function flowsOf(db: Db, orgId: string): Promise<{ flows: FlowUnderAnalysis[]; versions: string[] }> {
  const rows = await db
    .select({ row: workflows, graph: workflowVersions.graph })
    .from(workflows)
    .innerJoin(workflowVersions, eq(workflowVersions.id, workflows.currentVersionId))
    .where(eq(workflows.orgId, orgId))
    // A steady order: the analysis reads the same input, and so makes the same key, every time.
    .orderBy(asc(workflows.createdAt), asc(workflows.id));
  return {
    flows: rows.map(({ row, graph }) => ({
      id: row.id,
      name: row.name,
      module: row.module,
      kind: row.kind,
      active: row.status === 'active',
      priority: row.priority,
      createdAt: row.createdAt.toISOString(),
      graph: storedGraph(graph),
    })),
    versions: rows.map(({ row }) => row.currentVersionId ?? ''),
  };
}

/**
 * The analysis compares every workflow with every active one: with 50 workflows it is most of
 * the workflow list's time. Its result depends only on what it reads, so it is kept per
 * organization under a key made of that input — each workflow's current version (versions are
 * never edited), status, priority and name, and the fields of the catalog. A change made in any
 * process changes the key of the next request's input: nothing to invalidate.
 */
const analysed = new Map<string, { key: string; conflicts: Map<string, FlowConflict[]> }>();
const ANALYSED_ORGS = 200;

function analysisKey(
  flows: readonly FlowUnderAnalysis[],
  versions: readonly string[],
  catalog: unknown,
): string {
  const parts = flows.map(
    (flow, i) =>
      `${flow.id}:${versions[i]}:${flow.active}:${flow.priority}:${flow.module}:${flow.kind}:${flow.createdAt}:${flow.name}`,
  );
  return `${parts.join('|')}#${JSON.stringify(catalog)}`;
}

function memoOf(orgId: string, key: string): Map<string, FlowConflict[]> {
  const found = analysed.get(orgId);
  if (found?.key === key) return found.conflicts;
  const conflicts = new Map<string, FlowConflict[]>();
  analysed.delete(orgId);
  if (analysed.size >= ANALYSED_ORGS) {
    const oldest = analysed.keys().next();
    if (!oldest.done) analysed.delete(oldest.value);
  }
  analysed.set(orgId, { key, conflicts });
  return conflicts;
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
  const [{ flows, versions }, catalog] = await Promise.all([
    flowsOf(db, orgId),
    loadModuleCatalog(db, orgId),
  ]);
  const memo = memoOf(orgId, analysisKey(flows, versions, catalog));
  const wanted = args.ids ? new Set(args.ids) : null;
  return new Map(
    flows
      .filter((flow) => !wanted || wanted.has(flow.id))
      .map((subject) => {
        const known = memo.get(subject.id);
        if (known) return [subject.id, known];
        const conflicts = analyzeConflicts({ subject, flows, catalog });
        memo.set(subject.id, conflicts);
        return [subject.id, conflicts];
      }),
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
