import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageTexts } from '../../../../../packages/engine/src/pdf/pdf-text.testing.ts';
import type { Harness, TestTenant } from '../../test/harness.ts';
import { startWorkerHarness, type WorkerHarness } from '../../test/worker-harness.ts';
import { createWorkflowVia } from '../workflows/workflow-graphs.testing.ts';

const SLOW = 90_000;

type Attachment = { id: string; name: string; contentType: string; size: number; url: string };

describe('files kept with a record: the print template a create_task step attaches', () => {
  let bed: WorkerHarness;
  let h: Harness;
  let other: TestTenant;

  beforeAll(async () => {
    bed = await startWorkerHarness();
    ({ h, other } = bed);
  }, SLOW);
  afterAll(() => bed?.close());

  const create = async (module: string, data: object) => {
    const res = await h.call('POST', `/api/records/${module}`, { data });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  it(
    'lists the rendered PDF on the task, downloadable in the organization, 404 for another one',
    async () => {
      const template = await h.call('POST', '/api/print-templates', {
        module: 'order',
        name: 'Phiếu giao hàng',
        body: '<h1>Phiếu giao #code</h1><table><tr data-each="lines"><td>#line.product_id</td><td>#line.quantity</td></tr></table>',
      });
      expect(template.statusCode).toBe(201);
      const workflow = await createWorkflowVia(h, {
        module: 'order',
        name: 'Giao hàng kèm phiếu',
        graph: {
          nodes: [
            { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create' } },
            {
              id: 'n2',
              type: 'create_task',
              position: { x: 0, y: 120 },
              config: {
                name: 'Giao hàng',
                title: 'Giao đơn #code',
                assignee: { user: h.admin.id },
                attachment: { printTemplateId: template.json().id, format: 'pdf' },
              },
            },
          ],
          edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
        },
      });
      expect((await h.call('POST', `/api/workflows/${workflow.id}/activate`)).statusCode).toBe(200);
      const product = await create('product', { code: 'NC-01', name: 'Nước chấm Phú Quốc', price: 90000 });
      await create('order', { code: 'ĐH-0777', lines: [{ product_id: product, quantity: 4, price: 90000 }] });

      let taskId = '';
      for (let tries = 0; tries < 120 && !taskId; tries += 1) {
        const found = await h.call('GET', `/api/records/task?q=${encodeURIComponent('ĐH-0777')}`);
        taskId = found.json().items[0]?.id ?? '';
        if (!taskId) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(taskId).not.toBe('');

      const task = await h.call('GET', `/api/records/task/${taskId}`);
      expect(task.statusCode).toBe(200);
      const attachments: Attachment[] = task.json().attachments;
      expect(attachments).toHaveLength(1);
      const [file] = attachments;
      expect(file).toMatchObject({
        name: 'Phiếu giao hàng - ĐH-0777.pdf',
        contentType: 'application/pdf',
        url: `/api/records/task/${taskId}/files/${file?.id}`,
      });

      const download = await h.call('GET', file?.url ?? '');
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.rawPayload.length).toBe(file?.size);
      const text = (await pdfPageTexts(download.rawPayload)).join('\n');
      expect(text).toContain('Phiếu giao ĐH-0777');
      expect(text).toContain('Nước chấm Phú Quốc');

      const foreign = await h.call('GET', file?.url ?? '', undefined, other.admin.headers);
      expect(foreign.statusCode).toBe(404);
      const wrongRecord = await h.call('GET', `/api/records/task/${product}/files/${file?.id}`);
      expect(wrongRecord.statusCode).toBe(404);
    },
    SLOW,
  );

  it('answers an empty list for a record without files', async () => {
    const id = await create('task', { title: 'Gọi lại khách' });
    const task = await h.call('GET', `/api/records/task/${id}`);
    expect(task.json().attachments).toEqual([]);
  });
});
