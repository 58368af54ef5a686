import { demoOrderSlipBody } from '@crmflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageTexts } from '../../../../../packages/engine/src/pdf/pdf-text.testing.ts';
import { type Harness, startHarness, type TestUser } from '../../test/harness.ts';

const SLOW = 60_000;

const confirmation = `
  <h1>Xác nhận đơn hàng #code</h1>
  <p>Kính gửi #contact_id.name, ngày đặt #order_date.</p>
  <table>
    <thead><tr><th>STT</th><th>Hàng hóa</th><th>Số lượng</th><th>Thành tiền</th></tr></thead>
    <tbody><tr data-each="lines"><td>#line.index</td><td>#line.product_id (#line.product_id.code)</td><td>#line.quantity</td><td>#line.amount</td></tr></tbody>
  </table>
  <p><b>Tổng cộng: #total</b></p>`;

describe('POST /api/print-templates/:id/render', () => {
  let h: Harness;
  let member: TestUser;
  let templateId: string;
  let orderId: string;
  let contactId: string;

  const create = async (module: string, data: object) => {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/records/${module}`,
      headers: h.headers,
      payload: { data },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const render = (payload: object, id = templateId) =>
    h.app.inject({
      method: 'POST',
      url: `/api/print-templates/${id}/render`,
      headers: member.headers,
      payload,
    });

  beforeAll(async () => {
    h = await startHarness();
    member = await h.addUser({ role: 'member' });
    contactId = await create('contact', { name: 'Nguyễn Thị Hồng Nhung' });
    const shirt = await create('product', { code: 'AO-01', name: 'Áo sơ mi lụa tơ tằm', price: 1250000 });
    const scarf = await create('product', { code: 'KH-02', name: 'Khăn <lụa> & "len"', price: 300000 });
    orderId = await create('order', {
      code: 'ĐH-0001',
      contact_id: contactId,
      order_date: '2025-03-08',
      total: 2800000,
      lines: [
        { product_id: shirt, quantity: 2, price: 1250000 },
        { product_id: scarf, quantity: 1, price: 300000 },
      ],
    });
    const template = await h.app.inject({
      method: 'POST',
      url: '/api/print-templates',
      headers: h.headers,
      payload: { module: 'order', name: 'Phiếu xác nhận', body: confirmation },
    });
    expect(template.statusCode).toBe(201);
    templateId = template.json().id;
  }, SLOW);
  afterAll(() => h.close());

  it(
    'answers with a PDF whose text holds the record’s Vietnamese values, one row per order line',
    async () => {
      const res = await render({ recordId: orderId, format: 'pdf' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('Phiếu xác nhận - ĐH-0001.pdf')}`,
      );
      const text = (await pdfPageTexts(res.rawPayload)).join('\n');
      expect(text).toContain('Xác nhận đơn hàng ĐH-0001');
      expect(text).toContain('Kính gửi Nguyễn Thị Hồng Nhung, ngày đặt 08/03/2025.');
      expect(text).toContain('Áo sơ mi lụa tơ tằm (AO-01)');
      expect(text).toContain('2.500.000 ₫');
      expect(text).toContain('Khăn <lụa> & "len" (KH-02)');
      expect(text).toContain('Tổng cộng: 2.800.000 ₫');
    },
    SLOW,
  );

  it('answers with the HTML page, values escaped, for the original format', async () => {
    const res = await render({ recordId: orderId, format: 'html' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain(
      '<td>2</td><td>Khăn &lt;lụa&gt; &amp; &quot;len&quot; (KH-02)</td><td>1</td><td>300.000 ₫</td>',
    );
    expect(res.body.match(/<tr data-each="lines">/g)).toHaveLength(2);
    expect(res.body).not.toContain('<lụa>');
  });

  it(
    'lists every product line of the order in the demo’s order slip PDF',
    async () => {
      const demo = await h.app.inject({
        method: 'POST',
        url: '/api/print-templates',
        headers: h.headers,
        payload: { module: 'order', name: 'Phiếu xác nhận đơn hàng', body: demoOrderSlipBody },
      });
      expect(demo.statusCode).toBe(201);
      const res = await render({ recordId: orderId, format: 'pdf' }, demo.json().id);
      expect(res.statusCode).toBe(200);
      const text = (await pdfPageTexts(res.rawPayload)).join('\n');
      expect(text).toContain('Số đơn hàng: ĐH-0001');
      expect(text).toContain('Áo sơ mi lụa tơ tằm');
      expect(text).toContain('Khăn <lụa> & "len"');
      expect(text).toContain('2.500.000 ₫');
    },
    SLOW,
  );

  it('refuses a record of another module, or one that does not exist, with 404', async () => {
    expect((await render({ recordId: contactId, format: 'html' })).statusCode).toBe(404);
    expect((await render({ recordId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await render({ recordId: orderId }, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });
});
