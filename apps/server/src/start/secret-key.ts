import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config.ts';

export type SecretKey = { key: string; source: 'env' | 'file' | 'generated'; path?: string };

/**
 * The key that encrypts provider secrets. Given by `CRMFLOW_SECRET_KEY`, or else kept in the data
 * directory so an embedded installation keeps reading its own secrets after a restart. Processes
 * on several machines must share it through the environment.
 */
export function resolveSecretKey(config: Pick<AppConfig, 'secretKey' | 'dataDir'>): SecretKey {
  if (config.secretKey) return { key: config.secretKey, source: 'env' };
  const path = join(config.dataDir, 'secret.key');
  if (existsSync(path)) return { key: readFileSync(path, 'utf8').trim(), source: 'file', path };
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return { key, source: 'generated', path };
}
