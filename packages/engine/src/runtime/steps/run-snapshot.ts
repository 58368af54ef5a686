import type { ActionNodeType } from '@crmflow/flow';
import { z } from 'zod';
import type { RecordSnapshot } from '../../executors/executor.ts';
import type { WorkflowGraph } from '../workflow-graph.ts';

/** A write a step of the run made to the run's own record: the fields and the values it set. */
export type OwnWrite = {
  nodeId: string;
  /** When the step finished (µs); steps finished in one transaction are ordered by graph rank. */
  at: number;
  values: Record<string, unknown>;
};

/**
 * The values a run's texts quote: the record as the run's start saw it (`base`: the triggering
 * event's after-image, or what a care-process run read when it started; null when neither is
 * kept any more) and the run's own writes to it so far.
 */
export type RunSnapshot = { base: Record<string, unknown> | null; writes: readonly OwnWrite[] };

const Data = z.record(z.string(), z.unknown());
const FieldsWritten = z.object({ updated: z.literal(true), recordId: z.string(), values: Data });
const OwnerWritten = z.object({ ownerId: z.string() });

/** What a succeeded step of `type` wrote to the record `recordId`, from its output; null for none. */
export function writtenBy(args: {
  type: ActionNodeType | string;
  output: unknown;
  recordId: string | null;
}): Record<string, unknown> | null {
  const { type, output, recordId } = args;
  if (type === 'update_fields') {
    const parsed = FieldsWritten.safeParse(output);
    return parsed.success && parsed.data.recordId === recordId ? parsed.data.values : null;
  }
  if (type === 'assign_owner') {
    const parsed = OwnerWritten.safeParse(output);
    return parsed.success ? { owner_id: parsed.data.ownerId } : null;
  }
  return null;
}

/** Node types whose output `writtenBy` reads: the steps loaded with a run. */
export const WRITING_TYPES = ['update_fields', 'assign_owner'] as const;

/** The snapshot with a step's outcome applied, when the step wrote the run's record. */
export function afterStep(args: {
  snapshot: RunSnapshot;
  graph: WorkflowGraph;
  nodeId: string;
  output: unknown;
  recordId: string | null;
}): RunSnapshot {
  const { snapshot, graph, nodeId } = args;
  const node = graph.nodes.get(nodeId);
  if (node?.kind !== 'action') return snapshot;
  const values = writtenBy({ type: node.type, output: args.output, recordId: args.recordId });
  if (!values) return snapshot;
  return { ...snapshot, writes: [...snapshot.writes, { nodeId, at: Number.MAX_SAFE_INTEGER, values }] };
}

/**
 * The record's values a step's texts render from: the snapshot's base (the record as it is now
 * when none was kept), with the run's own writes applied in the order they were made.
 */
export function snapshotValues(args: {
  snapshot: RunSnapshot;
  graph: WorkflowGraph;
  record: RecordSnapshot;
}): Record<string, unknown> {
  const { snapshot, graph, record } = args;
  const rank = (nodeId: string) => graph.rank.get(nodeId) ?? 0;
  const writes = [...snapshot.writes].sort((a, b) => a.at - b.at || rank(a.nodeId) - rank(b.nodeId));
  let values: Record<string, unknown> = snapshot.base ?? record.data;
  for (const write of writes) values = { ...values, ...write.values };
  return values;
}

const Loaded = z.array(
  z.object({ nodeId: z.string(), type: z.string(), at: z.number(), output: z.unknown() }),
);

/** The snapshot of a run as `loadRuns` reads it (the base and the run's writing steps, as JSON). */
export function snapshotOf(args: { base: unknown; steps: unknown; recordId: string | null }): RunSnapshot {
  const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
  const base = Data.safeParse(json(args.base));
  const steps = Loaded.safeParse(json(args.steps) ?? []);
  const writes = (steps.success ? steps.data : []).flatMap((step) => {
    const values = writtenBy({ type: step.type, output: step.output, recordId: args.recordId });
    return values ? [{ nodeId: step.nodeId, at: step.at, values }] : [];
  });
  return { base: base.success ? base.data : null, writes };
}
