import type { FlowGraph } from '@crmflow/flow';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { GalleryTemplate } from '../api/gallery.ts';
import { installFlowShims } from '../editor/test/render-editor.tsx';
import { allocationRule, emailTemplate, member, providerView, signedInRoutes } from '../test/fixtures.ts';
import { mockApi, ok } from '../test/mock-api.ts';
import { renderApp } from '../test/render-app.tsx';
import { birthdayGraph, workflow } from '../workflows/workflow-fixtures.testing.ts';

const at = (y: number) => ({ x: 0, y });

const birthdaySms: FlowGraph = {
  nodes: [
    ...birthdayGraph.nodes,
    {
      id: 'sms',
      type: 'send_sms',
      position: at(160),
      config: {
        name: 'SMS sinh nhật',
        provider: '{{provider:sms}}',
        templateId: null,
        text: 'Chúc mừng #name!',
      },
    },
  ],
  edges: [{ id: 'e1', source: 'n1', target: 'sms' }],
};

const leadAllocation: FlowGraph = {
  nodes: [
    { id: 't', type: 'trigger', position: at(0), config: { on: 'create', fields: [], match: 'any' } },
    {
      id: 'assign',
      type: 'assign_owner',
      position: at(160),
      config: { mode: 'rule', ruleId: '{{allocationRule:lead}}' },
    },
  ],
  edges: [{ id: 'e1', source: 't', target: 'assign' }],
};

const orderEmail: FlowGraph = {
  nodes: [
    { id: 't', type: 'trigger', position: at(0), config: { on: 'create', fields: [], match: 'any' } },
    {
      id: 'email',
      type: 'send_email',
      position: at(160),
      config: {
        name: 'Email xác nhận',
        provider: 'system',
        subject: 'Xác nhận đơn hàng #code',
        body: '<p>Cảm ơn Quý khách đã đặt đơn <strong>#code</strong>.</p>',
        templateId: null,
      },
    },
  ],
  edges: [{ id: 'e1', source: 't', target: 'email' }],
};

let templateCount = 0;
const template = (name: string, overrides: Partial<GalleryTemplate>): GalleryTemplate => ({
  id: `77777777-0000-4000-8000-${String(++templateCount).padStart(12, '0')}`,
  module: 'order',
  kind: 'event',
  nameVi: name,
  nameEn: name,
  descriptionVi: '',
  descriptionEn: '',
  category: 'sales',
  builtIn: true,
  graph: orderEmail,
  needs: [],
  createdAt: '2025-03-01T02:00:00.000Z',
  ...overrides,
});

const templates = [
  template('Sinh nhật', {
    module: 'contact',
    kind: 'schedule',
    graph: birthdaySms,
    needs: [{ placeholder: '{{provider:sms}}', what: 'provider', scope: 'sms', nodeIds: ['sms'] }],
  }),
  template('Phân bổ', {
    module: 'lead',
    graph: leadAllocation,
    needs: [
      { placeholder: '{{allocationRule:lead}}', what: 'allocationRule', scope: 'lead', nodeIds: ['assign'] },
    ],
  }),
  template('Xác nhận đơn', {}),
];

/** The gallery with an organization that has no SMS provider, no allocation rule and no templates yet. */
function setup() {
  const providers: object[] = [];
  const rules: object[] = [];
  const api = mockApi([
    ...signedInRoutes(),
    { path: '/api/templates', reply: () => ok({ items: templates }) },
    { path: '/api/providers', reply: () => ok({ items: providers }) },
    { path: '/api/allocation-rules', reply: () => ok({ items: rules }) },
    { path: /^\/api\/(sms|email)-templates$/, reply: () => ok({ items: [] }) },
    {
      method: 'POST',
      path: '/api/providers',
      reply: ({ body }) => {
        const created = providerView({
          id: '15151515-0000-4000-8000-000000000021',
          isDefault: true,
          ...Object(body),
        });
        providers.push(created);
        return { status: 201, body: created };
      },
    },
    {
      method: 'POST',
      path: '/api/allocation-rules',
      reply: ({ body }) => {
        const created = allocationRule({ id: '17171717-0000-4000-8000-000000000001', ...Object(body) });
        rules.push(created);
        return { status: 201, body: created };
      },
    },
    {
      method: 'POST',
      path: '/api/email-templates',
      reply: () => ({
        status: 201,
        body: emailTemplate({
          id: '16161616-0000-4000-8000-000000000021',
          module: 'order',
          name: 'Email xác nhận (từ thư viện mẫu)',
        }),
      }),
    },
    {
      method: 'POST',
      path: /^\/api\/templates\/[^/]+\/use$/,
      reply: () => ({ status: 201, body: workflow({ id: 'ffffffff-0000-4000-8000-000000000007' }) }),
    },
  ]);
  return { api, ...renderApp('/templates') };
}

async function openDialog(user: ReturnType<typeof setup>['user'], name: string) {
  await user.click(await screen.findByRole('button', { name: `Dùng mẫu “${name}”` }));
  return within(await screen.findByTestId('use-template-dialog'));
}

/** What "Dùng mẫu" sent for the template of that name. */
const useBody = (api: ReturnType<typeof setup>['api'], name: string) => {
  const id = templates.find((item) => item.nameVi === name)?.id ?? '';
  return api.callsTo('POST', `/api/templates/${id}/use`)[0]?.body;
};

