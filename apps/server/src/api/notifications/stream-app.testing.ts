import type { AddressInfo } from 'node:net';
import { createBoss, createOrganization, type Database, users } from '@crmflow/db';
import { openTestDatabase } from '@crmflow/db/testing';
import { ensureQueues } from '@crmflow/engine';
import { buildApp } from '../../app.ts';
import type { App } from '../../app-types.ts';
import { testConfig } from '../../test/harness.ts';
import { issueToken } from '../tokens/tokens.service.ts';

/** How LISTEN behaves for the app: as the database does, refused, or accepted but never delivering. */
export type ListenBehaviour = 'database' | 'refused' | 'silent';

function withListen(database: Database, behaviour: ListenBehaviour): Database {
  if (behaviour === 'database') return database;
  const listen =
    behaviour === 'refused'
      ? () => Promise.reject(new Error('LISTEN is not supported here'))
      : () => Promise.resolve({ state: { state: 'I' }, unlisten: () => Promise.resolve() });
  const sql = new Proxy(database.sql, {
    get: (target, property) => (property === 'listen' ? listen : Reflect.get(target, property)),
  });
  return { ...database, sql };
}

export type StreamApp = {
  app: App;
  database: Database;
  baseUrl: string;
  orgId: string;
  userId: string;
  otherUserId: string;
  headers: { authorization: string };
  close(): Promise<void>;
};

/** The app listening on 127.0.0.1 with one organization, its admin (with a token) and a colleague. */
export async function startStreamApp(behaviour: ListenBehaviour): Promise<StreamApp> {
  const opened = await openTestDatabase();
  const database = withListen(opened, behaviour);
  const boss = createBoss({ connection: database.connection, supervise: false });
  await boss.start();
  await ensureQueues(boss);
  const app = await buildApp({ database, boss, config: testConfig() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const org = await database.db.transaction((tx) => createOrganization(tx, { name: 'Công ty Thông Báo' }));
  const people = await database.db
    .insert(users)
    .values([
      { orgId: org.id, email: 'quanly@example.vn', name: 'Quản lý', role: 'admin' },
      { orgId: org.id, email: 'dongnghiep@example.vn', name: 'Đồng nghiệp', role: 'member' },
    ])
    .returning();
  const [user, other] = people;
  if (!user || !other) throw new Error('The test users were not inserted');
  const { token } = await issueToken(database.db, { auth: { user, organization: org }, name: 'test' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    database,
    baseUrl: `http://127.0.0.1:${port}`,
    orgId: org.id,
    userId: user.id,
    otherUserId: other.id,
    headers: { authorization: `Bearer ${token}` },
    async close() {
      await app.close();
      await boss.stop({ graceful: false, timeout: 1000 });
      await opened.close();
    },
  };
}
