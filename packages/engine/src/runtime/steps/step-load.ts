import { type Executor, type RunStatus, recordHistory, records, runs, workflows } from '@crmflow/db';
import type { ModuleKey } from '@crmflow/flow';
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { RecordSnapshot } from '../../executors/executor.ts';
import { RecordCausation } from '../../records/record-event.ts';
import { type RunSnapshot, snapshotOf, WRITING_TYPES } from './run-snapshot.ts';

/** A run as its steps need it, with its workflow's place in the priority order. */
export type LoadedRun = {
  id: string;
  orgId: string;
  workflowId: string;
  workflowVersionId: string;
  module: ModuleKey;
  recordId: string | null;
  depth: number;
  status: RunStatus;
  cause: StepCause;
  /** What the run's texts quote: the record as its start saw it, and the run's own writes to it. */
  snapshot: RunSnapshot;
  /** (priority, creation time, id) of the workflow: runs of one record go in this order. */
  order: [number, number, string];
};

/**
 * What steps read of `runs.cause`, whoever started the run (a record event or a care-process
 * tick): the chain their writes extend, and the edit's changes and old values for conditions.
 */
export const StepCause = z.object({
  /** When the event that started the run happened (ISO); absent for care-process runs. */
  at: z.string().optional().catch(undefined),
  chain: RecordCausation.shape.chain.catch([]),
  changes: z.array(z.string()).catch([]),
  before: z.record(z.string(), z.unknown()).nullable().catch(null),
});
export type StepCause = z.infer<typeof StepCause>;

const emptyCause: StepCause = { chain: [], changes: [], before: null };

const writingTypes = sql.raw(WRITING_TYPES.map((type) => `'${type}'`).join(', '));

/**
 * The runs, each with its snapshot in the same statement: the after-image of the event that
 * started it (its `record_history` row, same id; the last values for a delete), or the record a
 * care-process run read when it started (`cause.data`), and the outputs of its steps that wrote
 * the record, in the order they finished.
 */
export async function loadRuns(db: Executor, runIds: readonly string[]): Promise<Map<string, LoadedRun>> {
  const result = new Map<string, LoadedRun>();
  if (runIds.length === 0) return result;
  const rows = await db
    .select({
      id: runs.id,
      orgId: runs.orgId,
      workflowId: runs.workflowId,
      workflowVersionId: runs.workflowVersionId,
      module: runs.module,
      recordId: runs.recordId,
      depth: runs.depth,
      status: runs.status,
      cause: runs.cause,
      priority: workflows.priority,
      workflowCreatedAt: workflows.createdAt,
      base: sql<unknown>`coalesce(${recordHistory.after}, ${recordHistory.before}, ${runs.cause} -> 'data')`,
      writes: sql<unknown>`(
        select jsonb_agg(jsonb_build_object('nodeId', s.node_id, 'type', s.node_type, 'output', s.output,
          'at', floor(extract(epoch from s.finished_at) * 1000000)) order by s.finished_at)
        from run_steps s
        where s.run_id = ${runs.id} and s.status = 'succeeded' and s.node_type in (${writingTypes}))`,
    })
    .from(runs)
    .innerJoin(workflows, eq(workflows.id, runs.workflowId))
    .leftJoin(recordHistory, eq(recordHistory.id, runs.eventId))
    .where(inArray(runs.id, [...new Set(runIds)]));
  for (const row of rows) {
    const cause = StepCause.safeParse(row.cause);
    result.set(row.id, {
      id: row.id,
      orgId: row.orgId,
      workflowId: row.workflowId,
      workflowVersionId: row.workflowVersionId,
      module: row.module,
      recordId: row.recordId,
      depth: row.depth,
      status: row.status,
      cause: cause.success ? cause.data : emptyCause,
      snapshot: snapshotOf({ base: row.base, steps: row.writes, recordId: row.recordId }),
      order: [row.priority, row.workflowCreatedAt.getTime(), row.workflowId],
    });
  }
  return result;
}

/** The runs' records as they are now; deleted ones keep their last data and say so. */
export async function loadRecords(
  db: Executor,
  recordIds: readonly string[],
): Promise<Map<string, RecordSnapshot>> {
  const ids = [...new Set(recordIds)];
  const result = new Map<string, RecordSnapshot>();
  if (ids.length === 0) return result;
  const rows = await db
    .select({
      id: records.id,
      module: records.module,
      data: records.data,
      ownerId: records.ownerId,
      deletedAt: records.deletedAt,
    })
    .from(records)
    .where(inArray(records.id, ids));
  for (const row of rows) {
    result.set(row.id, {
      id: row.id,
      module: row.module,
      data: row.data,
      ownerId: row.ownerId,
      deleted: row.deletedAt !== null,
    });
  }
  return result;
}
