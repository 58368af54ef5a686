import { randomUUID } from 'node:crypto';
import {
  createBoss,
  createOrganization,
  type Database,
  type Executor,
  openDatabase,
  organizations,
  records,
  users,
  workflows,
  workflowVersions,
} from '@crmflow/db';
import type { ModuleKey, ScheduleTriggerConfig } from '@crmflow/flow';
import { eq, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { openRuntimeBed } from '../../test/runtime-bed.ts';
import { QUEUES } from '../queues.ts';

export type CareTestbed = {
  database: Database & { url?: string };
  boss: PgBoss;
  orgId: string;
  ownerId: string;
  /** A fresh organization with its owner, for a test that must see no one else's records. */
  addOrganization(): Promise<{ orgId: string; ownerId: string }>;
  /** Another connection pool with its own pg-boss, as a second scheduler process would have. */
  secondProcess(): Promise<{ database: Database; boss: PgBoss; close(): Promise<void> }>;
  close(): Promise<void>;
};

export const silentLogger = { info() {}, warn() {}, error() {} };

/**
 * A migrated database with pg-boss and its queues (the runtime's test bed: one shared connection
 * on the embedded database, pools on Postgres), one organization (Ho Chi Minh City time) and an owner.
 */
export async function openCareTestbed(): Promise<CareTestbed> {
  const { database, boss, close } = await openRuntimeBed();
  const addOrganization = async () => {
    const org = await database.db.transaction((tx) => createOrganization(tx, { name: 'Công ty Chăm Sóc' }));
    const [owner] = await database.db
      .insert(users)
      .values({ orgId: org.id, email: `nvkd-${randomUUID()}@example.vn`, name: 'Nguyễn Văn Kinh Doanh' })
      .returning();
    if (!owner) throw new Error('The owner was not inserted');
    return { orgId: org.id, ownerId: owner.id };
  };
  const first = await addOrganization();
  return {
    database,
    boss,
    ...first,
    addOrganization,
    async secondProcess() {
      if (!database.url) return { database, boss, close: async () => {} };
      const other = await openDatabase({ url: database.url, max: 4 });
      const otherBoss = createBoss({ connection: other.connection, supervise: false });
      await otherBoss.start();
      return {
        database: other,
        boss: otherBoss,
        async close() {
          await otherBoss.stop({ graceful: false, timeout: 1000 });
          await other.close();
        },
      };
    },
    close,
  };
}

export async function setLeapDayRule(db: Executor, orgId: string, rule: 'feb28' | 'mar1'): Promise<void> {
  await db
    .update(organizations)
    .set({ settings: { leapDayRule: rule } })
    .where(eq(organizations.id, orgId));
}

export async function insertRecords(args: {
  db: Executor;
  orgId: string;
  module: ModuleKey;
  rows: readonly { data: Record<string, unknown>; ownerId?: string | null; deleted?: boolean }[];
}): Promise<string[]> {
  if (args.rows.length === 0) return [];
  const inserted = await args.db
    .insert(records)
    .values(
      args.rows.map((row) => ({
        orgId: args.orgId,
        module: args.module,
        // As the record store keeps them: the owner is a field, mirrored in the column.
        data: row.ownerId ? { ...row.data, owner_id: row.ownerId } : row.data,
        ownerId: row.ownerId ?? null,
        deletedAt: row.deleted ? sql`now()` : null,
      })),
    )
    .returning({ id: records.id });
  return inserted.map((row) => row.id);
}

type GraphNode = { id: string; type: string; config: Record<string, unknown> };

/** A care-process graph: trigger → (condition →) actions; `actions` default to one in-app notification. */
export function careGraph(args: {
  trigger: Partial<ScheduleTriggerConfig> & { dateField: string };
  condition?: Record<string, unknown>;
  actions?: readonly GraphNode[];
}) {
  const trigger = { recurrence: 'yearly', offsetDays: 0, window: 'day', runAt: '08:00', ...args.trigger };
  const actions = args.actions ?? [
    {
      id: 'notify',
      type: 'notify',
      config: { name: 'Nhắc chăm sóc', to: { fields: ['owner_id'], users: [] }, message: 'Chúc mừng #name' },
    },
  ];
  const nodes: GraphNode[] = [{ id: 'trigger', type: 'trigger', config: trigger }];
  const edges: { id: string; source: string; target: string; sourceHandle?: 'true' }[] = [];
  let from = 'trigger';
  if (args.condition) {
    nodes.push({ id: 'condition', type: 'condition', config: args.condition });
    edges.push({ id: 'e-condition', source: 'trigger', target: 'condition' });
    from = 'condition';
  }
  for (const action of actions) {
    nodes.push(action);
    edges.push({
      id: `e-${action.id}`,
      source: from,
      target: action.id,
      ...(from === 'condition' ? { sourceHandle: 'true' as const } : {}),
    });
  }
  return { nodes: nodes.map((node, i) => ({ ...node, position: { x: 0, y: i * 120 } })), edges };
}

/** An active care process whose current version is `graph`, activated at `activatedAt`. */
export async function insertCareProcess(args: {
  db: Executor;
  orgId: string;
  module: ModuleKey;
  graph: unknown;
  activatedAt: Date;
  status?: 'active' | 'inactive';
}): Promise<{ id: string; versionId: string }> {
  const [workflow] = await args.db
    .insert(workflows)
    .values({
      orgId: args.orgId,
      module: args.module,
      kind: 'schedule',
      name: 'Chúc mừng sinh nhật',
      status: args.status ?? 'active',
      activatedAt: args.status === 'inactive' ? null : args.activatedAt,
    })
    .returning();
  if (!workflow) throw new Error('The workflow was not inserted');
  const versionId = await addCareVersion({
    db: args.db,
    workflowId: workflow.id,
    orgId: args.orgId,
    graph: args.graph,
  });
  return { id: workflow.id, versionId };
}

/** A new current version, as saving an inactive workflow makes one. */
export async function addCareVersion(args: {
  db: Executor;
  workflowId: string;
  orgId: string;
  graph: unknown;
}): Promise<string> {
  const [last] = await args.db
    .select({ version: sql<number>`coalesce(max(${workflowVersions.version}), 0)::int` })
    .from(workflowVersions)
    .where(eq(workflowVersions.workflowId, args.workflowId));
  const [version] = await args.db
    .insert(workflowVersions)
    .values({
      orgId: args.orgId,
      workflowId: args.workflowId,
      version: (last?.version ?? 0) + 1,
      graph: args.graph,
    })
    .returning({ id: workflowVersions.id });
  if (!version) throw new Error('The version was not inserted');
  await args.db
    .update(workflows)
    .set({ currentVersionId: version.id })
    .where(eq(workflows.id, args.workflowId));
  return version.id;
}

/** The care runs of a workflow as (record, occurrence, version), sorted. */
export async function careRunsOf(db: Executor, workflowId: string) {
  const rows = await db.execute<{ record_id: string; occurrence: string; workflow_version_id: string }>(
    sql`select record_id, occurrence, workflow_version_id from runs where workflow_id = ${workflowId} order by occurrence, record_id`,
  );
  return [...rows].map((r) => ({
    recordId: r.record_id,
    occurrence: r.occurrence,
    versionId: r.workflow_version_id,
  }));
}

/** Step jobs queued for the runs of a workflow. */
export async function queuedStepJobs(db: Executor, workflowId: string): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from pgboss.job j join runs r on r.id = (j.data->>'runId')::uuid
    where j.name = ${QUEUES.step} and r.workflow_id = ${workflowId}`);
  return Number(row?.n ?? 0);
}

/** Polls until `check` gives something, or fails after `timeoutMs`. */
export async function waitUntil<T>(check: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Nothing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
