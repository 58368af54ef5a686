import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, type TestUser } from '../../test/harness.ts';

describe('records API', () => {
  let h: Harness;
  let member: TestUser;
  beforeAll(async () => {
    h = await startHarness();
    member = await h.addUser({ role: 'member' });
  });
  afterAll(() => h.close());

  const create = (module: string, data: Record<string, unknown>, headers = h.headers) =>
    h.app.inject({ method: 'POST', url: `/api/records/${module}`, headers, payload: { data } });

  it('creates a record, normalising values, owned by its creator', async () => {
    const res = await create(
      'contact',
      { name: ' Nguyễn Văn An ', birthday: '15/08/1990', phone: ' 0912 345 678 ' },
      member.headers,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      module: 'contact',
      title: 'Nguyễn Văn An',
      data: { name: 'Nguyễn Văn An', birthday: '1990-08-15', phone: '0912 345 678', owner_id: member.id },
      ownerId: member.id,
      version: 1,
      createdBy: member.id,
    });
  });

  it.each([
    [
      'a date that does not exist',
      { name: 'An', birthday: '2023-02-29' },
      'birthday',
      'Ngày không hợp lệ (yyyy-MM-dd hoặc dd/MM/yyyy)',
    ],
    ['a missing required field', { email: 'an@example.vn' }, 'name', 'Bắt buộc nhập'],
    ['an unknown field', { name: 'An', shoe_size: 42 }, 'shoe_size', 'Trường không tồn tại trong phân hệ'],
    [
      'an owner who is nobody',
      { name: 'An', owner_id: '00000000-0000-4000-8000-000000000000' },
      'owner_id',
      'Người dùng không tồn tại',
    ],
  ])('refuses %s with 400 naming the field', async (_name, data, field, message) => {
    const res = await create('contact', data);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: [{ field, message }] });
  });

  it('refuses a reference to another organization’s record', async () => {
    const other = await h.addOrganization();
    const theirs = await create('account', { name: 'Công ty Khác' }, other.admin.headers);
    const res = await create('contact', { name: 'An', account_id: theirs.json().id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'account_id', message: 'Bản ghi được liên kết không tồn tại' },
    ]);
  });

  it('hides another organization’s records behind 404s', async () => {
    const other = await h.addOrganization('Công ty Đối Thủ');
    const theirs = (await create('account', { name: 'Bí mật' }, other.admin.headers)).json();
    const url = `/api/records/account/${theirs.id}`;
    for (const [method, payload] of [['GET'], ['PATCH', { data: { name: 'Lộ' } }], ['DELETE']] as const) {
      const res = await h.app.inject({ method, url, headers: h.headers, ...(payload ? { payload } : {}) });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('record_not_found');
    }
    const list = await h.app.inject({
      method: 'GET',
      url: '/api/records/account?q=bi mat',
      headers: h.headers,
    });
    expect(list.json().total).toBe(0);
  });

  it('gets one record with the titles of what it points at', async () => {
    const account = (await create('account', { name: 'Công ty Sao Việt' })).json();
    const contact = (await create('contact', { name: 'Lê Thị Hoa', account_id: account.id })).json();
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/records/contact/${contact.id}`,
      headers: h.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().related).toEqual({
      account_id: { id: account.id, title: 'Công ty Sao Việt' },
      owner_id: { id: h.admin.id, title: 'Người dùng admin' },
    });
  });

  it('lists records with the titles of what each points at, a deleted target as null', async () => {
    const first = (await create('account', { name: 'Công ty Hạ Long' })).json();
    const second = (await create('account', { name: 'Công ty Cửu Long' })).json();
    const gone = (await create('account', { name: 'Công ty Đã Xóa' })).json();
    const contacts = [
      (await create('contact', { name: 'Trịnh Văn Hải', account_id: first.id })).json(),
      (await create('contact', { name: 'Đoàn Thị Mai', account_id: second.id })).json(),
      (await create('contact', { name: 'Tạ Quang Huy', account_id: gone.id })).json(),
      (await create('contact', { name: 'Mạc Thị Lan' })).json(),
    ];
    await h.app.inject({ method: 'DELETE', url: `/api/records/account/${gone.id}`, headers: h.headers });
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/records/contact?pageSize=100`,
      headers: h.headers,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; related: Record<string, unknown> }[];
    const relatedOf = (id: string) => items.find((item) => item.id === id)?.related;
    const owner = { id: h.admin.id, title: 'Người dùng admin' };
    expect(relatedOf(contacts[0].id)).toEqual({
      account_id: { id: first.id, title: 'Công ty Hạ Long' },
      owner_id: owner,
    });
    expect(relatedOf(contacts[1].id)).toEqual({
      account_id: { id: second.id, title: 'Công ty Cửu Long' },
      owner_id: owner,
    });
    expect(relatedOf(contacts[2].id)).toEqual({ account_id: null, owner_id: owner });
    expect(relatedOf(contacts[3].id)).toEqual({ account_id: null, owner_id: owner });
  });

  it('edits with the version read, and refuses a stale one with 409', async () => {
    const lead = (await create('lead', { name: 'Phạm Minh', status: 'new' })).json();
    const url = `/api/records/lead/${lead.id}`;
    const first = await h.app.inject({
      method: 'PATCH',
      url,
      headers: h.headers,
      payload: { data: { status: 'contacted' }, version: 1 },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, data: { name: 'Phạm Minh', status: 'contacted' } });
    const stale = await h.app.inject({
      method: 'PATCH',
      url,
      headers: h.headers,
      payload: { data: { status: 'lost' }, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    const blind = await h.app.inject({
      method: 'PATCH',
      url,
      headers: h.headers,
      payload: { data: { status: 'lost', email: '' } },
    });
    expect(blind.json()).toMatchObject({ version: 3, data: { status: 'lost' } });
  });

  it('deletes a record, which then is gone', async () => {
    const task = (await create('task', { title: 'Gọi lại khách' })).json();
    const url = `/api/records/task/${task.id}`;
    expect((await h.app.inject({ method: 'DELETE', url, headers: h.headers })).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url, headers: h.headers })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'DELETE', url, headers: h.headers })).statusCode).toBe(404);
  });

  it('imports by external id: creates, then updates the same records, reporting refused rows', async () => {
    const url = '/api/records/product/import';
    const rows = [
      { externalId: 'ERP-1', data: { code: 'SP01', name: 'Bàn làm việc', price: '2500000' } },
      { externalId: 'ERP-2', data: { code: 'SP02', name: 'Ghế xoay', category: 'furniture' } },
      { externalId: 'ERP-3', data: { code: 'SP03', name: 'Tủ', category: 'kitchen' } },
    ];
    const first = await h.app.inject({ method: 'POST', url, headers: h.headers, payload: { records: rows } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      created: 2,
      updated: 0,
      failed: [{ index: 2, error: { code: 'validation_failed' } }],
    });
    expect(first.json().failed[0].error.details[0].field).toBe('category');

    const again = await h.app.inject({
      method: 'POST',
      url,
      headers: h.headers,
      payload: {
        records: [
          { externalId: 'ERP-1', data: { price: 2600000 } },
          { id: '00000000-0000-4000-8000-000000000000', data: {} },
        ],
      },
    });
    expect(again.json()).toMatchObject({
      created: 0,
      updated: 1,
      failed: [{ index: 1, error: { code: 'record_not_found' } }],
    });
    const list = await h.app.inject({
      method: 'GET',
      url: '/api/records/product?sort=code',
      headers: h.headers,
    });
    expect(
      list
        .json()
        .items.map((r: { externalId: string; data: { price?: number } }) => [r.externalId, r.data.price]),
    ).toEqual([
      ['ERP-1', 2600000],
      ['ERP-2', undefined],
    ]);
  });

  it('imports new records with their owners checked, and gives a deleted record’s external id to its replacement', async () => {
    const url = '/api/records/contact/import';
    const unknownUser = '00000000-0000-4000-8000-000000000001';
    const first = await h.call('POST', url, {
      records: [
        { externalId: 'CRM-1', data: { name: 'Trần Thị Bích', owner_id: member.id } },
        { externalId: 'CRM-2', data: { name: 'Lê Văn Cường', owner_id: unknownUser } },
        { externalId: 'CRM-3', data: { name: 'Phạm Minh Đức' } },
        { externalId: 'CRM-3', data: { phone: '0903 111 222' } },
      ],
    });
    expect(first.json()).toMatchObject({
      created: 2,
      updated: 1,
      failed: [{ index: 1, error: { code: 'validation_failed', details: [{ field: 'owner_id' }] } }],
    });
    const listed = async () =>
      (await h.call('GET', '/api/records/contact?pageSize=200')).json().items as {
        id: string;
        externalId: string;
        ownerId: string;
        version: number;
        data: { phone?: string };
      }[];
    const byExternal = async () =>
      new Map((await listed()).flatMap((r) => (r.externalId ? [[r.externalId, r] as const] : [])));
    const before = await byExternal();
    expect(before.get('CRM-1')).toMatchObject({ ownerId: member.id, version: 1 });
    // Created and then edited by the same import: owned by the importer, at its second version.
    expect(before.get('CRM-3')).toMatchObject({
      ownerId: h.admin.id,
      version: 2,
      data: { phone: '0903 111 222' },
    });

    const removed = before.get('CRM-1')?.id ?? '';
    expect((await h.call('DELETE', `/api/records/contact/${removed}`)).statusCode).toBe(204);
    const again = await h.call('POST', url, {
      records: [{ externalId: 'CRM-1', data: { name: 'Trần Thị Bích' } }],
    });
    expect(again.json()).toMatchObject({ created: 1, updated: 0, failed: [] });
    const replacement = (await byExternal()).get('CRM-1');
    expect(replacement?.id).toBeDefined();
    expect(replacement?.id).not.toBe(removed);
  });
});
