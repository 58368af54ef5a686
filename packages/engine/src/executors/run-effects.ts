import { type Db, runEffects, type Tx } from '@crmflow/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { engineTransaction } from '../runtime/engine-transaction.ts';

export type EffectKey = { orgId: string; runId: string; nodeId: string; key: string };

/**
 * Applies a step's effect at most once per (run, node, key). The claim row and the effect commit
 * in one transaction: a retry, a redelivered job or a second worker running the same step finds
 * the claim and gets back what the first one decided, without applying anything again. A
 * concurrent duplicate waits on the claim's key until the first commits or rolls back.
 */
export async function applyOnce<Result extends Record<string, unknown>>(args: {
  db: Db;
  effect: EffectKey;
  result: z.ZodType<Result>;
  apply: (tx: Tx) => Promise<Result>;
}): Promise<{ applied: boolean; result: Result }> {
  const { db, effect } = args;
  return engineTransaction(db, async (tx) => {
    const claimed = await tx
      .insert(runEffects)
      .values({ ...effect })
      .onConflictDoNothing()
      .returning({ runId: runEffects.runId });
    if (claimed.length === 0) {
      const [existing] = await tx
        .select({ result: runEffects.result })
        .from(runEffects)
        .where(
          and(
            eq(runEffects.runId, effect.runId),
            eq(runEffects.nodeId, effect.nodeId),
            eq(runEffects.key, effect.key),
          ),
        );
      return { applied: false, result: args.result.parse(existing?.result ?? {}) };
    }
    const result = await args.apply(tx);
    await tx
      .update(runEffects)
      .set({ result })
      .where(
        and(
          eq(runEffects.runId, effect.runId),
          eq(runEffects.nodeId, effect.nodeId),
          eq(runEffects.key, effect.key),
        ),
      );
    return { applied: true, result };
  });
}
