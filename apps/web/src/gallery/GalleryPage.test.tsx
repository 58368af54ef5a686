import type { FlowGraph } from '@crmflow/flow';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { GalleryTemplate } from '../api/gallery.ts';
import { installFlowShims } from '../editor/test/render-editor.tsx';
import { changeLocale } from '../i18n/index.ts';
import { providerView, signedInRoutes } from '../test/fixtures.ts';
import { apiError, mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';
import { birthdayGraph, orderStatusGraph, workflow } from '../workflows/workflow-fixtures.testing.ts';

const birthdaySms: FlowGraph = {
  nodes: [
    ...birthdayGraph.nodes,
    {
      id: 'sms',
      type: 'send_sms',
      position: { x: 0, y: 160 },
      config: {
        name: 'SMS chúc mừng sinh nhật',
        provider: '{{provider:sms}}',
        to: { fields: ['phone'], users: [] },
        templateId: null,
        text: 'Chúc mừng sinh nhật #name!',
      },
    },
  ],
  edges: [{ id: 'e1', source: 'n1', target: 'sms' }],
};

const templates: GalleryTemplate[] = [
  {
    id: '77777777-0000-4000-8000-000000000001',
    module: 'order',
    kind: 'event',
    nameVi: 'Báo người phụ trách khi đơn hàng giao xong',
    nameEn: 'Tell the owner when an order is delivered',
    descriptionVi: 'Thông báo trong ứng dụng cho nhân viên phụ trách đơn.',
    descriptionEn: 'An in-app notification for the order’s owner.',
    category: 'sales',
    builtIn: true,
    graph: orderStatusGraph,
    needs: [],
    createdAt: '2025-03-01T02:00:00.000Z',
  },
  {
    id: '77777777-0000-4000-8000-000000000002',
    module: 'contact',
    kind: 'schedule',
    nameVi: 'Chúc mừng sinh nhật khách hàng',
    nameEn: 'Birthday greetings',
    descriptionVi: 'Chạy hằng năm vào ngày sinh của liên hệ.',
    descriptionEn: 'Runs every year on the contact’s birthday.',
    category: 'care',
    builtIn: true,
    graph: birthdaySms,
    needs: [{ placeholder: '{{provider:sms}}', what: 'provider', scope: 'sms', nodeIds: ['sms'] }],
    createdAt: '2025-03-01T02:00:00.000Z',
  },
  {
    id: '77777777-0000-4000-8000-000000000003',
    module: 'order',
    kind: 'event',
    nameVi: 'Mẫu riêng của chi nhánh',
    nameEn: '',
    descriptionVi: 'Chỉ có bản tiếng Việt',
    descriptionEn: '',
    category: 'organization',
    builtIn: false,
    graph: orderStatusGraph,
    needs: [],
    createdAt: '2025-03-01T02:00:00.000Z',
  },
];

const smsProviders = [
  providerView({
    id: '15151515-0000-4000-8000-000000000011',
    kind: 'sms',
    name: 'SMS mặc định',
    isDefault: true,
  }),
  providerView({ id: '15151515-0000-4000-8000-000000000012', kind: 'sms', name: 'SMS dự phòng' }),
  providerView({
    id: '15151515-0000-4000-8000-000000000013',
    kind: 'email',
    name: 'Hộp thư',
    isDefault: true,
  }),
];

function setup(path = '/templates') {
  const api = mockApi([
    ...signedInRoutes(),
    { path: '/api/templates', reply: () => ok({ items: templates }) },
    { path: '/api/providers', reply: () => ok({ items: smsProviders }) },
    { path: '/api/sms-templates', reply: () => ok({ items: [] }) },
  ]);
  return { api, ...renderApp(path) };
}

const cardNames = () =>
  screen
    .queryAllByTestId('template-card')
    .map((card) => within(card).getByRole('heading', { level: 2 }).textContent);

describe('template gallery', () => {
  beforeEach(installFlowShims);

  it('shows the organization’s templates apart from the built-in ones, with module, kind, channel and steps', async () => {
    setup();
    const own = within(await screen.findByTestId('gallery-own'));
    expect(own.getAllByTestId('template-card')).toHaveLength(1);
    expect(
      own.getByRole('button', { name: 'Sửa thông tin mẫu “Mẫu riêng của chi nhánh”' }),
    ).toBeInTheDocument();
    const builtIn = within(screen.getByTestId('gallery-built-in'));
    const [order, birthday] = builtIn.getAllByTestId('template-card');
    expect(within(order!).getByText('Đơn hàng')).toBeInTheDocument();
    expect(within(order!).queryByRole('button', { name: /^Sửa/ })).toBeNull();
    const steps = within(order!)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(steps).toEqual(['Khi nào', 'Thông báoBáo người phụ trách']);
    expect(within(birthday!).getByText('Quy trình chăm sóc')).toBeInTheDocument();
    expect(within(birthday!).getByText('SMS')).toBeInTheDocument();
  });

  it('reads in English, an organization’s template without English texts falling back to its Vietnamese ones', async () => {
    await changeLocale('en');
    setup();
    const own = within(await screen.findByTestId('gallery-own'));
    expect(own.getByRole('heading', { name: 'Mẫu riêng của chi nhánh' })).toBeInTheDocument();
    expect(own.getByText('Chỉ có bản tiếng Việt')).toBeInTheDocument();
    const builtIn = within(screen.getByTestId('gallery-built-in'));
    expect(builtIn.getByRole('heading', { name: 'Birthday greetings' })).toBeInTheDocument();
    expect(builtIn.getByText('Runs every year on the contact’s birthday.')).toBeInTheDocument();
  });

  it.each([
    ['/templates?kind=schedule', ['Chúc mừng sinh nhật khách hàng']],
    ['/templates?module=order', ['Mẫu riêng của chi nhánh', 'Báo người phụ trách khi đơn hàng giao xong']],
    ['/templates?channel=sms', ['Chúc mừng sinh nhật khách hàng']],
    ['/templates?q=SINH%20NHAT', ['Chúc mừng sinh nhật khách hàng']],
    ['/templates?q=chi%20nhanh', ['Mẫu riêng của chi nhánh']],
  ])('filters %s', async (path, names) => {
    setup(path);
    await screen.findByTestId('gallery-built-in');
    expect(cardNames()).toEqual(names);
  });

  it('opens a card on a read-only canvas with each step in words, its texts and what it needs', async () => {
    const { user } = setup();
    await user.click(
      await screen.findByRole('button', { name: 'Xem trước mẫu “Chúc mừng sinh nhật khách hàng”' }),
    );
    const preview = within(await screen.findByTestId('template-preview'));
    expect(preview.getByTestId('template-canvas')).toBeInTheDocument();
    const sms = preview.getByText((_text, element) => element?.getAttribute('data-step-id') === 'sms');
    expect(sms).toHaveTextContent('Gửi SMS · SMS chúc mừng sinh nhật');
    expect(sms).toHaveTextContent('Chúc mừng sinh nhật #name!');
    expect(preview.getByText('Nhà cung cấp SMS')).toBeInTheDocument();
    expect(preview.getByTestId('template-preview-channels')).toHaveTextContent('Kênh: SMS');
  });

  it('uses a template with the SMS provider picked in the dialog and opens the new care process', async () => {
    const { api, user, router } = setup();
    api.use({
      method: 'POST',
      path: '/api/templates/77777777-0000-4000-8000-000000000002/use',
      reply: () => ({
        status: 201,
        body: workflow({
          id: 'ffffffff-0000-4000-8000-000000000007',
          module: 'contact',
          kind: 'schedule',
          graph: birthdayGraph,
        }),
      }),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Dùng mẫu “Chúc mừng sinh nhật khách hàng”' }),
    );
    const dialog = within(await screen.findByTestId('use-template-dialog'));
    const provider = dialog.getByLabelText('Nhà cung cấp SMS');
    await waitFor(() => expect(provider).toHaveValue('15151515-0000-4000-8000-000000000011'));
    expect(dialog.getByRole('status')).toHaveTextContent('Đã đủ thông tin');
    await user.selectOptions(provider, '15151515-0000-4000-8000-000000000012');
    await user.click(screen.getByTestId('use-template-submit'));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/care-processes/ffffffff-0000-4000-8000-000000000007'),
    );
    expect(api.callsTo('POST', '/api/templates/77777777-0000-4000-8000-000000000002/use')[0]?.body).toEqual({
      name: 'Chúc mừng sinh nhật khách hàng',
      choices: { '{{provider:sms}}': '15151515-0000-4000-8000-000000000012' },
      smsTemplates: {},
      emailTemplates: {},
    });
  });

  it('says what is left open, and why a template could not be used', async () => {
    const { api, user, router } = setup();
    api.use({
      method: 'POST',
      path: '/api/templates/77777777-0000-4000-8000-000000000002/use',
      reply: () => apiError(404, { code: 'template_gone', message: 'Mẫu này không còn nữa.' }),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Dùng mẫu “Chúc mừng sinh nhật khách hàng”' }),
    );
    const dialog = within(await screen.findByTestId('use-template-dialog'));
    await user.selectOptions(dialog.getByLabelText('Nhà cung cấp SMS'), '');
    expect(dialog.getByRole('status')).toHaveTextContent('Còn 1 mục để trống');
    await user.click(screen.getByTestId('use-template-submit'));
    expect(await dialog.findByRole('alert')).toHaveTextContent('Mẫu này không còn nữa.');
    expect(router.state.location.pathname).toBe('/templates');
  });

  it('imports a template file and lists what is wrong with a bad one', async () => {
    const { api, user } = setup();
    api.use({
      method: 'POST',
      path: '/api/templates/import',
      reply: () =>
        apiError(400, {
          code: 'invalid_input',
          message: 'Dữ liệu gửi lên không hợp lệ',
          details: [{ field: 'graph.fax', message: 'Loại bước "send_fax" không tồn tại.' }],
        }),
    });
    const input = await screen.findByTestId('template-import-file');
    await user.upload(input, new File(['{ không phải JSON'], 'mau.json', { type: 'application/json' }));
    expect(await screen.findByText('Tệp không phải JSON hợp lệ.')).toBeInTheDocument();
    await user.upload(
      input,
      new File(['{"format":"crmflow.template"}'], 'mau.json', { type: 'application/json' }),
    );
    expect(await screen.findByText('graph.fax: Loại bước "send_fax" không tồn tại.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/templates/import')[0]?.body).toEqual({ format: 'crmflow.template' });
  });

  it('renames and deletes the organization’s own template', async () => {
    const { api, user } = setup();
    api.use({
      method: 'PATCH',
      path: '/api/templates/77777777-0000-4000-8000-000000000003',
      reply: () => ok({ ...templates[2], nameVi: 'Mẫu chi nhánh HN', nameEn: 'Mẫu chi nhánh HN' }),
    });
    api.use({
      method: 'DELETE',
      path: '/api/templates/77777777-0000-4000-8000-000000000003',
      reply: () => ({ status: 204 }),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Sửa thông tin mẫu “Mẫu riêng của chi nhánh”' }),
    );
    const name = screen.getByLabelText('Tên mẫu (tiếng Việt)');
    expect(screen.getByLabelText('Tên mẫu (tiếng Anh)')).toHaveValue('');
    await user.clear(name);
    await user.type(name, 'Mẫu chi nhánh HN');
    await user.type(screen.getByLabelText('Tên mẫu (tiếng Anh)'), 'Hanoi branch template');
    await user.type(screen.getByLabelText('Mô tả (tiếng Anh)'), 'For the Hanoi branch');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() =>
      expect(api.callsTo('PATCH', '/api/templates/77777777-0000-4000-8000-000000000003')[0]?.body).toEqual({
        name: { vi: 'Mẫu chi nhánh HN', en: 'Hanoi branch template' },
        description: { vi: 'Chỉ có bản tiếng Việt', en: 'For the Hanoi branch' },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Xóa mẫu “Mẫu riêng của chi nhánh”' }));
    await user.click(await screen.findByRole('button', { name: 'Xóa mẫu' }));
    await waitFor(() =>
      expect(api.callsTo('DELETE', '/api/templates/77777777-0000-4000-8000-000000000003')).toHaveLength(1),
    );
  });
});
