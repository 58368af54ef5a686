import { type Executor, type ProviderKind, providers } from '@crmflow/db';
import { text } from '@crmflow/flow';
import type { Message } from '@crmflow/flow/messaging';
import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { type ProviderHandle, providerFor } from '../../providers/provider-factory.ts';
import type { SystemEmailEnv } from '../../providers/system-email.provider.ts';
import { systemEmailProvider } from '../../providers/system-email.provider.ts';
import { decryptSecret, SecretDecryptError } from '../../secrets/secret-box.ts';
import { isUuid } from './merge-source.ts';

/** The email provider every organization has without setting one up (`"provider": "system"` in docs/graph-contract.md). */
export const SYSTEM_EMAIL_PROVIDER = 'system';

/**
 * What a webhook provider keeps sealed: the secret its receivers verify signatures with.
 * `providerSettings.webhook.http` declares no secrets, so the providers API and the webhook
 * step both read this one.
 */
export const WebhookSecrets = z.object({ secret: z.string().min(16).max(500) });
export type WebhookSecrets = z.infer<typeof WebhookSecrets>;

/**
 * A webhook endpoint's settings: where its POSTs go. A step that names no URL of its own posts
 * to its endpoint's.
 */
export const WebhookEndpointConfig = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((url) => /^https?:\/\//i.test(url) && URL.canParse(url), 'Not a valid http(s) URL')
    .optional(),
});
export type WebhookEndpointConfig = z.infer<typeof WebhookEndpointConfig>;

export type ProviderRowFull = typeof providers.$inferSelect;

export type ChosenProvider = {
  providerId: string | null;
  /** The organization's row; null for the system email provider, which has none. */
  row: ProviderRowFull | null;
  handle: ProviderHandle;
};

export type ProviderChoice =
  | ({ ok: true } & ChosenProvider)
  | { ok: false; code: 'provider_missing' | 'misconfigured'; message: Message };

const kindNames: Record<ProviderKind, Message> = {
  email: text('advice.kind_email'),
  sms: text('advice.kind_sms'),
  zns: text('advice.kind_zns'),
  webhook: text('advice.kind_webhook'),
  workapp: text('advice.kind_workapp'),
};

const missing = (kind: ProviderKind, ref: string): ProviderChoice => ({
  ok: false,
  code: 'provider_missing',
  message: text(ref === '' ? 'advice.no_default_provider' : 'advice.provider_gone', {
    kind: kindNames[kind],
  }),
});

/** The provider row a step names by id, or the organization's default of the kind when it names none. */
export async function findProviderRow(args: {
  db: Executor;
  orgId: string;
  kind: ProviderKind;
  ref: string;
}): Promise<ProviderRowFull | undefined> {
  const { db, orgId, kind, ref } = args;
  const ofOrgAndKind = and(eq(providers.orgId, orgId), eq(providers.kind, kind));
  if (ref !== '') {
    if (!isUuid(ref)) return undefined;
    const [row] = await db
      .select()
      .from(providers)
      .where(and(ofOrgAndKind, eq(providers.id, ref)));
    return row;
  }
  const [row] = await db
    .select()
    .from(providers)
    .where(and(ofOrgAndKind, eq(providers.isDefault, true)))
    .orderBy(desc(providers.updatedAt), asc(providers.id))
    .limit(1);
  return row;
}

/**
 * The adapter a step sends through: `system` is the server's own email relay; an id names a
 * provider of the organization; empty means the organization's default of the kind (for email,
 * the system provider when there is none). A provider that cannot be used is an answer, not a throw.
 */
export async function chooseProvider(args: {
  db: Executor;
  orgId: string;
  kind: ProviderKind;
  ref: string;
  /** Null when the server has no key: providers without secrets still work. */
  secretKey: Buffer | null;
  env?: SystemEmailEnv;
  /** The organization's `allowPrivateNetwork` setting. */
  allowPrivateNetwork?: boolean;
}): Promise<ProviderChoice> {
  const { kind, ref } = args;
  const system = (): ProviderChoice => ({
    ok: true,
    providerId: null,
    row: null,
    handle: { kind: 'email', adapter: SYSTEM_EMAIL_PROVIDER, provider: systemEmailProvider(args.env) },
  });
  if (kind === 'email' && ref === SYSTEM_EMAIL_PROVIDER) return system();
  const row = await findProviderRow(args);
  if (!row) return kind === 'email' && ref === '' ? system() : missing(kind, ref);
  const misconfigured = (error: string): ProviderChoice => ({
    ok: false,
    code: 'misconfigured',
    message: text('advice.provider_misconfigured', { name: row.name, error }),
  });
  if (row.secrets !== null && !args.secretKey) return misconfigured('the server has no secret key');
  // Without sealed secrets the key is never read; any 32 bytes do.
  const secretKey = args.secretKey ?? Buffer.alloc(32);
  const lookup = providerFor({
    row,
    secretKey,
    allowPrivateNetwork: args.allowPrivateNetwork === true,
    ...(args.env ? { env: args.env } : {}),
  });
  if (!lookup.ok) return misconfigured(lookup.error);
  const { ok: _ok, ...handle } = lookup;
  return { ok: true, providerId: row.id, row, handle };
}

/** The signing secret sealed in a webhook provider row; null when it has none or cannot be read. */
export function webhookSecretOf(args: { row: ProviderRowFull; secretKey: Buffer | null }): string | null {
  if (!args.row.secrets || !args.secretKey) return null;
  try {
    const parsed = WebhookSecrets.safeParse(JSON.parse(decryptSecret(args.secretKey, args.row.secrets)));
    return parsed.success ? parsed.data.secret : null;
  } catch (error) {
    if (error instanceof SecretDecryptError || error instanceof SyntaxError) return null;
    throw error;
  }
}
