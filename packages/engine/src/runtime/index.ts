export { MAX_CAUSAL_DEPTH } from './loop-guard.ts';
export { capPayload, MAX_STEP_PAYLOAD_BYTES } from './payload-cap.ts';
export { type RetryRunResult, retryRun } from './retry-run.ts';
export { cleanupRuns, DEFAULT_RUN_RETENTION_DAYS } from './run-cleanup.ts';
export { StepJobData } from './step-jobs.ts';
