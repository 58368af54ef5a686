import { moduleKeys, standardModules } from '@crmflow/flow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.ts';

describe('module metadata', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const modules = async (headers = h.headers) => {
    const res = await h.app.inject({ method: 'GET', url: '/api/modules', headers });
    expect(res.statusCode).toBe(200);
    return res.json().items as {
      key: string;
      titleField: string;
      fields: { key: string; system: boolean }[];
    }[];
  };

  it('serves every module with its standard fields in order', async () => {
    const items = await modules();
    expect(items.map((m) => m.key)).toEqual(moduleKeys);
    const order = items.find((m) => m.key === 'order');
    expect(order?.titleField).toBe('code');
    expect(order?.fields.map((f) => f.key)).toEqual(standardModules.order.fields.map((f) => f.key));
  });

  it('adds a custom field that records then accept, in this organization only', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/modules/contact/fields',
      headers: h.headers,
      payload: {
        key: 'zalo_id',
        labelVi: 'Mã Zalo',
        labelEn: 'Zalo id',
        type: 'text',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      key: 'zalo_id',
      system: false,
      required: false,
      options: [],
      refModule: null,
    });
    const contact = (await modules()).find((m) => m.key === 'contact');
    expect(contact?.fields.at(-1)?.key).toBe('zalo_id');

    const record = await h.app.inject({
      method: 'POST',
      url: '/api/records/contact',
      headers: h.headers,
      payload: { data: { name: 'Hoàng Yến', zalo_id: 'yen.hoang' } },
    });
    expect(record.json().data.zalo_id).toBe('yen.hoang');

    const other = await h.addOrganization();
    const theirs = (await modules(other.admin.headers)).find((m) => m.key === 'contact');
    expect(theirs?.fields.map((f) => f.key)).not.toContain('zalo_id');
  });

  it.each([
    [
      'an existing key',
      { key: 'email', labelVi: 'Thư', labelEn: 'Mail', type: 'email' },
      409,
      'field_exists',
      undefined,
    ],
    [
      'a key with capitals',
      { key: 'ZaloId', labelVi: 'Z', labelEn: 'Z', type: 'text' },
      400,
      'invalid_input',
      'key',
    ],
    [
      'a picklist without options',
      { key: 'tier', labelVi: 'Hạng', labelEn: 'Tier', type: 'picklist' },
      400,
      'invalid_input',
      'options',
    ],
    [
      'a reference to nowhere',
      { key: 'partner_id', labelVi: 'Đối tác', labelEn: 'Partner', type: 'reference' },
      400,
      'invalid_input',
      'refModule',
    ],
    [
      'an unknown type',
      { key: 'blob', labelVi: 'B', labelEn: 'B', type: 'file' },
      400,
      'invalid_input',
      'type',
    ],
  ])('refuses %s', async (_name, payload, status, code, field) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/modules/contact/fields',
      headers: h.headers,
      payload,
    });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    if (field) expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual([field]);
  });

  it('edits a custom field: labels, options and required, seen at once by record writes', async () => {
    const add = await h.call('POST', '/api/modules/account/fields', {
      key: 'tier',
      labelVi: 'Hạng',
      labelEn: 'Tier',
      type: 'picklist',
      options: [
        { value: 'gold', labelVi: 'Vàng', labelEn: 'Gold' },
        { value: 'silver', labelVi: 'Bạc', labelEn: 'Silver' },
      ],
    });
    expect(add.statusCode).toBe(201);
    const used = await h.call('POST', '/api/records/account', {
      data: { name: 'Công ty Ánh Dương', tier: 'gold' },
    });
    expect(used.statusCode).toBe(201);

    const edit = await h.call('PATCH', '/api/modules/account/fields/tier', {
      labelVi: 'Hạng khách hàng',
      required: true,
      options: [
        { value: 'gold', labelVi: 'Vàng', labelEn: 'Gold' },
        { value: 'silver', labelVi: 'Bạc', labelEn: 'Silver' },
        { value: 'bronze', labelVi: 'Đồng', labelEn: 'Bronze' },
      ],
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ labelVi: 'Hạng khách hàng', labelEn: 'Tier', required: true });
    const missing = await h.call('POST', '/api/records/account', { data: { name: 'Công ty Bình Minh' } });
    expect(missing.statusCode).toBe(400);
    const bronze = await h.call('POST', '/api/records/account', {
      data: { name: 'Công ty Bình Minh', tier: 'bronze' },
    });
    expect(bronze.statusCode).toBe(201);

    // Dropping an option records hold is refused, in the caller's language, and changes nothing.
    const drop = await h.app.inject({
      method: 'PATCH',
      url: '/api/modules/account/fields/tier',
      headers: { ...h.headers, 'accept-language': 'en' },
      payload: { labelEn: 'Level', options: [{ value: 'silver', labelVi: 'Bạc', labelEn: 'Silver' }] },
    });
    expect(drop.statusCode).toBe(400);
    expect(drop.json().error.details).toEqual([
      { field: 'options', message: 'An option that records hold cannot be removed' },
    ]);
    const account = (await modules()).find((m) => m.key === 'account');
    const tier = account?.fields.find((f) => f.key === 'tier') as unknown as {
      labelEn: string;
      options: unknown[];
    };
    expect(tier.labelEn).toBe('Tier');
    expect(tier.options).toHaveLength(3);
  });

  it.each([
    ['a standard field', 'contact', 'email', { labelVi: 'Thư' }, 409, 'field_system'],
    ['a field that does not exist', 'contact', 'nothing_here', { labelVi: 'X' }, 404, 'field_not_found'],
    ['an empty label', 'contact', 'zalo_id', { labelVi: '  ' }, 400, 'invalid_input'],
    [
      'options on a text field',
      'contact',
      'zalo_id',
      { options: [{ value: 'a', labelVi: 'A', labelEn: 'A' }] },
      400,
      'invalid_input',
    ],
  ])('refuses to edit %s', async (_name, module, key, payload, status, code) => {
    const res = await h.call('PATCH', `/api/modules/${module}/fields/${key}`, payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('lets only admins edit fields', async () => {
    const member = await h.addUser({ role: 'manager' });
    const res = await h.call(
      'PATCH',
      '/api/modules/contact/fields/zalo_id',
      { labelVi: 'Zalo' },
      member.headers,
    );
    expect(res.statusCode).toBe(403);
  });
});
