import { notifications, outbox, providers, recordHistory, workflows } from '@crmflow/db';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  action,
  addWorkflow,
  graphOf,
  type NodeSpec,
  settledRuns,
  silentLogger,
} from '../../test/fixtures.ts';
import { type MessagingBed, openMessagingBed } from '../../test/messaging-bed.ts';
import { previewImpact } from '../simulate/impact-preview.ts';
import { simulateRun } from '../simulate/simulate-run.ts';
import { startWorker } from '../worker.ts';

const SLOW = 180_000;
let bed: MessagingBed;
const captured: { email: string; sms: string } = { email: '', sms: '' };
const db = () => bed.database.db;

beforeAll(async () => {
  // No worker: the tests queue their writes first, as a backlog, then start one to drain them.
  bed = await openMessagingBed({ settings: { secretKey: null, env: {} }, worker: false });
  const rows = await db()
    .insert(providers)
    .values(
      (['email', 'sms'] as const).map((kind) => ({
        orgId: bed.org.id,
        kind,
        adapter: 'capture',
        name: `Lưu lại (${kind})`,
        config: {},
      })),
    )
    .returning({ id: providers.id, kind: providers.kind });
  for (const row of rows) if (row.kind === 'email' || row.kind === 'sms') captured[row.kind] = row.id;
}, SLOW);
afterAll(() => bed?.close());

const mail = (id: string, subject: string, body: string): NodeSpec =>
  action(id, 'send_email', {
    provider: captured.email,
    to: { fields: [], users: [], addresses: ['cskh@hoasen.vn'] },
    subject,
    body,
  });

/** Starts a worker, waits for `count` runs of the workflow to settle, stops it; the workflow goes inactive. */
async function drain(workflowId: string, count: number) {
  const worker = await startWorker({ database: bed.database, boss: bed.boss, logger: silentLogger });
  try {
    return await settledRuns(db(), workflowId, count, 120_000);
  } finally {
    await worker.stop();
    await db().update(workflows).set({ status: 'inactive' }).where(eq(workflows.id, workflowId));
  }
}

const sentBy = (runIds: readonly string[]) =>
  db()
    .select({ runId: outbox.runId, channel: outbox.channel, recipient: outbox.recipient, body: outbox.body })
    .from(outbox)
    .where(inArray(outbox.runId, [...runIds]));

