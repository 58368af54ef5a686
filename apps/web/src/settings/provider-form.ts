import type { ProviderKind, ProviderView } from '../api/providers.ts';

export const knownAdapters = ['smtp', 'http', 'capture', 'system'] as const;
export type KnownAdapter = (typeof knownAdapters)[number];
export const isKnownAdapter = (adapter: string): adapter is KnownAdapter =>
  knownAdapters.some((known) => known === adapter);

/** The adapters an admin can pick per kind, the first being the one a new provider starts with. */
export const adaptersOf: Record<ProviderKind, KnownAdapter[]> = {
  email: ['smtp', 'capture'],
  sms: ['http', 'capture'],
  zns: ['http', 'capture'],
  webhook: ['http'],
  workapp: ['http'],
};

export type ConfigKey =
  | 'host'
  | 'port'
  | 'user'
  | 'fromName'
  | 'fromAddress'
  | 'baseUrl'
  | 'brandname'
  | 'oaId'
  | 'url';
export type SecretKey = 'password' | 'apiKey' | 'apiSecret';
export type ConfigField = { key: ConfigKey; type: 'text' | 'number' | 'email' | 'url'; required?: boolean };

/** The settings each (kind, adapter) has, in the order the form shows them. */
export const configFieldsOf: Record<string, ConfigField[]> = {
  'email/smtp': [
    { key: 'host', type: 'text', required: true },
    { key: 'port', type: 'number', required: true },
    { key: 'user', type: 'text' },
    { key: 'fromName', type: 'text' },
    { key: 'fromAddress', type: 'email', required: true },
  ],
  'sms/http': [
    { key: 'baseUrl', type: 'url', required: true },
    { key: 'brandname', type: 'text', required: true },
  ],
  'zns/http': [
    { key: 'baseUrl', type: 'url', required: true },
    { key: 'oaId', type: 'text' },
  ],
  'webhook/http': [{ key: 'url', type: 'url', required: true }],
  'workapp/http': [{ key: 'baseUrl', type: 'url', required: true }],
};

/** Write-only settings: sent only when typed, shown afterwards as "saved". */
export const secretFieldsOf: Record<string, SecretKey[]> = {
  'email/smtp': ['password'],
  'sms/http': ['apiKey', 'apiSecret'],
  'zns/http': ['apiKey', 'apiSecret'],
  'workapp/http': ['apiKey', 'apiSecret'],
};

/** SMTP's TLS choices as the two flags the adapter reads. */
export const tlsModes = {
  starttls: { secure: false, requireTLS: false },
  requireStarttls: { secure: false, requireTLS: true },
  tls: { secure: true, requireTLS: false },
} as const;
export type TlsMode = keyof typeof tlsModes;
export const tlsModeNames = ['starttls', 'requireStarttls', 'tls'] as const satisfies TlsMode[];

export function tlsModeOf(config: Record<string, unknown>): TlsMode {
  if (config.secure === true) return 'tls';
  return config.requireTLS === true ? 'requireStarttls' : 'starttls';
}

export type ProviderDraft = {
  kind: ProviderKind;
  adapter: string;
  name: string;
  isDefault: boolean;
  values: Record<string, string>;
  tls: TlsMode;
  secrets: Record<string, string>;
  /** On an edit, whether the admin chose to replace the stored secrets. */
  changeSecrets: boolean;
};

export function draftOf(args: { kind: ProviderKind; provider?: ProviderView }): ProviderDraft {
  const { provider } = args;
  const config = provider?.config ?? {};
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === 'string' || typeof value === 'number') values[key] = String(value);
  }
  const adapter = provider?.adapter ?? adaptersOf[args.kind][0] ?? 'capture';
  if (!provider && adapter === 'smtp') values.port = '587';
  return {
    kind: provider?.kind ?? args.kind,
    adapter,
    name: provider?.name ?? '',
    isDefault: provider?.isDefault ?? false,
    values,
    tls: tlsModeOf(config),
    secrets: {},
    changeSecrets: provider === undefined,
  };
}

/**
 * The body the providers API takes: empty optional settings left out, numbers as numbers, and
 * the secrets only when they are new (an edit that leaves them keeps the stored ones).
 */
export function inputOf(draft: ProviderDraft, editing: boolean) {
  const key = `${draft.kind}/${draft.adapter}`;
  const config: Record<string, unknown> = {};
  for (const field of configFieldsOf[key] ?? []) {
    const raw = (draft.values[field.key] ?? '').trim();
    if (raw === '') continue;
    config[field.key] = field.type === 'number' ? Number(raw) : raw;
  }
  if (draft.adapter === 'smtp') Object.assign(config, tlsModes[draft.tls]);
  const secretKeys = secretFieldsOf[key] ?? [];
  const sendSecrets = secretKeys.length > 0 && (!editing || draft.changeSecrets);
  const secrets = Object.fromEntries(
    secretKeys.flatMap((name) => {
      const value = draft.secrets[name] ?? '';
      return value === '' ? [] : [[name, value]];
    }),
  );
  return {
    ...(editing ? {} : { kind: draft.kind, adapter: draft.adapter }),
    name: draft.name.trim(),
    config,
    ...(sendSecrets ? { secrets } : {}),
    // A new provider left unticked is still its kind's default when it is the first one.
    ...(editing || draft.isDefault ? { isDefault: draft.isDefault } : {}),
  };
}
