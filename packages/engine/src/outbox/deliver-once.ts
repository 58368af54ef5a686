import { type Db, isDatabaseUnavailable, type OutboxStatus, outbox } from '@crmflow/db';
import { and, eq, inArray, lt, not, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { DeliveryFailure, DeliveryResult, SendHooks } from '../providers/provider-types.ts';

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxChannel = OutboxRow['channel'];
export type OutboxAttachment = { name: string; contentType: string; size: number };

export type DeliverOnceInput = {
  /** The database itself, never a transaction: the claim must be visible to other workers at once. */
  db: Db;
  orgId: string;
  /** Unique per organization; by convention `<runId>:<nodeId>:<recipient>`. */
  idempotencyKey: string;
  channel: OutboxChannel;
  providerId?: string | null;
  recipient: string;
  subject?: string | null;
  body?: string | null;
  payload?: Record<string, unknown>;
  attachments?: OutboxAttachment[];
  runId?: string | null;
  nodeId?: string | null;
  /**
   * Sends; a provider that can tell its point of no return asks `hooks.handOver` right before it.
   * `claimed` is the row as this attempt claimed it: a resend finds there what the first attempt
   * stored (its payload, its files) and sends that, not a fresh rendering.
   */
  send: (hooks: Required<SendHooks>, claimed: OutboxRow) => Promise<DeliveryResult>;
  /** How long a claim holds; longer than the provider's own timeout. Default 5 minutes. */
  leaseMs?: number;
};

export type DeliverOnceOutcome =
  /** Sent (or captured) by this call. */
  | { outcome: 'delivered'; row: OutboxRow; result: Exclude<DeliveryResult, DeliveryFailure> }
  /** An earlier call already delivered it; nothing was sent now. */
  | { outcome: 'already_delivered'; row: OutboxRow }
  /** Another worker holds the claim; try again after its lease. Nothing was sent now. */
  | { outcome: 'in_progress'; row: OutboxRow }
  | { outcome: 'failed'; row: OutboxRow; result: DeliveryFailure };

const DONE: OutboxStatus[] = ['sent', 'captured'];
/** Set while `sending` once the provider passed its point of no return (see `deliverOnce`). */
const handedOver = sql`(${outbox.providerResponse} ->> 'handedOverAt') is not null`;
const DEFAULT_LEASE_MS = 5 * 60_000;

/**
 * Delivers one message exactly once per (organization, idempotency key), crashes included.
 *
 * The outbox row is created `queued`, then claimed by one atomic UPDATE that moves it to
 * `sending` with a lease; only the caller whose UPDATE matched sends, so concurrent workers
 * with the same key cannot both send, and nothing is held open (no transaction, no lock)
 * while the provider is talking. The outcome is written by a second atomic UPDATE.
 *
 * A crash between the provider accepting a message and that second UPDATE would leave the
 * row `sending` with nobody knowing whether the message went out. Providers that can name
 * their point of no return close that gap: SMTP has sent everything but the final dot of the
 * DATA phase when it calls `handOver`, which records `handedOverAt` on the row, fenced on this
 * attempt still holding the claim, and writes the dot inside that transaction, right before its
 * COMMIT goes out. So when a lease lapses:
 * - a row never handed over was abandoned mid-conversation, the server discarded the
 *   unfinished transaction, and the next attempt sends it (same Message-ID);
 * - a row handed over had its final line on the wire; it is marked `sent`
 *   (`presumed: true` in its provider response) and never sent again.
 * When the database ends the session or restarts between the two, the dot has gone and the
 * COMMIT's answer never comes: the mark is written again on a fresh connection, retried while the
 * database does not answer, up to the end of the lease.
 * What is left is a crash in the microseconds between the two writes of one instant, the dot
 * to the SMTP server and the COMMIT to the database: one message recorded sent but lost, or
 * sent again. Providers without a hand-over point (HTTP gateways) are resent after
 * a lapsed lease with the same `Idempotency-Key` / `requestId` / `X-Crmflow-Delivery`, for
 * the receiving side to drop the repeat.
 */
export async function deliverOnce(input: DeliverOnceInput): Promise<DeliverOnceOutcome> {
  const { db } = input;
  const byKey = and(eq(outbox.orgId, input.orgId), eq(outbox.idempotencyKey, input.idempotencyKey));
  await db
    .insert(outbox)
    .values({
      orgId: input.orgId,
      idempotencyKey: input.idempotencyKey,
      channel: input.channel,
      providerId: input.providerId ?? null,
      recipient: input.recipient,
      subject: input.subject ?? null,
      body: input.body ?? null,
      payload: input.payload ?? {},
      attachments: input.attachments ?? [],
      runId: input.runId ?? null,
      nodeId: input.nodeId ?? null,
    })
    .onConflictDoNothing({ target: [outbox.orgId, outbox.idempotencyKey] });

  // A lapsed claim whose message was handed over is settled as sent, never sent again.
  await db
    .update(outbox)
    .set({
      status: 'sent',
      sentAt: sql`now()`,
      leaseUntil: null,
      providerResponse: sql`${outbox.providerResponse} || '{"presumed": true}'::jsonb`,
    })
    .where(and(byKey, eq(outbox.status, 'sending'), lt(outbox.leaseUntil, sql`now()`), handedOver));

  const leaseMs = Math.max(1, Math.round(input.leaseMs ?? DEFAULT_LEASE_MS));
  const [claimed] = await db
    .update(outbox)
    .set({
      status: 'sending',
      attempts: sql`${outbox.attempts} + 1`,
      leaseUntil: sql`now() + (${leaseMs}::integer * interval '1 millisecond')`,
    })
    .where(
      and(
        byKey,
        or(
          inArray(outbox.status, ['queued', 'failed']),
          and(eq(outbox.status, 'sending'), lt(outbox.leaseUntil, sql`now()`), not(handedOver)),
        ),
      ),
    )
    .returning();

  if (!claimed) {
    const [row] = await db.select().from(outbox).where(byKey);
    if (!row) throw new Error(`Outbox row ${input.idempotencyKey} vanished while being delivered`);
    return DONE.includes(row.status)
      ? { outcome: 'already_delivered', row }
      : { outcome: 'in_progress', row };
  }

  const handOver = handOverFor(db, claimed);
  let result: DeliveryResult;
  try {
    result = await input.send({ handOver }, claimed);
  } catch (error) {
    // A provider that throws has a bug; release the claim so the row does not wait out its lease.
    await recordFailure(db, claimed, {
      status: 'failed',
      code: 'provider_error',
      error: error instanceof Error ? error.message : String(error),
      retryable: true,
    });
    throw error;
  }
  if (result.status === 'failed') {
    return { outcome: 'failed', row: await recordFailure(db, claimed, result), result };
  }
  const [row] = await db
    .update(outbox)
    .set({
      status: result.status,
      providerResponse: result.response,
      error: null,
      sentAt: sql`now()`,
      leaseUntil: null,
    })
    .where(and(eq(outbox.id, claimed.id), notInArray(outbox.status, DONE)))
    .returning();
  return { outcome: 'delivered', row: row ?? (await reread(db, claimed.id)), result };
}

/**
 * The hand-over of one claimed row: marks it, fenced on this attempt still holding the claim,
 * and lets the provider write its irrevocable last line. The mark and that write leave this
 * process together. postgres.js sends what a query queues in a `setImmediate` of its own;
 * `deliver` is queued here first, so the COMMIT goes out in the same pass of the event loop,
 * right after the write, with no I/O handled in between. A crash before both leaves the row
 * unmarked and nothing delivered; after both, the row marked and the message delivered.
 */
function handOverFor(db: Db, claimed: OutboxRow) {
  const stillOurs = and(
    eq(outbox.id, claimed.id),
    eq(outbox.attempts, claimed.attempts),
    eq(outbox.status, 'sending'),
  );
  return async (deliver: () => void): Promise<boolean> => {
    let queued = false;
    try {
      return await db.transaction(async (tx) => {
        const [marked] = await tx
          .update(outbox)
          .set({ providerResponse: sql`jsonb_build_object('handedOverAt', now())` })
          .where(stillOurs)
          .returning({ id: outbox.id });
        if (!marked) return false;
        queued = true;
        setImmediate(deliver);
        return true;
      });
    } catch (error) {
      if (!queued) throw error;
      // The final line went out, but the COMMIT's answer did not come back (the session was
      // ended, the database restarted): the mark may be lost while the message is not.
      await markAgain(db, stillOurs, claimed.leaseUntil);
      return true;
    }
  };
}

/**
 * Written only while this attempt still holds the claim, so a late failure never overwrites
 * the outcome of an attempt that took over after the lease lapsed. The failure code and
 * whether it may be retried go into `providerResponse`, beside the provider's own answer.
 */
async function recordFailure(db: Db, claimed: OutboxRow, result: DeliveryFailure): Promise<OutboxRow> {
  const [row] = await db
    .update(outbox)
    .set({
      status: 'failed',
      error: result.error,
      providerResponse: { code: result.code, retryable: result.retryable, response: result.response ?? null },
      leaseUntil: null,
    })
    .where(
      and(eq(outbox.id, claimed.id), eq(outbox.attempts, claimed.attempts), eq(outbox.status, 'sending')),
    )
    .returning();
  return row ?? reread(db, claimed.id);
}

const MARK_RETRY_MS = 500;

/**
 * Writes the hand-over mark once more after its own transaction failed with the final line
 * already on its way. Without it, the row would read as abandoned mid-conversation once its lease
 * lapsed, and the message would be sent a second time. While the database does not answer, it
 * tries again until the claim's lease ends; what fails for another reason is left to the lease.
 */
async function markAgain(db: Db, stillOurs: SQL | undefined, leaseUntil: Date | null): Promise<void> {
  const deadline = leaseUntil?.getTime() ?? Date.now();
  for (;;) {
    try {
      await db
        .update(outbox)
        .set({
          providerResponse: sql`coalesce(${outbox.providerResponse}, '{}'::jsonb) || jsonb_build_object('handedOverAt', now())`,
        })
        .where(stillOurs);
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + MARK_RETRY_MS >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, MARK_RETRY_MS));
    }
  }
}

async function reread(db: Db, id: string): Promise<OutboxRow> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  if (!row) throw new Error(`Outbox row ${id} vanished while being delivered`);
  return row;
}
