import { randomBytes } from 'node:crypto';
import { createBoss, createOrganization, type Database, type UserRole, users } from '@crmflow/db';
import { openTestDatabase } from '@crmflow/db/testing';
import { ensureQueues, QUEUES, type RecordChangedEvent } from '@crmflow/engine';
import type { LightMyRequestResponse } from 'fastify';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll } from 'vitest';
import type { OrganizationRow } from '../api/auth/auth-context.ts';
import { hashPassword } from '../api/auth/credentials.ts';
import { issueToken } from '../api/tokens/tokens.service.ts';
import { buildApp } from '../app.ts';
import type { App } from '../app-types.ts';
import { type AppConfig, Env } from '../config.ts';

export type TestUser = {
  id: string;
  email: string;
  password: string;
  role: UserRole;
  orgId: string;
  /** An API token of this user, and the headers that send it. */
  token: string;
  headers: { authorization: string };
};

export type TestTenant = { org: OrganizationRow; admin: TestUser };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Harness = {
  app: App;
  database: Database;
  boss: PgBoss;
  config: AppConfig;
  /** The first organization, its admin and the admin's bearer headers. */
  org: OrganizationRow;
  admin: TestUser;
  headers: { authorization: string };
  /** A request to the API with an optional JSON body, as the admin unless other headers are given. */
  call(
    method: Method,
    url: string,
    payload?: object,
    headers?: { authorization: string },
  ): Promise<LightMyRequestResponse>;
  /** Another user; in the first organization unless `orgId` is given. */
  addUser(args: {
    role: UserRole;
    orgId?: string;
    password?: string;
    locale?: 'vi' | 'en';
  }): Promise<TestUser>;
  /** Another tenant with its own admin, for cross-organization tests. */
  addOrganization(name?: string): Promise<TestTenant>;
  /** The `record.changed` jobs enqueued for a record, oldest first, whatever their state. */
  recordEvents(recordId: string): Promise<RecordChangedEvent[]>;
  close(): Promise<void>;
};

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: '.data-test',
    adminEmail: undefined,
    adminPassword: undefined,
    signup: true,
    secretKey: 'test-secret-key-0123456789',
    role: 'all',
    // CRMFLOW_TEST_LOG=error (or debug…) shows the app's log, e.g. the cause of a 500.
    logLevel: Env.shape.LOG_LEVEL.catch('silent').parse(process.env.CRMFLOW_TEST_LOG ?? 'silent'),
    webDist: '/nonexistent-web-dist',
    trustProxy: false,
    // Tests send hundreds of requests from one address and token; the limits have tests of their own.
    apiRateLimit: 0,
    signupLimit: 1000,
    metricsToken: 'metrics-token-for-tests',
    countStatements: false,
    checkResponses: true,
    ...overrides,
  };
}

const uniqueEmail = (role: string) => `${role}-${randomBytes(5).toString('hex')}@example.vn`;

/**
 * A fresh migrated database (embedded or Postgres, per CRMFLOW_TEST_DB), pg-boss on it with the
 * queues created and no supervision, the app built (not listening: use `app.inject`), and one
 * organization with an admin holding an API token.
 */
export async function startHarness(
  options: { config?: Partial<AppConfig>; database?: Database } = {},
): Promise<Harness> {
  const database = options.database ?? (await openTestDatabase());
  const boss = createBoss({ connection: database.connection, supervise: false });
  // pg-boss reports lost connections as 'error' events; unheard, an EventEmitter throws them.
  boss.on('error', () => {});
  await boss.start();
  await ensureQueues(boss);
  const config = testConfig(options.config);
  const app = await buildApp({ database, boss, config });
  await app.ready();

  const addUser: Harness['addUser'] = async (args) => {
    const password = args.password ?? 'mat-khau-dung';
    const email = uniqueEmail(args.role);
    const orgId = args.orgId ?? org.id;
    const [user] = await database.db
      .insert(users)
      .values({
        orgId,
        email,
        name: `Người dùng ${args.role}`,
        role: args.role,
        passwordHash: await hashPassword(password),
        locale: args.locale ?? null,
      })
      .returning();
    if (!user) throw new Error('The test user was not inserted');
    const [organization] = await database.db.query.organizations.findMany({
      where: (o, { eq }) => eq(o.id, orgId),
    });
    if (!organization) throw new Error(`No organization ${orgId}`);
    const { token } = await issueToken(database.db, { auth: { user, organization }, name: 'test' });
    return {
      id: user.id,
      email,
      password,
      role: args.role,
      orgId,
      token,
      headers: { authorization: `Bearer ${token}` },
    };
  };

  const addOrganization: Harness['addOrganization'] = async (name = 'Công ty Kiểm thử') => {
    const created = await database.db.transaction((tx) => createOrganization(tx, { name }));
    return { org: created, admin: await addUserTo(created.id) };
  };
  const addUserTo = (orgId: string) => addUser({ role: 'admin', orgId });

  const org = await database.db.transaction((tx) =>
    createOrganization(tx, { name: 'Công ty TNHH Thử Nghiệm' }),
  );
  const admin = await addUserTo(org.id);

  return {
    app,
    database,
    boss,
    config,
    org,
    admin,
    headers: admin.headers,
    call: (method, url, payload, headers = admin.headers) =>
      app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) }),
    addUser,
    addOrganization,
    async recordEvents(recordId) {
      const rows = await database.sql<{ data: RecordChangedEvent }[]>`
        select data from pgboss.job
        where name = ${QUEUES.recordChanged} and data->>'recordId' = ${recordId}
        order by created_on, id`;
      return rows.map((row) => row.data);
    },
    async close() {
      await app.close();
      await boss.stop({ graceful: false, timeout: 1000 });
      await database.close();
    },
  };
}

/** A harness with a member and a manager of the first organization beside its admin. */
export type StaffedHarness = Harness & { member: TestUser; manager: TestUser };

/**
 * A staffed harness for the tests of a `describe` block: started before them, closed after them.
 * The object returned is filled in when the harness has started, so use it inside tests only.
 */
export function useStaffedHarness(): StaffedHarness {
  const h = {} as StaffedHarness;
  beforeAll(async () => {
    Object.assign(h, await startHarness());
    h.member = await h.addUser({ role: 'member' });
    h.manager = await h.addUser({ role: 'manager' });
  });
  afterAll(() => h.close?.());
  return h;
}
