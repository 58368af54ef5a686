import { randomBytes } from 'node:crypto';
import { type Db, type ProviderKind, providers, type Tx } from '@crmflow/db';
import { sealProviderSecrets } from '@crmflow/engine';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import { checkProviderSettings } from './provider-settings.ts';
import { refuseIfInUse } from './provider-usage.ts';

export type ProviderRow = typeof providers.$inferSelect;

/** A provider as the API shows it: its secrets only as "there are some". */
export type ProviderView = {
  id: string;
  kind: ProviderKind;
  adapter: string;
  name: string;
  config: Record<string, unknown>;
  hasSecrets: boolean;
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
};

export function toProviderView(row: ProviderRow): ProviderView {
  return {
    id: row.id,
    kind: row.kind,
    adapter: row.adapter,
    name: row.name,
    config: row.config,
    hasSecrets: row.secrets !== null,
    isDefault: row.isDefault,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type Scope = { db: Db; orgId: string; secretKey: Buffer; locale: Locale };

const seal = (secretKey: Buffer, secrets: Record<string, unknown>): string | null =>
  Object.keys(secrets).length === 0 ? null : sealProviderSecrets({ secretKey, secrets });

export async function listProviders(args: { db: Db; orgId: string; kind?: ProviderKind }) {
  const { db, orgId, kind } = args;
  return db
    .select()
    .from(providers)
    .where(and(eq(providers.orgId, orgId), kind ? eq(providers.kind, kind) : undefined))
    .orderBy(asc(providers.kind), asc(providers.name), asc(providers.createdAt));
}

export async function findProvider(args: { db: Db | Tx; orgId: string; id: string }): Promise<ProviderRow> {
  const [row] = await args.db
    .select()
    .from(providers)
    .where(and(eq(providers.orgId, args.orgId), eq(providers.id, args.id)));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * Serialises the writes that decide an organization's default of a kind, so two admins making
 * different providers the default at once still leave exactly one.
 */
async function lockDefaults(tx: Tx, orgId: string, kind: ProviderKind) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`providers:${orgId}:${kind}`}, 0))`);
}

async function clearOtherDefaults(tx: Tx, row: Pick<ProviderRow, 'id' | 'orgId' | 'kind'>) {
  await tx
    .update(providers)
    .set({ isDefault: false })
    .where(and(eq(providers.orgId, row.orgId), eq(providers.kind, row.kind), ne(providers.id, row.id)));
}

export type NewProvider = {
  kind: ProviderKind;
  adapter: string;
  name: string;
  config?: unknown;
  secrets?: unknown;
  isDefault?: boolean | undefined;
};

/**
 * A new provider; the first of its kind becomes the default unless told otherwise. A webhook
 * endpoint given no signing secret gets a new one, answered once as `signingSecret`.
 */
export async function createProvider(
  scope: Scope,
  input: NewProvider,
): Promise<{ row: ProviderRow; signingSecret?: string }> {
  const { db, orgId, secretKey, locale } = scope;
  const signingSecret =
    isWebhookEndpoint(input) && input.secrets === undefined ? newSigningSecret() : undefined;
  const settings = checkProviderSettings({
    ...input,
    config: input.config,
    secrets: signingSecret ? { secret: signingSecret } : (input.secrets ?? {}),
    locale,
  });
  return db.transaction(async (tx) => {
    await lockDefaults(tx, orgId, input.kind);
    const [existing] = await tx
      .select({ id: providers.id })
      .from(providers)
      .where(and(eq(providers.orgId, orgId), eq(providers.kind, input.kind)))
      .limit(1);
    const [row] = await tx
      .insert(providers)
      .values({
        orgId,
        kind: input.kind,
        adapter: input.adapter,
        name: input.name,
        config: settings.config,
        secrets: seal(secretKey, settings.secrets ?? {}),
        isDefault: input.isDefault ?? existing === undefined,
      })
      .returning();
    if (!row) throw new Error('The provider was not inserted');
    if (row.isDefault) await clearOtherDefaults(tx, row);
    return signingSecret ? { row, signingSecret } : { row };
  });
}

export type ProviderChanges = {
  name?: string | undefined;
  config?: unknown;
  /** Omitted: keep the stored secrets. Given: replace them all (null clears them). */
  secrets?: unknown;
  isDefault?: boolean | undefined;
};

export async function updateProvider(
  scope: Scope,
  args: { id: string; changes: ProviderChanges },
): Promise<ProviderRow> {
  const { db, orgId, secretKey, locale } = scope;
  const { changes } = args;
  const current = await findProvider({ db, orgId, id: args.id });
  const settings = checkProviderSettings({
    kind: current.kind,
    adapter: current.adapter,
    config: changes.config === undefined ? current.config : changes.config,
    secrets: changes.secrets,
    locale,
  });
  return db.transaction(async (tx) => {
    await lockDefaults(tx, orgId, current.kind);
    const [row] = await tx
      .update(providers)
      .set({
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.config === undefined ? {} : { config: settings.config }),
        ...(settings.secrets === undefined ? {} : { secrets: seal(secretKey, settings.secrets) }),
        ...(changes.isDefault === undefined ? {} : { isDefault: changes.isDefault }),
        updatedAt: sql`now()`,
      })
      .where(and(eq(providers.orgId, orgId), eq(providers.id, current.id)))
      .returning();
    if (!row) throw new AppError('not_found');
    if (row.isDefault && changes.isDefault) await clearOtherDefaults(tx, row);
    return row;
  });
}

/** Deletes a provider no active workflow sends through (409 naming them otherwise). */
export async function deleteProvider(args: { db: Db; orgId: string; id: string }): Promise<void> {
  const { db, orgId, id } = args;
  await db.transaction(async (tx) => {
    const found = await findProvider({ db: tx, orgId, id });
    // Read whether it is the default only once no one else can change that.
    await lockDefaults(tx, orgId, found.kind);
    const row = await findProvider({ db: tx, orgId, id });
    await refuseIfInUse({ db: tx, orgId, provider: row });
    await tx.delete(providers).where(and(eq(providers.orgId, orgId), eq(providers.id, id)));
  });
}

/** A webhook endpoint's signing secret: 32 random bytes, shown once to the admin. */
export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

const isWebhookEndpoint = (row: Pick<ProviderRow, 'kind' | 'adapter'>) =>
  row.kind === 'webhook' && row.adapter === 'http';

/** A new signing secret for a webhook endpoint; the old one stops working at once. */
export async function rotateSigningSecret(
  scope: Omit<Scope, 'locale'>,
  id: string,
): Promise<{ row: ProviderRow; signingSecret: string }> {
  const current = await findProvider({ db: scope.db, orgId: scope.orgId, id });
  if (!isWebhookEndpoint(current)) throw new AppError('not_found');
  const signingSecret = newSigningSecret();
  const [row] = await scope.db
    .update(providers)
    .set({ secrets: seal(scope.secretKey, { secret: signingSecret }), updatedAt: sql`now()` })
    .where(and(eq(providers.orgId, scope.orgId), eq(providers.id, id)))
    .returning();
  if (!row) throw new AppError('not_found');
  return { row, signingSecret };
}
