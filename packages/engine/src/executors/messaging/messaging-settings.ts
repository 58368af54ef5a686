import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SystemEmailEnv } from '../../providers/system-email.provider.ts';
import { secretKeyFromText } from './secret-key.ts';

/**
 * What the messaging steps of this process need from its configuration: the key that unseals
 * provider secrets, and where the system email provider finds its relay. Per-process
 * configuration, never shared state: every process derives the same key from the same setting.
 */
export type MessagingSettings = { secretKey: Buffer | null; env: SystemEmailEnv };

/**
 * The server's own key when nobody handed one over: `CRMFLOW_SECRET_KEY`, else the key file an
 * embedded installation keeps in its data directory (`<CRMFLOW_DATA_DIR>/secret.key`, written
 * at the server's start, before any step runs).
 */
function keyFromEnvironment(): Buffer | null {
  const text = process.env.CRMFLOW_SECRET_KEY?.trim();
  if (text) return secretKeyFromText(text);
  const file = join(resolve(process.env.CRMFLOW_DATA_DIR?.trim() || './.data'), 'secret.key');
  if (!existsSync(file)) return null;
  const stored = readFileSync(file, 'utf8').trim();
  return stored ? secretKeyFromText(stored) : null;
}

let configured: Partial<MessagingSettings> = {};
let fromEnvironment: Buffer | null | undefined;

/** Sets this process's settings, e.g. the key a server resolved at start; unset ones keep their default. */
export function configureMessaging(settings: Partial<MessagingSettings>): void {
  configured = { ...configured, ...settings };
}

export function messagingSettings(): Readonly<MessagingSettings> {
  if (configured.secretKey === undefined && fromEnvironment === undefined)
    fromEnvironment = keyFromEnvironment();
  return {
    secretKey: configured.secretKey === undefined ? (fromEnvironment ?? null) : configured.secretKey,
    env: configured.env ?? process.env,
  };
}
