import { join } from 'node:path';
import { type Database, type Db, organizations, outbox } from '@crmflow/db';
import * as schema from '@crmflow/db/schema';
import { openTestDatabase, testDatabaseMode } from '@crmflow/db/testing';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryResult, EmailMessage, SendHooks } from '../providers/provider-types.ts';
import { startSmtpCatcher } from '../providers/smtp-catcher.testing.ts';
import { smtpEmailProvider } from '../providers/smtp-email.provider.ts';
import { type DeliverOnceInput, deliverOnce } from './deliver-once.ts';

const SLOW = 60_000;
let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let orgId: string;
let otherOrgId: string;
let workers: Db;

/**
 * Embedded PGlite's socket server interleaves the protocol messages of concurrent connections
 * (the Parse of one, the Bind of another), so there the racing workers share one connection and
 * interleave statement by statement; on Postgres they race on connections of their own.
 */
function oneConnection(db: Database): Db {
  const { host, port, user, database: name } = db.connection;
  const client = postgres({
    host,
    port,
    user,
    database: name,
    path: join(host, `.s.PGSQL.${port}`),
    max: 1,
    prepare: false,
    onnotice: () => {},
  });
  closers.push(() => client.end({ timeout: 5 }));
  return drizzle(client, { schema, casing: 'snake_case' });
}
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  database = await openTestDatabase({ max: 8 });
  workers = testDatabaseMode() === 'embedded' ? oneConnection(database) : database.db;
  smtp = await startSmtpCatcher();
  const [org, other] = await database.db
    .insert(organizations)
    .values([{ name: 'Cửa hàng Hoa Sen' }, { name: 'Công ty Khác' }])
    .returning();
  orgId = org?.id ?? '';
  otherOrgId = other?.id ?? '';
}, SLOW);
afterAll(async () => {
  for (const close of closers) await close();
  await smtp?.close();
  await database?.close();
});

const provider = (port = smtp.port) =>
  smtpEmailProvider({
    config: {
      host: '127.0.0.1',
      port,
      secure: false,
      requireTLS: false,
      fromAddress: 'crm@hoasen.vn',
      timeoutMs: 5_000,
    },
    secrets: {},
  });

/** One customer's order confirmation, as a send_email step would hand it over. */
function confirmation(
  key: string,
  overrides: Partial<EmailMessage> = {},
): Omit<DeliverOnceInput, 'send'> & { message: EmailMessage } {
  const message: EmailMessage = {
    idempotencyKey: key,
    to: ['nhung@example.vn'],
    subject: 'Xác nhận đơn hàng ĐH-0001',
    html: '<p>Chào chị Nhung</p>',
    attachments: [],
    ...overrides,
  };
  return {
    db: database.db,
    orgId,
    idempotencyKey: key,
    channel: 'email',
    recipient: message.to.join(', '),
    subject: message.subject,
    body: message.html,
    message,
  };
}

const received = (key: string) =>
  smtp.messages.filter((m) => m.mail.subject === 'Xác nhận đơn hàng ĐH-0001' && m.mail.text?.includes(key))
    .length;
const sendVia = (message: EmailMessage) => (hooks: Required<SendHooks>) => provider().send(message, hooks);
/** Sends through the provider, whose hand-over runs `atHandOver`, given the real hand-over to make. */
const sendHandingOver =
  (message: EmailMessage, atHandOver: (handOver: () => Promise<boolean>) => Promise<boolean>) =>
  (hooks: Required<SendHooks>) =>
    provider().send(message, { handOver: (deliver) => atHandOver(() => hooks.handOver(deliver)) });
/** The job's row as a worker left it that had claimed it and then died. */
const abandonedClaim = (
  job: ReturnType<typeof confirmation>,
  claim: { leaseUntil: Date; providerResponse?: Record<string, unknown> },
) =>
  database.db.insert(outbox).values({
    orgId,
    idempotencyKey: job.idempotencyKey,
    channel: 'email',
    recipient: job.recipient,
    status: 'sending',
    attempts: 1,
    ...claim,
  });
const rowOf = async (key: string, org = orgId) =>
  (await database.db.select().from(outbox).where(eq(outbox.idempotencyKey, key))).find(
    (r) => r.orgId === org,
  );

