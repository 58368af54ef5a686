import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.ts';

const accounts = [
  { name: 'Công ty Thép Hòa Phát', industry: 'manufacturing', email: 'lienhe@hoaphat.vn' },
  { name: 'Siêu thị Gia Đình Việt', industry: 'retail', email: 'info@giadinhviet.vn' },
  { name: 'Phần mềm Lạc Hồng', industry: 'technology', email: 'hello@lachong.vn' },
  { name: 'ĐIỆN TỬ VIỆT NHẬT', industry: 'technology', email: 'sales@vietnhat.vn' },
  { name: 'Bán lẻ Minh Châu', industry: 'retail' },
];

describe('records list', () => {
  let h: Harness;
  const list = async (query: string) => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/records/account?${query}`,
      headers: h.headers,
    });
    expect(res.statusCode).toBe(200);
    return res.json() as {
      items: { data: { name: string } }[];
      total: number;
      page: number;
      pageSize: number;
    };
  };
  const names = async (query: string) => (await list(query)).items.map((item) => item.data.name);

  beforeAll(async () => {
    h = await startHarness();
    for (const data of accounts) {
      await h.app.inject({
        method: 'POST',
        url: '/api/records/account',
        headers: h.headers,
        payload: { data },
      });
    }
    await h.app.inject({
      method: 'POST',
      url: '/api/records/opportunity',
      headers: h.headers,
      payload: { data: { name: 'Lớn', amount: 1_000_000_000 } },
    });
    await h.app.inject({
      method: 'POST',
      url: '/api/records/opportunity',
      headers: h.headers,
      payload: { data: { name: 'Nhỏ', amount: 90_000_000 } },
    });
  });
  afterAll(() => h.close());

  it.each([
    ['hoa phat', ['Công ty Thép Hòa Phát']],
    ['HÒA PHÁT', ['Công ty Thép Hòa Phát']],
    ['dien tu', ['ĐIỆN TỬ VIỆT NHẬT']],
    ['viet', ['Siêu thị Gia Đình Việt', 'ĐIỆN TỬ VIỆT NHẬT']],
    ['lachong.vn', ['Phần mềm Lạc Hồng']],
    ['100%', []],
  ])('searches %j ignoring case and accents', async (q, expected) => {
    expect((await names(`q=${encodeURIComponent(q)}&sort=name`)).sort()).toEqual([...expected].sort());
  });

  it('sorts by a field in either direction, and by timestamps', async () => {
    const ascending = await names('sort=name');
    expect(ascending[0]).toBe('Bán lẻ Minh Châu');
    expect(await names('sort=name&order=desc')).toEqual([...ascending].reverse());
    expect((await names('sort=createdAt&order=asc'))[0]).toBe('Công ty Thép Hòa Phát');
    expect((await names('')).at(-1)).toBe('Công ty Thép Hòa Phát');
  });

  it('sorts money as numbers, not as text', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/records/opportunity?sort=amount',
      headers: h.headers,
    });
    expect(res.json().items.map((item: { data: { name: string } }) => item.data.name)).toEqual([
      'Nhỏ',
      'Lớn',
    ]);
  });

  it('pages without overlap', async () => {
    const first = await list('sort=name&pageSize=2&page=1');
    const second = await list('sort=name&pageSize=2&page=2');
    const third = await list('sort=name&pageSize=2&page=3');
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    const all = [...first.items, ...second.items, ...third.items].map((item) => item.data.name);
    expect(all).toEqual(await names('sort=name'));
  });

  it.each([
    ['filter.industry=retail', ['Bán lẻ Minh Châu', 'Siêu thị Gia Đình Việt']],
    [
      'filter.industry=retail&filter.industry=manufacturing',
      ['Bán lẻ Minh Châu', 'Công ty Thép Hòa Phát', 'Siêu thị Gia Đình Việt'],
    ],
    ['filter.email=', ['Bán lẻ Minh Châu']],
    ['filter.industry=technology&q=viet', ['ĐIỆN TỬ VIỆT NHẬT']],
  ])('filters %s', async (query, expected) => {
    expect(await names(`${query}&sort=name`)).toEqual(expected);
  });

  it.each([
    ['sort=shoe_size', 'sort'],
    ['filter.shoe_size=42', 'filter.shoe_size'],
    ['pageSize=1000', 'pageSize'],
    ['page=0', 'page'],
    ['order=sideways', 'order'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/records/account?${query}`,
      headers: h.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual([field]);
  });

  it('refuses an unknown module with 400', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/records/invoice', headers: h.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('module');
  });
});
