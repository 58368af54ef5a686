import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLocale } from '../i18n/index.ts';
import { orderRecord, signedInRoutes } from '../test/fixtures.ts';
import { mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';

const page = (items = [orderRecord()], total = items.length, pageNumber = 1) =>
  ok({ items, total, page: pageNumber, pageSize: 20 });

function setup({ total = 1 }: { total?: number } = {}) {
  const api = mockApi([
    ...signedInRoutes(),
    {
      path: '/api/records/order',
      reply: (call) => page([orderRecord()], total, Number(call.url.searchParams.get('page') ?? '1')),
    },
  ]);
  const view = renderApp('/records/order');
  const listCalls = () => api.callsTo('GET', '/api/records/order').map((call) => call.url.searchParams);
  return { api, ...view, listCalls };
}

const nbsp = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

describe('records list', () => {
  it('renders values the way their field types read: money, date, picklist, user, reference', async () => {
    setup();
    const row = await screen.findByTestId('record-row');
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => nbsp(cell.textContent));
    expect(cells).toEqual([
      'DH-0001',
      'Công ty Cổ phần Ánh Dương',
      '',
      '15/03/2025',
      'Đã giao hàng',
      '2.500.000 ₫',
    ]);
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Số đơn hàng',
      'Khách hàng',
      'Liên hệ',
      'Ngày đặt hàng',
      'Tình trạng',
      'Tổng tiền',
    ]);
    expect(screen.getByTestId('records-total')).toHaveTextContent('1 bản ghi');
  });

  it('takes reference titles from the list answer, with no request per cell', async () => {
    const withRelated = orderRecord({
      related: {
        account_id: { id: 'dddddddd-0000-4000-8000-000000000001', title: 'Công ty TNHH Hải Âu' },
        contact_id: null,
      },
    });
    const api = mockApi([
      ...signedInRoutes(),
      { path: '/api/records/order', reply: () => page([withRelated]) },
    ]);
    renderApp('/records/order');
    const row = await screen.findByTestId('record-row');
    expect(within(row).getByText('Công ty TNHH Hải Âu')).toBeVisible();
    expect(api.callsTo('GET', '/api/records/account/dddddddd-0000-4000-8000-000000000001')).toHaveLength(0);
  });

  it('shows users by name', async () => {
    const lead = {
      ...orderRecord(),
      id: 'ffffffff-0000-4000-8000-000000000001',
      module: 'lead' as const,
      title: 'Phạm Minh Khoa',
      data: {
        name: 'Phạm Minh Khoa',
        phone: '0912345678',
        source: 'zalo',
        status: 'new',
        owner_id: 'aaaaaaaa-0000-4000-8000-000000000002',
      },
    };
    mockApi([...signedInRoutes(), { path: '/api/records/lead', reply: () => page([lead]) }]);
    renderApp('/records/lead');
    const row = await screen.findByTestId('record-row');
    await waitFor(() => expect(within(row).getAllByRole('cell').at(-1)).toHaveTextContent('Trần Thị Lan'));
    expect(within(row).getByText('Zalo')).toBeInTheDocument();
  });

  it('labels picklists and modules in English when English is chosen', async () => {
    await changeLocale('en');
    setup();
    const row = await screen.findByTestId('record-row');
    expect(within(row).getByText('Delivered')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Orders' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('columnheader', { name: /Order number/ })).toBeInTheDocument();
  });

  it('asks the API for the sort a header click chooses, then the reverse order', async () => {
    const { user, listCalls } = setup();
    await screen.findByTestId('record-row');
    expect(listCalls()[0]?.get('sort')).toBeNull();
    expect(listCalls()[0]?.get('pageSize')).toBe('20');

    await user.click(screen.getByRole('button', { name: 'Tổng tiền' }));
    await waitFor(() => expect(listCalls().at(-1)?.get('sort')).toBe('total'));
    expect(listCalls().at(-1)?.get('order')).toBe('asc');
    expect(screen.getByRole('columnheader', { name: /Tổng tiền/ })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(screen.getByRole('button', { name: 'Tổng tiền' }));
    await waitFor(() => expect(listCalls().at(-1)?.get('order')).toBe('desc'));
    expect(screen.getByRole('columnheader', { name: /Tổng tiền/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  it('searches once the user pauses typing, and starts again from page 1', async () => {
    const { user, listCalls, router } = setup({ total: 45 });
    await screen.findByTestId('record-row');
    await user.click(screen.getByRole('button', { name: 'Trang sau' }));
    await waitFor(() => expect(listCalls().at(-1)?.get('page')).toBe('2'));

    await user.type(screen.getByRole('searchbox', { name: 'Tìm kiếm bản ghi' }), 'ánh dương');
    await waitFor(() => expect(listCalls().at(-1)?.get('q')).toBe('ánh dương'));
    expect(listCalls().at(-1)?.get('page')).toBe('1');
    // Debounced: no request was made for the partial words typed on the way.
    expect(listCalls().filter((params) => params.get('q') === 'á')).toHaveLength(0);
    expect(router.state.location.search).toBe(`?q=${encodeURIComponent('ánh dương').replace(/%20/g, '+')}`);
  });

  it('pages through the records with the total shown', async () => {
    const { user, listCalls } = setup({ total: 45 });
    await screen.findByTestId('record-row');
    expect(screen.getByTestId('records-total')).toHaveTextContent('45 bản ghi · 1–20 trên 45');
    expect(screen.getByText('Trang 1 / 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Trang trước' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Trang sau' }));
    await waitFor(() => expect(listCalls().at(-1)?.get('page')).toBe('2'));
    expect(await screen.findByText('Trang 2 / 3')).toBeInTheDocument();
    expect(screen.getByTestId('records-total')).toHaveTextContent('21–40 trên 45');
  });

  it('opens a record when its row is clicked', async () => {
    const { user, router } = setup();
    await user.click(await screen.findByText('15/03/2025'));
    expect(router.state.location.pathname).toBe('/records/order/cccccccc-0000-4000-8000-000000000001');
  });

  it('switches module from the tabs', async () => {
    const { user, api } = setup();
    api.use({ path: '/api/records/product', reply: () => page([]) });
    await screen.findByTestId('record-row');
    await user.click(screen.getByRole('link', { name: 'Hàng hóa' }));
    expect(await screen.findByText('Chưa có bản ghi nào.')).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Tên hàng hóa',
      'Mã hàng hóa',
      'Loại hàng hóa',
      'Đơn giá',
    ]);
  });
});
