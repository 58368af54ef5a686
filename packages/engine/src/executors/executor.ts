import type { Db, Tx } from '@crmflow/db';
import { type ActionNodeType, type ConfigOf, type ModuleKey, text } from '@crmflow/flow';
import type { PgBoss } from 'pg-boss';
import type { z } from 'zod';
import type { RecordCausation } from '../records/record-event.ts';
import type { Bilingual } from '../runtime/messages.ts';
import type { OrgContext } from '../runtime/org-context.ts';
import type { EngineLogger } from '../runtime/runtime-deps.ts';

/** A step's failure as stored on it and shown in the run history. */
export type StepError = { code: string; message: string; details?: unknown };

/**
 * What an executor's `run` returns. A failure is data, not an exception: `retryable` ones are
 * tried again with backoff, the others fail the step at once. Only bugs throw. `waiting` parks
 * the step until `until`; it is then run again (after the run's conditions are re-checked).
 */
export type ExecutorResult =
  | { status: 'succeeded'; output?: unknown }
  | { status: 'failed'; error: StepError; retryable: boolean }
  | { status: 'waiting'; until: Date; output?: unknown };

/** What `preview` returns for the test panel: what the step would do, nothing done. */
export type PreviewResult =
  | { status: 'would_run'; reason: string; preview?: unknown }
  | { status: 'skipped'; reason: string; preview?: unknown }
  | { status: 'error'; reason: string };

/** The record a run is about, as it is now (a deleted record keeps its last data). */
export type RecordSnapshot = {
  id: string;
  module: ModuleKey;
  data: Record<string, unknown>;
  ownerId: string | null;
  deleted: boolean;
};

/** The run a step belongs to. */
export type RunInfo = {
  id: string;
  workflowId: string;
  workflowVersionId: string;
  depth: number;
  chain: RecordCausation['chain'];
  /** 1 on the first attempt of this step. */
  attempt: number;
  /** When this step first started (a waiting step keeps it across its wake-ups). */
  stepStartedAt: Date;
};

/** What both `run` and `preview` see. `db` is the database itself, never a transaction. */
export type ExecutionScope = {
  db: Db;
  org: OrgContext;
  /** The record as it is now: what writes, guards and people named by user fields act on. */
  record: RecordSnapshot;
  /**
   * The record's values a step's texts and the addresses it sends to read: as the triggering
   * event left it (a care-process run: as the run started), with the run's own earlier writes
   * applied. A preview is given the record it shows (the test panel: as it is now; the impact
   * preview: as each past change left it). Related records are still read when the step runs.
   */
  snapshot: Record<string, unknown>;
  node: { id: string; type: ActionNodeType };
  workflowId: string;
  now: Date;
  logger: EngineLogger;
};

export type PreviewContext<Config> = ExecutionScope & { config: Config };

export type RunContext<Config> = ExecutionScope & { config: Config; boss: PgBoss; run: RunInfo };

/**
 * One action's behaviour. `schema` is the node type's config schema from the catalogue, so the
 * config an executor receives is typed and defaulted exactly as the editor saved it.
 */
export interface ExecutorDefinition<Config> {
  schema: z.ZodType<Config>;
  run(ctx: RunContext<Config>): Promise<ExecutorResult>;
  preview(ctx: PreviewContext<Config>): Promise<PreviewResult>;
  /**
   * Optional: many steps of this type at once, in the transaction that also finishes them, so
   * their effects commit with their completion (or not at all) and cost a few statements per
   * batch instead of a transaction per step. Only for effects that are writes to the database.
   * `accepts` says which configs it takes; the others go through `run`. Results are in the
   * order of `items`.
   */
  batch?: {
    accepts(config: Config): boolean;
    run(tx: Tx, items: readonly RunContext<Config>[]): Promise<ExecutorResult[]>;
  };
}

type RunScope = ExecutionScope & { boss: PgBoss; run: RunInfo };

/** An executor as the runtime calls it: with the node's raw config, parsed here. */
export interface Executor<Config> extends ExecutorDefinition<Config> {
  runNode(scope: RunScope, rawConfig: unknown): Promise<ExecutorResult>;
  previewNode(scope: ExecutionScope, rawConfig: unknown): Promise<PreviewResult>;
  /** Whether a node with this raw config may run in a batch (`runNodes`). */
  batches?(rawConfig: unknown): boolean;
  /** Runs nodes `batches` accepted, in the caller's transaction; results in the order given. */
  runNodes?(tx: Tx, items: readonly { scope: RunScope; rawConfig: unknown }[]): Promise<ExecutorResult[]>;
}

/** Every action type's executor; a missing one is a compile error in the registry. */
export type ExecutorRegistry = { [T in ActionNodeType]: Executor<ConfigOf<T>> };

const configText = (issues: readonly { message: string; path: readonly PropertyKey[] }[]) =>
  issues.map((issue) => `${issue.path.map(String).join('.') || 'config'}: ${issue.message}`).join('; ');

/** A step whose saved settings no longer fit its type: the schema's words stay in `details`. */
const configInvalidText = text('step.config_invalid');

export function defineExecutor<Config>(definition: ExecutorDefinition<Config>): Executor<Config> {
  const { batch } = definition;
  return {
    ...definition,
    async runNode(scope, rawConfig) {
      const parsed = definition.schema.safeParse(rawConfig);
      if (!parsed.success) {
        const text = configInvalidText;
        const details = { ...text, issues: configText(parsed.error.issues) };
        const error = { code: 'config_invalid', message: text[scope.org.locale], details };
        return { status: 'failed', retryable: false, error };
      }
      return definition.run({ ...scope, config: parsed.data });
    },
    async previewNode(scope, rawConfig) {
      const parsed = definition.schema.safeParse(rawConfig);
      if (!parsed.success) return { status: 'error', reason: configInvalidText[scope.org.locale] };
      return definition.preview({ ...scope, config: parsed.data });
    },
    ...(batch
      ? {
          batches(rawConfig: unknown) {
            const parsed = definition.schema.safeParse(rawConfig);
            return parsed.success && batch.accepts(parsed.data);
          },
          async runNodes(tx: Tx, items: readonly { scope: RunScope; rawConfig: unknown }[]) {
            // Only configs `batches` accepted get here: they parse.
            const contexts = items.map(({ scope, rawConfig }) => ({
              ...scope,
              config: definition.schema.parse(rawConfig),
            }));
            return contexts.length === 0 ? [] : batch.run(tx, contexts);
          },
        }
      : {}),
  };
}

/** A failure in the organization's language, with both texts kept in `details`. */
export function stepFailure(args: {
  scope: ExecutionScope;
  code: string;
  text: Bilingual;
  retryable?: boolean;
}): ExecutorResult {
  const { scope, code, text } = args;
  return {
    status: 'failed',
    retryable: args.retryable ?? false,
    error: { code, message: text[scope.org.locale], details: { vi: text.vi, en: text.en } },
  };
}
