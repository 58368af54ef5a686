import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** An unset variable and an empty one mean the same: docker-compose writes `X=` for "not given". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')),
  CRMFLOW_DATA_DIR: z.string().min(1).default('./.data'),
  CRMFLOW_ADMIN_EMAIL: optional(z.email()),
  CRMFLOW_ADMIN_PASSWORD: optional(z.string().min(1)),
  CRMFLOW_SIGNUP: z.enum(['on', 'off']).default('on'),
  CRMFLOW_SECRET_KEY: optional(z.string().min(16, 'must be at least 16 characters')),
  CRMFLOW_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CRMFLOW_WEB_DIST: z.string().min(1).default(defaultWebDist),
  /** Behind a reverse proxy, `on` takes the client address from X-Forwarded-For (the login limit counts by it). */
  CRMFLOW_TRUST_PROXY: z.enum(['on', 'off']).default('off'),
  /** `/api` requests per minute per token (per address when anonymous); 0 switches the limit off. */
  CRMFLOW_API_RATE_LIMIT: z.coerce.number().int().min(0).default(1200),
  /** Sign-ups per hour per address. */
  CRMFLOW_SIGNUP_LIMIT: z.coerce.number().int().min(1).default(10),
  /** The bearer token `/metrics` asks for; without it `/metrics` is not served. */
  CRMFLOW_METRICS_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  /** `on` counts the statements sent to the database (`crmflow_db_statements_sent` in /metrics), for benchmarks. */
  CRMFLOW_COUNT_STATEMENTS: z.enum(['on', 'off']).default('off'),
  /**
   * `on` checks every response against its schema (a mismatch is a 500); `off` only leaves out
   * what the schema does not declare. Off when `NODE_ENV=production`, on otherwise.
   */
  CRMFLOW_CHECK_RESPONSES: optional(z.enum(['on', 'off'])),
  NODE_ENV: optional(z.string()),
});
export type Env = z.infer<typeof Env>;

export type ServerRole = Env['CRMFLOW_ROLE'];

export type AppConfig = {
  port: number;
  host: string;
  /** Absent: the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** The first admin; defaults exist only for the embedded database (see `adminLogin`). */
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  signup: boolean;
  /** Encrypts provider secrets at rest; absent here means "kept in the data directory". */
  secretKey: string | undefined;
  role: ServerRole;
  logLevel: Env['LOG_LEVEL'];
  webDist: string;
  /** Only behind a proxy that sets X-Forwarded-For: otherwise a client could pick its own address. */
  trustProxy: boolean;
  apiRateLimit: number;
  signupLimit: number;
  metricsToken: string | undefined;
  countStatements: boolean;
  /** Whether responses are checked against their schemas, or only projected onto them. */
  checkResponses: boolean;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    // One line naming every variable to fix.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`${problems.join('; ')}; fix the environment and start again`);
  }
  const e = parsed.data;
  const embedded = e.DATABASE_URL === undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.CRMFLOW_DATA_DIR),
    adminEmail: e.CRMFLOW_ADMIN_EMAIL ?? (embedded ? 'admin@example.com' : undefined),
    adminPassword: e.CRMFLOW_ADMIN_PASSWORD ?? (embedded ? 'admin' : undefined),
    signup: e.CRMFLOW_SIGNUP === 'on',
    secretKey: e.CRMFLOW_SECRET_KEY,
    role: e.CRMFLOW_ROLE,
    logLevel: e.LOG_LEVEL,
    webDist: resolve(e.CRMFLOW_WEB_DIST),
    trustProxy: e.CRMFLOW_TRUST_PROXY === 'on',
    apiRateLimit: e.CRMFLOW_API_RATE_LIMIT,
    signupLimit: e.CRMFLOW_SIGNUP_LIMIT,
    metricsToken: e.CRMFLOW_METRICS_TOKEN,
    countStatements: e.CRMFLOW_COUNT_STATEMENTS === 'on',
    checkResponses: (e.CRMFLOW_CHECK_RESPONSES ?? (e.NODE_ENV === 'production' ? 'off' : 'on')) === 'on',
  };
}
