import type { ProviderKind, providers } from '@crmflow/db';
import { z } from 'zod';
import { decryptSecret, encryptSecret, SecretDecryptError } from '../secrets/secret-box.ts';
import {
  captureEmailProvider,
  captureSmsProvider,
  captureWebhookSender,
  captureZnsProvider,
} from './capture.provider.ts';
import {
  HttpGatewayConfig,
  HttpGatewaySecrets,
  httpSmsProvider,
  httpZnsProvider,
} from './http-gateway.provider.ts';
import type { EmailProvider, SmsProvider, WebhookSender, ZnsProvider } from './provider-types.ts';
import { SmtpConfig, SmtpSecrets, smtpEmailProvider } from './smtp-email.provider.ts';
import { type SystemEmailEnv, systemEmailProvider } from './system-email.provider.ts';
import { httpWebhookSender } from './webhook.provider.ts';
import { type WorkAppClient, WorkAppConfig, WorkAppSecrets, workAppClient } from './work-app.provider.ts';

const Nothing = z.object({});

/**
 * The settings each (kind, adapter) accepts: `config` is stored as JSON and returned by the API,
 * `secrets` is stored encrypted and never returned. The providers API validates with these too.
 */
export const providerSettings = {
  email: {
    smtp: { config: SmtpConfig, secrets: SmtpSecrets },
    system: { config: Nothing, secrets: Nothing },
    capture: { config: Nothing, secrets: Nothing },
  },
  sms: {
    http: { config: HttpGatewayConfig, secrets: HttpGatewaySecrets },
    capture: { config: Nothing, secrets: Nothing },
  },
  zns: {
    http: { config: HttpGatewayConfig, secrets: HttpGatewaySecrets },
    capture: { config: Nothing, secrets: Nothing },
  },
  webhook: {
    http: { config: Nothing, secrets: Nothing },
    capture: { config: Nothing, secrets: Nothing },
  },
  workapp: {
    http: { config: WorkAppConfig, secrets: WorkAppSecrets },
  },
} satisfies Record<ProviderKind, Record<string, { config: z.ZodType; secrets: z.ZodType }>>;

export type ProviderRow = Pick<typeof providers.$inferSelect, 'kind' | 'adapter' | 'config' | 'secrets'>;

export type ProviderHandle =
  | { kind: 'email'; adapter: string; provider: EmailProvider }
  | { kind: 'sms'; adapter: string; provider: SmsProvider }
  | { kind: 'zns'; adapter: string; provider: ZnsProvider }
  | { kind: 'webhook'; adapter: string; sender: WebhookSender }
  | { kind: 'workapp'; adapter: string; client: WorkAppClient };

/** A provider row that cannot be used is data (shown on the step), not a crash. */
export type ProviderLookup =
  | ({ ok: true } & ProviderHandle)
  | { ok: false; code: 'misconfigured'; error: string };

/**
 * The adapter a `providers` row describes, its secrets decrypted with the server's key.
 * `env` is where the `system` email provider finds its SMTP relay.
 */
export function providerFor(input: {
  row: ProviderRow;
  secretKey: Buffer;
  env?: SystemEmailEnv;
  /** The organization's `allowPrivateNetwork`: its SMTP server and gateways may be private. */
  allowPrivateNetwork?: boolean;
}): ProviderLookup {
  const allowPrivate = input.allowPrivateNetwork === true;
  const { row } = input;
  const secrets = readSecrets(row.secrets, input.secretKey);
  if (!secrets.ok) return secrets;
  const misconfigured = (error: string): ProviderLookup => ({ ok: false, code: 'misconfigured', error });
  const parse = <C, S>(schemas: { config: z.ZodType<C>; secrets: z.ZodType<S> }) => {
    const config = schemas.config.safeParse(row.config);
    const parsedSecrets = schemas.secrets.safeParse(secrets.value);
    if (!config.success) return { ok: false as const, error: `config: ${z.prettifyError(config.error)}` };
    if (!parsedSecrets.success)
      return { ok: false as const, error: `secrets: ${z.prettifyError(parsedSecrets.error)}` };
    return { ok: true as const, config: config.data, secrets: parsedSecrets.data };
  };
  const base = { ok: true as const, adapter: row.adapter };

  if (row.kind === 'workapp') {
    if (row.adapter !== 'http') return misconfigured(`No adapter "${row.adapter}" for work apps`);
    const settings = parse(providerSettings.workapp.http);
    if (!settings.ok) return misconfigured(settings.error);
    return { ...base, kind: 'workapp', client: workAppClient({ ...settings, allowPrivate }) };
  }
  if (row.adapter === 'capture') {
    if (row.kind === 'email') return { ...base, kind: 'email', provider: captureEmailProvider() };
    if (row.kind === 'sms') return { ...base, kind: 'sms', provider: captureSmsProvider() };
    if (row.kind === 'zns') return { ...base, kind: 'zns', provider: captureZnsProvider() };
    return { ...base, kind: 'webhook', sender: captureWebhookSender() };
  }
  if (row.kind === 'email' && row.adapter === 'system') {
    return { ...base, kind: 'email', provider: systemEmailProvider(input.env) };
  }
  if (row.kind === 'email' && row.adapter === 'smtp') {
    const settings = parse(providerSettings.email.smtp);
    if (!settings.ok) return misconfigured(settings.error);
    return { ...base, kind: 'email', provider: smtpEmailProvider({ ...settings, allowPrivate }) };
  }
  if ((row.kind === 'sms' || row.kind === 'zns') && row.adapter === 'http') {
    const settings = parse(providerSettings[row.kind].http);
    if (!settings.ok) return misconfigured(settings.error);
    return row.kind === 'sms'
      ? { ...base, kind: 'sms', provider: httpSmsProvider({ ...settings, allowPrivate }) }
      : { ...base, kind: 'zns', provider: httpZnsProvider({ ...settings, allowPrivate }) };
  }
  if (row.kind === 'webhook' && row.adapter === 'http')
    return { ...base, kind: 'webhook', sender: httpWebhookSender() };
  return misconfigured(`No adapter "${row.adapter}" for ${row.kind} providers`);
}

function readSecrets(
  blob: string | null,
  key: Buffer,
): { ok: true; value: unknown } | { ok: false; code: 'misconfigured'; error: string } {
  if (blob === null || blob === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(decryptSecret(key, blob)) };
  } catch (error) {
    if (error instanceof SecretDecryptError || error instanceof SyntaxError) {
      return { ok: false, code: 'misconfigured', error: `secrets: ${error.message}` };
    }
    throw error;
  }
}

/** What the providers API stores in `providers.secrets`. */
export function sealProviderSecrets(input: { secretKey: Buffer; secrets: Record<string, unknown> }): string {
  return encryptSecret(input.secretKey, JSON.stringify(input.secrets));
}
