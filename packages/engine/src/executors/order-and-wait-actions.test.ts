import { careCards, notifications, revenueEntries, runSteps } from '@crmflow/db';
import { addDays, todayIn } from '@crmflow/flow';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { action, condition, drained, runsOf, settledRuns, waitFor } from '../../test/fixtures.ts';
import { useWorkerBed } from '../../test/runtime-bed.ts';
import { QUEUES } from '../queues.ts';

const bed = useWorkerBed();
const db = () => bed.database.db;
const user = (index: number) => bed.user(index);
const today = () => todayIn('Asia/Ho_Chi_Minh', new Date());

describe('order actions and waits', { timeout: 60_000 }, () => {
  it('add_care_card adds cards per product or per chosen category, once, and tells the owner', async () => {
    const chair = await bed.write.create('product', {
      code: 'GHE',
      name: 'Ghế xoay',
      category: 'furniture',
      price: 900_000,
    });
    const laptop = await bed.write.create('product', {
      code: 'LAP',
      name: 'Máy tính xách tay',
      category: 'electronics',
      price: 20_000_000,
    });
    const wf = await bed.onCreate('order', [
      action('p', 'add_care_card', {
        per: 'product',
        owner: { mode: 'salesperson' },
        careDate: { inDays: 7 },
        extraFields: [{ key: 'ghi_chu', value: 'Đơn #code' }],
      }),
      action('k', 'add_care_card', {
        per: 'category',
        apply: 'chosen',
        categories: ['electronics'],
        owner: { mode: 'user', userId: user(1) },
        notifyOwner: false,
        careDate: { field: 'order_date' },
      }),
    ]);
    const lines = [
      { product_id: chair.id, quantity: 2, price: 900_000 },
      { product_id: laptop.id, quantity: 1, price: 20_000_000 },
    ];
    const order = await bed.write.create('order', {
      code: 'DH-900',
      order_date: '2025-06-01',
      lines,
      owner_id: user(2),
    });
    const [run] = await settledRuns(db(), wf, 1);
    const cards = await db().select().from(careCards).where(eq(careCards.orderId, order.id));
    const perProduct = cards.filter((card) => card.nodeId === 'p');
    expect(perProduct.map((card) => card.productId).sort()).toEqual([chair.id, laptop.id].sort());
    expect(perProduct[0]).toMatchObject({
      ownerId: user(2),
      careDate: addDays(today(), 7),
      fields: { ghi_chu: 'Đơn DH-900' },
    });
    expect(cards.filter((card) => card.nodeId === 'k')).toMatchObject([
      { category: 'electronics', ownerId: user(1), careDate: '2025-06-01' },
    ]);
    const told = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.runId, run?.id ?? ''));
    expect(told.map((n) => [n.userId, n.nodeId])).toEqual([[user(2), 'p']]);
  });

  it('propose_revenue then record_revenue write one entry each and move the order’s revenue status', async () => {
    const wf = await bed.workflow({
      module: 'order',
      trigger: { on: 'update', fields: ['status'] },
      nodes: [
        condition('c', 'status', 'delivered'),
        action('p', 'propose_revenue', {}),
        action('r', 'record_revenue', {}),
      ],
      edges: ['t>c', 'c>p:true', 'p>r'],
    });
    const order = await bed.write.create('order', { code: 'DH-500', total: 15_500_000, status: 'confirmed' });
    await bed.write.update('order', order.id, { status: 'delivered' });
    await settledRuns(db(), wf, 1);
    await bed.write.update('order', order.id, { status: 'confirmed' });
    await bed.write.update('order', order.id, { status: 'delivered' });
    const runs = await settledRuns(db(), wf, 2);
    expect(runs.map((run) => run.status)).toEqual(['succeeded', 'succeeded']);
    const entries = await db().select().from(revenueEntries).where(eq(revenueEntries.orderId, order.id));
    expect(entries.map((e) => [e.kind, e.amount]).sort()).toEqual([
      ['proposed', '15500000.00'],
      ['recorded', '15500000.00'],
    ]);
    expect((await bed.dataOf(order.id)).revenue_status).toBe('recorded');
  });

  it('record_revenue refuses an order that was never proposed', async () => {
    const wf = await bed.onCreate('order', [action('r', 'record_revenue', {})]);
    await bed.write.create('order', { code: 'DH-501', total: 1_000 });
    const [run] = await settledRuns(db(), wf, 1);
    expect(run?.status).toBe('failed');
    expect(run?.steps.find((s) => s.nodeId === 'r')?.error).toMatchObject({ code: 'revenue_not_proposed' });
  });

  it.each([
    { name: 'goes on when the record still meets the condition', status: 'open', ran: true },
    { name: 'skips the rest when the record no longer does', status: 'done', ran: false },
  ])('delay waits, then $name', async ({ status, ran }) => {
    const wf = await bed.workflow({
      module: 'task',
      trigger: { on: 'create' },
      nodes: [
        condition('c', 'status', 'open'),
        action('d', 'delay', { mode: 'duration', amount: 1, unit: 'hours' }),
        action('n', 'notify', { to: { fields: ['owner_id'] }, message: 'Nhắc việc #title' }),
      ],
      edges: ['t>c', 'c>d:true', 'd>n'],
    });
    const task = await bed.write.create('task', {
      title: `Việc ${status}`,
      status: 'open',
      owner_id: user(1),
    });
    const [waiting] = await waitFor(async () => {
      const list = await runsOf(db(), wf);
      return list[0]?.status === 'waiting' ? list : null;
    });
    expect(waiting?.steps.find((s) => s.nodeId === 'd')?.status).toBe('waiting');
    await bed.write.update('task', task.id, { status });
    await drained(db());
    // An hour passes: the wait started an hour ago and its wake-up job is due.
    await db()
      .update(runSteps)
      .set({ startedAt: sql`now() - interval '61 minutes'` })
      .where(and(eq(runSteps.runId, waiting?.id ?? ''), eq(runSteps.nodeId, 'd')));
    await db().execute(
      sql`update pgboss.job set start_after = now() where name = ${QUEUES.step} and data->>'runId' = ${waiting?.id ?? ''} and data ? 'wake'`,
    );
    const [done] = await settledRuns(db(), wf, 1);
    const steps = Object.fromEntries(done?.steps.map((s) => [s.nodeId, s.status]) ?? []);
    expect(done?.status).toBe('succeeded');
    expect(steps).toEqual(
      ran
        ? { t: 'succeeded', c: 'succeeded', d: 'succeeded', n: 'succeeded' }
        : { t: 'succeeded', c: 'succeeded', d: 'skipped' },
    );
  });
});
