import type { Workflow } from '@crmflow/contracts';
import { type Db, workflows, workflowVersions } from '@crmflow/db';
import { type FlowGraph, type ModuleKey, moduleKeys, type WorkflowKind } from '@crmflow/flow';
import { accentFoldTranslation, foldSearchText } from '@crmflow/flow/records';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import { audit } from '../audit.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { conflictsByWorkflow } from '../workflow-conflicts/workflow-conflicts.service.ts';
import { cloneName } from './clone-name.ts';
import { loadModuleCatalog } from './module-catalog.ts';
import { ACTIVE_LIMIT } from './workflow-activation.service.ts';
import { defaultGraph, parseGraph, sameGraph } from './workflow-graph.ts';
import { workflowStats } from './workflow-stats.ts';
import {
  addVersion,
  findWorkflow,
  insertWorkflow,
  now,
  type WorkflowCommand,
  type WorkflowWithVersion,
} from './workflow-store.ts';
import { toWorkflowView } from './workflow-view.ts';

export type WorkflowFilter = {
  module?: ModuleKey | undefined;
  kind?: WorkflowKind | undefined;
  q?: string | undefined;
};

const folded = (expression: SQL) =>
  sql`translate(lower(${expression}), ${accentFoldTranslation.from}, ${accentFoldTranslation.to})`;

/** The organization's workflows with their stats, in priority order, and how many are active per module. */
export async function listWorkflows(args: { db: Db; orgId: string; filter: WorkflowFilter }): Promise<{
  items: Workflow[];
  limits: Record<string, { active: number; max: number }>;
}> {
  const { db, orgId, filter } = args;
  const conditions = [eq(workflows.orgId, orgId)];
  if (filter.module) conditions.push(eq(workflows.module, filter.module));
  if (filter.kind) conditions.push(eq(workflows.kind, filter.kind));
  if (filter.q)
    conditions.push(sql`${folded(sql`${workflows.name}`)} like ${`%${foldSearchText(filter.q)}%`}`);
  const rows = await db
    .select({ row: workflows, version: workflowVersions })
    .from(workflows)
    .innerJoin(workflowVersions, eq(workflowVersions.id, workflows.currentVersionId))
    .where(and(...conditions))
    .orderBy(
      asc(workflows.module),
      asc(workflows.kind),
      asc(workflows.priority),
      asc(workflows.createdAt),
      asc(workflows.id),
    );
  const stats = await workflowStats({ db, orgId, workflowIds: rows.map(({ row }) => row.id) });
  const active = await db
    .select({ module: workflows.module, count: sql<number>`count(*)::int` })
    .from(workflows)
    .where(
      and(
        eq(workflows.orgId, orgId),
        eq(workflows.kind, filter.kind ?? 'event'),
        eq(workflows.status, 'active'),
      ),
    )
    .groupBy(workflows.module);
  const limits = Object.fromEntries(
    moduleKeys.map((module) => [
      module,
      { active: active.find((entry) => entry.module === module)?.count ?? 0, max: ACTIVE_LIMIT },
    ]),
  );
  const conflicts = await conflictsByWorkflow({ db, orgId, ids: rows.map(({ row }) => row.id) });
  return {
    items: rows.map((entry) =>
      toWorkflowView({ ...entry, stats: stats.get(entry.row.id), conflicts: conflicts.get(entry.row.id) }),
    ),
    limits,
  };
}

export async function createWorkflow(args: {
  db: Db;
  auth: AuthContext;
  input: {
    module: ModuleKey;
    kind: WorkflowKind;
    name: string;
    description?: string | undefined;
    graph?: unknown;
  };
}): Promise<WorkflowWithVersion> {
  const { db, auth, input } = args;
  const orgId = auth.organization.id;
  const graph: FlowGraph =
    input.graph === undefined
      ? defaultGraph({ module: (await loadModuleCatalog(db, orgId))[input.module], kind: input.kind })
      : parseGraph({ graph: input.graph, module: input.module, kind: input.kind });
  return db.transaction(async (tx) => {
    const created = await insertWorkflow({
      tx,
      orgId,
      actorId: auth.user.id,
      module: input.module,
      kind: input.kind,
      name: input.name,
      description: input.description ?? '',
      graph,
    });
    await audit(tx, {
      orgId,
      actorId: auth.user.id,
      action: 'workflow.create',
      entity: 'workflow',
      entityId: created.row.id,
      details: { module: input.module, kind: input.kind, name: input.name },
    });
    return created;
  });
}

