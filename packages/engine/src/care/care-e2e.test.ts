import { outbox, providers, records, runs } from '@crmflow/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWorker, startWorker } from '../worker.ts';
import {
  type CareTestbed,
  careGraph,
  insertCareProcess,
  insertRecords,
  openCareTestbed,
  silentLogger,
  waitUntil,
} from './care.testing.ts';
import { runCareTick } from './care-tick.ts';

let bed: CareTestbed;
let worker: RunningWorker;
beforeAll(async () => {
  bed = await openCareTestbed();
  worker = await startWorker({ database: bed.database, boss: bed.boss, logger: silentLogger });
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await bed?.close();
});

describe('a birthday care process end to end', { timeout: 120_000 }, () => {
  it('texts today’s birthdays through the capture provider and gives their owner a call task', async () => {
    const { db } = bed.database;
    const { orgId, ownerId } = await bed.addOrganization();
    await db
      .insert(providers)
      .values({ orgId, kind: 'sms', adapter: 'capture', name: 'SMS Brandname thử', isDefault: true });
    const people = [
      { name: 'Chị Lan', birthday: '1990-05-20', phone: '0912345678' },
      { name: 'Anh Minh', birthday: '1985-05-20', phone: '0987654321' },
      { name: 'Cô Hạnh', birthday: '1970-05-21', phone: '0901234567' },
    ];
    const ids = await insertRecords({
      db,
      orgId,
      module: 'contact',
      rows: people.map((data) => ({ data, ownerId })),
    });
    const graph = careGraph({
      trigger: { dateField: 'birthday', runAt: '08:00' },
      actions: [
        {
          id: 'sms',
          type: 'send_sms',
          config: {
            name: 'Chúc mừng sinh nhật',
            to: { fields: ['phone'], users: [] },
            text: 'Chúc mừng sinh nhật #name!',
          },
        },
        {
          id: 'task',
          type: 'create_task',
          config: { title: 'Gọi chúc mừng sinh nhật #name', assignee: { field: 'owner_id' } },
        },
      ],
    });
    const process = await insertCareProcess({
      db,
      orgId,
      module: 'contact',
      graph,
      activatedAt: new Date('2025-05-19T00:00:00Z'),
    });

    const [outcome] = (
      await runCareTick(
        { database: bed.database, boss: bed.boss, logger: silentLogger },
        new Date('2025-05-20T01:00:00Z'),
      )
    ).filter((o) => o.workflowId === process.id);
    expect(outcome?.runs).toBe(2);
    const finished = await waitUntil(async () => {
      const rows = await db.select({ status: runs.status }).from(runs).where(eq(runs.workflowId, process.id));
      return rows.length === 2 && rows.every((r) => r.status === 'succeeded') ? rows : null;
    }, 90_000);
    expect(finished).toHaveLength(2);

    const texts = await db
      .select({
        recipient: outbox.recipient,
        body: outbox.body,
        status: outbox.status,
        channel: outbox.channel,
      })
      .from(outbox)
      .where(eq(outbox.orgId, orgId));
    expect(texts.sort((a, b) => a.recipient.localeCompare(b.recipient))).toEqual([
      { recipient: '+84912345678', body: 'Chúc mừng sinh nhật Chị Lan!', status: 'captured', channel: 'sms' },
      {
        recipient: '+84987654321',
        body: 'Chúc mừng sinh nhật Anh Minh!',
        status: 'captured',
        channel: 'sms',
      },
    ]);
    const tasks = await db
      .select({ data: records.data })
      .from(records)
      .where(and(eq(records.orgId, orgId), eq(records.module, 'task')));
    expect(tasks.map((t) => t.data.title).sort()).toEqual([
      'Gọi chúc mừng sinh nhật Anh Minh',
      'Gọi chúc mừng sinh nhật Chị Lan',
    ]);
    expect(tasks.every((t) => t.data.owner_id === ownerId)).toBe(true);

    // The same minute again, from another scheduler: nothing more is sent.
    await runCareTick(
      { database: bed.database, boss: bed.boss, logger: silentLogger },
      new Date('2025-05-20T01:00:30Z'),
    );
    const [again] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(runs)
      .where(and(eq(runs.workflowId, process.id), inArray(runs.recordId, ids)));
    expect(again?.n).toBe(2);
  });
  it('quotes the record as the run started, even when it changes before the step runs', async () => {
    const { db } = bed.database;
    const { orgId, ownerId } = await bed.addOrganization();
    await db
      .insert(providers)
      .values({ orgId, kind: 'sms', adapter: 'capture', name: 'SMS Brandname thử', isDefault: true });
    const [id] = await insertRecords({
      db,
      orgId,
      module: 'contact',
      rows: [{ data: { name: 'Chị Mai', birthday: '1992-06-10', phone: '0912111111' }, ownerId }],
    });
    const process = await insertCareProcess({
      db,
      orgId,
      module: 'contact',
      graph: careGraph({
        trigger: { dateField: 'birthday', runAt: '08:00' },
        actions: [
          {
            id: 'sms',
            type: 'send_sms',
            config: { name: 'Chúc mừng', to: { fields: ['phone'], users: [] }, text: '#name: #phone' },
          },
        ],
      }),
      activatedAt: new Date('2025-06-09T00:00:00Z'),
    });
    // The run starts while no worker runs; the record changes before its step gets its turn.
    await worker.stop();
    const deps = { database: bed.database, boss: bed.boss, logger: silentLogger };
    await runCareTick(deps, new Date('2025-06-10T01:00:00Z'));
    await db
      .update(records)
      .set({ data: { name: 'Chị Mai Anh', birthday: '1992-06-10', phone: '0912222222' } })
      .where(eq(records.id, id ?? ''));
    worker = await startWorker(deps);
    await waitUntil(async () => {
      const rows = await db.select({ status: runs.status }).from(runs).where(eq(runs.workflowId, process.id));
      return rows.length === 1 && rows[0]?.status === 'succeeded' ? rows : null;
    }, 90_000);
    const texts = await db
      .select({ recipient: outbox.recipient, body: outbox.body })
      .from(outbox)
      .where(eq(outbox.orgId, orgId));
    expect(texts).toEqual([{ recipient: '+84912111111', body: 'Chị Mai: 0912111111' }]);
  });
});
