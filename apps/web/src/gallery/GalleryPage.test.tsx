import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GalleryTemplate } from '../api/gallery.ts';
import { signedInRoutes } from '../test/fixtures.ts';
import { apiError, mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';
import { birthdayGraph, orderStatusGraph, workflow } from '../workflows/workflow-fixtures.testing.ts';

const templates: GalleryTemplate[] = [
  {
    id: 'tpl-order',
    module: 'order',
    kind: 'event',
    nameVi: 'Báo người phụ trách khi đơn hàng giao xong',
    nameEn: 'Tell the owner when an order is delivered',
    descriptionVi: 'Thông báo trong ứng dụng cho nhân viên phụ trách đơn.',
    descriptionEn: 'An in-app notification for the order’s owner.',
    category: 'sales',
    graph: orderStatusGraph,
  },
  {
    id: 'tpl-birthday',
    module: 'contact',
    kind: 'schedule',
    nameVi: 'Chúc mừng sinh nhật khách hàng',
    nameEn: 'Birthday greetings',
    descriptionVi: 'Chạy hằng năm vào ngày sinh của liên hệ.',
    descriptionEn: 'Runs every year on the contact’s birthday.',
    category: 'care',
    graph: birthdayGraph,
  },
];

function setup(path = '/templates') {
  const api = mockApi([
    ...signedInRoutes(),
    {
      path: '/api/templates',
      reply: (call) => {
        const module = call.url.searchParams.get('module');
        const kind = call.url.searchParams.get('kind');
        return ok({
          items: templates.filter(
            (item) => (!module || item.module === module) && (!kind || item.kind === kind),
          ),
        });
      },
    },
  ]);
  return { api, ...renderApp(path) };
}

describe('template gallery', () => {
  it('shows each template with its module, kind and steps in running order', async () => {
    setup();
    const cards = await screen.findAllByTestId('template-card');
    expect(cards).toHaveLength(2);
    const order = cards[0]!;
    expect(
      within(order).getByRole('heading', { name: 'Báo người phụ trách khi đơn hàng giao xong' }),
    ).toBeInTheDocument();
    expect(within(order).getByText('Đơn hàng')).toBeInTheDocument();
    expect(within(order).getByText('Quy trình làm việc')).toBeInTheDocument();
    const steps = within(order)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(steps).toEqual(['Khi nào', 'Thông báoBáo người phụ trách']);
    expect(within(cards[1]!).getByText('Quy trình chăm sóc')).toBeInTheDocument();
  });

  it('filters by module and kind through the API', async () => {
    const { api, user } = setup('/templates?kind=schedule');
    expect(await screen.findAllByTestId('template-card')).toHaveLength(1);
    expect(api.callsTo('GET', '/api/templates').at(-1)?.url.searchParams.get('kind')).toBe('schedule');
    await user.selectOptions(screen.getByLabelText('Phân hệ'), 'order');
    expect(await screen.findByText('Không có mẫu nào phù hợp với bộ lọc.')).toBeInTheDocument();
    const last = api.callsTo('GET', '/api/templates').at(-1)?.url.searchParams;
    expect([last?.get('module'), last?.get('kind')]).toEqual(['order', 'schedule']);
  });

  it('copies a template into an inactive care process and opens it in the editor', async () => {
    const { api, user, router } = setup();
    api.use({
      method: 'POST',
      path: '/api/templates/tpl-birthday/use',
      reply: () => ({
        status: 201,
        body: workflow({
          id: 'wf-new',
          module: 'contact',
          kind: 'schedule',
          name: 'Chúc mừng sinh nhật khách hàng',
          graph: birthdayGraph,
        }),
      }),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Dùng mẫu “Chúc mừng sinh nhật khách hàng”' }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/care-processes/wf-new'));
    expect(api.callsTo('POST', '/api/templates/tpl-birthday/use')).toHaveLength(1);
  });

  it('says why a template could not be used, on its card', async () => {
    const { api, user, router } = setup();
    api.use({
      method: 'POST',
      path: '/api/templates/tpl-order/use',
      reply: () => apiError(404, { code: 'template_gone', message: 'Mẫu này không còn nữa.' }),
    });
    const button = await screen.findByRole('button', {
      name: 'Dùng mẫu “Báo người phụ trách khi đơn hàng giao xong”',
    });
    await user.click(button);
    const card = button.closest('li')!;
    expect(await within(card).findByRole('alert')).toHaveTextContent('Mẫu này không còn nữa.');
    expect(router.state.location.pathname).toBe('/templates');
  });
});
