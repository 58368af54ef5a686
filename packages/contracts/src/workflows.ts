import { FlowGraph, ModuleKey, ValidationCode, WorkflowKind } from '@crmflow/flow';
import { z } from 'zod';

export const WorkflowStatus = z.enum(['active', 'inactive']);
export type WorkflowStatus = z.infer<typeof WorkflowStatus>;

export const WorkflowStats = z
  .object({
    runs: z.number().int(),
    failed: z.number().int(),
    lastRunAt: z.iso.datetime().nullable(),
    lastRunStatus: z.string().nullable(),
  })
  .describe('How often the workflow ran, across all its versions');
export type WorkflowStats = z.infer<typeof WorkflowStats>;

/** One problem of a graph as the API tells it: where, a stable code, and a sentence. */
export const GraphProblem = z
  .object({
    nodeId: z.string().optional().describe('The step the problem is on'),
    edgeId: z.string().optional().describe('The connection the problem is on'),
    path: z
      .string()
      .optional()
      .describe('Where in the step, for integrations (`config.attachment.printTemplateId`)'),
    code: ValidationCode.describe('Stable machine code of the rule broken'),
    message: z
      .string()
      .describe('The problem in the caller’s language, naming the step and the setting, and how to fix it'),
  })
  .describe('One problem of a graph');
export type GraphProblem = z.infer<typeof GraphProblem>;

const Bilingual = z.object({ vi: z.string(), en: z.string() });

/** The warnings of a flow against the organization's active flows; never an error. */
export const FlowConflict = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('same_field'),
      field: z.string(),
      module: ModuleKey,
      otherWorkflowId: z.string(),
      otherWorkflowName: z.string(),
      winnerWorkflowId: z.string().describe('The flow whose value is kept: it runs later by priority order'),
      nodeIds: z.array(z.string()),
      text: Bilingual,
    }),
    z.object({
      kind: z.literal('cycle'),
      chain: z
        .array(
          z.object({
            workflowId: z.string(),
            workflowName: z.string(),
            nodeId: z.string(),
            module: ModuleKey,
            fields: z.array(z.string()),
          }),
        )
        .describe('Each flow’s step that writes the fields starting the next flow; the last starts this one'),
      nodeIds: z.array(z.string()),
      text: Bilingual,
    }),
    z.object({
      kind: z.literal('never_fires'),
      field: z.string(),
      rules: z.array(z.unknown()).describe('The condition rules that cannot all hold'),
      nodeIds: z.array(z.string()),
      text: Bilingual,
    }),
  ])
  .describe('A warning: saving and activating go ahead');
export type FlowConflict = z.infer<typeof FlowConflict>;

/** `GET /workflows/:id/conflicts`. */
export const FlowConflictList = z
  .object({ items: z.array(FlowConflict) })
  .describe('The warnings, none when the flow is clear');
export type FlowConflictList = z.infer<typeof FlowConflictList>;

export const Workflow = z
  .object({
    id: z.uuid(),
    module: ModuleKey,
    kind: WorkflowKind.describe('`event`: Quy trình làm việc; `schedule`: Quy trình chăm sóc'),
    name: z.string(),
    description: z.string(),
    status: WorkflowStatus,
    priority: z.number().int().describe('Lower runs first among the module’s workflows of one kind'),
    version: z.number().int().describe('Number of the current version'),
    versionId: z.uuid().describe('Id of the current version'),
    graph: FlowGraph.describe('The current version’s graph (see /api/schemas/graph.json)'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    activatedAt: z.iso.datetime().nullable(),
    createdBy: z.uuid().nullable(),
    stats: WorkflowStats,
    validation: z
      .array(GraphProblem)
      .optional()
      .describe(
        'Problems of the current graph against the organization’s fields and data; empty when it may be activated',
      ),
    conflicts: z
      .array(FlowConflict)
      .optional()
      .describe(
        'Warnings against the organization’s active workflows (see GET /api/workflows/:id/conflicts)',
      ),
  })
  .describe('A workflow (Quy trình làm việc) or care process (Quy trình chăm sóc)');
export type Workflow = z.infer<typeof Workflow>;

/** `GET /workflows`. */
export const WorkflowListQuery = z.object({
  module: ModuleKey.optional(),
  kind: WorkflowKind.optional(),
  q: z.string().trim().max(200).optional().describe('Search names, ignoring case and accents'),
});

export const ActiveLimit = z
  .object({ active: z.number().int(), max: z.number().int() })
  .describe('Active workflows of a module against the most it may have');
export type ActiveLimit = z.infer<typeof ActiveLimit>;

export const WorkflowList = z
  .object({ items: z.array(Workflow), limits: z.record(z.string(), ActiveLimit) })
  .describe('The workflows and the active limit per module');
export type WorkflowList = z.infer<typeof WorkflowList>;

const WorkflowName = z.string().trim().min(1).max(200);
const WorkflowDescription = z.string().trim().max(2000);
const GraphBody = z
  .unknown()
  .describe('FlowGraph `{ nodes, edges }` (JSON Schema at /api/schemas/graph.json); unreadable → 422');

/** `POST /workflows`. */
export const NewWorkflow = z.object({
  module: ModuleKey,
  kind: WorkflowKind,
  name: WorkflowName,
  description: WorkflowDescription.optional(),
  graph: GraphBody.optional(),
});
export type NewWorkflow = z.input<typeof NewWorkflow>;

/** `PUT /workflows/:id`. */
export const WorkflowChanges = z.object({
  name: WorkflowName.optional(),
  description: WorkflowDescription.optional(),
  graph: GraphBody.optional(),
});
export type WorkflowChanges = z.input<typeof WorkflowChanges>;

/** `PUT /workflows/order`. */
export const WorkflowOrder = z.object({
  module: ModuleKey,
  kind: WorkflowKind,
  ids: z.array(z.uuid()).max(1000).describe('Every workflow of the module and kind, first to run first'),
});
export type WorkflowOrder = z.infer<typeof WorkflowOrder>;

export const OrderedWorkflows = z
  .object({ items: z.array(Workflow) })
  .describe('The module’s workflows of the kind, in the new order');

export const WorkflowVersionList = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        version: z.number().int(),
        createdAt: z.iso.datetime(),
        createdBy: z.uuid().nullable(),
      }),
    ),
  })
  .describe('Every version; each is immutable');

export const WorkflowVersion = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    graph: FlowGraph,
    createdAt: z.iso.datetime(),
  })
  .describe('The version');

/** A workflow whose current graph uses a provider or an allocation rule. */
export const WorkflowUse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    module: z.string(),
    kind: WorkflowKind,
    status: z.string(),
  })
  .describe('A workflow whose current graph uses the thing');
export type WorkflowUse = z.infer<typeof WorkflowUse>;

export const WorkflowUseList = z
  .object({ items: z.array(WorkflowUse) })
  .describe('The workflows, active first');
export type WorkflowUseList = z.infer<typeof WorkflowUseList>;
