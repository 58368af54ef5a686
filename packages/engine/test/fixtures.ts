import {
  createOrganization,
  type Db,
  runSteps,
  runs,
  type UserRole,
  users,
  workflows,
  workflowVersions,
} from '@crmflow/db';
import type { FlowGraph, ModuleKey } from '@crmflow/flow';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { type ImportRow, importRecords } from '../src/records/import-records.ts';
import { createRecord, deleteRecord, updateRecord } from '../src/records/record-store.ts';

export type TestOrg = { id: string; users: { id: string; name: string }[] };

/** An organization with the standard fields and four users, the last one inactive. */
export async function seedOrg(db: Db, name = 'Công ty TNHH Thử Nghiệm'): Promise<TestOrg> {
  const org = await createOrganization(db, { name });
  const people: { name: string; role: UserRole; active: boolean }[] = [
    { name: 'Nguyễn Văn An', role: 'admin', active: true },
    { name: 'Trần Thị Bình', role: 'manager', active: true },
    { name: 'Lê Hoàng Cường', role: 'member', active: true },
    { name: 'Phạm Thu Dung', role: 'member', active: false },
  ];
  const rows = await db
    .insert(users)
    .values(
      people.map((p, index) => ({
        orgId: org.id,
        email: `nv${index}-${org.id.slice(0, 8)}@example.vn`,
        name: p.name,
        role: p.role,
        active: p.active,
      })),
    )
    .returning({ id: users.id, name: users.name });
  return { id: org.id, users: rows };
}

export type NodeSpec = { id: string; type: string; config: Record<string, unknown> };

/** An action node, named after its id. */
export const action = (id: string, type: string, config: Record<string, unknown>): NodeSpec => ({
  id,
  type,
  config: { name: id, ...config },
});

/** A condition node whose true branch is taken when the record's `field` equals `value`. */
export const condition = (id: string, field: string, value: string): NodeSpec => ({
  id,
  type: 'condition',
  config: { mode: 'criteria', logic: 'and', rules: [{ field, op: 'eq', value }] },
});

/**
 * A graph from a trigger config, nodes and edges written `source>target` or
 * `source>target:true|false` for a condition's branches.
 */
export function graphOf(args: {
  trigger: Record<string, unknown>;
  nodes?: NodeSpec[];
  edges?: string[];
}): FlowGraph {
  const nodes = [{ id: 't', type: 'trigger', config: args.trigger }, ...(args.nodes ?? [])];
  return {
    nodes: nodes.map((node, index) => ({ ...node, position: { x: 0, y: index * 120 } })),
    edges: (args.edges ?? []).map((spec, index) => {
      const [route = '', handle] = spec.split(':');
      const [source = '', target = ''] = route.split('>');
      return {
        id: `e${index}`,
        source,
        target,
        ...(handle === 'true' || handle === 'false' ? { sourceHandle: handle } : {}),
      };
    }),
  };
}

/** An event workflow with one version, active unless said otherwise. */
export async function addWorkflow(
  db: Db,
  args: {
    orgId: string;
    module: ModuleKey;
    graph: FlowGraph;
    name?: string;
    priority?: number;
    active?: boolean;
  },
): Promise<string> {
  const [workflow] = await db
    .insert(workflows)
    .values({
      orgId: args.orgId,
      module: args.module,
      kind: 'event',
      name: args.name ?? 'Quy trình thử',
      priority: args.priority ?? 0,
      status: args.active === false ? 'inactive' : 'active',
    })
    .returning({ id: workflows.id });
  if (!workflow) throw new Error('no workflow');
  const [version] = await db
    .insert(workflowVersions)
    .values({ orgId: args.orgId, workflowId: workflow.id, version: 1, graph: args.graph })
    .returning({ id: workflowVersions.id });
  await db
    .update(workflows)
    .set({ currentVersionId: version?.id ?? null })
    .where(eq(workflows.id, workflow.id));
  return workflow.id;
}

/** Writes records as a person in the UI would: through the record store, one event each. */
export function recordWriter(args: { db: Db; boss: PgBoss; orgId: string; userId?: string }) {
  const context = (module: ModuleKey) => ({
    db: args.db,
    boss: args.boss,
    orgId: args.orgId,
    module,
    actor: { userId: args.userId ?? null, source: 'ui' as const },
    causation: { depth: 0, chain: [] },
  });
  return {
    create: (module: ModuleKey, data: Record<string, unknown>) => createRecord({ ...context(module), data }),
    update: (module: ModuleKey, id: string, data: Record<string, unknown>) =>
      updateRecord({ ...context(module), id, data }),
    remove: (module: ModuleKey, id: string) => deleteRecord({ ...context(module), id }),
    /** Many writes in one transaction, as the batch import makes them. */
    import: (module: ModuleKey, rows: readonly ImportRow[]) => importRecords({ ...context(module), rows }),
  };
}

/** Polls until `check` returns something truthy, or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A workflow's runs, oldest first, with their steps. */
export async function runsOf(db: Db, workflowId: string) {
  const rows = await db
    .select()
    .from(runs)
    .where(eq(runs.workflowId, workflowId))
    .orderBy(asc(runs.createdAt));
  const steps =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(runSteps)
          .where(
            inArray(
              runSteps.runId,
              rows.map((run) => run.id),
            ),
          )
          .orderBy(asc(runSteps.startedAt));
  return rows.map((run) => ({ ...run, steps: steps.filter((step) => step.runId === run.id) }));
}

/** Waits until the workflow has `count` runs and none of them is still open. */
export async function settledRuns(db: Db, workflowId: string, count: number, timeoutMs = 20_000) {
  await waitFor(
    async () => {
      const [row] = await db
        .select({
          total: sql<number>`count(*)::int`,
          open: sql<number>`count(*) filter (where ${runs.status} in ('queued', 'running', 'waiting'))::int`,
        })
        .from(runs)
        .where(eq(runs.workflowId, workflowId));
      return Number(row?.total) >= count && Number(row?.open) === 0;
    },
    timeoutMs,
    `${count} finished run(s) of ${workflowId}`,
  );
  return runsOf(db, workflowId);
}

export const silentLogger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * Waits until no record event or step job is queued, running or due for a retry: after that,
 * every effect of the writes made so far is in the database.
 */
export function drained(db: Db, timeoutMs = 30_000) {
  return waitFor(
    async () => {
      const rows = await db.execute<{ open: number }>(sql`
        select count(*)::int as open from pgboss.job
        where name in ('record.changed', 'workflow.step') and state in ('created', 'retry', 'active')
          and start_after <= now()
      `);
      return Number(rows[0]?.open ?? 1) === 0;
    },
    timeoutMs,
    'the queues to drain',
  );
}
