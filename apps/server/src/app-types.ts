import type { Database, DatabaseWatch } from '@crmflow/db';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { PgBoss } from 'pg-boss';
import type { AuthContext } from './api/auth/auth-context.ts';
import type { SessionCache } from './api/auth/session-cache.ts';
import type { AppConfig } from './config.ts';
import type { Locale } from './i18n/locale.ts';

/** The Fastify instance with zod schemas for validation, serialisation and types. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A route under /api, as the OpenAPI document must list it. */
export type ApiRoute = { method: string; url: string };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every documented /api route (see `installOpenApi`). */
    apiRoutes: readonly ApiRoute[];
    database: Database;
    /** Whether the database answers, watched from outside the pool (see `watchDatabase`). */
    databaseWatch: DatabaseWatch;
    boss: PgBoss;
    config: AppConfig;
    /** Session token hash → caller, invalidated by the database's notifications. */
    sessionCache: SessionCache;
  }
  interface FastifyRequest {
    /** Who is calling, once the auth hook has run; null for anonymous requests. */
    auth: AuthContext | null;
    /** The language of messages in the response. */
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** Routes under /api that answer without a signed-in user (sign-up, login, logout). */
    public?: boolean;
  }
}
