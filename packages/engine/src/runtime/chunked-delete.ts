import type { Executor } from '@crmflow/db';
import type { SQL } from 'drizzle-orm';

const CHUNK = 5_000;

/**
 * Runs a `delete … where id in (select … limit <chunk>) returning id` until a chunk comes back short,
 * so no single statement runs long; answers how many rows went.
 */
export async function deleteInChunks(db: Executor, statement: (limit: number) => SQL): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.execute<{ id: string }>(statement(CHUNK));
    total += rows.length;
    if (rows.length < CHUNK) return total;
  }
}
