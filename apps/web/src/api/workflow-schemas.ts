import { FlowGraph, ModuleKey, ValidationCode, WorkflowKind } from '@crmflow/flow';
import { z } from 'zod';

/** Shapes of the workflow, run and test answers of the API (/work/contract.md, "Workflows"). */

export const WorkflowStatus = z.enum(['active', 'inactive']);
export type WorkflowStatus = z.infer<typeof WorkflowStatus>;

export const WorkflowStats = z.object({
  runs: z.number(),
  failed: z.number(),
  lastRunAt: z.string().nullable(),
  lastRunStatus: z.string().nullable(),
});

/** A warning against the organization's active workflows (GET /api/workflows/:id/conflicts). */
export const FlowConflict = z.object({
  kind: z.enum(['same_field', 'cycle', 'never_fires']),
  nodeIds: z.array(z.string()),
  text: z.object({ vi: z.string(), en: z.string() }),
  otherWorkflowId: z.string().optional(),
  otherWorkflowName: z.string().optional(),
  chain: z
    .array(
      z.object({
        workflowId: z.string(),
        workflowName: z.string(),
        nodeId: z.string(),
        fields: z.array(z.string()),
      }),
    )
    .optional(),
});
export type FlowConflict = z.infer<typeof FlowConflict>;

export const Workflow = z.object({
  id: z.string(),
  module: ModuleKey,
  kind: WorkflowKind,
  name: z.string(),
  description: z.string().default(''),
  status: WorkflowStatus,
  priority: z.number(),
  version: z.number(),
  graph: FlowGraph,
  createdAt: z.string(),
  updatedAt: z.string(),
  activatedAt: z.string().nullable().optional(),
  createdBy: z.string().nullable().optional(),
  stats: WorkflowStats.optional(),
  /** Problems of the saved graph, each a sentence in the reader's language; empty when it may be activated. */
  validation: z
    .array(
      z.object({
        nodeId: z.string().optional(),
        edgeId: z.string().optional(),
        path: z.string().optional(),
        code: ValidationCode,
        message: z.string(),
      }),
    )
    .optional(),
  /** Warnings against the organization's active workflows; saving and activating go ahead. */
  conflicts: z.array(FlowConflict).optional(),
});
export type Workflow = z.infer<typeof Workflow>;

/** What a simulated run says of one node: whether it would run, and what it would do. */
export const TestNodeResult = z.object({
  status: z.enum(['matched', 'not_matched', 'would_run', 'skipped', 'error']),
  reason: z.string().default(''),
  preview: z.unknown().optional(),
});
export type TestNodeResult = z.infer<typeof TestNodeResult>;

/** Names of what steps mention by id: users, records, providers (as the API resolved them). */
export const RunRefs = z.object({
  users: z.array(z.object({ id: z.string(), name: z.string() })).default([]),
  records: z
    .array(
      z.object({
        id: z.string(),
        module: z.string(),
        title: z.string(),
        deleted: z.boolean().default(false),
      }),
    )
    .default([]),
  providers: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })).default([]),
});
export type RunRefs = z.infer<typeof RunRefs>;
export const noRefs: RunRefs = { users: [], records: [], providers: [] };

export const TestResult = z.object({
  matched: z.boolean(),
  nodes: z.record(z.string(), TestNodeResult),
  path: z.array(z.string()),
  refs: RunRefs.default(noRefs),
});
export type TestResult = z.infer<typeof TestResult>;

export const Run = z.object({
  id: z.string(),
  workflowId: z.string(),
  workflowName: z.string().nullable().optional(),
  workflowVersionId: z.string().nullable().optional(),
  module: ModuleKey,
  recordId: z.string().nullable().optional(),
  recordTitle: z.string().nullable().optional(),
  status: z.string(),
  reason: z.string().nullable().optional(),
  depth: z.number().optional(),
  cause: z.unknown().optional(),
  createdAt: z.string(),
  startedAt: z.string().nullable().optional(),
  finishedAt: z.string().nullable().optional(),
});
export type Run = z.infer<typeof Run>;

export const RunStep = z.object({
  nodeId: z.string(),
  nodeType: z.string(),
  status: z.string(),
  attempts: z.number().default(0),
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  error: z.unknown().optional(),
  startedAt: z.string().nullable().optional(),
  finishedAt: z.string().nullable().optional(),
});
export type RunStep = z.infer<typeof RunStep>;

export const RunDetail = Run.extend({
  /** The graph of the version that ran, not the workflow's current one. */
  graph: FlowGraph,
  kind: WorkflowKind.optional(),
  steps: z.array(RunStep),
  refs: RunRefs.default(noRefs),
});
export type RunDetail = z.infer<typeof RunDetail>;
