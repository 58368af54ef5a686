import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Db } from './connection.ts';

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

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
