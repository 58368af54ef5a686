import { describe, expect, it } from 'vitest';
import { openPglite } from './pglite-instance.ts';

describe('openPglite in memory', () => {
  it('gives every caller a fresh, empty cluster, however many were opened before', async () => {
    const first = await openPglite();
    await first.exec('create table leftovers (n int); insert into leftovers values (1)');
    const second = await openPglite();
    const third = await openPglite();
    for (const pglite of [second, third]) {
      const { rows } = await pglite.query<{ found: string | null }>(
        `select to_regclass('leftovers')::text as found`,
      );
      expect(rows).toEqual([{ found: null }]);
      await pglite.exec('create table leftovers (n int)');
    }
    await Promise.all([first.close(), second.close(), third.close()]);
  }, 120_000);
});
