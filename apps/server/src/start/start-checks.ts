import { join } from 'node:path';
import {
  type Database,
  isDatabaseUnavailable,
  openDatabase,
  parseDatabaseUrl,
  providers,
  runMigrations,
} from '@crmflow/db';
import { decryptSecret, SecretDecryptError, secretKeyFromText } from '@crmflow/engine';
import { isNotNull } from 'drizzle-orm';
import { type AppConfig, ConfigError } from '../config.ts';

/**
 * Several processes on one PostgreSQL must seal and open provider secrets with one key: a key
 * each process makes for itself would leave every other unable to read what it saved.
 */
export function requireSharedKey(config: Pick<AppConfig, 'databaseUrl' | 'secretKey'>): void {
  if (config.databaseUrl && !config.secretKey) {
    throw new ConfigError(
      'CRMFLOW_SECRET_KEY is required with DATABASE_URL (every process must share it); set it to 32 random bytes in hex, e.g. `openssl rand -hex 32`',
    );
  }
}

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';

const causeChain = (error: unknown): unknown[] => {
  const chain: unknown[] = [];
  for (let e = error; typeof e === 'object' && e !== null && chain.length < 5; ) {
    chain.push(e);
    e = 'cause' in e ? e.cause : undefined;
  }
  return chain;
};

/** Why the server at DATABASE_URL refused us, in one line, or null for other failures. */
export function explainDatabaseUrlError(url: string, error: unknown): string | null {
  const { host, port, database, user } = parseDatabaseUrl(url);
  const where = `${host}:${port}/${database}`;
  const codes = causeChain(error).map(codeOf);
  const has = (...wanted: string[]) => codes.some((code) => wanted.includes(code));
  if (has('3D000'))
    return `DATABASE_URL: database "${database}" does not exist on ${host}:${port}; create it or fix the URL`;
  if (has('28P01', '28000'))
    return `DATABASE_URL: ${where} refused user "${user}" (wrong password or not allowed); fix the user or password in the URL`;
  if (has('ENOTFOUND', 'EAI_AGAIN'))
    return `DATABASE_URL: host "${host}" is not known; fix the host in the URL`;
  if (isDatabaseUnavailable(error))
    return `DATABASE_URL: cannot reach PostgreSQL at ${where}; check that it is running and that the URL is right`;
  return null;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/**
 * Opens and migrates the database; whatever goes wrong becomes a ConfigError naming the variable
 * or directory to fix, printed as one line by `runServer`.
 */
export async function openDatabaseForStart(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'role'>,
  options: { statementTimeoutMs?: number; countStatements?: boolean } = {},
): Promise<Database> {
  const dataDir = join(config.dataDir, 'pglite');
  let database: Database;
  try {
    database = await openDatabase({ url: config.databaseUrl, dataDir, ...options });
  } catch (error) {
    if (config.databaseUrl)
      throw new ConfigError(`DATABASE_URL: ${message(error)}; fix the URL`, { cause: error });
    throw new ConfigError(
      `CRMFLOW_DATA_DIR: the embedded database in ${dataDir} cannot be opened (${message(error)}); restore it from a backup, or move the directory away to start empty`,
    );
  }
  try {
    await runMigrations(database.db);
    return database;
  } catch (error) {
    await database.close().catch(() => {});
    const explained = config.databaseUrl ? explainDatabaseUrlError(config.databaseUrl, error) : null;
    if (explained) throw new ConfigError(explained, { cause: error });
    throw new ConfigError(
      config.databaseUrl
        ? `DATABASE_URL: the database could not be prepared (${message(error)}); check the URL and the user's rights`
        : `CRMFLOW_DATA_DIR: the embedded database in ${dataDir} could not be prepared (${message(error)}); restore it from a backup, or move the directory away to start empty`,
    );
  }
}

/**
 * A key that cannot open the provider secrets already stored would only show when a message is
 * sent; refuse to start instead, naming the key.
 */
export async function checkSecretKeyOpensStoredSecrets(database: Database, keyText: string): Promise<void> {
  const [row] = await database.db
    .select({ secrets: providers.secrets })
    .from(providers)
    .where(isNotNull(providers.secrets))
    .limit(1);
  if (!row?.secrets) return;
  try {
    decryptSecret(secretKeyFromText(keyText), row.secrets);
  } catch (error) {
    if (!(error instanceof SecretDecryptError)) throw error;
    throw new ConfigError(
      'CRMFLOW_SECRET_KEY does not open the provider secrets stored in the database; set the key they were saved with',
    );
  }
}
