import { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawClient, type ServerFixture, startServerFixture } from './server-fixture.ts';

describe('embedded server with pg and postgres.js side by side', () => {
  let fixture: ServerFixture;
  let pgPool: pg.Pool;

  beforeAll(async () => {
    fixture = await startServerFixture();
    pgPool = new pg.Pool({ host: fixture.host, port: 5432, user: 'postgres', database: 'postgres', max: 5 });
    await pgPool.query('create table hits (client text not null, n int not null)');
  });

  afterAll(async () => {
    await pgPool.end();
    await fixture.close();
  });

  it('answers a pg pool and a postgres.js pool hammering at once', async () => {
    const sql = fixture.postgresPool(5);
    const viaPg = Array.from({ length: 60 }, async (_, i) => {
      const params = Array.from({ length: (i % 5) + 1 }, (_, k) => String(i + k));
      const text = `select ${params.map((_, k) => `$${k + 1}::text`).join(" || ',' || ")} as joined`;
      const { rows } = await pgPool.query<{ joined: string }>(text, params);
      if (i % 4 === 0) {
        const client = await pgPool.connect();
        try {
          await client.query('begin');
          await client.query('insert into hits (client, n) values ($1, $2)', ['pg', i]);
          await client.query('commit');
        } finally {
          client.release();
        }
      }
      return rows[0]?.joined === params.join(',');
    });
    const viaPostgres = Array.from({ length: 60 }, async (_, i) => {
      const [row] = await sql<{ sum: number }[]>`select ${i}::int + ${i * 2}::int + ${i * 3}::int as sum`;
      if (i % 4 === 0) await sql.begin((tx) => tx`insert into hits (client, n) values ('postgres', ${i})`);
      return row?.sum === i * 6;
    });
    const answers = await Promise.all([...viaPg, ...viaPostgres]);
    expect(answers.filter((correct) => !correct)).toEqual([]);
    const { rows } = await pgPool.query<{ client: string; count: number }>(
      'select client, count(*)::int as count from hits group by client order by client',
    );
    expect(rows).toEqual([
      { client: 'pg', count: 15 },
      { client: 'postgres', count: 15 },
    ]);
    await sql.end();
  });

  it('delivers a notification only to the connections listening on its channel', async () => {
    const client = () =>
      new pg.Client({ host: fixture.host, port: 5432, user: 'postgres', database: 'postgres' });
    const [jobs, mail, sender] = [client(), client(), client()];
    const received = new Map<pg.Client, string[]>([jobs, mail, sender].map((c) => [c, []]));
    for (const c of [jobs, mail, sender]) {
      await c.connect();
      c.on('notification', (message) => received.get(c)?.push(`${message.channel}:${message.payload}`));
    }
    await jobs.query('LISTEN "Jobs"');
    await mail.query('listen mail');
    await sender.query(`select pg_notify('Jobs', 'one'), pg_notify('mail', 'two')`);
    await sender.query(`begin; select pg_notify('Jobs', 'three'); commit`);
    await mail.query('unlisten mail');
    await sender.query(`select pg_notify('mail', 'four')`);
    await delay(50);
    expect([jobs, mail, sender].map((c) => received.get(c))).toEqual([
      ['Jobs:one', 'Jobs:three'],
      ['mail:two'],
      [],
    ]);
    await Promise.all([jobs.end(), mail.end(), sender.end()]);
  });
});

describe('embedded server when a client goes away mid-transaction', () => {
  let fixture: ServerFixture;

  beforeAll(async () => {
    fixture = await startServerFixture({ idleInTransactionTimeoutMs: 300 });
    const sql = fixture.postgresPool(1);
    await sql`create table notes (body text not null)`;
    await sql.end();
  });

  afterAll(() => fixture.close());

  const leaves = [
    {
      how: 'pg client whose socket is destroyed inside BEGIN',
      run: async () => {
        const socket = new Socket();
        const client = new pg.Client({
          host: fixture.host,
          user: 'postgres',
          database: 'postgres',
          stream: () => socket,
        });
        client.on('error', () => {});
        await client.connect();
        await client.query('begin');
        await client.query('insert into notes (body) values ($1)', ['lost in pg transaction']);
        socket.destroy();
      },
    },
    {
      how: 'raw client that sends Terminate inside BEGIN',
      run: async () => {
        const raw = await RawClient.connect(fixture.socketPath);
        await raw.query(`begin; insert into notes (body) values ('lost at terminate')`);
        raw.terminate();
      },
    },
    {
      how: 'raw client destroyed after a flushed but never synced insert',
      run: async () => {
        const raw = await RawClient.connect(fixture.socketPath);
        await raw.flushedStatement(`insert into notes (body) values ('lost in open batch')`);
        raw.socket.destroy();
      },
    },
    {
      how: 'raw client destroyed inside BEGIN after a flushed statement failed',
      run: async () => {
        const raw = await RawClient.connect(fixture.socketPath);
        await raw.query(`begin; insert into notes (body) values ('lost after a failed batch')`);
        const reply = await raw.flushedStatement('select 1 / 0');
        expect(reply.toString('utf8')).toContain('division by zero');
        raw.socket.destroy();
      },
    },
    {
      how: 'client idle in its transaction while another waits, cut off by the timeout',
      run: async () => {
        const raw = await RawClient.connect(fixture.socketPath);
        await raw.query(`begin; insert into notes (body) values ('lost to the idle timeout')`);
        raw.socket.on('error', () => {});
      },
    },
  ];

  it.each(leaves)(
    'rolls back after a $how; the next client works and sees none of its rows',
    async ({ run }) => {
      await run();
      const sql = fixture.postgresPool(2);
      await sql`insert into notes (body) values (${'kept'})`;
      const rows = await sql<{ body: string }[]>`select body from notes`;
      expect(rows.map((row) => row.body)).toEqual(['kept']);
      await sql`delete from notes`;
      expect(fixture.pglite.isInTransaction()).toBe(false);
      await sql.end();
    },
  );

  it('tells the client it cut off why', async () => {
    const raw = await RawClient.connect(fixture.socketPath);
    await raw.query('begin');
    const waiting = fixture.postgresPool(1)`select 1 as one`.execute();
    const reply = await raw.waitFor('E');
    expect(reply.toString('utf8')).toContain('idle-in-transaction timeout');
    await expect(waiting).resolves.toEqual([{ one: 1 }]);
  });
});
