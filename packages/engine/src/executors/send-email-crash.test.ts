import type { ChildProcess } from 'node:child_process';
import { outbox, providers, runs } from '@crmflow/db';
import { testDatabaseMode } from '@crmflow/db/testing';
import { and, count, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addWorkflow, graphOf, recordWriter, seedOrg, type TestOrg } from '../../test/fixtures.ts';
import { openRuntimeBed, type RuntimeBed } from '../../test/runtime-bed.ts';
import { childExited, startWorkerChild, watchProgress } from '../../test/worker-child.ts';
import { startSmtpCatcher } from '../providers/smtp-catcher.testing.ts';
import { QUEUES } from '../queues.ts';

const RUNS = 100;
const KILL_AFTER = 30;

let bed: RuntimeBed;
let org: TestOrg;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let workflowId = '';
const children: ChildProcess[] = [];
const address = (n: number) => `khach-${String(n).padStart(3, '0')}@hoasen.vn`;

function startChild(): ChildProcess {
  const child = startWorkerChild({ bed, workflowId });
  children.push(child);
  return child;
}

/** Resolves once the SMTP server has kept `n` messages, and says how many still await their reply. */
async function received(n: number, timeoutMs: number): Promise<{ kept: number; awaitingReply: number }> {
  const deadline = Date.now() + timeoutMs;
  while (smtp.messages.length < n) {
    if (Date.now() > deadline) throw new Error(`only ${smtp.messages.length} messages in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { kept: smtp.messages.length, awaitingReply: smtp.awaitingReply() };
}

beforeAll(async () => {
  bed = await openRuntimeBed();
  org = await seedOrg(bed.database.db);
  // A relay slow to confirm: every message is kept 150 ms before the sender hears so, the
  // window in which a crash leaves a delivered message unrecorded.
  smtp = await startSmtpCatcher({ replyDelayMs: 150 });
  // Jobs held by a killed worker come back after this long instead of the production 30 s.
  await bed.boss.updateQueue(QUEUES.step, { expireInSeconds: 8 });
  await bed.boss.updateQueue(QUEUES.recordChanged, { expireInSeconds: 8 });
  const [relay] = await bed.database.db
    .insert(providers)
    .values({
      orgId: org.id,
      kind: 'email',
      adapter: 'smtp',
      name: 'Máy chủ thư Hoa Sen',
      // A short timeout keeps the outbox's claim on a message short: a killed worker's claims
      // lapse within seconds.
      config: { host: '127.0.0.1', port: smtp.port, fromAddress: 'cskh@hoasen.vn', timeoutMs: 1_500 },
    })
    .returning();
  workflowId = await addWorkflow(bed.database.db, {
    orgId: org.id,
    module: 'contact',
    graph: graphOf({
      trigger: { on: 'create' },
      nodes: [
        {
          id: 'mail',
          type: 'send_email',
          config: {
            name: 'Chào khách mới',
            provider: relay?.id,
            to: { fields: ['email'] },
            subject: 'Chào mừng #name',
            body: '<p>Cảm ơn #name đã chọn Hoa Sen.</p>',
          },
        },
      ],
      edges: ['t>mail'],
    }),
  });
  const write = recordWriter({ db: bed.database.db, boss: bed.boss, orgId: org.id });
  for (let start = 0; start < RUNS; start += 20) {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        write.create('contact', { name: `Khách ${start + i + 1}`, email: address(start + i + 1) }),
      ),
    );
  }
  // From here on only the worker processes work the queues.
  await bed.boss.stop({ graceful: false, timeout: 1_000 });
}, 120_000);

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map(childExited));
  await smtp?.close();
  await bed?.database.close();
});

it(`a worker killed with SIGKILL while mailing ${RUNS} customers: after a restart each got exactly one email`, async () => {
  const startedAt = Date.now();
  const first = startChild();
  first.stdout?.resume();
  // Killed while messages are on the wire: some kept by the server, their senders unaware.
  const atKill = await received(KILL_AFTER, 60_000);
  first.kill('SIGKILL');
  await childExited(first);
  const keptAtKill = smtp.messages.length;
  const second = startChild();
  const end = await watchProgress(second, (p) => p.succeeded === RUNS && p.open === 0, 90_000);
  second.kill('SIGTERM');
  await childExited(second);

  const { db } = bed.database;
  const rows = await db.select().from(outbox).where(eq(outbox.orgId, org.id));
  const [retried] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.orgId, org.id), gt(outbox.attempts, 1)));
  const presumed = rows.filter(
    (r) =>
      typeof r.providerResponse === 'object' &&
      r.providerResponse !== null &&
      'presumed' in r.providerResponse,
  );
  const [runCount] = await db.select({ n: count() }).from(runs).where(eq(runs.workflowId, workflowId));
  console.info(
    `email crash test (${testDatabaseMode()}): killed with ${atKill.kept}/${RUNS} messages kept, ` +
      `${atKill.awaitingReply} of them not yet confirmed to the worker (${keptAtKill} kept by the time it was gone); ` +
      `${retried?.n} message(s) attempted again, ${presumed.length} settled as handed over; ` +
      `all done ${end.at - startedAt} ms after the first start`,
  );

  expect(keptAtKill).toBeLessThan(RUNS);
  // The kill left at least one message kept by the server and not yet confirmed to the worker.
  expect(atKill.awaitingReply).toBeGreaterThan(0);
  expect(runCount?.n).toBe(RUNS);
  const byMessageId = new Map<string, number>();
  const byRecipient = new Map<string, number>();
  for (const { mail, envelopeTo } of smtp.messages) {
    byMessageId.set(mail.messageId ?? '', (byMessageId.get(mail.messageId ?? '') ?? 0) + 1);
    for (const to of envelopeTo) byRecipient.set(to, (byRecipient.get(to) ?? 0) + 1);
  }
  const everyone = Array.from({ length: RUNS }, (_, i) => address(i + 1));
  expect(smtp.messages).toHaveLength(RUNS);
  expect([...byMessageId.values()].filter((n) => n !== 1)).toEqual([]);
  expect(byMessageId.size).toBe(RUNS);
  expect(Object.fromEntries(byRecipient)).toEqual(Object.fromEntries(everyone.map((a) => [a, 1])));
  expect(rows).toHaveLength(RUNS);
  expect(new Set(rows.map((r) => r.idempotencyKey)).size).toBe(RUNS);
  expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
  expect(rows.map((r) => r.recipient).sort()).toEqual(everyone);
}, 110_000);
