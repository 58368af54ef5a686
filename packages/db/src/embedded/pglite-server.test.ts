import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerFixture, startServerFixture } from './server-fixture.ts';

describe('embedded server under concurrent postgres.js connections', () => {
  let fixture: ServerFixture;

  beforeAll(async () => {
    fixture = await startServerFixture();
    const sql = fixture.postgresPool(1);
    await sql`create table items (owner text not null, n int not null, xid bigint not null default txid_current())`;
    await sql.end();
  });

  afterAll(() => fixture.close());

  it('answers 20 concurrent parameterised queries, each with its own parameter count, from a pool of 10', async () => {
    const sql = fixture.postgresPool(10);
    const queries = Array.from({ length: 20 }, (_, i) => {
      const params = Array.from({ length: (i % 7) + 1 }, (_, k) => i * 10 + k);
      const text = `select ${params.map((_, k) => `$${k + 1}::int`).join(' + ')} as total, ${params.length} as count`;
      return { params, text };
    });
    const results = await Promise.all(queries.map(({ params, text }) => sql.unsafe(text, params)));
    expect(results.map((rows) => rows[0])).toEqual(
      queries.map(({ params }) => ({ total: params.reduce((a, b) => a + b, 0), count: params.length })),
    );
    expect(fixture.server.stats().connections).toBe(10);
    await sql.end();
  });

  it('keeps each transaction to itself and rolls back only its own rows', async () => {
    const a = fixture.postgresPool(5);
    const b = fixture.postgresPool(5);
    const aXids: string[] = [];
    const seenByA: { before?: number; after?: number }[] = [];
    let aborted = 0;

    const aTransactions = async () => {
      for (let round = 0; round < 6; round += 1) {
        const rollback = round % 2 === 1;
        await a
          .begin(async (tx) => {
            const countB = async () => {
              const [row] = await tx<{ count: number; xid: string }[]>`
                select count(*)::int as count, txid_current()::text as xid from items where owner = 'b'`;
              return row;
            };
            const before = await countB();
            for (let n = 0; n < 3; n += 1) {
              await tx`insert into items (owner, n) values ('a', ${round * 10 + n})`;
              await delay(2);
            }
            const after = await countB();
            if (after) aXids.push(after.xid);
            seenByA.push({ before: before?.count, after: after?.count });
            if (rollback) throw new Error('roll back');
          })
          .catch((error: Error) => {
            if (error.message !== 'roll back') throw error;
            aborted += 1;
          });
      }
    };
    const bWriters = Array.from({ length: 4 }, async (_, writer) => {
      for (let n = 0; n < 10; n += 1) {
        if (n % 3 === 0) {
          await b.begin(async (tx) => {
            await tx`insert into items (owner, n) values ('b', ${writer * 100 + n})`;
            await delay(1);
          });
        } else {
          await b`insert into items (owner, n) values ('b', ${writer * 100 + n})`;
        }
      }
    });
    await Promise.all([aTransactions(), ...bWriters]);

    expect(aborted).toBe(3);
    // Nothing of B's committed while one of A's transactions was open…
    expect(seenByA).toHaveLength(6);
    for (const { before, after } of seenByA) expect(after).toBe(before);
    const rows = await b<
      { owner: string; n: number; xid: string }[]
    >`select owner, n, xid::text from items order by n`;
    // …no statement of B ran inside one of them…
    expect(rows.filter((row) => row.owner === 'b' && aXids.includes(row.xid))).toEqual([]);
    // …and A's rollbacks took only A's rows with them.
    expect(rows.filter((row) => row.owner === 'b')).toHaveLength(40);
    expect(rows.filter((row) => row.owner === 'a').map((row) => row.n)).toEqual([
      0, 1, 2, 20, 21, 22, 40, 41, 42,
    ]);
    await Promise.all([a.end(), b.end()]);
  });

  it('runs a pipeline of queries on one connection in order', async () => {
    const sql = fixture.postgresPool(1);
    const values = Array.from({ length: 50 }, (_, i) => i);
    const results = await Promise.all(values.map((i) => sql<{ v: number }[]>`select ${i}::int * 2 as v`));
    expect(results.map((rows) => rows[0]?.v)).toEqual(values.map((i) => i * 2));
    await sql.end();
  });

  it('serves a page load of ten parallel queries about as fast as the same queries one after another', async () => {
    const sql = fixture.postgresPool(10);
    const pageQuery = (i: number) => sql`select count(*) from items where n > ${i} and owner = ${'b'}`;
    const time = async (load: () => Promise<unknown>) => {
      const started = performance.now();
      for (let round = 0; round < 20; round += 1) await load();
      return (performance.now() - started) / 20;
    };
    const sequential = async () => {
      for (let i = 0; i < 10; i += 1) await pageQuery(i);
    };
    const parallel = () => Promise.all(Array.from({ length: 10 }, (_, i) => pageQuery(i)));
    await parallel();
    await sequential();
    const [oneByOne, atOnce] = [await time(sequential), await time(parallel)];
    // PGlite runs one statement at a time, so parallel cannot beat sequential; it must not trail it
    // either, as it would if a connection waited on a timer or behind an idle one.
    expect(atOnce).toBeLessThan(oneByOne * 1.5 + 10);
    await sql.end();
  });
});