/**
 * Saves name, description and graph of an inactive workflow. A graph that differs from the
 * current one becomes a new immutable version; runs keep pointing at the version they ran.
 */
export async function updateWorkflow(args: {
  db: Db;
  auth: AuthContext;
  id: string;
  input: { name?: string | undefined; description?: string | undefined; graph?: unknown };
}): Promise<WorkflowWithVersion> {
  const { db, auth, id, input } = args;
  const orgId = auth.organization.id;
  return db.transaction(async (tx) => {
    const current = await findWorkflow({ db: tx, orgId, id, lock: true });
    if (current.row.status === 'active') throw new AppError('workflow_active');
    const graph =
      input.graph === undefined
        ? undefined
        : parseGraph({ graph: input.graph, module: current.row.module, kind: current.row.kind });
    const changesGraph = graph !== undefined && !sameGraph(current.version.graph, graph);
    const version = changesGraph
      ? await addVersion({ tx, row: current.row, graph, actorId: auth.user.id })
      : current.version;
    const [row] = await tx
      .update(workflows)
      .set({
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.description === undefined ? {} : { description: input.description }),
        currentVersionId: version.id,
        updatedAt: now,
      })
      .where(eq(workflows.id, id))
      .returning();
    if (!row) throw new Error(`Workflow ${id} vanished while being saved`);
    await audit(tx, {
      orgId,
      actorId: auth.user.id,
      action: 'workflow.update',
      entity: 'workflow',
      entityId: id,
      details: {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(changesGraph ? { version: version.version } : {}),
      },
    });
    return { row, version };
  });
}

export async function deleteWorkflow(args: WorkflowCommand): Promise<void> {
  const { db, auth, id } = args;
  const orgId = auth.organization.id;
  await db.transaction(async (tx) => {
    const { row } = await findWorkflow({ db: tx, orgId, id, lock: true });
    if (row.status === 'active') throw new AppError('workflow_active');
    await tx.delete(workflows).where(eq(workflows.id, id));
    await audit(tx, {
      orgId,
      actorId: auth.user.id,
      action: 'workflow.delete',
      entity: 'workflow',
      entityId: id,
      details: { module: row.module, kind: row.kind, name: row.name },
    });
  });
}

/**
 * Nhân bản: an inactive copy of the current version, named "… (bản sao)" — "(bản sao 2)" and on
 * when that name is taken in the organization, "(copy)" for an English-speaking user.
 */
export async function cloneWorkflow(
  args: WorkflowCommand & { locale: Locale },
): Promise<WorkflowWithVersion> {
  const { db, auth, id } = args;
  const orgId = auth.organization.id;
  return db.transaction(async (tx) => {
    const source = await findWorkflow({ db: tx, orgId, id });
    // Copies made at the same instant take their names one after the other, never the same one.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`workflow-names:${orgId}`}))`);
    const taken = await tx.select({ name: workflows.name }).from(workflows).where(eq(workflows.orgId, orgId));
    const copy = await insertWorkflow({
      tx,
      orgId,
      actorId: auth.user.id,
      module: source.row.module,
      kind: source.row.kind,
      name: cloneName(
        source.row.name,
        taken.map((row) => row.name),
        args.locale,
      ),
      description: source.row.description,
      graph: parseGraph({ graph: source.version.graph, module: source.row.module, kind: source.row.kind }),
    });
    await audit(tx, {
      orgId,
      actorId: auth.user.id,
      action: 'workflow.clone',
      entity: 'workflow',
      entityId: copy.row.id,
      details: { from: id, fromVersion: source.version.version },
    });
    return copy;
  });
}
