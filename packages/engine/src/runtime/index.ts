export { MAX_CAUSAL_DEPTH } from './matcher/loop-guard.ts';
export { capPayload, MAX_STEP_PAYLOAD_BYTES } from './payload-cap.ts';
export { cleanupRuns, DEFAULT_RUN_RETENTION_DAYS } from './run-cleanup.ts';
export { type RetryRunResult, retryRun } from './steps/retry-run.ts';
export { StepJobData } from './steps/step-jobs.ts';
