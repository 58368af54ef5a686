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
});
