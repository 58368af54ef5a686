import { text } from '@crmflow/flow';
import type { FastifyRequest } from 'fastify';
import type { App } from '../app-types.ts';
import { AppError, type ErrorDetail } from '../errors/app-error.ts';
import type { Locale } from '../i18n/locale.ts';

/** Deeper than this, a request body is refused: no form or API object of ours comes close. */
export const MAX_DEPTH = 32;

// A NUL (PostgreSQL text cannot hold one) or half of a surrogate pair (not a character at all).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL is what is refused
const INVALID_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const messages = {
  text: text('request.invalid_text'),
  depth: text('request.too_deep', { max: MAX_DEPTH }),
};

const printable = (key: string) => key.replaceAll('\u0000', '\\0');

/**
 * Where a request's body, query or params hold text the database cannot store (NUL bytes, lone
 * surrogates, in values or in keys) or nest too deep: `[{ field, message }]`, fields named as
 * request validation names them (`data.name`, `q`). Iterative, so no input can exhaust the stack.
 */
export function invalidInput(
  parts: { body?: unknown; query?: unknown; params?: unknown },
  locale: Locale,
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const add = (field: string, kind: keyof typeof messages) => {
    if (!details.some((d) => d.field === field)) details.push({ field, message: messages[kind][locale] });
  };
  for (const [context, root] of Object.entries(parts)) {
    const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
    while (stack.length > 0 && details.length < 20) {
      const { value, path } = stack.pop() as { value: unknown; path: string[] };
      const field = path.length > 0 ? path.join('.') : context;
      if (typeof value === 'string') {
        if (INVALID_TEXT.test(value)) add(field, 'text');
        continue;
      }
      if (typeof value !== 'object' || value === null) continue;
      if (path.length >= MAX_DEPTH) {
        add(field, 'depth');
        continue;
      }
      for (const [key, child] of Object.entries(value)) {
        if (INVALID_TEXT.test(key)) add([...path, printable(key)].join('.'), 'text');
        else stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return details;
}

/**
 * How many changes a PATCH body asks for, once validation has dropped unknown keys: `version`
 * only guards the edit, and an empty `data` changes no field.
 */
export function changeCount(body: unknown): number {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 1;
  return Object.entries(body).filter(([key, value]) => {
    if (key === 'version' || value === undefined) return false;
    if (key === 'data' && typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
    return true;
  }).length;
}

/**
 * Request-wide input rules that no route schema states: text the database cannot store is a
 * 400 naming the field before any route sees it, and a PATCH that changes nothing (empty, or
 * only keys the route does not know) is a 400 "nothing to change" rather than an empty update.
 */
export function installInputGuard(app: App): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const details = invalidInput(
      { body: request.body, query: request.query, params: request.params },
      request.locale ?? 'vi',
    );
    if (details.length > 0) throw new AppError('invalid_input', { details });
  });
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (request.method === 'PATCH' && changeCount(request.body) === 0) {
      throw new AppError('nothing_to_change');
    }
  });
}
