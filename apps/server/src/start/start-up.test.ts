import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrganization, providers } from '@crmflow/db';
import { openPostgresTestDatabase } from '@crmflow/db/testing';
import { encryptSecret, secretKeyFromText } from '@crmflow/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type ServerProcess, sleep, spawnServer } from '../test/processes.ts';

/** Whether the server answers /readyz 200 within 60 s, giving up early if it exits. */
async function readyWhileRunning(server: ServerProcess): Promise<boolean> {
  const end = Date.now() + 60_000;
  while (Date.now() < end && server.child.exitCode === null) {
    if ((await fetch(`${server.baseUrl}/readyz`).catch(() => null))?.status === 200) return true;
    await sleep(200);
  }
  return false;
}

/**
 * Every way the server can fail to start ends the same: exit code 1 and one line on stderr
 * naming the variable or directory to fix — never a stack trace.
 */
describe('start-up failures', () => {
  let database: Awaited<ReturnType<typeof openPostgresTestDatabase>>;
  let tmp: string;
  const sealedWith = randomBytes(32).toString('hex');
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'crmflow-start-'));
    database = await openPostgresTestDatabase({ max: 2 });
    const org = await database.db.transaction((tx) => createOrganization(tx, { name: 'Công ty Khóa' }));
    await database.db.insert(providers).values({
      orgId: org.id,
      kind: 'email',
      adapter: 'smtp',
      name: 'SMTP',
      secrets: encryptSecret(secretKeyFromText(sealedWith), JSON.stringify({ password: 'bi-mat' })),
    });
  });
  afterAll(async () => {
    await database.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const corruptDataDir = () => {
    const dir = join(tmp, `corrupt-${randomBytes(3).toString('hex')}`);
    mkdirSync(join(dir, 'pglite'), { recursive: true });
    writeFileSync(join(dir, 'pglite', 'PG_VERSION'), 'không phải phiên bản\n');
    return dir;
  };
  const badKeyDataDir = () => {
    const dir = join(tmp, `key-${randomBytes(3).toString('hex')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'secret.key'), 'ngắn\n');
    return dir;
  };
  const unusedPort = async () => `postgres://postgres@127.0.0.1:${await freePort()}/crmflow`;
  const key = randomBytes(32).toString('hex');

  it.each([
    [
      'DATABASE_URL without CRMFLOW_SECRET_KEY',
      async () => ({ DATABASE_URL: database.url }),
      /CRMFLOW_SECRET_KEY/,
    ],
    [
      'a DATABASE_URL nothing listens at, with no wait for it',
      async () => ({ DATABASE_URL: await unusedPort(), CRMFLOW_SECRET_KEY: key, CRMFLOW_START_WAIT_S: '0' }),
      /^crmflow: DATABASE_URL: cannot reach PostgreSQL/,
    ],
    [
      'a DATABASE_URL naming a database that does not exist',
      async () => ({
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/khong_co_csdl_nay',
        CRMFLOW_SECRET_KEY: key,
      }),
      /^crmflow: DATABASE_URL: database "khong_co_csdl_nay" does not exist/,
    ],
    [
      'a DATABASE_URL that is not a URL',
      async () => ({ DATABASE_URL: 'mysql://x', CRMFLOW_SECRET_KEY: key }),
      /^crmflow: DATABASE_URL must be a postgres:\/\/ URL/,
    ],
    ['a PORT out of range', async () => ({ PORT: '70000' }), /^crmflow: PORT /],
    [
      'a corrupt embedded data directory',
      async () => ({ CRMFLOW_DATA_DIR: corruptDataDir() }),
      /^crmflow: CRMFLOW_DATA_DIR: the embedded database in .* cannot be opened/,
    ],
    [
      'a secret key file that is not a key',
      async () => ({ CRMFLOW_DATA_DIR: badKeyDataDir() }),
      /^crmflow: CRMFLOW_DATA_DIR: .*secret\.key does not hold a usable key/,
    ],
    [
      'a CRMFLOW_SECRET_KEY too short',
      async () => ({ CRMFLOW_SECRET_KEY: 'ngắn' }),
      /^crmflow: CRMFLOW_SECRET_KEY /,
    ],
    [
      'a CRMFLOW_SECRET_KEY that does not open the stored secrets',
      async () => ({ DATABASE_URL: database.url, CRMFLOW_SECRET_KEY: key }),
      /^crmflow: CRMFLOW_SECRET_KEY does not open the provider secrets/,
    ],
  ])(
    '%s: exit 1 with one line saying what to fix',
    async (_name, env, expected) => {
      const dataDir = join(tmp, `data-${randomBytes(3).toString('hex')}`);
      const server = await spawnServer('main', { CRMFLOW_DATA_DIR: dataDir, ...(await env()) });
      const code = await Promise.race([
        server.exited,
        new Promise((r) => setTimeout(() => r('running'), 60_000)),
      ]);
      if (code === 'running') await server.stop();
      expect(code, server.output()).toBe(1);
      const lines = server.output().trim().split('\n');
      expect(lines, server.output()).toHaveLength(1);
      expect(lines[0]).toMatch(expected);
    },
    70_000,
  );

  it('waits for a database that does not accept sessions yet, then starts', async () => {
    const waiting = await openPostgresTestDatabase({ max: 2 });
    await database.sql.unsafe(`alter database ${waiting.name} allow_connections false`);
    const server = await spawnServer('api', {
      DATABASE_URL: waiting.url,
      CRMFLOW_SECRET_KEY: key,
      CRMFLOW_DATA_DIR: join(tmp, 'data-wait'),
    });
    try {
      // It says it waits, and goes on waiting.
      const said = /^crmflow: the database does not answer yet .*; trying again in 2 s$/m;
      const until = Date.now() + 40_000;
      while (!said.test(server.output()) && Date.now() < until) await sleep(200);
      expect(server.output()).toMatch(said);
      expect(server.child.exitCode, server.output()).toBeNull();
      await database.sql.unsafe(`alter database ${waiting.name} allow_connections true`);
      expect(await readyWhileRunning(server), server.output()).toBe(true);
    } finally {
      await server.stop();
      await waiting.close();
    }
  }, 90_000);

  it('starts with the key the secrets were sealed with', async () => {
    const server = await spawnServer('api', {
      DATABASE_URL: database.url,
      CRMFLOW_SECRET_KEY: sealedWith,
      CRMFLOW_DATA_DIR: join(tmp, 'data-ok'),
    });
    try {
      expect(await readyWhileRunning(server), server.output()).toBe(true);
    } finally {
      await server.stop();
    }
  }, 70_000);
});
