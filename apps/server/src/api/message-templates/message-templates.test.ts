import { describe, expect, it } from 'vitest';
import { useStaffedHarness } from '../../test/harness.ts';

describe('message templates API', () => {
  const h = useStaffedHarness();

  const orderEmail = {
    module: 'order',
    name: 'Xác nhận đơn hàng',
    subject: 'Xác nhận đơn hàng #code',
    body: '<p style="color:#333">Chào #contact_id.name, tổng tiền <b>#total</b>.</p><script>x()</script>',
  };

  it('creates, lists, reads, edits and deletes an email template, its HTML kept as written', async () => {
    const created = await h.call('POST', '/api/email-templates', orderEmail, h.manager.headers);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject(orderEmail);
    const url = `/api/email-templates/${created.json().id}`;

    const list = await h.call('GET', '/api/email-templates?module=order', undefined, h.member.headers);
    expect(list.json().items.map((t: { name: string }) => t.name)).toEqual(['Xác nhận đơn hàng']);
    expect((await h.call('GET', '/api/email-templates?module=contact')).json().items).toEqual([]);

    const edited = await h.call('PATCH', url, { subject: 'Đơn hàng #code đã được xác nhận' });
    expect(edited.json()).toMatchObject({
      subject: 'Đơn hàng #code đã được xác nhận',
      body: orderEmail.body,
    });
    expect((await h.call('GET', url, undefined, h.member.headers)).json().subject).toBe(
      'Đơn hàng #code đã được xác nhận',
    );
    expect((await h.call('DELETE', url)).statusCode).toBe(204);
    expect((await h.call('GET', url)).statusCode).toBe(404);
  });

  it.each([
    [
      'email-templates',
      { ...orderEmail, subject: 'Đơn #ma_don' },
      'subject',
      'Trường trộn #ma_don: phân hệ Đơn hàng không có trường "ma_don"',
    ],
    [
      'email-templates',
      { ...orderEmail, body: '<p>#contact_id.shoe_size</p>' },
      'body',
      'Trường trộn #contact_id.shoe_size: phân hệ Liên hệ không có trường "shoe_size"',
    ],
    [
      'email-templates',
      { ...orderEmail, body: '<p>#code.name</p>' },
      'body',
      'Trường trộn #code.name: "code" không phải trường liên kết',
    ],
    [
      'sms-templates',
      { module: 'contact', name: 'Sinh nhật', body: 'Chúc mừng sinh nhật #ten' },
      'body',
      'Trường trộn #ten: phân hệ Liên hệ không có trường "ten"',
    ],
    [
      'print-templates',
      {
        module: 'order',
        name: 'Phiếu',
        body: '<table><tr data-each="lines"><td>#line.weight</td></tr></table>',
      },
      'body',
      'Trường trộn #line.weight không phải giá trị của dòng hàng hóa',
    ],
    [
      'print-templates',
      {
        module: 'order',
        name: 'Phiếu',
        body: '<table><tr data-each="lines"><td>#line.product_id.colour #owner</td></tr></table>',
      },
      'body',
      'Trường trộn #line.product_id.colour không phải giá trị của dòng hàng hóa',
    ],
  ])('refuses a %s merge field naming nothing: 400 on %#', async (kind, payload, field, message) => {
    const res = await h.call('POST', `/api/${kind}`, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
    expect(res.json().error.details).toContainEqual({ field, message });
  });

  it('names the unknown field in English for English callers, and on edits too', async () => {
    const created = (
      await h.call('POST', '/api/sms-templates', { module: 'lead', name: 'Chào', body: 'Chào #name' })
    ).json();
    const res = await h.app.inject({
      method: 'PATCH',
      url: `/api/sms-templates/${created.id}`,
      headers: { ...h.headers, 'accept-language': 'en' },
      payload: { module: 'product' },
    });
    expect(res.statusCode).toBe(200);
    const bad = await h.app.inject({
      method: 'PATCH',
      url: `/api/sms-templates/${created.id}`,
      headers: { ...h.headers, 'accept-language': 'en' },
      payload: { module: 'task' },
    });
    expect(bad.json().error.details).toEqual([
      { field: 'body', message: 'Merge field #name: Tasks has no field "name"' },
    ]);
  });

  it('accepts the organization’s custom fields in merge fields', async () => {
    const before = await h.call('POST', '/api/sms-templates', {
      module: 'contact',
      name: 'Hạng',
      body: 'Hạng thẻ: #loyalty_tier',
    });
    expect(before.statusCode).toBe(400);
    const field = await h.call('POST', '/api/modules/contact/fields', {
      key: 'loyalty_tier',
      labelVi: 'Hạng thẻ',
      labelEn: 'Loyalty tier',
      type: 'text',
    });
    expect(field.statusCode).toBe(201);
    const after = await h.call('POST', '/api/sms-templates', {
      module: 'contact',
      name: 'Hạng',
      body: 'Hạng thẻ: #loyalty_tier',
    });
    expect(after.statusCode).toBe(201);
  });

  it.each([
    ['plain ASCII that fits one SMS', 'Xin chao #name, don hang cua ban da giao.', 'GSM-7', 1],
    ['161 GSM-7 characters', 'a'.repeat(161), 'GSM-7', 2],
    ['Vietnamese with accents', 'Chúc mừng sinh nhật #name!', 'UCS-2', 1],
    ['71 accented characters', 'ạ'.repeat(71), 'UCS-2', 2],
  ])('counts SMS segments of %s', async (_name, body, encoding, segments) => {
    const res = await h.call('POST', '/api/sms-templates', { module: 'contact', name: 'Đếm', body });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ encoding, segments, length: Array.from(body).length });
    const list = await h.call('GET', '/api/sms-templates?module=contact');
    expect(list.json().items.find((t: { id: string }) => t.id === res.json().id)).toMatchObject({
      encoding,
      segments,
    });
  });

  it('keeps ZNS templates with typed params, refusing a key used twice', async () => {
    const params = [
      { key: 'customer_name', type: 'text', maxLength: 30 },
      { key: 'order_total', type: 'money', maxLength: 20 },
    ];
    const created = await h.call('POST', '/api/zns-templates', {
      name: 'Xác nhận đơn',
      providerTemplateId: '248123',
      params,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ providerTemplateId: '248123', params });
    const twice = await h.call('PATCH', `/api/zns-templates/${created.json().id}`, {
      params: [...params, { key: 'customer_name', type: 'text', maxLength: 10 }],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details).toEqual([
      { field: 'params.2.key', message: 'Khóa customer_name bị trùng' },
    ]);
    const badType = await h.call('POST', '/api/zns-templates', {
      name: 'Sai',
      providerTemplateId: '1',
      params: [{ key: 'x', type: 'colour', maxLength: 5 }],
    });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.details[0].field).toBe('params.0.type');
    const list = await h.call('GET', '/api/zns-templates', undefined, h.member.headers);
    expect(list.json().items.map((t: { name: string }) => t.name)).toEqual(['Xác nhận đơn']);
  });

  it('lets members read but not write; managers and admins write', async () => {
    const kinds = [
      ['email-templates', orderEmail],
      ['sms-templates', { module: 'contact', name: 'A', body: 'Chào #name' }],
      ['zns-templates', { name: 'Z', providerTemplateId: '1', params: [] }],
      ['print-templates', { module: 'order', name: 'P', body: '<p>#code</p>' }],
    ] as const;
    for (const [kind, payload] of kinds) {
      const refused = await h.call('POST', `/api/${kind}`, payload, h.member.headers);
      expect([kind, refused.statusCode]).toEqual([kind, 403]);
      const created = await h.call('POST', `/api/${kind}`, payload, h.manager.headers);
      expect([kind, created.statusCode]).toEqual([kind, 201]);
      const url = `/api/${kind}/${created.json().id}`;
      expect((await h.call('GET', url, undefined, h.member.headers)).statusCode).toBe(200);
      expect((await h.call('PATCH', url, { name: 'Đổi' }, h.member.headers)).statusCode).toBe(403);
      expect((await h.call('DELETE', url, undefined, h.member.headers)).statusCode).toBe(403);
      expect((await h.call('DELETE', url, undefined, h.manager.headers)).statusCode).toBe(204);
    }
  });

  it('hides another organization’s templates behind 404s', async () => {
    const other = await h.addOrganization();
    const theirs = (
      await h.call(
        'POST',
        '/api/print-templates',
        { module: 'order', name: 'Của họ', body: '<p>#code</p>' },
        other.admin.headers,
      )
    ).json();
    const url = `/api/print-templates/${theirs.id}`;
    expect((await h.call('GET', url)).statusCode).toBe(404);
    expect((await h.call('PATCH', url, { name: 'Lộ' })).statusCode).toBe(404);
    expect((await h.call('DELETE', url)).statusCode).toBe(404);
    expect((await h.call('POST', `${url}/render`, { recordId: theirs.id, format: 'html' })).statusCode).toBe(
      404,
    );
    expect(
      (await h.call('GET', '/api/print-templates')).json().items.map((t: { id: string }) => t.id),
    ).not.toContain(theirs.id);
  });
});
