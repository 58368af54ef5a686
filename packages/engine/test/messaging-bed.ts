import { randomUUID } from 'node:crypto';
import { providers } from '@crmflow/db';
import type { ModuleKey } from '@crmflow/flow';
import type { PgBoss } from 'pg-boss';
import type { ExecutionScope, RunInfo } from '../src/executors/executor.ts';
import { configureMessaging, type MessagingSettings } from '../src/executors/messaging/messaging-settings.ts';
import { sealProviderSecrets } from '../src/providers/provider-factory.ts';
import { OrgContexts } from '../src/runtime/org-context.ts';
import { startWorker } from '../src/worker.ts';
import { recordWriter, seedOrg, silentLogger, type TestOrg } from './fixtures.ts';
import { openRuntimeBed, type RuntimeBed } from './runtime-bed.ts';

const WORKFLOW_ID = '00000000-0000-4000-8000-000000000001';

export type MessagingBed = RuntimeBed & {
  org: TestOrg;
  /** Writes records as the organization's first user, through the record store. */
  write: ReturnType<typeof recordWriter>;
  /** Creates a record and gives the scope a step `node` sees for it, to call an executor directly. */
  scopeFor(
    module: ModuleKey,
    data: Record<string, unknown>,
    node: ExecutionScope['node'],
  ): Promise<ExecutionScope>;
  /** `scope` inside a run: the run's id is what the step's idempotency keys hang on. */
  inRun<Scope extends ExecutionScope>(scope: Scope, runId?: string): Scope & { boss: PgBoss; run: RunInfo };
  /**
   * An HTTP gateway provider of the organization (SMS or ZNS) at `url`, its API credentials
   * sealed with `secretKey` as the providers API seals them; gives its id.
   */
  addGateway(args: {
    kind: 'sms' | 'zns';
    name: string;
    url: string;
    secretKey: Buffer;
    credentials: { apiKey: string; apiSecret: string };
    brandname?: string;
    isDefault?: boolean;
  }): Promise<string>;
};

/**
 * A bed for the messaging steps' tests: a fresh database with an organization, this process's
 * messaging `settings` (the key provider secrets are sealed with, the system email relay), and
 * the worker running unless the tests only call the executors directly (`worker: false`).
 */
export async function openMessagingBed(options: {
  settings: Partial<MessagingSettings>;
  worker?: boolean;
}): Promise<MessagingBed> {
  const bed = await openRuntimeBed();
  const { db } = bed.database;
  const org = await seedOrg(db);
  configureMessaging(options.settings);
  const worker =
    options.worker === false
      ? null
      : await startWorker({ database: bed.database, boss: bed.boss, logger: silentLogger });
  const write = recordWriter({ db, boss: bed.boss, orgId: org.id, userId: org.users[0]?.id });
  return {
    ...bed,
    org,
    write,
    async scopeFor(module, data, node) {
      const record = await write.create(module, data);
      return {
        db,
        org: await new OrgContexts().one(db, org.id),
        record: { id: record.id, module, data: record.data, ownerId: record.ownerId, deleted: false },
        snapshot: record.data,
        node,
        workflowId: WORKFLOW_ID,
        now: new Date(),
        logger: silentLogger,
      };
    },
    inRun(scope, runId = randomUUID()) {
      const run = {
        id: runId,
        workflowId: WORKFLOW_ID,
        workflowVersionId: '00000000-0000-4000-8000-000000000002',
        depth: 0,
        chain: [],
        attempt: 1,
        stepStartedAt: new Date(),
      };
      return { ...scope, boss: bed.boss, run };
    },
    async addGateway(args) {
      const [provider] = await db
        .insert(providers)
        .values({
          orgId: org.id,
          kind: args.kind,
          adapter: 'http',
          name: args.name,
          config: {
            baseUrl: args.url,
            ...(args.brandname ? { brandname: args.brandname } : {}),
            smsPath: '/sms/send',
            znsPath: '/zns/send',
            timeoutMs: 5000,
          },
          secrets: sealProviderSecrets({ secretKey: args.secretKey, secrets: args.credentials }),
          isDefault: args.isDefault ?? false,
        })
        .returning();
      return provider?.id ?? '';
    },
    async close() {
      await worker?.stop();
      await bed.close();
    },
  };
}
