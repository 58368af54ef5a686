import { workflows } from '@crmflow/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.ts';
import { careGraph, createWorkflowVia, notifyOwnerGraph } from './workflow-graphs.testing.ts';

describe('workflows API: at most 10 active per module and kind', () => {
  let h: Harness;
  beforeAll(() => startHarness().then((started) => (h = started)));
  afterAll(() => h.close());

  const activate = (id: string, headers: Record<string, string> = h.headers) =>
    h.app.inject({ method: 'POST', url: `/api/workflows/${id}/activate`, headers });

  const activeCount = async (module: 'order' | 'contact', kind: 'event' | 'schedule') =>
    (
      await h.database.db
        .select({ id: workflows.id })
        .from(workflows)
        .where(and(eq(workflows.module, module), eq(workflows.kind, kind), eq(workflows.status, 'active')))
    ).length;

  it('lets exactly 10 of 20 concurrent activations through; the rest get 409 active_limit', async () => {
    const created = [];
    for (let index = 0; index < 20; index += 1) {
      created.push(
        await createWorkflowVia(h, {
          module: 'order',
          name: `Quy trình ${index}`,
          graph: notifyOwnerGraph(),
        }),
      );
    }
    const answers = await Promise.all(created.map((workflow) => activate(workflow.id)));
    const statuses = answers.map((res) => res.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(10);
    const refused = answers.find((res) => res.statusCode === 409);
    expect(refused?.json().error).toEqual({
      code: 'active_limit',
      message:
        'Phân hệ Đơn hàng đã có 10 quy trình đang kích hoạt, vui lòng ngừng kích hoạt một quy trình khác trước',
      details: { module: 'order', kind: 'event', active: 10, max: 10 },
    });
    expect(await activeCount('order', 'event')).toBe(10);
  });

  it('words the refusal in English for English callers, and re-activating an active one is no change', async () => {
    const extra = await createWorkflowVia(h, { module: 'order', graph: notifyOwnerGraph() });
    const res = await activate(extra.id, { ...h.headers, 'accept-language': 'en' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      'The Orders module already has 10 active workflows of this kind; deactivate another one first',
    );
    const list = await h.app.inject({
      method: 'GET',
      url: '/api/workflows?module=order&kind=event',
      headers: h.headers,
    });
    const active = list.json().items.find((w: { status: string }) => w.status === 'active');
    expect((await activate(active.id)).statusCode).toBe(200);
    expect(list.json().limits.order).toEqual({ active: 10, max: 10 });
  });

  it('counts per module and per kind: other modules and care processes are not affected', async () => {
    const contact = await createWorkflowVia(h, { module: 'contact', graph: notifyOwnerGraph() });
    expect((await activate(contact.id)).statusCode).toBe(200);
    const care = await createWorkflowVia(h, {
      module: 'order',
      kind: 'schedule',
      graph: careGraph('order_date'),
    });
    expect((await activate(care.id)).statusCode).toBe(200);
    expect(await activeCount('order', 'schedule')).toBe(1);
    expect(await activeCount('order', 'event')).toBe(10);
  });

  it('frees a place when one is deactivated', async () => {
    const list = await h.app.inject({
      method: 'GET',
      url: '/api/workflows?module=order&kind=event',
      headers: h.headers,
    });
    const items: { id: string; status: string }[] = list.json().items;
    const active = items.find((w) => w.status === 'active');
    const waiting = items.find((w) => w.status === 'inactive');
    if (!active || !waiting) throw new Error('expected active and inactive workflows');
    await h.app.inject({ method: 'POST', url: `/api/workflows/${active.id}/deactivate`, headers: h.headers });
    expect((await activate(waiting.id)).statusCode).toBe(200);
    expect((await activate(active.id)).statusCode).toBe(409);
  });
});
