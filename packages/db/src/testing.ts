import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type Database, openDatabase, parseDatabaseUrl } from './connection.ts';
import { runMigrations } from './migrate.ts';

export type TestDatabaseMode = 'embedded' | 'postgres';

/** Which database the suite runs against: `CRMFLOW_TEST_DB=postgres` or the embedded default. */
export function testDatabaseMode(): TestDatabaseMode {
  return process.env.CRMFLOW_TEST_DB === 'postgres' ? 'postgres' : 'embedded';
}

const adminUrl = () => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A migrated, empty database of its own for one test file: a fresh database on the real server,
 * or an in-memory PGlite. Closing it drops it.
 */
export async function openTestDatabase(options: { max?: number } = {}): Promise<Database & { url?: string }> {
  if (testDatabaseMode() === 'embedded') {
    const database = await openDatabase({ dataDir: 'memory', max: options.max ?? 10 });
    await runMigrations(database.db);
    return database;
  }
  return openPostgresTestDatabase(options);
}

/**
 * A migrated database of its own on the real PostgreSQL server, whatever CRMFLOW_TEST_DB says:
 * for what only a server can show (terminated backends, refused connections). `name` lets the
 * test refuse connections to it or end its sessions without touching anyone else's.
 */
export async function openPostgresTestDatabase(
  options: { max?: number } = {},
): Promise<Database & { url: string; name: string }> {
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  const name = `crmflow_test_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`create database ${name}`);
  const base = new URL(adminUrl());
  base.pathname = `/${name}`;
  const url = base.toString();
  const database = await openDatabase({ url, max: options.max ?? 10 });
  await runMigrations(database.db);
  return {
    ...database,
    url,
    name,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

export { parseDatabaseUrl };
