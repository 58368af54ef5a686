import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { member, signedInRoutes } from '../test/fixtures.ts';
import { mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';

const card = {
  id: '13131313-0000-4000-8000-000000000001',
  orderId: 'cccccccc-0000-4000-8000-000000000001',
  orderCode: 'ĐH-0001',
  productId: 'eeeeeeee-0000-4000-8000-000000000001',
  productName: 'Máy lọc nước',
  category: null,
  ownerId: 'aaaaaaaa-0000-4000-8000-000000000002',
  ownerName: 'Lê Hoàng Cường',
  careDate: '2026-12-09',
  layout: 'default',
  fields: {},
  createdAt: '2026-12-01T00:00:00Z',
};

const queries = (calls: { method: string; url: URL }[]) =>
  calls.filter((c) => c.url.pathname === '/api/care-cards').map((c) => c.url.search);

describe('care cards page', () => {
  // Wednesday 9 December 2026, 10:00 in Vietnam.
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-09T03:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('opens on my cards due today and asks for this week’s or everybody’s when chosen', async () => {
    const api = mockApi([
      ...signedInRoutes(),
      { path: '/api/care-cards', reply: () => ok({ items: [card] }) },
    ]);
    renderApp('/care-cards');
    expect(await screen.findByRole('link', { name: 'Máy lọc nước' })).toHaveAttribute(
      'href',
      '/records/order/cccccccc-0000-4000-8000-000000000001',
    );
    expect(screen.getByText('Ngày chăm sóc 09/12/2026')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Tuần này' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Mọi người' }));
    await vi.waitFor(() =>
      expect(queries(api.calls)).toEqual([
        '?owner=me&from=2026-12-09&to=2026-12-09',
        '?owner=me&from=2026-12-07&to=2026-12-13',
        '?from=2026-12-07&to=2026-12-13',
      ]),
    );
  });

  it('offers a member no one else’s cards', async () => {
    mockApi([...signedInRoutes(member), { path: '/api/care-cards', reply: () => ok({ items: [] }) }]);
    renderApp('/care-cards');
    await screen.findByText('Không có thẻ chăm sóc');
    expect(screen.queryByRole('radio', { name: 'Mọi người' })).not.toBeInTheDocument();
  });
});
