import type { records, runSteps, runs, workflows, workflowVersions } from '@crmflow/db';
import { recordTitle } from '@crmflow/engine';
import { FlowGraph, ModuleKey } from '@crmflow/flow';
import { z } from 'zod';
import { storedGraph } from '../workflows/workflow-graph.ts';
import { RunRefs } from './run-refs.ts';

export const RunStatus = z.enum([
  'queued',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'skipped',
  'dropped',
]);

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

export const RunStep = z.object({
  nodeId: z.string(),
  nodeType: z.string(),
  status: z.enum(['pending', 'running', 'succeeded', 'failed', 'skipped', 'waiting']),
  attempts: z.number().int(),
  input: z.unknown(),
  output: z.unknown(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type RunStep = z.infer<typeof RunStep>;

export const RunDetail = Run.extend({
  graph: FlowGraph.describe('The graph of the version the run followed'),
  steps: z.array(RunStep),
  refs: RunRefs,
}).describe('A run with its steps, the graph it followed and the names of what its steps mention');
export type RunDetail = z.infer<typeof RunDetail>;

/** A run row with what names it: its workflow, version and record (left joined). */
export type RunJoined = {
  run: typeof runs.$inferSelect;
  /** Why it failed or was dropped in the reader's language, when that is kept in both. */
  readerReason: string | null;
  workflowName: (typeof workflows.$inferSelect)['name'];
  version: Pick<typeof workflowVersions.$inferSelect, 'version' | 'graph'>;
  record: Pick<typeof records.$inferSelect, 'module' | 'data'> | null;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toRunView({ run, readerReason, workflowName, version, record }: RunJoined): Run {
  return {
    id: run.id,
    workflowId: run.workflowId,
    workflowName,
    workflowVersionId: run.workflowVersionId,
    workflowVersion: version.version,
    module: run.module,
    recordId: run.recordId,
    recordTitle: record ? recordTitle(record.module, record.data) : null,
    status: run.status,
    reason: readerReason || run.reason,
    depth: run.depth,
    cause: run.cause,
    occurrence: run.occurrence,
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
  };
}

export function toRunDetail(
  joined: RunJoined,
  steps: (typeof runSteps.$inferSelect)[],
  refs: RunRefs,
): RunDetail {
  return {
    refs,
    ...toRunView(joined),
    graph: storedGraph(joined.version.graph),
    steps: steps.map((step) => ({
      nodeId: step.nodeId,
      nodeType: step.nodeType,
      status: step.status,
      attempts: step.attempts,
      input: step.input,
      output: step.output,
      error: step.error,
      startedAt: iso(step.startedAt),
      finishedAt: iso(step.finishedAt),
    })),
  };
}
