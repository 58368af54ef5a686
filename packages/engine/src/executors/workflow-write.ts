import type { Executor as DbExecutor } from '@crmflow/db';
import { type ModuleKey, text } from '@crmflow/flow';
import { isRecordError, type RecordError } from '../records/record-errors.ts';
import type { RecordWriteContext } from '../records/record-store.ts';
import { type ExecutorResult, type RunContext, stepFailure } from './executor.ts';

/**
 * How a run writes records: as the system (no user), through the workflow door, one step deeper
 * in the causal chain, with (this workflow, this record) added to it so the loop guard can see
 * the workflow re-triggering itself.
 */
export function workflowWrite<Config>(
  ctx: RunContext<Config>,
  args: { module: ModuleKey; db?: DbExecutor },
): RecordWriteContext {
  const { run, org } = ctx;
  return {
    db: args.db ?? ctx.db,
    boss: ctx.boss,
    orgId: org.id,
    module: args.module,
    actor: { userId: null, source: 'workflow' },
    causation: {
      depth: run.depth + 1,
      chain: [...run.chain, { workflowId: run.workflowId, recordId: ctx.record.id }],
      runId: run.id,
    },
    meta: { fields: org.catalog[args.module].fields, timeZone: org.timeZone },
  };
}

/** A refused record write as a step failure: bad values and missing records will not heal. */
export function recordWriteFailure<Config>(ctx: RunContext<Config>, error: unknown): ExecutorResult {
  if (!isRecordError(error)) throw error;
  return stepFailure({ scope: ctx, code: error.code, text: recordErrorText(error) });
}

function recordErrorText(error: RecordError) {
  const vi = error.fieldErrors.map((f) => `${f.field}: ${f.message.vi}`).join('; ');
  const en = error.fieldErrors.map((f) => `${f.field}: ${f.message.en}`).join('; ');
  switch (error.code) {
    case 'record_not_found':
      return text('step.record_not_found');
    case 'version_conflict':
      return text('step.version_conflict');
    default:
      return text('step.invalid_values', { problems: { vi, en } });
  }
}
