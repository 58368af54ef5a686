import type { MessageParams, Param } from '@crmflow/flow';
import type { Locale } from '../i18n/locale.ts';

/** Every error the API answers with, and its status. The code is the contract; messages are for people. */
export const errorStatus = {
  invalid_input: 400,
  validation_failed: 400,
  nothing_to_change: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  signup_disabled: 403,
  not_found: 404,
  record_not_found: 404,
  user_not_found: 404,
  field_not_found: 404,
  token_not_found: 404,
  workflow_not_found: 404,
  run_not_found: 404,
  template_not_found: 404,
  allocation_rule_not_found: 404,
  notification_not_found: 404,
  outbox_not_found: 404,
  version_conflict: 409,
  email_taken: 409,
  field_exists: 409,
  field_system: 409,
  last_admin: 409,
  workflow_active: 409,
  active_limit: 409,
  allocation_rule_in_use: 409,
  template_built_in: 409,
  provider_in_use: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_graph: 422,
  rate_limited: 429,
  provider_unreachable: 502,
  internal_error: 500,
  database_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export { ErrorBody, ErrorDetail } from '@crmflow/contracts';

/**
 * An expected refusal: bad input, missing rights, a conflict. Thrown anywhere in a request, it
 * becomes `{ error: { code, message, details } }` with the status of its code; the message is
 * chosen in the caller's language when the response is written.
 */
export class AppError<Code extends ErrorCode = ErrorCode> extends Error {
  readonly code: Code;
  readonly details: unknown;
  /** The placeholders of the code's message (`error.<code>` in the catalogue), and any the handler reads. */
  readonly params: Readonly<Record<string, Param>>;
  /** The message and details in the caller's language, when they say more than the code's message. */
  readonly localized: ((locale: Locale) => { message: string; details: unknown }) | undefined;

  constructor(
    code: Code,
    options: {
      details?: unknown;
      params?: MessageParams<`error.${Code}`> & Readonly<Record<string, Param>>;
      localized?: (locale: Locale) => { message: string; details: unknown };
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.params = options.params ?? {};
    this.localized = options.localized;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}