describe('“Dùng mẫu” creates what the organization lacks', () => {
  beforeEach(installFlowShims);

  it('adds an SMS provider with the settings’ form inside the dialog and chooses it', async () => {
    const { api, user } = setup();
    const dialog = await openDialog(user, 'Sinh nhật');
    const provider = dialog.getByLabelText('Nhà cung cấp SMS');
    await dialog.findByText(/Tổ chức chưa có nhà cung cấp này/);
    expect(provider).toHaveValue('');
    expect(dialog.getByRole('status')).toHaveTextContent('Còn 1 mục để trống');

    await user.click(dialog.getByRole('button', { name: 'Tạo mới ngay' }));
    const form = within(dialog.getByTestId('create-provider'));
    expect(dialog.getByRole('group', { name: 'Tạo mới: Nhà cung cấp SMS' })).toBeInTheDocument();
    await user.type(form.getByLabelText('Tên'), 'Cổng SMS thử');
    await user.selectOptions(form.getByLabelText('Kiểu kết nối'), 'capture');
    await user.click(form.getByRole('button', { name: 'Lưu và chọn' }));

    await waitFor(() => expect(provider).toHaveValue('15151515-0000-4000-8000-000000000021'));
    expect(api.callsTo('POST', '/api/providers')[0]?.body).toEqual({
      kind: 'sms',
      adapter: 'capture',
      name: 'Cổng SMS thử',
      config: {},
    });
    expect(dialog.queryByTestId('create-provider')).toBeNull();
    expect(dialog.getByRole('status')).toHaveTextContent('Đã đủ thông tin');
    await user.click(screen.getByTestId('use-template-submit'));
    await waitFor(() =>
      expect(useBody(api, 'Sinh nhật')).toMatchObject({
        choices: { '{{provider:sms}}': '15151515-0000-4000-8000-000000000021' },
      }),
    );
  });

  it('shows the provider API’s field errors in the inline form and keeps the choice open', async () => {
    const { api, user } = setup();
    api.use({
      method: 'POST',
      path: '/api/providers',
      reply: () => ({
        status: 400,
        body: {
          error: {
            code: 'invalid_input',
            message: 'Dữ liệu gửi lên không hợp lệ',
            details: [{ field: 'name', message: 'Nhập tên nhà cung cấp.' }],
          },
        },
      }),
    });
    const dialog = await openDialog(user, 'Sinh nhật');
    await user.click(await dialog.findByRole('button', { name: 'Tạo mới ngay' }));
    await user.click(dialog.getByRole('button', { name: 'Lưu và chọn' }));
    expect(await dialog.findByText('Nhập tên nhà cung cấp.')).toBeInTheDocument();
    expect(dialog.getByLabelText('Nhà cung cấp SMS')).toHaveValue('');
    expect(dialog.getByTestId('create-provider')).toBeInTheDocument();
  });

  it('makes an allocation rule of the template’s module with the settings’ rule form and chooses it', async () => {
    const { api, user } = setup();
    const dialog = await openDialog(user, 'Phân bổ');
    const rule = dialog.getByLabelText('Quy tắc phân bổ của phân hệ Tiềm năng');
    await user.click(await dialog.findByRole('button', { name: 'Tạo mới ngay' }));
    const form = within(dialog.getByTestId('create-rule'));
    expect(form.getByLabelText('Phân hệ')).toBeDisabled();
    await user.selectOptions(await form.findByLabelText('Thêm người dùng…'), member.id);
    await user.click(form.getByRole('button', { name: 'Lưu và chọn' }));

    await waitFor(() => expect(rule).toHaveValue('17171717-0000-4000-8000-000000000001'));
    expect(api.callsTo('POST', '/api/allocation-rules')[0]?.body).toEqual({
      module: 'lead',
      name: 'Quy tắc phân bổ của phân hệ Tiềm năng',
      userIds: [member.id],
      active: true,
    });
    await user.click(screen.getByTestId('use-template-submit'));
    await waitFor(() =>
      expect(useBody(api, 'Phân bổ')).toMatchObject({
        choices: { '{{allocationRule:lead}}': '17171717-0000-4000-8000-000000000001' },
      }),
    );
  });

  it('makes an email template from the step’s own subject and body and sets it on the step', async () => {
    const { api, user } = setup();
    const dialog = await openDialog(user, 'Xác nhận đơn');
    const step = dialog.getByLabelText('Nội dung email của bước “Email xác nhận”');
    expect(
      dialog.getByText('Xác nhận đơn hàng #code — Cảm ơn Quý khách đã đặt đơn #code.'),
    ).toBeInTheDocument();
    await user.selectOptions(step, 'create');
    await user.click(screen.getByTestId('use-template-submit'));
    await waitFor(() =>
      expect(useBody(api, 'Xác nhận đơn')).toMatchObject({
        emailTemplates: { email: '16161616-0000-4000-8000-000000000021' },
      }),
    );
    expect(api.callsTo('POST', '/api/email-templates')[0]?.body).toEqual({
      module: 'order',
      name: 'Email xác nhận (từ thư viện mẫu)',
      subject: 'Xác nhận đơn hàng #code',
      body: '<p>Cảm ơn Quý khách đã đặt đơn <strong>#code</strong>.</p>',
    });
  });
});
