import { ErrorDetail } from '@crmflow/contracts';
import { isApiError } from '../api/client.ts';

/** A 400's messages keyed by the full field path the API named (`config.host`, `timeZone`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error) || !Array.isArray(error.details)) return out;
  for (const item of error.details) {
    const parsed = ErrorDetail.safeParse(item);
    if (!parsed.success) continue;
    const { field, message } = parsed.data;
    out[field] = out[field] ? `${out[field]} ${message}` : message;
  }
  return out;
}

/** The message beside a control; its id is what the control's `aria-describedby` names. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span className="field__error" id={id}>
      {message}
    </span>
  ) : null;
}
