import { notifications, outbox, runs } from '@crmflow/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.ts';
import { createWorkflowVia } from './workflow-graphs.testing.ts';

const confirmedOrderGraph = {
  nodes: [
    { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create_or_update' } },
    {
      id: 'n2',
      type: 'condition',
      position: { x: 0, y: 120 },
      config: { mode: 'criteria', logic: 'and', rules: [{ field: 'status', op: 'eq', value: 'confirmed' }] },
    },
    {
      id: 'n3',
      type: 'notify',
      position: { x: 0, y: 240 },
      config: {
        name: 'Báo đơn đã xác nhận',
        to: { fields: ['owner_id'], users: [] },
        message: 'Đơn hàng #code đã xác nhận',
      },
    },
  ],
  edges: [
    { id: 'e1', source: 'n1', target: 'n2' },
    { id: 'e2', source: 'n2', sourceHandle: 'true', target: 'n3' },
  ],
};

describe('POST /api/workflows/:id/test (simulation)', () => {
  let h: Harness;
  let workflowId: string;
  const order = async (data: Record<string, unknown>) =>
    (
      await h.app.inject({ method: 'POST', url: '/api/records/order', headers: h.headers, payload: { data } })
    ).json();
  const test = (recordId: string, id = workflowId, headers = h.headers) =>
    h.app.inject({ method: 'POST', url: `/api/workflows/${id}/test`, headers, payload: { recordId } });

  beforeAll(async () => {
    h = await startHarness();
    workflowId = (
      await createWorkflowVia(h, { module: 'order', name: 'Đơn đã xác nhận', graph: confirmedOrderGraph })
    ).id;
  });
  afterAll(() => h.close());

  it('follows the path a matching record would take, writing and sending nothing', async () => {
    const confirmed = await order({ code: 'DH-0100', status: 'confirmed' });
    const res = await test(confirmed.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      matched: true,
      path: ['n1', 'n2', 'n3'],
      nodes: { n1: { status: 'matched' }, n2: { status: 'matched' }, n3: { status: 'would_run' } },
    });
    const written = [
      await h.database.db.select().from(runs).where(eq(runs.workflowId, workflowId)),
      await h.database.db.select().from(notifications),
      await h.database.db.select().from(outbox),
    ];
    expect(written.map((rows) => rows.length)).toEqual([0, 0, 0]);
  });

  it('stops at the condition for a record that does not meet it', async () => {
    const draft = await order({ code: 'DH-0101', status: 'draft' });
    const res = await test(draft.id);
    expect(res.json()).toMatchObject({ matched: false, nodes: { n2: { status: 'not_matched' } } });
  });

  it('answers 404 for a record of another module or organization, and another organization’s workflow', async () => {
    const contact = (
      await h.app.inject({
        method: 'POST',
        url: '/api/records/contact',
        headers: h.headers,
        payload: { data: { name: 'An' } },
      })
    ).json();
    expect((await test(contact.id)).json().error.code).toBe('record_not_found');
    const other = await h.addOrganization();
    const confirmed = await order({ code: 'DH-0102', status: 'confirmed' });
    expect((await test(confirmed.id, workflowId, other.admin.headers)).statusCode).toBe(404);
  });
});
