import { outbox, recordHistory, runs, workflows, workflowVersions } from '@crmflow/db';
import { addDays, todayIn } from '@crmflow/flow';
import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { action, addWorkflow, condition, graphOf } from '../../test/fixtures.ts';
import { useWorkerBed } from '../../test/runtime-bed.ts';
import { previewImpact } from './impact-preview.ts';

const bed = useWorkerBed();
const db = () => bed.database.db;

/** Draft: on an edit of the status, when it is delivered, tell the owner and propose revenue. */
async function deliveredDraft(repeat: boolean) {
  return addWorkflow(db(), {
    orgId: bed.org.id,
    module: 'order',
    active: false,
    graph: graphOf({
      trigger: { on: 'update', fields: ['status'], repeat },
      nodes: [
        condition('c', 'status', 'delivered'),
        action('notify', 'notify', {
          to: { fields: ['owner_id'], users: [] },
          message: 'Đơn #code đã giao',
        }),
        action('mark', 'update_fields', { values: [{ field: 'revenue_status', value: 'proposed' }] }),
      ],
      edges: ['t>c', 'c>notify:true', 'c>mark:true'],
    }),
  });
}

describe('impact preview ("Nếu kích hoạt…")', { timeout: 60_000 }, () => {
  it('replays the module history through trigger and condition, hand-counted, writing nothing', async () => {
    const { create, update } = bed.write;
    // order 1: confirmed (condition fails), delivered (run), confirmed, delivered again (run)
    const o1 = await create('order', { code: 'DH-1', status: 'draft', owner_id: bed.user(1) });
    await update('order', o1.id, { status: 'confirmed' });
    await update('order', o1.id, { status: 'delivered' });
    await update('order', o1.id, { status: 'confirmed' });
    await update('order', o1.id, { status: 'delivered' });
    // order 2: an edit of the total only (the trigger does not fire), then delivered (run)
    const o2 = await create('order', { code: 'DH-2', status: 'confirmed' });
    await update('order', o2.id, { total: 1_500_000 });
    await update('order', o2.id, { status: 'delivered' });
    // order 3: created delivered (not an edit), cancelled, delivered (run)
    const o3 = await create('order', { code: 'DH-3', status: 'delivered' });
    await update('order', o3.id, { status: 'cancelled' });
    await update('order', o3.id, { status: 'delivered' });
    // order 4: delivered 40 days ago — outside the default 30 days
    const o4 = await create('order', { code: 'DH-4', status: 'confirmed' });
    await update('order', o4.id, { status: 'delivered' });
    await db()
      .update(recordHistory)
      .set({ at: sql`now() - interval '40 days'` })
      .where(eq(recordHistory.recordId, o4.id));
    // a contact edit: another module
    await create('contact', { name: 'Chị Hoa' });

    const repeating = await deliveredDraft(true);
    const preview = await previewImpact({ db: db(), orgId: bed.org.id, workflowId: repeating, days: 30 });
    expect(preview).toMatchObject({ kind: 'event', days: 30, runs: 4, records: 3 });
    // status edits of orders 1–3 only: 4 + 1 + 2
    expect(preview.scanned).toBe(7);
    expect(preview.items.map((item) => item.title)).toEqual(['DH-3', 'DH-2', 'DH-1', 'DH-1']);
    const [latest] = preview.items;
    expect(latest?.recordId).toBe(o3.id);
    expect(latest?.actions?.map((a) => [a.nodeId, a.status])).toEqual([
      ['notify', 'would_run'],
      ['mark', 'would_run'],
    ]);
    expect(latest?.actions?.[1]?.preview).toMatchObject({
      changes: [{ field: 'revenue_status', to: 'proposed' }],
    });

    const wider = await previewImpact({ db: db(), orgId: bed.org.id, workflowId: repeating, days: 60 });
    expect(wider).toMatchObject({ runs: 5, records: 4 });

    const once = await deliveredDraft(false);
    expect(await previewImpact({ db: db(), orgId: bed.org.id, workflowId: once, days: 30 })).toMatchObject({
      runs: 3,
      records: 3,
    });

    // Nothing ran, nothing was sent, nothing was written.
    expect(
      await db()
        .select()
        .from(runs)
        .where(inArray(runs.workflowId, [repeating, once])),
    ).toEqual([]);
    expect(await db().select().from(outbox)).toEqual([]);
    expect((await bed.dataOf(o1.id)).revenue_status).toBeUndefined();
  });

  it('judges a condition relative to today as of the day of each change', async () => {
    const today = todayIn('Asia/Ho_Chi_Minh', new Date());
    const now = await bed.write.create('quote', { code: 'BG-1', valid_until: today, status: 'draft' });
    await bed.write.update('quote', now.id, { status: 'sent' });
    const earlier = await bed.write.create('quote', { code: 'BG-2', valid_until: today, status: 'draft' });
    await bed.write.update('quote', earlier.id, { status: 'sent' });
    await db()
      .update(recordHistory)
      .set({ at: sql`now() - interval '2 days'` })
      .where(eq(recordHistory.recordId, earlier.id));
    const flow = await addWorkflow(db(), {
      orgId: bed.org.id,
      module: 'quote',
      active: false,
      graph: graphOf({
        trigger: { on: 'update', fields: ['status'] },
        nodes: [
          {
            id: 'c',
            type: 'condition',
            config: { mode: 'criteria', logic: 'and', rules: [{ field: 'valid_until', op: 'date_today' }] },
          },
          action('n', 'notify', {
            to: { fields: ['owner_id'], users: [] },
            message: 'Báo giá hết hạn hôm nay',
          }),
        ],
        edges: ['t>c', 'c>n:true'],
      }),
    });
    const preview = await previewImpact({ db: db(), orgId: bed.org.id, workflowId: flow, days: 30 });
    expect(preview).toMatchObject({ runs: 1, records: 1, items: [{ recordId: now.id, title: 'BG-1' }] });
  });

  it('answers the next days of a care process from today’s data', async () => {
    const today = todayIn('Asia/Ho_Chi_Minh', new Date());
    const soon = await bed.write.create('contact', {
      name: 'Sinh nhật sắp tới',
      birthday: `1990${addDays(today, 3).slice(4)}`,
    });
    await bed.write.create('contact', {
      name: 'Sinh nhật xa',
      birthday: `1990${addDays(today, 60).slice(4)}`,
    });
    const [flow] = await db()
      .insert(workflows)
      .values({ orgId: bed.org.id, module: 'contact', kind: 'schedule', name: 'Chúc mừng sinh nhật' })
      .returning();
    const [version] = await db()
      .insert(workflowVersions)
      .values({
        orgId: bed.org.id,
        workflowId: flow?.id ?? '',
        version: 1,
        graph: graphOf({
          trigger: {
            dateField: 'birthday',
            recurrence: 'yearly',
            offsetDays: 0,
            window: 'day',
            runAt: '08:00',
          },
          nodes: [
            action('n', 'notify', { to: { fields: [], users: [bed.user(0)] }, message: 'Chúc mừng #name' }),
          ],
          edges: ['t>n'],
        }),
      })
      .returning();
    await db()
      .update(workflows)
      .set({ currentVersionId: version?.id ?? null })
      .where(eq(workflows.id, flow?.id ?? ''));
    const preview = await previewImpact({
      db: db(),
      orgId: bed.org.id,
      workflowId: flow?.id ?? '',
      days: 30,
    });
    expect(preview).toMatchObject({ kind: 'schedule', runs: 1, from: today, to: addDays(today, 29) });
    expect(preview.items).toMatchObject([
      { recordId: soon.id, at: addDays(today, 3), actions: [{ nodeId: 'n', status: 'would_run' }] },
    ]);
  });

  it('refuses another organization’s workflow', async () => {
    const other = await addWorkflow(db(), {
      orgId: bed.org.id,
      module: 'lead',
      active: false,
      graph: graphOf({ trigger: { on: 'create' }, nodes: [], edges: [] }),
    });
    await expect(
      previewImpact({ db: db(), orgId: '00000000-0000-4000-8000-000000000000', workflowId: other, days: 30 }),
    ).rejects.toThrow('workflow_not_found');
  });
});
