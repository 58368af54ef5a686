import { CalendarDate, FlowGraph, ModuleKey } from '@crmflow/flow';
import { z } from 'zod';

export const RunStatus = z.enum([
  'queued',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'skipped',
  'dropped',
]);
export type RunStatus = z.infer<typeof RunStatus>;

/**
 * Steps keep what they did by id (the owner a record went to, the task made, the provider used):
 * ids are stable, names change. The run and test answers add the names those ids have now.
 */
export const RunRefs = z
  .object({
    users: z
      .array(z.object({ id: z.uuid(), name: z.string() }))
      .describe('Users of the organization the steps name by id'),
    records: z
      .array(
        z.object({
          id: z.uuid(),
          module: ModuleKey,
          title: z.string().describe('The record’s title field, empty when it has none'),
          deleted: z.boolean(),
        }),
      )
      .describe('Records the steps name by id (tasks made, records written)'),
    providers: z
      .array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() }))
      .describe('Providers (email servers, gateways, webhook endpoints) the steps went through'),
  })
  .describe('Names of what the steps mention by id, as they are now');
export type RunRefs = z.infer<typeof RunRefs>;

export const Run = z
  .object({
    id: z.uuid(),
    workflowId: z.uuid(),
    workflowName: z.string(),
    workflowVersionId: z.uuid(),
    workflowVersion: z.number().int().describe('Number of the version the run followed'),
    module: ModuleKey,
    recordId: z.uuid().nullable(),
    recordTitle: z.string().nullable().describe('Null when the record is gone'),
    status: RunStatus,
    reason: z
      .string()
      .nullable()
      .describe('Why it failed, was dropped or skipped; a failed step’s error in the reader’s language'),
    depth: z.number().int().describe('How many runs led to this one: a change made by a run is one deeper'),
    cause: z
      .record(z.string(), z.unknown())
      .describe('The record event or care-process tick that started it'),
    occurrence: z.string().nullable().describe('Care processes: the date (yyyy-MM-dd) the run is for'),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .describe('One run of a workflow on a record');
export type Run = z.infer<typeof Run>;

export const RunStepStatus = z.enum(['pending', 'running', 'succeeded', 'failed', 'skipped', 'waiting']);
export type RunStepStatus = z.infer<typeof RunStepStatus>;

export const RunStep = z
  .object({
    nodeId: z.string(),
    nodeType: z.string(),
    status: RunStepStatus,
    attempts: z.number().int(),
    input: z.unknown(),
    output: z.unknown(),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .describe('What one step of the run did');
export type RunStep = z.infer<typeof RunStep>;

/** `GET /runs/:id`. */
export const RunDetail = Run.extend({
  graph: FlowGraph.describe('The graph of the version the run followed'),
  steps: z.array(RunStep),
  refs: RunRefs,
}).describe('A run with its steps, the graph it followed and the names of what its steps mention');
export type RunDetail = z.infer<typeof RunDetail>;

const Paging = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** `GET /workflows/:id/runs`. */
export const RunPaging = Paging;

/** `GET /runs`. */
export const RunListQuery = Paging.extend({
  status: RunStatus.optional(),
  workflowId: z.uuid().optional(),
  recordId: z.uuid().optional(),
  module: ModuleKey.optional(),
});

export const RunPage = z
  .object({ items: z.array(Run), total: z.number().int() })
  .describe('One page of runs, newest first');
export type RunPage = z.infer<typeof RunPage>;

/** `GET /records/:module/:id/runs`. */
export const RecordRuns = z.object({ items: z.array(Run) }).describe('Runs on the record');
export type RecordRuns = z.infer<typeof RecordRuns>;

/** `POST /runs/:id/retry`. */
export const RetriedRun = Run.extend({
  retried: z.array(z.string()).describe('The nodes re-queued; empty when none had failed'),
}).describe('The run after the retry was queued');
export type RetriedRun = z.infer<typeof RetriedRun>;

export const SimulatedStatus = z.enum(['matched', 'not_matched', 'would_run', 'skipped', 'error']);
export type SimulatedStatus = z.infer<typeof SimulatedStatus>;

/** What a simulated run says of one node: whether it would run, and what it would do. */
export const SimulatedNode = z
  .object({
    status: SimulatedStatus,
    reason: z.string().describe('Why, in the caller’s language'),
    preview: z
      .unknown()
      .optional()
      .describe('What the action would do: the email, the task, the new values…'),
  })
  .describe('What a simulated run says of one step');
export type SimulatedNode = z.infer<typeof SimulatedNode>;

/** `POST /workflows/:id/test`. */
export const TestRunBody = z.object({
  recordId: z.uuid().describe('A record of the workflow’s module'),
  versionId: z.uuid().optional().describe('A saved version to test instead of the current one'),
});

export const TestRunResult = z
  .object({
    matched: z.boolean().describe('The trigger fires and the conditions lead to at least one action'),
    path: z.array(z.string()).describe('The nodes the run would go through, in order'),
    nodes: z.record(z.string(), SimulatedNode),
    refs: RunRefs,
  })
  .describe('A simulated run: nothing is written or sent');
export type TestRunResult = z.infer<typeof TestRunResult>;

export const ImpactAction = SimulatedNode.extend({ nodeId: z.string(), type: z.string() }).describe(
  'What one action would do',
);
export type ImpactAction = z.infer<typeof ImpactAction>;

/** `POST /workflows/:id/impact`. */
export const ImpactBody = z
  .object({ days: z.number().int().min(1).max(180).default(30) })
  .default({ days: 30 });

export const ImpactPreview = z
  .object({
    kind: z.enum(['event', 'schedule']),
    days: z.number().int(),
    from: z.string().describe('Start of the period: an instant (event) or a calendar date (care process)'),
    to: z.string(),
    scanned: z.number().int().describe('History rows the trigger could fire on, or due records'),
    runs: z.number().int().describe('Runs the flow would have started (event) or will start (care process)'),
    records: z.number().int().describe('Distinct records of those runs'),
    items: z
      .array(
        z.object({
          recordId: z.uuid(),
          title: z.string(),
          at: z.string(),
          actions: z
            .array(ImpactAction)
            .nullable()
            .describe('Each action’s effect; null past the first 20 runs'),
        }),
      )
      .describe('The latest 100 runs (event) or the first 100 (care process)'),
  })
  .describe('What the flow would do if activated: nothing is written or sent');
export type ImpactPreview = z.infer<typeof ImpactPreview>;

const CarePreviewRecord = z.object({
  id: z.uuid(),
  title: z.string().describe('The value of the module’s title field'),
  occurrence: CalendarDate.describe('The anniversary (or, for `once`, the date itself) the run is for'),
  fireDate: CalendarDate.describe('The day it falls due: the occurrence moved by `offsetDays`'),
});

const CarePreviewList = {
  total: z.number().int().describe('Every record due that meets the conditions'),
  records: z.array(CarePreviewRecord).describe('The first 100 of them, by due date then title'),
};

/** `GET /workflows/:id/preview`. */
export const CarePreviewQuery = z.object({
  date: CalendarDate.optional().describe('See the preview as on this day (default: today)'),
});

export const CarePreview = z
  .object({
    today: z.object({ date: CalendarDate, ...CarePreviewList }).describe('Due today'),
    thisWeek: z
      .object({ from: CalendarDate, to: CalendarDate, ...CarePreviewList })
      .describe('Due this ISO week, Monday to Sunday'),
    nextRuns: z
      .array(z.object({ date: CalendarDate, total: z.number().int() }))
      .describe(
        'The next seven runs and how many records each would start: daily, or weekly on Mondays for `window: week`; today first unless the process already ran today',
      ),
  })
  .describe('Who a care process would reach, in the organization’s calendar');
export type CarePreview = z.infer<typeof CarePreview>;
