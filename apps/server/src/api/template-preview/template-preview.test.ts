import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageTexts } from '../../../../../packages/engine/src/pdf/pdf-text.testing.ts';
import { type Harness, startHarness, type TestTenant } from '../../test/harness.ts';

const SLOW = 60_000;

describe('template drafts tried on a record', () => {
  let h: Harness;
  let other: TestTenant;
  let orderId: string;

  const create = async (module: string, data: object) => {
    const res = await h.call('POST', `/api/records/${module}`, { data });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    h = await startHarness();
    other = await h.addOrganization('Công ty Khác');
    const contact = await create('contact', { name: 'Trần <Văn> Bảo' });
    const product = await create('product', { code: 'CF-01', name: 'Cà phê Buôn Ma Thuột', price: 180000 });
    orderId = await create('order', {
      code: 'ĐH-0100',
      contact_id: contact,
      lines: [{ product_id: product, quantity: 2, price: 180000 }],
    });
  }, SLOW);
  afterAll(() => h.close());

  it('fills an email draft, values escaped in the body and the subject on one line', async () => {
    const res = await h.call('POST', '/api/email-templates/preview', {
      module: 'order',
      recordId: orderId,
      subject: 'Đơn #code\ncủa #contact_id.name',
      body: '<p>Chào <b>#contact_id.name</b></p>',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      subject: 'Đơn ĐH-0100 của Trần <Văn> Bảo',
      html: '<p>Chào <b>Trần &lt;Văn&gt; Bảo</b></p>',
    });
  });

  it('renders a print draft as a PDF with the order lines', async () => {
    const res = await h.call('POST', '/api/print-templates/preview', {
      module: 'order',
      recordId: orderId,
      body: '<h1>Phiếu #code</h1><table><tr data-each="lines"><td>#line.product_id</td><td>#line.amount</td></tr></table>',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfPageTexts(res.rawPayload)).join('\n');
    expect(text).toContain('Phiếu ĐH-0100');
    expect(text).toContain('Cà phê Buôn Ma Thuột');
    expect(text).toContain('360.000 ₫');
  });

  it.each([
    ['an unknown merge field', { subject: 'Đơn #nope', body: '<p>x</p>' }, 'subject'],
    ['an empty body', { subject: 'Đơn', body: '' }, 'body'],
    ['a record id that is not one', { subject: 'Đơn', body: '<p>x</p>', recordId: 'x' }, 'recordId'],
  ])('refuses %s with a 400 naming the field', async (_name, payload, field) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/email-templates/preview',
      headers: { ...h.headers, 'accept-language': 'vi' },
      payload: { module: 'order', recordId: orderId, ...payload },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('does not fill a draft on another organization’s record', async () => {
    const res = await h.call(
      'POST',
      '/api/email-templates/preview',
      { module: 'order', recordId: orderId, subject: 'Đơn #code', body: '<p>x</p>' },
      other.admin.headers,
    );
    expect(res.statusCode).toBe(404);
  });
});
