import { text } from '@crmflow/flow';
import type { RecordCausation } from '../../records/record-event.ts';
import type { Bilingual } from '../messages.ts';

/** Changes made by runs carry their depth; past this one, the event starts nothing. */
export const MAX_CAUSAL_DEPTH = 5;

export type LoopStop = { code: 'loop_depth' | 'loop_chain'; text: Bilingual };

/**
 * Whether a workflow must not start for a record event (docs/semantics.md, Execution): the change comes
 * too deep in a chain of workflow writes, or this workflow already ran for this record in the
 * chain that led here (it would only re-trigger itself).
 */
export function loopStop(args: {
  causation: RecordCausation;
  workflowId: string;
  recordId: string;
}): LoopStop | null {
  const { causation, workflowId, recordId } = args;
  if (causation.depth > MAX_CAUSAL_DEPTH) {
    return {
      code: 'loop_depth',
      text: text('run.loop_depth', { depth: causation.depth, max: MAX_CAUSAL_DEPTH }),
    };
  }
  if (causation.chain.some((link) => link.workflowId === workflowId && link.recordId === recordId)) {
    return { code: 'loop_chain', text: text('run.loop_chain') };
  }
  return null;
}
