import { type PlainCode, type Text, text } from '@crmflow/flow';
import type { FastifySchemaValidationError } from 'fastify';
import type { Locale } from '../i18n/locale.ts';
import type { ErrorDetail } from './app-error.ts';

const typeCodes: Readonly<Record<string, PlainCode>> = {
  string: 'request.type_string',
  number: 'request.type_number',
  int: 'request.type_int',
  boolean: 'request.type_boolean',
  object: 'request.type_object',
  array: 'request.type_array',
};

const formatCodes: Readonly<Record<string, PlainCode>> = {
  email: 'record.email',
  uuid: 'record.id',
  datetime: 'request.datetime',
  regex: 'request.format',
};

const param = (issue: FastifySchemaValidationError, name: string): unknown => Reflect.get(issue.params, name);
const joined = (value: unknown) => (Array.isArray(value) ? value.map(String).join(', ') : String(value));

function describeIssue(issue: FastifySchemaValidationError): Text {
  switch (issue.keyword) {
    case 'invalid_type': {
      if (/received undefined/.test(issue.message ?? '')) return text('record.required');
      const type = typeCodes[joined(param(issue, 'expected'))];
      return text('request.must_be', { type: text(type ?? 'request.type_other') });
    }
    case 'too_small': {
      const min = joined(param(issue, 'minimum'));
      const origin = param(issue, 'origin');
      if (origin === 'string')
        return min === '1' ? text('record.required') : text('request.min_chars', { min });
      if (origin === 'array') return text('request.min_items', { min });
      return text('request.min', { min });
    }
    case 'too_big': {
      const max = joined(param(issue, 'maximum'));
      const origin = param(issue, 'origin');
      if (origin === 'string') return text('request.max_chars', { max });
      if (origin === 'array') return text('request.max_items', { max });
      return text('request.max', { max });
    }
    case 'invalid_format': {
      const code = formatCodes[joined(param(issue, 'format'))];
      return text(code ?? 'request.format');
    }
    case 'invalid_value':
      return text('request.one_of', { values: joined(param(issue, 'values')) });
    case 'unrecognized_keys':
      return text('request.unsupported_field');
    default:
      return text('request.invalid');
  }
}

function fieldOf(issue: FastifySchemaValidationError, context: string): string[] {
  const path = issue.instancePath.split('/').filter(Boolean).join('.');
  if (issue.keyword === 'unrecognized_keys') {
    const keys = param(issue, 'keys');
    if (Array.isArray(keys)) return keys.map((key) => (path ? `${path}.${String(key)}` : String(key)));
  }
  return [path || context];
}

/** Request validation failures as `[{ field, message }]`, one per field, in the caller's language. */
export function validationDetails(args: {
  issues: readonly FastifySchemaValidationError[];
  context: string;
  locale: Locale;
}): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of args.issues) {
    const message = describeIssue(issue)[args.locale];
    for (const field of fieldOf(issue, args.context)) {
      if (!details.some((detail) => detail.field === field)) details.push({ field, message });
    }
  }
  return details;
}
