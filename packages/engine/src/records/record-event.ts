import { ModuleKey } from '@crmflow/flow';
import { z } from 'zod';

export const RecordSource = z.enum(['ui', 'api', 'import', 'workflow']);
export type RecordSource = z.infer<typeof RecordSource>;

/** Who made a write: a user (null for the system) and through which door it came. */
export const RecordActor = z.object({ userId: z.uuid().nullable(), source: RecordSource });
export type RecordActor = z.infer<typeof RecordActor>;

/**
 * Why a write happened. Writes by people start at depth 0 with an empty chain; a workflow's
 * write carries its run's depth + 1 and the (workflow, record) pairs that led to it, which is
 * what the loop guard reads.
 */
export const RecordCausation = z.object({
  depth: z.number().int().min(0),
  chain: z.array(z.object({ workflowId: z.string(), recordId: z.string() })),
  runId: z.string().optional(),
});
export type RecordCausation = z.infer<typeof RecordCausation>;

export const userCausation: RecordCausation = { depth: 0, chain: [] };

export const RecordOperation = z.enum(['create', 'update', 'delete']);
export type RecordOperation = z.infer<typeof RecordOperation>;

const RecordDataSchema = z.record(z.string(), z.unknown());

/** The payload of a `record.changed` job: the public contract between writes and workflows. */
export const RecordChangedEvent = z.object({
  eventId: z.uuid(),
  orgId: z.uuid(),
  module: ModuleKey,
  recordId: z.uuid(),
  operation: RecordOperation,
  before: RecordDataSchema.nullable(),
  after: RecordDataSchema.nullable(),
  changed: z.array(z.string()),
  actor: RecordActor,
  causation: RecordCausation,
  at: z.iso.datetime(),
});
export type RecordChangedEvent = z.infer<typeof RecordChangedEvent>;
