import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Db } from './connection.ts';

// Found through the package rather than beside this file: the production bundle of the server
// holds this code in apps/server/dist, and the migrations stay in this package.
const migrationsFolder = join(
  dirname(createRequire(import.meta.url).resolve('@crmflow/db/package.json')),
  'drizzle',
);

/** Arbitrary but fixed: every process that migrates takes the same lock. */
const MIGRATION_LOCK = 74_212_001;

/**
 * Applies pending migrations. The API and the worker may start together, and drizzle's
 * migrator takes no lock of its own, so the whole run holds an advisory lock.
 */
export async function runMigrations(db: Db): Promise<void> {
  const sql = db.$client;
  const reserved = await sql.reserve();
  try {
    await reserved`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(db, { migrationsFolder });
  } finally {
    await reserved`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    reserved.release();
  }
}
