import { type Db, type Tx, workflows } from '@crmflow/db';
import { type ModuleKey, render, standardModules, type WorkflowKind } from '@crmflow/flow';
import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import { audit } from '../audit.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { invalidGraph } from './graph-problems.ts';
import { validateWorkflowGraph } from './graph-validation.ts';
import { storedGraph } from './workflow-graph.ts';
import { findWorkflow, now, type WorkflowCommand, type WorkflowWithVersion } from './workflow-store.ts';

/** At most this many active workflows per organization, module and kind (docs/semantics.md, Lifecycle rules). */
export const ACTIVE_LIMIT = 10;

/**
 * Activations of one (organization, module, kind) take turns on this transaction lock, so the
 * count that enforces the limit cannot be read by two of them at once.
 */
async function lockActivations(tx: Tx, scope: { orgId: string; module: ModuleKey; kind: WorkflowKind }) {
  const key = `${scope.orgId}:${scope.module}:${scope.kind}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/**
 * Kích hoạt: the current graph must pass validation against the organization's fields and
 * data (422 with per-node details), and the module may have at most ACTIVE_LIMIT active
 * workflows of the kind (409), counted under a lock so concurrent requests cannot overshoot.
 */
export function activateWorkflow(args: WorkflowCommand): Promise<WorkflowWithVersion> {
  const orgId = args.auth.organization.id;
  return changeStatus(args, 'active', async (tx, current) => {
    const { module, kind } = current.row;
    const graph = storedGraph(current.version.graph);
    const validation = await validateWorkflowGraph({ db: tx, orgId, module, kind, graph });
    if (!validation.ok) throw invalidGraph(validation.errors);
    await lockActivations(tx, { orgId, module, kind });
    const [active] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(workflows)
      .where(
        and(
          eq(workflows.orgId, orgId),
          eq(workflows.module, module),
          eq(workflows.kind, kind),
          eq(workflows.status, 'active'),
        ),
      );
    if ((active?.count ?? 0) >= ACTIVE_LIMIT) {
      const { labelVi, labelEn } = standardModules[module];
      throw new AppError('active_limit', {
        params: { max: ACTIVE_LIMIT, module: { vi: labelVi, en: labelEn } },
        details: { module, kind, active: active?.count ?? 0, max: ACTIVE_LIMIT },
      });
    }
  });
}

export function deactivateWorkflow(args: WorkflowCommand): Promise<WorkflowWithVersion> {
  return changeStatus(args, 'inactive');
}

/**
 * Switches the workflow on or off under its row lock and audits the switch; a workflow that
 * already has the status is left as it is. `allow` runs first, in the transaction, and may refuse.
 */
async function changeStatus(
  args: WorkflowCommand,
  status: 'active' | 'inactive',
  allow?: (tx: Tx, current: WorkflowWithVersion) => Promise<void>,
): Promise<WorkflowWithVersion> {
  const { db, auth, id } = args;
  const orgId = auth.organization.id;
  const activating = status === 'active';
  const verb = activating ? 'activate' : 'deactivate';
  return db.transaction(async (tx) => {
    const current = await findWorkflow({ db: tx, orgId, id, lock: true });
    if (current.row.status === status) return current;
    await allow?.(tx, current);
    const [row] = await tx
      .update(workflows)
      .set({ status, activatedAt: activating ? now : null, updatedAt: now })
      .where(eq(workflows.id, id))
      .returning();
    if (!row) throw new Error(`Workflow ${id} vanished while being ${verb}d`);
    await audit(tx, {
      orgId,
      actorId: auth.user.id,
      action: `workflow.${verb}`,
      entity: 'workflow',
      entityId: id,
      ...(activating ? { details: { version: current.version.version } } : {}),
    });
    return { row, version: current.version };
  });
}

/**
 * Thứ tự ưu tiên: the listed workflows take priorities 0, 1, 2… in the order given; those of
 * the module and kind not listed keep their relative order after them.
 */
export async function reorderWorkflows(args: {
  db: Db;
  auth: AuthContext;
  module: ModuleKey;
  kind: WorkflowKind;
  ids: string[];
  locale: Locale;
}): Promise<void> {
  const { db, auth, module, kind, locale } = args;
  const ids = [...new Set(args.ids)];
  const orgId = auth.organization.id;
  await db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: workflows.id })
      .from(workflows)
      .where(and(eq(workflows.orgId, orgId), eq(workflows.module, module), eq(workflows.kind, kind)))
      .orderBy(asc(workflows.priority), asc(workflows.createdAt), asc(workflows.id))
      .for('update');
    const known = new Set(rows.map((row) => row.id));
    const strangers = ids.flatMap((id, index) => (known.has(id) ? [] : [index]));
    if (strangers.length > 0) {
      throw new AppError('invalid_input', {
        details: strangers.map((index) => ({
          field: `ids.${index}`,
          message: render(locale, 'request.workflow_other_list'),
        })),
      });
    }
    const listed = new Set(ids);
    const order = [...ids, ...rows.map((row) => row.id).filter((id) => !listed.has(id))];
    for (const [priority, id] of order.entries()) {
      await tx.update(workflows).set({ priority }).where(eq(workflows.id, id));
    }
    await audit(tx, {
      orgId,
      actorId: auth.user.id,
      action: 'workflow.reorder',
      entity: 'workflow',
      entityId: null,
      details: { module, kind, ids: order },
    });
  });
}
