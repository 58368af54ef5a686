import { z } from 'zod';
import { RecordActor, RecordCausation, RecordOperation } from '../../records/record-event.ts';

/**
 * `runs.cause` of an event workflow's run: the event that started it, with what conditions and
 * later steps need of it (the fields it changed and their values before), and the causal chain
 * that the run's own writes extend.
 */
export const RunCause = z.object({
  eventId: z.string(),
  operation: RecordOperation,
  actor: RecordActor,
  at: z.string(),
  changes: z.array(z.string()),
  before: z.record(z.string(), z.unknown()).nullable(),
  chain: RecordCausation.shape.chain,
  trigger: z.string().optional(),
  dropped: z.object({ code: z.string(), vi: z.string(), en: z.string() }).optional(),
});
export type RunCause = z.infer<typeof RunCause>;

/** The values before the edit of the fields it changed: enough for `changed_from`, and small. */
export function changedBefore(
  before: Readonly<Record<string, unknown>> | null,
  changes: readonly string[],
): Record<string, unknown> | null {
  if (before === null) return null;
  return Object.fromEntries(
    changes.filter((key) => Object.hasOwn(before, key)).map((key) => [key, before[key]]),
  );
}
