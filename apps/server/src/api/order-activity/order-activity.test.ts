import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, TestTenant } from '../../test/harness.ts';
import { startWorkerHarness, type WorkerHarness } from '../../test/worker-harness.ts';
import { createWorkflowVia } from '../workflows/workflow-graphs.testing.ts';

const SLOW = 90_000;

describe('GET /api/records/order/:id/activity: the care cards and revenue of an order', () => {
  let bed: WorkerHarness;
  let h: Harness;
  let other: TestTenant;

  beforeAll(async () => {
    bed = await startWorkerHarness();
    ({ h, other } = bed);
  }, SLOW);
  afterAll(() => bed?.close());

  it(
    'lists the card a flow made (owner, care date, layout, extra fields) and the revenue entries',
    async () => {
      const seller = await h.addUser({ role: 'member' });
      const node = (id: string, type: string, config: object, y: number) => ({
        id,
        type,
        position: { x: 0, y },
        config,
      });
      const workflow = await createWorkflowVia(h, {
        module: 'order',
        name: 'Chăm sóc sau bán',
        graph: {
          nodes: [
            node('n1', 'trigger', { on: 'create' }, 0),
            node(
              'n2',
              'add_care_card',
              {
                name: 'Thẻ bảo hành',
                per: 'order',
                owner: { mode: 'user', userId: seller.id },
                careDate: { inDays: 30 },
                layout: 'warranty',
                extraFields: [{ key: 'serial_number', value: 'SN-#code' }],
              },
              120,
            ),
            node('n3', 'propose_revenue', { name: 'Đề nghị ghi' }, 240),
            node('n4', 'record_revenue', { name: 'Ghi doanh số' }, 360),
          ],
          edges: [
            { id: 'e1', source: 'n1', target: 'n2' },
            { id: 'e2', source: 'n2', target: 'n3' },
            { id: 'e3', source: 'n3', target: 'n4' },
          ],
        },
      });
      const activated = await h.call('POST', `/api/workflows/${workflow.id}/activate`);
      expect(activated.statusCode).toBe(200);
      const order = await h.call('POST', '/api/records/order', {
        data: { code: 'ĐH-0555', total: 12500000, owner_id: seller.id },
      });
      expect(order.statusCode).toBe(201);
      const id = order.json().id;

      let body = { careCards: [] as unknown[], revenue: [] as unknown[] };
      for (let tries = 0; tries < 120 && body.revenue.length < 2; tries += 1) {
        const res = await h.call('GET', `/api/records/order/${id}/activity`);
        expect(res.statusCode).toBe(200);
        body = res.json();
        if (body.revenue.length < 2) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(body.careCards).toEqual([
        expect.objectContaining({
          owner: { id: seller.id, name: expect.any(String) },
          layout: 'warranty',
          fields: { serial_number: 'SN-ĐH-0555' },
          careDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        }),
      ]);
      expect(body.revenue).toEqual([
        expect.objectContaining({ kind: 'proposed', amount: '12500000.00' }),
        expect.objectContaining({ kind: 'recorded', amount: '12500000.00' }),
      ]);

      const foreign = await h.call(
        'GET',
        `/api/records/order/${id}/activity`,
        undefined,
        other.admin.headers,
      );
      expect(foreign.statusCode).toBe(404);
    },
    SLOW,
  );
});
