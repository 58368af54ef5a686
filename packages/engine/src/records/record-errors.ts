import type { FieldError } from '@crmflow/flow/records';

export type RecordErrorCode = 'validation_failed' | 'record_not_found' | 'version_conflict';

/**
 * What a record write refuses, by code; the API maps codes to statuses (400, 404, 409) and an
 * import reports them per row. Anything else thrown by the store is a bug.
 */
export class RecordError extends Error {
  readonly code: RecordErrorCode;
  readonly fieldErrors: FieldError[];
  readonly currentVersion: number | null;

  constructor(args: { code: RecordErrorCode; fieldErrors?: FieldError[]; currentVersion?: number }) {
    super(args.code);
    this.name = 'RecordError';
    this.code = args.code;
    this.fieldErrors = args.fieldErrors ?? [];
    this.currentVersion = args.currentVersion ?? null;
  }
}

export function isRecordError(error: unknown): error is RecordError {
  return error instanceof RecordError;
}
