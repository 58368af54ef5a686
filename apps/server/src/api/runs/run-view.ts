import type { Run, RunDetail, RunRefs } from '@crmflow/contracts';
import type { records, runSteps, runs, workflows, workflowVersions } from '@crmflow/db';
import { recordTitle } from '@crmflow/engine';
import { storedGraph } from '../workflows/workflow-graph.ts';

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
