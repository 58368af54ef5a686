import {
  allocationRules,
  notifications,
  printTemplates,
  recordFiles,
  records,
  runEffects,
  runSteps,
} from '@crmflow/db';
import { testDatabaseMode } from '@crmflow/db/testing';
import { addDays, todayIn } from '@crmflow/flow';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { action, condition, settledRuns, waitFor } from '../../test/fixtures.ts';
import { useWorkerBed } from '../../test/runtime-bed.ts';
import { pdfPageTexts } from '../pdf/pdf-text.testing.ts';
import { QUEUES } from '../queues.ts';
import { NOTIFICATION_CHANNEL } from './notifications.ts';

const bed = useWorkerBed();
const db = () => bed.database.db;
const user = (index: number) => bed.user(index);
const today = () => todayIn('Asia/Ho_Chi_Minh', new Date());

describe('record actions', { timeout: 60_000 }, () => {
  it('update_fields writes literals, copies and relative dates, as a workflow one step deeper', async () => {
    const wf = await bed.onCreate('account', [
      action('u', 'update_fields', {
        values: [
          { field: 'industry', value: 'retail' },
          { field: 'address', value: { from: 'name' } },
          { field: 'founded_date', value: { today: 3 } },
        ],
      }),
    ]);
    const account = await bed.write.create('account', { name: 'Cửa hàng Hoa Mai' });
    const [run] = await settledRuns(db(), wf, 1);
    expect(run?.status).toBe('succeeded');
    expect(await bed.dataOf(account.id)).toMatchObject({
      industry: 'retail',
      address: 'Cửa hàng Hoa Mai',
      founded_date: addDays(today(), 3),
    });
    const [event] = await db().execute<{ data: { actor: unknown; causation: unknown } }>(
      sql`select data from pgboss.job where name = ${QUEUES.recordChanged} and data->>'recordId' = ${account.id} and data->>'operation' = 'update'`,
    );
    expect(event?.data).toMatchObject({
      actor: { userId: null, source: 'workflow' },
      causation: { depth: 1, chain: [{ workflowId: wf, recordId: account.id }], runId: run?.id },
    });
  });

  it('update_fields executed again after its write committed does not write over a later edit', async () => {
    // Two runs on one record: their steps run one after the other, each write committed on its own.
    const first = await bed.onCreate('account', [
      action('u', 'update_fields', { values: [{ field: 'address', value: { from: 'name' } }] }),
    ]);
    const second = await bed.onCreate('account', [
      action('u', 'update_fields', { values: [{ field: 'industry', value: 'retail' }] }),
    ]);
    const account = await bed.write.create('account', { name: 'Tiệm Bánh Hoa Sữa' });
    const [run] = await settledRuns(db(), first, 1);
    await settledRuns(db(), second, 1);
    expect(await bed.dataOf(account.id)).toMatchObject({ address: 'Tiệm Bánh Hoa Sữa', industry: 'retail' });
    await bed.write.update('account', account.id, { name: 'Tiệm Bánh Hoa Sữa 2', address: 'Số 5 Hàng Bạc' });

    const claims = await db()
      .select()
      .from(runEffects)
      .where(and(eq(runEffects.runId, run?.id ?? ''), eq(runEffects.nodeId, 'u')));
    expect(claims).toHaveLength(1);

    // The worker died after the write and before recording the step: it is executed again.
    const step = and(eq(runSteps.runId, run?.id ?? ''), eq(runSteps.nodeId, 'u'));
    await db().update(runSteps).set({ status: 'running' }).where(step);
    await bed.boss.send(QUEUES.step, { runId: run?.id, nodeId: 'u' });
    await waitFor(async () => {
      const [again] = await db().select().from(runSteps).where(step);
      return again?.status === 'succeeded' && again.attempts === 2;
    });
    expect(await bed.dataOf(account.id)).toMatchObject({
      name: 'Tiệm Bánh Hoa Sữa 2',
      address: 'Số 5 Hàng Bạc',
    });
  });

  it('create_task creates the task once, linked and due, and notifies the assignee and active related users', async () => {
    const wf = await bed.onCreate('opportunity', [
      action('task', 'create_task', {
        title: 'Gọi cho khách về #name',
        description: 'Giá trị dự kiến #amount',
        dueInDays: 2,
        taskType: 'meeting',
        priority: 'high',
        assignee: { field: 'owner_id' },
        related: [user(1), user(3)],
      }),
    ]);
    const opportunity = await bed.write.create('opportunity', {
      name: 'Mở rộng kho',
      amount: 250_000_000,
      owner_id: user(2),
    });
    const [run] = await settledRuns(db(), wf, 1);
    const tasks = await db()
      .select()
      .from(records)
      .where(and(eq(records.module, 'task'), sql`${records.data}->>'opportunity_id' = ${opportunity.id}`));
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.data).toMatchObject({
      title: 'Gọi cho khách về Mở rộng kho',
      description: 'Giá trị dự kiến 250.000.000 ₫',
      due_date: addDays(today(), 2),
      task_type: 'meeting',
      priority: 'high',
      status: 'open',
      owner_id: user(2),
    });
    const sent = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.runId, run?.id ?? ''));
    expect(sent.map((n) => n.userId).sort()).toEqual([user(1), user(2)].sort());
    expect(sent.find((n) => n.userId === user(2))?.message).toBe(
      'Bạn được giao nhiệm vụ: Gọi cho khách về Mở rộng kho',
    );

    // The same step executed again (a worker that died before recording it): no second task.
    await db()
      .update(runSteps)
      .set({ status: 'running' })
      .where(and(eq(runSteps.runId, run?.id ?? ''), eq(runSteps.nodeId, 'task')));
    await bed.boss.send(QUEUES.step, { runId: run?.id, nodeId: 'task' });
    await waitFor(async () => {
      const [step] = await db()
        .select()
        .from(runSteps)
        .where(and(eq(runSteps.runId, run?.id ?? ''), eq(runSteps.nodeId, 'task')));
      return step?.status === 'succeeded' && step.attempts === 2;
    });
    const again = await db()
      .select()
      .from(records)
      .where(and(eq(records.module, 'task'), sql`${records.data}->>'opportunity_id' = ${opportunity.id}`));
    expect(again).toHaveLength(1);
    expect(
      await db()
        .select()
        .from(notifications)
        .where(eq(notifications.runId, run?.id ?? '')),
    ).toHaveLength(2);
  });

  it('assign_owner hands records over round robin under concurrency, skipping inactive users', async () => {
    const [rule] = await db()
      .insert(allocationRules)
      .values({
        orgId: bed.org.id,
        module: 'lead',
        name: 'Chia đều',
        userIds: [user(0), user(3), user(1), user(2)],
      })
      .returning();
    const wf = await bed.onCreate('lead', [action('a', 'assign_owner', { mode: 'rule', ruleId: rule?.id })]);
    const leads = await Promise.all(
      Array.from({ length: 20 }, (_, i) => bed.write.create('lead', { name: `Khách ${i + 1}` })),
    );
    await settledRuns(db(), wf, 20, 60_000);
    const owners = await Promise.all(leads.map(async (lead) => (await bed.dataOf(lead.id)).owner_id));
    const counts = [user(0), user(1), user(2), user(3)].map(
      (id) => owners.filter((owner) => owner === id).length,
    );
    expect(counts).toEqual([7, 7, 6, 0]);
    const [after] = await db()
      .select()
      .from(allocationRules)
      .where(eq(allocationRules.id, rule?.id ?? ''));
    expect(after?.cursor).toBe(20);
  }, 90_000);

  it('assign_owner to a chosen user, and fails visibly for an inactive one', async () => {
    const wf = await bed.workflow({
      module: 'contact',
      trigger: { on: 'create' },
      nodes: [
        condition('c', 'title', 'Giám đốc'),
        action('ok', 'assign_owner', { mode: 'user', userId: user(1) }),
        action('ko', 'assign_owner', { mode: 'user', userId: user(3) }),
      ],
      edges: ['t>c', 'c>ok:true', 'c>ko:false'],
    });
    const director = await bed.write.create('contact', { name: 'Ông Hải', title: 'Giám đốc' });
    await bed.write.create('contact', { name: 'Bà Thu', title: 'Kế toán' });
    const runs = await settledRuns(db(), wf, 2);
    expect((await bed.dataOf(director.id)).owner_id).toBe(user(1));
    const told = await db()
      .select({ userId: notifications.userId, message: notifications.message, link: notifications.link })
      .from(notifications)
      .where(
        inArray(
          notifications.runId,
          runs.map((run) => run.id),
        ),
      );
    expect(told).toEqual([
      {
        userId: user(1),
        message: expect.stringMatching(/Ông Hải/),
        link: `/records/contact/${director.id}`,
      },
    ]);
    const failed = runs.find((run) => run.status === 'failed');
    expect(failed?.steps.find((step) => step.nodeId === 'ko')).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { code: 'user_inactive' },
    });
  });

  it('notify sends one rendered notification per active recipient and announces it', async () => {
    const heard: string[] = [];
    const listening =
      testDatabaseMode() === 'postgres'
        ? await bed.database.sql.listen(NOTIFICATION_CHANNEL, (payload) => heard.push(payload))
        : null;
    const wf = await bed.onCreate('order', [
      action('n', 'notify', {
        to: { fields: ['owner_id'], users: [user(1), user(2), user(3)] },
        message: 'Đơn hàng #code trị giá #total',
      }),
    ]);
    await bed.write.create('order', { code: 'DH-777', total: 1_234_567, owner_id: user(2) });
    const [run] = await settledRuns(db(), wf, 1);
    const sent = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.runId, run?.id ?? ''));
    expect(sent.map((n) => n.userId).sort()).toEqual([user(1), user(2)].sort());
    expect(sent[0]?.message).toBe('Đơn hàng DH-777 trị giá 1.234.567 ₫');
    if (listening) {
      await waitFor(async () => heard.length >= 2);
      expect(JSON.parse(heard[0] ?? '{}')).toMatchObject({
        orgId: bed.org.id,
        message: 'Đơn hàng DH-777 trị giá 1.234.567 ₫',
      });
      await listening.unlisten();
    }
  });
  it('create_task keeps the print template it attaches, rendered for the record, with the task', async () => {
    const [template] = await db()
      .insert(printTemplates)
      .values({
        orgId: bed.org.id,
        module: 'order',
        name: 'Phiếu giao hàng',
        body: '<h1>Phiếu giao #code</h1><table><tr data-each="lines"><td>#line.product_id</td><td>#line.quantity</td></tr></table>',
      })
      .returning();
    const wf = await bed.onCreate('order', [
      action('task', 'create_task', {
        title: 'Giao đơn #code',
        assignee: { user: user(1) },
        attachment: { printTemplateId: template?.id, format: 'pdf' },
      }),
    ]);
    const product = await bed.write.create('product', {
      code: 'TRA-01',
      name: 'Trà sen Tây Hồ',
      price: 450000,
    });
    const order = await bed.write.create('order', {
      code: 'ĐH-0042',
      lines: [{ product_id: product.id, quantity: 3, price: 450000 }],
    });
    const [run] = await settledRuns(db(), wf, 1);
    expect(run?.status).toBe('succeeded');
    const [task] = await db()
      .select()
      .from(records)
      .where(and(eq(records.module, 'task'), sql`${records.data}->>'title' = 'Giao đơn ĐH-0042'`));
    const files = await db()
      .select()
      .from(recordFiles)
      .where(eq(recordFiles.recordId, task?.id ?? ''));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      orgId: bed.org.id,
      name: 'Phiếu giao hàng - ĐH-0042.pdf',
      contentType: 'application/pdf',
    });
    const content = files[0]?.content ?? Buffer.alloc(0);
    expect(files[0]?.size).toBe(content.length);
    const text = (await pdfPageTexts(content)).join('\n');
    expect(text).toContain('Phiếu giao ĐH-0042');
    expect(text).toContain('Trà sen Tây Hồ');
    expect(order.id).toBeTruthy();
  });
});
