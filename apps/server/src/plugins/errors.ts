import { isDatabaseUnavailable } from '@crmflow/db';
import { isRecordError, type RecordError } from '@crmflow/engine';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { App } from '../app-types.ts';
import { AppError, type ErrorBody, type ErrorCode, errorStatus } from '../errors/app-error.ts';
import { errorMessage } from '../errors/error-messages.ts';
import { validationDetails } from '../errors/validation-details.ts';
import type { Locale } from '../i18n/locale.ts';

/** A store refusal as the API words it: same codes, messages in the caller's language. */
export function recordErrorBody(error: RecordError, locale: Locale): ErrorBody['error'] {
  const details =
    error.code === 'validation_failed'
      ? error.fieldErrors.map((e) => ({ field: e.field, message: e.message[locale] }))
      : error.code === 'version_conflict'
        ? { currentVersion: error.currentVersion }
        : undefined;
  return { code: error.code, message: errorMessage(error.code, locale), ...(details ? { details } : {}) };
}

function appErrorBody(error: AppError, locale: Locale): ErrorBody['error'] {
  if (error.localized) return { code: error.code, ...error.localized(locale) };
  const body = { code: error.code, message: errorMessage(error.code, locale, error.params) };
  return error.details === undefined ? body : { ...body, details: error.details };
}

/** Fastify's own 4xx errors (malformed JSON, body too large, …) under our codes. */
function frameworkCode(status: number): ErrorCode {
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  return 'invalid_input';
}

/** SQLSTATE class 22 (data exception) and 54000 (a value too large to process), in the cause chain. */
function isDatabaseInputError(error: unknown): boolean {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    const code = 'code' in e && typeof e.code === 'string' ? e.code : '';
    if ('severity' in e && (/^22[0-9A-Z]{3}$/.test(code) || code === '54000')) return true;
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}

function send(reply: FastifyReply, status: number, error: ErrorBody['error']) {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify({ error }));
}

/**
 * The one place errors become responses: codes map to statuses, messages follow the caller's
 * locale, request validation names each field, and only bugs are 500s (logged, never shown).
 */
export function installErrorHandling(app: App): void {
  // While the database is known to be unreachable, API requests are refused at once rather than
  // queued behind connection attempts; the watch lifts this as soon as the database answers.
  app.addHook('onRequest', async (request) => {
    if (!app.databaseWatch.available() && request.url.startsWith('/api/')) {
      throw new AppError('database_unavailable');
    }
  });
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale ?? 'vi';
    if (error instanceof AppError) {
      if (error.code === 'rate_limited' && error.params.seconds)
        reply.header('retry-after', error.params.seconds);
      return send(reply, error.status, appErrorBody(error, locale));
    }
    if (isRecordError(error)) return send(reply, errorStatus[error.code], recordErrorBody(error, locale));
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = validationDetails({
        issues: error.validation,
        context: error.validationContext ?? 'body',
        locale,
      });
      return send(reply, 400, {
        code: 'invalid_input',
        message: errorMessage('invalid_input', locale),
        details,
      });
    }
    if (isDatabaseUnavailable(error)) {
      app.databaseWatch.reportFailure();
      return send(reply, 503, {
        code: 'database_unavailable',
        message: errorMessage('database_unavailable', locale),
      });
    }
    if (isDatabaseInputError(error)) {
      // Input no check above caught, refused by the database itself (a value out of range, text
      // it cannot store): still the caller's mistake, never a 500.
      return send(reply, 400, { code: 'invalid_input', message: errorMessage('invalid_input', locale) });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = frameworkCode(status);
      return send(reply, status, { code, message: errorMessage(code, locale) });
    }
    request.log.error({ err: error }, 'request failed');
    return send(reply, 500, { code: 'internal_error', message: errorMessage('internal_error', locale) });
  });
}
