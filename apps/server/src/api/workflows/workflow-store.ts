import { type Db, type Executor, workflows, workflowVersions } from '@crmflow/db';
import type { FlowGraph, ModuleKey, WorkflowKind } from '@crmflow/flow';
import { and, eq, max, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import type { VersionRow, WorkflowRow } from './workflow-view.ts';

export type WorkflowWithVersion = { row: WorkflowRow; version: VersionRow };

/** What a request that acts on one workflow of the caller's organization hands its service. */
export type WorkflowCommand = { db: Db; auth: AuthContext; id: string };

/**
 * One workflow of the organization with its current version; another organization's id is
 * not found. `lock` holds the row until the transaction ends, so edits and activation of one
 * workflow happen one after another.
 */
export async function findWorkflow(args: {
  db: Executor;
  orgId: string;
  id: string;
  lock?: boolean;
}): Promise<WorkflowWithVersion> {
  const { db, orgId, id } = args;
  const query = db
    .select()
    .from(workflows)
    .where(and(eq(workflows.id, id), eq(workflows.orgId, orgId)));
  const [row] = args.lock ? await query.for('update') : await query;
  if (!row?.currentVersionId) throw new AppError('workflow_not_found');
  const [version] = await db
    .select()
    .from(workflowVersions)
    .where(eq(workflowVersions.id, row.currentVersionId));
  if (!version) throw new Error(`Workflow ${id} points at a missing version`);
  return { row, version };
}

/** A new version of the graph, numbered after the last one, made the workflow's current one. */
export async function addVersion(args: {
  tx: Executor;
  row: WorkflowRow;
  graph: FlowGraph;
  actorId: string | null;
}): Promise<VersionRow> {
  const { tx, row, graph, actorId } = args;
  const [last] = await tx
    .select({ version: max(workflowVersions.version) })
    .from(workflowVersions)
    .where(eq(workflowVersions.workflowId, row.id));
  const [version] = await tx
    .insert(workflowVersions)
    .values({
      orgId: row.orgId,
      workflowId: row.id,
      version: (last?.version ?? 0) + 1,
      graph,
      createdBy: actorId,
    })
    .returning();
  if (!version) throw new Error('The workflow version was not inserted');
  return version;
}

/**
 * A new inactive workflow at the end of its module's priority order, with its graph as
 * version 1. Used by create, clone and "use this template".
 */
export async function insertWorkflow(args: {
  tx: Executor;
  orgId: string;
  actorId: string | null;
  module: ModuleKey;
  kind: WorkflowKind;
  name: string;
  description: string;
  graph: FlowGraph;
}): Promise<WorkflowWithVersion> {
  const { tx, orgId, actorId, module, kind } = args;
  const [last] = await tx
    .select({ priority: max(workflows.priority) })
    .from(workflows)
    .where(and(eq(workflows.orgId, orgId), eq(workflows.module, module), eq(workflows.kind, kind)));
  const [created] = await tx
    .insert(workflows)
    .values({
      orgId,
      module,
      kind,
      name: args.name,
      description: args.description,
      status: 'inactive',
      priority: (last?.priority ?? -1) + 1,
      createdBy: actorId,
    })
    .returning();
  if (!created) throw new Error('The workflow was not inserted');
  const version = await addVersion({ tx, row: created, graph: args.graph, actorId });
  const [row] = await tx
    .update(workflows)
    .set({ currentVersionId: version.id })
    .where(eq(workflows.id, created.id))
    .returning();
  if (!row) throw new Error('The workflow vanished while being created');
  return { row, version };
}

/** `updatedAt` for writes: the statement's clock, the same for every API process. */
export const now = sql`now()`;
