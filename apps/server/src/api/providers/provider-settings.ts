import type { ProviderKind } from '@crmflow/db';
import { providerSettings, WebhookEndpointConfig, WebhookSecrets } from '@crmflow/engine';
import { render } from '@crmflow/flow';
import type { FastifySchemaValidationError } from 'fastify';
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../../errors/app-error.ts';
import { validationDetails } from '../../errors/validation-details.ts';
import type { Locale } from '../../i18n/locale.ts';

type Schemas = { config: z.ZodType; secrets: z.ZodType };

/**
 * The schemas of one (kind, adapter). Webhook providers hold the secret their receivers verify
 * signatures with, which the engine's table leaves undeclared; it is required here.
 */
function settingsFor(kind: ProviderKind, adapter: string): Schemas | undefined {
  if (kind === 'webhook' && adapter === 'http')
    return { config: WebhookEndpointConfig, secrets: WebhookSecrets };
  const entry = Object.entries(providerSettings[kind]).find(([name]) => name === adapter);
  return entry?.[1];
}

export const adaptersOf = (kind: ProviderKind): string[] => Object.keys(providerSettings[kind]);

/** Zod issues under `prefix` as the API's `[{ field, message }]`, worded like request validation. */
export function issueDetails(args: { error: z.ZodError; prefix: string; locale: Locale }): ErrorDetail[] {
  const issues: FastifySchemaValidationError[] = args.error.issues.map((issue) => {
    const { path, code, message, ...params } = issue;
    const full = [args.prefix, ...path.map(String)];
    return { keyword: code, instancePath: `/${full.join('/')}`, schemaPath: '', message, params };
  });
  return validationDetails({ issues, context: args.prefix, locale: args.locale });
}

function parsePart(args: {
  schema: z.ZodType;
  value: unknown;
  field: 'config' | 'secrets';
  locale: Locale;
}): Record<string, unknown> {
  const parsed = args.schema.safeParse(args.value);
  if (!parsed.success) {
    throw new AppError('invalid_input', {
      details: issueDetails({ error: parsed.error, prefix: args.field, locale: args.locale }),
    });
  }
  return z.record(z.string(), z.unknown()).parse(parsed.data);
}

/**
 * Checks an adapter's settings: `config` always, `secrets` when given (omitted on an edit means
 * "keep the stored ones"). Returns them as they will be stored, defaults filled in.
 */
export function checkProviderSettings(args: {
  kind: ProviderKind;
  adapter: string;
  config: unknown;
  secrets: unknown;
  locale: Locale;
}): { config: Record<string, unknown>; secrets: Record<string, unknown> | undefined } {
  const { kind, adapter, locale } = args;
  const schemas = settingsFor(kind, adapter);
  if (!schemas) {
    const known = adaptersOf(kind).join(', ');
    throw new AppError('invalid_input', {
      details: [
        {
          field: 'adapter',
          message: render(locale, 'request.one_of', { values: known }),
        },
      ],
    });
  }
  const config = parsePart({ schema: schemas.config, value: args.config ?? {}, field: 'config', locale });
  const secrets =
    args.secrets === undefined
      ? undefined
      : parsePart({ schema: schemas.secrets, value: args.secrets ?? {}, field: 'secrets', locale });
  return { config, secrets };
}