describe('deliverOnce', { timeout: SLOW }, () => {
  it('sends once when called twice with one key', async () => {
    const job = confirmation('run-1:n3:nhung', { text: 'run-1:n3:nhung' });
    const first = await deliverOnce({ ...job, send: sendVia(job.message) });
    const second = await deliverOnce({ ...job, send: sendVia(job.message) });

    expect(first.outcome).toBe('delivered');
    expect(second.outcome).toBe('already_delivered');
    expect(received('run-1:n3:nhung')).toBe(1);
    const row = await rowOf('run-1:n3:nhung');
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 1,
      error: null,
      leaseUntil: null,
      channel: 'email',
    });
    expect(row?.sentAt).toBeInstanceOf(Date);
    expect(row?.providerResponse).toMatchObject({ accepted: ['nhung@example.vn'] });
  });

  it('sends once when many workers race on one key', async () => {
    const job = confirmation('run-2:n3:nhung', { text: 'run-2:n3:nhung' });
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => deliverOnce({ ...job, db: workers, send: sendVia(job.message) })),
    );
    expect(outcomes.filter((o) => o.outcome === 'delivered')).toHaveLength(1);
    expect(outcomes.every((o) => ['delivered', 'in_progress', 'already_delivered'].includes(o.outcome))).toBe(
      true,
    );
    expect(received('run-2:n3:nhung')).toBe(1);
    expect(await rowOf('run-2:n3:nhung')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('records a retryable failure, then sends on the next attempt', async () => {
    const job = confirmation('run-3:n3:nhung', { text: 'run-3:n3:nhung' });
    const failed = await deliverOnce({
      ...job,
      send: sendVia({ ...job.message, to: ['nhung@busy.test'] }),
    });
    expect(failed).toMatchObject({
      outcome: 'failed',
      result: { code: 'provider_error', retryable: true },
    });
    expect(await rowOf('run-3:n3:nhung')).toMatchObject({
      status: 'failed',
      attempts: 1,
      providerResponse: { code: 'provider_error', retryable: true },
      sentAt: null,
    });
    expect((await rowOf('run-3:n3:nhung'))?.error).toContain('Try again later');

    const retried = await deliverOnce({ ...job, send: sendVia(job.message) });
    expect(retried.outcome).toBe('delivered');
    expect(await rowOf('run-3:n3:nhung')).toMatchObject({ status: 'sent', attempts: 2, error: null });
    expect(received('run-3:n3:nhung')).toBe(1);
  });

  it('leaves a live claim alone and takes over one whose lease lapsed', async () => {
    const job = confirmation('run-4:n3:nhung', { text: 'run-4:n3:nhung' });
    // A worker that claimed the row and then died before recording anything.
    await abandonedClaim(job, { leaseUntil: new Date(Date.now() + 60_000) });
    const whileHeld = await deliverOnce({ ...job, send: sendVia(job.message) });
    expect(whileHeld.outcome).toBe('in_progress');
    expect(received('run-4:n3:nhung')).toBe(0);

    await database.db
      .update(outbox)
      .set({ leaseUntil: new Date(Date.now() - 1_000) })
      .where(eq(outbox.idempotencyKey, job.idempotencyKey));
    const takenOver = await deliverOnce({ ...job, send: sendVia(job.message) });
    expect(takenOver.outcome).toBe('delivered');
    expect(await rowOf('run-4:n3:nhung')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(received('run-4:n3:nhung')).toBe(1);
  });

  it('releases the claim when the send throws, and rethrows', async () => {
    const job = confirmation('run-5:n3:nhung');
    const broken = () => Promise.reject(new Error('bug in the executor'));
    await expect(deliverOnce({ ...job, send: broken })).rejects.toThrow('bug in the executor');
    expect(await rowOf('run-5:n3:nhung')).toMatchObject({
      status: 'failed',
      leaseUntil: null,
      error: 'bug in the executor',
    });
    const captured: DeliveryResult = { status: 'captured', response: { note: 'kept in outbox' } };
    expect((await deliverOnce({ ...job, send: async () => captured })).outcome).toBe('delivered');
    expect(await rowOf('run-5:n3:nhung')).toMatchObject({ status: 'captured', attempts: 2 });
  });

  it('keeps what was stored first and scopes keys by organization', async () => {
    const job = confirmation('run-6:n3:nhung', { text: 'run-6:n3:nhung' });
    await deliverOnce({ ...job, send: sendVia(job.message) });
    await deliverOnce({ ...job, subject: 'đổi tiêu đề', send: sendVia(job.message) });
    expect((await rowOf('run-6:n3:nhung'))?.subject).toBe('Xác nhận đơn hàng ĐH-0001');

    const elsewhere = await deliverOnce({ ...job, orgId: otherOrgId, send: sendVia(job.message) });
    expect(elsewhere.outcome).toBe('delivered');
    expect(received('run-6:n3:nhung')).toBe(2);
    expect(await rowOf('run-6:n3:nhung', otherOrgId)).toMatchObject({ status: 'sent', attempts: 1 });
  });
  it('hands the message over before its final line: the server has nothing yet, the row says so', async () => {
    const job = confirmation('run-7:n3:nhung', { text: 'run-7:n3:nhung' });
    let atHandOver: { received: number; status?: string } | undefined;
    const outcome = await deliverOnce({
      ...job,
      send: sendHandingOver(job.message, async (handOver) => {
        atHandOver = {
          received: received('run-7:n3:nhung'),
          status: (await rowOf('run-7:n3:nhung'))?.status,
        };
        const agreed = await handOver();
        expect((await rowOf('run-7:n3:nhung'))?.providerResponse).toHaveProperty('handedOverAt');
        return agreed;
      }),
    });
    expect(atHandOver).toEqual({ received: 0, status: 'sending' });
    expect(outcome.outcome).toBe('delivered');
    expect(received('run-7:n3:nhung')).toBe(1);
    expect((await rowOf('run-7:n3:nhung'))?.providerResponse).not.toHaveProperty('handedOverAt');
  });

  it('settles a lapsed claim that was handed over as sent, without sending it again', async () => {
    const job = confirmation('run-8:n3:nhung', { text: 'run-8:n3:nhung' });
    // A worker that passed the point of no return and died before recording the answer.
    await abandonedClaim(job, {
      leaseUntil: new Date(Date.now() - 1_000),
      providerResponse: { handedOverAt: new Date(Date.now() - 2_000).toISOString() },
    });
    const outcome = await deliverOnce({ ...job, send: sendVia(job.message) });
    expect(outcome.outcome).toBe('already_delivered');
    expect(received('run-8:n3:nhung')).toBe(0);
    expect(await rowOf('run-8:n3:nhung')).toMatchObject({
      status: 'sent',
      attempts: 1,
      leaseUntil: null,
      providerResponse: { presumed: true },
    });
  });

  it('abandons the message when another attempt took the claim over before the hand-over', async () => {
    const job = confirmation('run-9:n3:nhung', { text: 'run-9:n3:nhung' });
    const outcome = await deliverOnce({
      ...job,
      send: sendHandingOver(job.message, async (handOver) => {
        // The lease lapsed while this attempt stalled; another one claimed the row.
        await database.db
          .update(outbox)
          .set({ attempts: 2, leaseUntil: new Date(Date.now() + 60_000) })
          .where(eq(outbox.idempotencyKey, job.idempotencyKey));
        return handOver();
      }),
    });
    expect(outcome.outcome).toBe('failed');
    // Give the server time to have received a message, had the final line been sent.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received('run-9:n3:nhung')).toBe(0);
    expect(await rowOf('run-9:n3:nhung')).toMatchObject({ status: 'sending', attempts: 2 });
  });

  it('keeps the message sent once when the COMMIT of its hand-over mark fails after the final line left', async () => {
    const key = 'run-10:n3:nhung';
    const job = confirmation(key, { text: key });
    // The COMMIT of the hand-over fails once, for real, after the final line was queued: as when
    // the session is ended or the database restarts between the two writes.
    await database.db.execute(
      sql.raw(`
      create sequence hand_over_commit_fails;
      create function fail_hand_over_once() returns trigger language plpgsql as $$
      begin
        if new.provider_response ? 'handedOverAt' then
          if nextval('hand_over_commit_fails') = 1 then
            raise exception 'the connection was lost at COMMIT';
          end if;
        end if;
        return new;
      end $$;
      create constraint trigger hand_over_commit_fails after update on outbox
        deferrable initially deferred for each row
        when (new.idempotency_key = '${key}') execute function fail_hand_over_once();
    `),
    );
    // A relay that keeps the message at once and answers a second later: the mark is written
    // again before the answer could record anything.
    const slowRelay = await startSmtpCatcher({ replyDelayMs: 1_000 });
    try {
      let markedAtHandOver: unknown;
      const outcome = await deliverOnce({
        ...job,
        send: (hooks) =>
          provider(slowRelay.port).send(job.message, {
            handOver: async (deliver) => {
              const agreed = await hooks.handOver(deliver);
              markedAtHandOver = (await rowOf(key))?.providerResponse;
              return agreed;
            },
          }),
      });
      expect(outcome.outcome).toBe('delivered');
      expect(slowRelay.messages).toHaveLength(1);
      // Marked again after the failed COMMIT: had this process died now, the lapsed claim would
      // be settled as sent rather than sent again.
      expect(markedAtHandOver).toHaveProperty('handedOverAt');
      const again = await deliverOnce({
        ...job,
        send: (hooks) => provider(slowRelay.port).send(job.message, hooks),
      });
      expect(again.outcome).toBe('already_delivered');
      expect(slowRelay.messages).toHaveLength(1);
    } finally {
      await slowRelay.close();
      await database.db.execute(sql.raw('drop trigger hand_over_commit_fails on outbox'));
    }
  });
});
