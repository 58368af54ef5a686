import type { Database } from '@crmflow/db';
import type { AppConfig } from '../config.ts';
import type { SecretKey } from './secret-key.ts';
import type { SeedOutcome } from './seed.ts';

/** What someone who just typed `npm start` needs to see: where to go and how to sign in. */
export function startBanner(args: {
  config: AppConfig;
  database: Database;
  seed: SeedOutcome | null;
  secret: SecretKey;
  spa: boolean;
}): string {
  const { config, database, seed, secret, spa } = args;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${config.port}`;
  const lines = [
    '',
    `  crmflow (${config.role}) — ${url}`,
    `  API docs:  ${url}/api/docs`,
    `  Database:  ${database.mode === 'embedded' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
  ];
  if (!spa && config.role !== 'worker') lines.push(`  Web app:   not built (${config.webDist} is missing)`);
  if (seed?.seeded) lines.push('  Demo data: created on this first start');
  if (seed && !seed.seeded && seed.reason === 'no_admin_password') {
    lines.push(
      '  Demo data: not created — set CRMFLOW_ADMIN_EMAIL and CRMFLOW_ADMIN_PASSWORD on first start',
    );
  }
  if (database.mode === 'embedded' && config.adminEmail && config.adminPassword) {
    lines.push(`  Sign in:   ${config.adminEmail} / ${config.adminPassword}`);
  }
  if (secret.source === 'generated') lines.push(`  Secret key: generated in ${secret.path}`);
  if (database.mode === 'postgres' && secret.source !== 'env') {
    lines.push('  Warning:   CRMFLOW_SECRET_KEY is not set; every process must share one key');
  }
  return `${lines.join('\n')}\n`;
}
