import type { ModuleMeta } from '@crmflow/flow';
import type { StepLookups } from './step-lookups.ts';

/** What each step type's renderer gets: the step's output (a run) or preview (a test run). */
export interface StepRendererProps {
  value: unknown;
  lookups: StepLookups;
  /** The module of the flow: the record the run is about is one of it. */
  module: ModuleMeta;
}
