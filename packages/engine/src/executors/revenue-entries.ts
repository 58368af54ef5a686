import { type Executor as DbExecutor, revenueEntries } from '@crmflow/db';
import { and, eq } from 'drizzle-orm';
import { updateRecord } from '../records/record-store.ts';
import { engineTransaction } from '../runtime/engine-transaction.ts';
import type { RunContext } from './executor.ts';
import { workflowWrite } from './workflow-write.ts';

export type RevenueKind = 'proposed' | 'recorded';

/** The order's entry of one kind, if it has one. */
export async function findRevenueEntry(args: {
  db: DbExecutor;
  orgId: string;
  orderId: string;
  kind: RevenueKind;
}) {
  const [entry] = await args.db
    .select({ id: revenueEntries.id, amount: revenueEntries.amount, runId: revenueEntries.runId })
    .from(revenueEntries)
    .where(
      and(
        eq(revenueEntries.orgId, args.orgId),
        eq(revenueEntries.orderId, args.orderId),
        eq(revenueEntries.kind, args.kind),
      ),
    );
  return entry ?? null;
}

/**
 * Writes the order's entry of `kind` (never a second one: the table is unique per order and
 * kind) and moves the order's revenue status to it, in one transaction, through the record store.
 */
export async function writeRevenue<Config>(args: {
  ctx: RunContext<Config>;
  kind: RevenueKind;
  amount: string;
}): Promise<{ created: boolean; amount: string }> {
  const { ctx, kind, amount } = args;
  return engineTransaction(ctx.db, async (tx) => {
    const inserted = await tx
      .insert(revenueEntries)
      .values({
        orgId: ctx.org.id,
        orderId: ctx.record.id,
        kind,
        amount,
        ownerId: typeof ctx.record.data.owner_id === 'string' ? ctx.record.data.owner_id : null,
        runId: ctx.run.id,
      })
      .onConflictDoNothing({ target: [revenueEntries.orderId, revenueEntries.kind] })
      .returning({ amount: revenueEntries.amount });
    const existing =
      inserted[0] ?? (await findRevenueEntry({ db: tx, orgId: ctx.org.id, orderId: ctx.record.id, kind }));
    const current = ctx.record.data.revenue_status;
    // Proposing again never takes a recorded order back.
    if (!(kind === 'proposed' && current === 'recorded')) {
      const write = workflowWrite(ctx, { module: 'order', db: tx });
      await updateRecord({ ...write, id: ctx.record.id, data: { revenue_status: kind } });
    }
    return { created: inserted.length > 0, amount: existing?.amount ?? amount };
  });
}
