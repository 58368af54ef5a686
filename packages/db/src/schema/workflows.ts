import type { ModuleKey } from '@crmflow/flow';
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { records } from './records.ts';
import { organizations } from './tenancy.ts';

export type WorkflowKind = 'event' | 'schedule';
export type WorkflowStatus = 'active' | 'inactive';

export const workflows = pgTable(
  'workflows',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    module: text().$type<ModuleKey>().notNull(),
    kind: text().$type<WorkflowKind>().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    status: text().$type<WorkflowStatus>().notNull().default('inactive'),
    /** Lower runs first among the module's workflows of one kind. */
    priority: integer().notNull().default(0),
    currentVersionId: uuid(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('workflows_org_module_kind_idx').on(t.orgId, t.module, t.kind, t.status, t.priority)],
);

/** Immutable: one row per save; runs point at the version they ran. */
export const workflowVersions = pgTable(
  'workflow_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull(),
    workflowId: uuid()
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    graph: jsonb().$type<unknown>().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('workflow_versions_wf_version').on(t.workflowId, t.version)],
);

/** The ledger behind `repeat: false` and "fire when the record comes to match". */
export const workflowFired = pgTable(
  'workflow_fired',
  {
    workflowId: uuid()
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    recordId: uuid().notNull(),
    orgId: uuid().notNull(),
    firstFiredAt: timestamp({ withTimezone: true }),
    lastMatched: boolean().notNull().default(false),
    lastEvaluatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workflowId, t.recordId] })],
);

export type RunStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'skipped' | 'dropped';

export const runs = pgTable(
  'runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull(),
    workflowId: uuid()
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    workflowVersionId: uuid()
      .notNull()
      .references(() => workflowVersions.id),
    module: text().$type<ModuleKey>().notNull(),
    recordId: uuid().references(() => records.id, { onDelete: 'set null' }),
    /** What started the run: the record event (id, operation, actor) or the care-process tick. */
    cause: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Causal depth: a run started by a change another run made is one deeper. */
    depth: integer().notNull().default(0),
    /** Event workflows: the record event that started the run; one run per (workflow, event). */
    eventId: uuid(),
    /** Care processes: the occurrence date (yyyy-MM-dd) the run is for; one run per occurrence. */
    occurrence: text(),
    status: text().$type<RunStatus>().notNull().default('queued'),
    reason: text(),
    test: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('runs_workflow_created_idx').on(t.workflowId, t.createdAt),
    index('runs_record_created_idx').on(t.recordId, t.createdAt),
    index('runs_org_created_idx').on(t.orgId, t.createdAt),
    uniqueIndex('runs_occurrence_key')
      .on(t.workflowId, t.recordId, t.occurrence)
      .where(sql`${t.occurrence} is not null`),
    // Nulls are distinct, so care-process runs (no event) never collide here.
    uniqueIndex('runs_workflow_event_key').on(t.workflowId, t.eventId),
  ],
);

export type StepStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'waiting';

export const runSteps = pgTable(
  'run_steps',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull(),
    runId: uuid()
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text().notNull(),
    nodeType: text().notNull(),
    status: text().$type<StepStatus>().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    input: jsonb().$type<unknown>(),
    output: jsonb().$type<unknown>(),
    error: jsonb().$type<{ code: string; message: string; details?: unknown } | null>(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('run_steps_run_node').on(t.runId, t.nodeId)],
);

/**
 * Effects a step applied, keyed by (run, node, key): claimed in the same transaction as the effect,
 * so a retried or duplicated step finds the claim and never applies the effect twice. `result`
 * keeps what the first attempt decided (the task it created, the owner a rule picked).
 */
export const runEffects = pgTable(
  'run_effects',
  {
    runId: uuid()
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text().notNull(),
    key: text().notNull(),
    orgId: uuid().notNull(),
    result: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.nodeId, t.key] })],
);

/** Gallery of workflow templates (Quy trình làm việc mẫu); org null = built in. */
export const templates = pgTable(
  'templates',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().references(() => organizations.id, { onDelete: 'cascade' }),
    /** Built-in templates: a stable name, so each start can refresh them in place. */
    key: text(),
    module: text().$type<ModuleKey>().notNull(),
    kind: text().$type<WorkflowKind>().notNull(),
    nameVi: text().notNull(),
    nameEn: text().notNull(),
    descriptionVi: text().notNull().default(''),
    descriptionEn: text().notNull().default(''),
    category: text().notNull().default('general'),
    graph: jsonb().$type<unknown>().notNull(),
    /** The graph with English step texts (built-in templates); null: the same as `graph`. */
    graphEn: jsonb().$type<unknown>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('templates_builtin_key').on(t.key).where(sql`${t.orgId} is null`)],
);

/** Round robin over a group of users, per module; the cursor survives restarts. */
export const allocationRules = pgTable('allocation_rules', {
  id: uuid().primaryKey().defaultRandom(),
  orgId: uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  module: text().$type<ModuleKey>().notNull(),
  name: text().notNull(),
  userIds: jsonb().$type<string[]>().notNull().default([]),
  cursor: integer().notNull().default(0),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