describe('merge values come from the triggering snapshot', { timeout: SLOW }, () => {
  it('a backlog of edits: each run quotes, and texts, the phone of the edit that started it', async () => {
    const workflowId = await addWorkflow(db(), {
      orgId: bed.org.id,
      module: 'contact',
      graph: graphOf({
        trigger: { on: 'update', fields: ['phone'] },
        nodes: [
          mail('mail', 'Số mới của #name', '<p>Số điện thoại mới: #phone</p>'),
          action('sms', 'send_sms', {
            provider: captured.sms,
            to: { fields: ['phone'] },
            text: 'Hoa Sen: số #phone đã được cập nhật.',
          }),
        ],
        edges: ['t>mail', 't>sms'],
      }),
    });
    const contact = await bed.write.create('contact', { name: 'Chị Hoa', phone: '0912000000' });
    const phones = ['0912000001', '0912000002', '0912000003', '0912000004', '0912000005'];
    for (const phone of phones) await bed.write.update('contact', contact.id, { phone });

    const runs = await drain(workflowId, phones.length);
    expect(runs.map((run) => run.status)).toEqual(phones.map(() => 'succeeded'));
    const triggered = new Map(
      (
        await db()
          .select({ id: recordHistory.id, after: recordHistory.after })
          .from(recordHistory)
          .where(eq(recordHistory.recordId, contact.id))
      ).map((row) => [row.id, String(row.after?.phone ?? '')]),
    );
    const phoneOfRun = new Map(runs.map((run) => [run.id, triggered.get(run.eventId ?? '') ?? '']));
    expect([...phoneOfRun.values()].sort()).toEqual(phones);
    const sent = await sentBy(runs.map((run) => run.id));
    expect(sent).toHaveLength(phones.length * 2);
    for (const row of sent) {
      const phone = phoneOfRun.get(row.runId ?? '') ?? 'none';
      const quoted = phones.filter((candidate) => row.body?.includes(candidate));
      expect({ channel: row.channel, quoted }).toEqual({ channel: row.channel, quoted: [phone] });
      if (row.channel === 'sms') expect(row.recipient).toBe(`+84${phone.slice(1)}`);
    }

    // The impact preview replays each change as it left the record, as the runs did; the test
    // panel takes the record as it is now.
    const impact = await previewImpact({ db: db(), orgId: bed.org.id, workflowId, days: 1 });
    const previewed = impact.items.map((item) =>
      phones.filter((phone) => JSON.stringify(item.actions).includes(phone)),
    );
    expect(previewed.flat().sort()).toEqual(phones);
    expect(previewed.every((quoted) => quoted.length === 1)).toBe(true);
    const simulated = await simulateRun({ db: db(), orgId: bed.org.id, workflowId, recordId: contact.id });
    expect(JSON.stringify(simulated.nodes.mail)).toContain('0912000005');
    expect(JSON.stringify(simulated.nodes.mail)).not.toContain('0912000004');
  });

  it('a field the run updated earlier is quoted with its new value, the rest as the event left them', async () => {
    const manager = bed.org.users[1]?.id ?? '';
    const workflowId = await addWorkflow(db(), {
      orgId: bed.org.id,
      module: 'contact',
      graph: graphOf({
        trigger: { on: 'create' },
        nodes: [
          action('u', 'update_fields', { target: 'self', values: [{ field: 'title', value: 'Giám đốc' }] }),
          action('note', 'notify', {
            to: { fields: [], users: [manager] },
            message: '#name (#title) #phone',
          }),
          mail('mail', 'Khách mới #name', '<p>#name (#title) #phone</p>'),
        ],
        // The notification runs in the update's transaction, the email in a job of its own.
        edges: ['t>u', 'u>note', 'note>mail'],
      }),
    });
    const contact = await bed.write.create('contact', {
      name: 'Anh Tuấn',
      phone: '0933000001',
      title: 'Trưởng phòng',
    });
    // A later edit, made before the run's steps: the texts quote the phone the run started with.
    await bed.write.update('contact', contact.id, { phone: '0933000002' });

    const [run] = await drain(workflowId, 1);
    expect(run?.status).toBe('succeeded');
    const expected = 'Anh Tuấn (Giám đốc) 0933000001';
    const [told] = await db()
      .select({ message: notifications.message })
      .from(notifications)
      .where(and(eq(notifications.runId, run?.id ?? ''), eq(notifications.nodeId, 'note')));
    expect(told?.message).toBe(expected);
    const [sent] = await sentBy([run?.id ?? '']);
    expect(sent?.body).toBe(`<p>${expected}</p>`);
  });

  it('a related record is read when the step runs', async () => {
    const workflowId = await addWorkflow(db(), {
      orgId: bed.org.id,
      module: 'order',
      graph: graphOf({
        trigger: { on: 'create' },
        nodes: [mail('mail', 'Đơn #code', '<p>Đơn #code của #contact_id.name</p>')],
        edges: ['t>mail'],
      }),
    });
    const contact = await bed.write.create('contact', { name: 'Chị Lan' });
    const order = await bed.write.create('order', { code: 'ĐH-1', contact_id: contact.id });
    await bed.write.update('contact', contact.id, { name: 'Chị Lan Anh' });
    await bed.write.update('order', order.id, { code: 'ĐH-1B' });

    const [run] = await drain(workflowId, 1);
    const [sent] = await sentBy([run?.id ?? '']);
    expect(sent?.body).toBe('<p>Đơn ĐH-1 của Chị Lan Anh</p>');
  });
});
