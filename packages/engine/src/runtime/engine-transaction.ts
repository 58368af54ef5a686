import type { Db, Tx } from '@crmflow/db';
import { sql } from 'drizzle-orm';

/**
 * A transaction of the runtime's own: it commits without waiting for the WAL to reach disk.
 * A crash of Postgres may then lose the last fraction of a second of such commits, but never
 * out of order (the WAL is a sequence), and everything the runtime writes is redone from its
 * jobs when lost: a lost step completion re-runs the step, whose effects are claimed per
 * (run, node). Waiting for a disk flush per step would cap the runtime at a few hundred
 * commits a second; people's own writes (the API) keep their durable commits.
 */
export function engineTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // Queued ahead of the work's first statement on the transaction's connection: no round trip
    // of its own.
    const [, result] = await Promise.all([tx.execute(sql`set local synchronous_commit = off`), work(tx)]);
    return result;
  });
}
