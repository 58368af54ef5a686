import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, ConfigError } from '../config.ts';

export type SecretKey = { key: string; source: 'env' | 'file' | 'generated'; path?: string };

/**
 * The key that encrypts provider secrets. Given by `CRMFLOW_SECRET_KEY`, or else kept in the data
 * directory so an embedded installation keeps reading its own secrets after a restart. Processes
 * on several machines must share it through the environment.
 */
export function resolveSecretKey(config: Pick<AppConfig, 'secretKey' | 'dataDir'>): SecretKey {
  if (config.secretKey) return { key: config.secretKey, source: 'env' };
  const path = join(config.dataDir, 'secret.key');
  try {
    if (existsSync(path)) {
      const key = readFileSync(path, 'utf8').trim();
      if (key.length < 16) {
        throw new ConfigError(
          `CRMFLOW_DATA_DIR: ${path} does not hold a usable key; restore it from a backup, or set CRMFLOW_SECRET_KEY`,
        );
      }
      return { key, source: 'file', path };
    }
    mkdirSync(config.dataDir, { recursive: true });
    const key = randomBytes(32).toString('hex');
    writeFileSync(path, `${key}\n`, { mode: 0o600 });
    return { key, source: 'generated', path };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new ConfigError(
      `CRMFLOW_DATA_DIR: ${config.dataDir} cannot be read or written (${reason}); point it at a directory this user may write`,
    );
  }
}
