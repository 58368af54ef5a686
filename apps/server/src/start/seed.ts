import { type Database, ensureGalleryTemplates, seedDemo } from '@crmflow/db';
import type { AppConfig } from '../config.ts';

export type SeedOutcome =
  | { seeded: true; adminEmail: string }
  | { seeded: false; reason: 'existing' | 'no_admin_password' };

/**
 * Every start: the built-in gallery templates, refreshed in place. First start on an empty
 * database: the demo organization, its users and sample data. On a real Postgres the admin's
 * password must be given (no default password outside the embedded mode).
 */
export async function seedOnFirstStart(database: Database, config: AppConfig): Promise<SeedOutcome> {
  await ensureGalleryTemplates(database.db);
  if (!config.adminEmail || !config.adminPassword) return { seeded: false, reason: 'no_admin_password' };
  const result = await seedDemo(database, {
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
  });
  return result.seeded
    ? { seeded: true, adminEmail: config.adminEmail }
    : { seeded: false, reason: 'existing' };
}
