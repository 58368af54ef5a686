import type { Database } from '@crmflow/db';
import type { PgBoss } from 'pg-boss';
import type { ExecutorRegistry } from '../executors/executor.ts';
import type { GraphCache } from './matcher/active-workflows.ts';
import type { OrgContexts } from './org-context.ts';

/** The little a runtime needs of a logger; pino (Fastify's) and `console` both fit. */
export type EngineLogger = {
  info(message: unknown, ...rest: unknown[]): void;
  warn(message: unknown, ...rest: unknown[]): void;
  error(message: unknown, ...rest: unknown[]): void;
};

/**
 * What the handlers share within one process. The caches hold only what cannot go stale
 * (immutable workflow versions) or is checked against the database on every use.
 */
export type RuntimeDeps = {
  database: Database;
  boss: PgBoss;
  logger: EngineLogger;
  orgs: OrgContexts;
  graphs: GraphCache;
  executors: ExecutorRegistry;
  /** How many steps of different records one batch runs at once. */
  parallelSteps: number;
  now: () => Date;
};
