import type { FlowGraph } from '@crmflow/flow';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { installFlowShims, renderInspector, trigger } from '../test/render-editor.tsx';

const withAction = (type: string, config: Record<string, unknown>): FlowGraph => ({
  nodes: [trigger(), { id: 'n2', type, position: { x: 0, y: 150 }, config }],
  edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
});

const task = {
  title: '',
  description: '',
  dueInDays: 2,
  taskType: 'call',
  priority: 'high',
  assignee: { field: 'owner_id' },
  related: [],
};

beforeEach(() => {
  installFlowShims();
});

describe('trigger form', () => {
  it('watches the fields chosen when records are edited, with the repeat choice of the reference', async () => {
    const { user, configOf } = renderInspector({
      graph: { nodes: [trigger({ on: 'create', fields: [], match: 'any', repeat: true })], edges: [] },
      select: 'n1',
    });
    expect(screen.queryByLabelText('Thêm trường')).toBeNull();
    await user.click(screen.getByLabelText('Sửa'));
    await user.selectOptions(screen.getByLabelText('Thêm trường'), 'status');
    await user.click(screen.getByLabelText('Lặp lại quy trình này bất cứ khi nào có một bản ghi được sửa'));
    expect(configOf('n1')).toEqual({ on: 'update', fields: ['status'], match: 'any', repeat: false });
    await user.click(screen.getByRole('button', { name: 'Xóa Tình trạng' }));
    expect(configOf('n1')).toMatchObject({ fields: [] });
  });

  it('switched from edit to create, keeps none of the settings it no longer shows', async () => {
    const { user, configOf } = renderInspector({
      graph: {
        nodes: [trigger({ on: 'update', fields: ['status', 'code'], match: 'all', repeat: false })],
        edges: [],
      },
      select: 'n1',
    });
    await user.click(screen.getByLabelText('Thêm', { exact: true }));
    expect(configOf('n1')).toEqual({ on: 'create', fields: [], match: 'any', repeat: true });
  });

  it('sets a care process to run days before a date, in the week, at a time', async () => {
    const { user, configOf } = renderInspector({
      graph: {
        nodes: [
          trigger({
            dateField: 'birthday',
            recurrence: 'yearly',
            offsetDays: 0,
            window: 'day',
            runAt: '08:00',
          }),
        ],
        edges: [],
      },
      select: 'n1',
      kind: 'schedule',
      module: 'contact',
    });
    expect(
      within(screen.getByLabelText('Trường ngày')).getByRole('option', { name: 'Ngày sinh' }),
    ).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Thời điểm'), 'before');
    await user.clear(screen.getByLabelText('Số ngày'));
    await user.type(screen.getByLabelText('Số ngày'), '3');
    await user.click(screen.getByLabelText('Trong tuần (thứ Hai – Chủ nhật)'));
    expect(configOf('n1')).toMatchObject({ dateField: 'birthday', offsetDays: -3, window: 'week' });
  });
});

describe('action forms', () => {
  it('offers the care card layouts and picks extra fields among the layout’s fields by label', async () => {
    const { user, configOf } = renderInspector({
      graph: withAction('add_care_card', {
        name: 'Chăm sóc',
        per: 'order',
        owner: { mode: 'salesperson' },
        careDate: { inDays: 7 },
        layout: 'default',
        extraFields: [{ key: 'channel', value: 'Zalo' }],
      }),
      select: 'n2',
      module: 'order',
    });
    const layout = screen.getByLabelText('Bố cục');
    expect(within(layout).getByRole('option', { name: 'Bảo hành, bảo trì' })).toBeInTheDocument();
    await user.selectOptions(layout, 'warranty');
    // "Kênh liên hệ" is not on the warranty card: it goes with the old layout.
    expect(configOf('n2')).toMatchObject({ layout: 'warranty', extraFields: [] });
    await user.click(screen.getByRole('button', { name: /Thêm trường/ }));
    await user.selectOptions(screen.getByLabelText('Trường'), 'Số sê-ri');
    await user.type(screen.getByLabelText('Giá trị'), 'SN-1');
    expect(configOf('n2')).toMatchObject({ extraFields: [{ key: 'serial_number', value: 'SN-1' }] });
  });

  it('says why no more fields can be added once the layout’s all are there', async () => {
    const extraFields = ['topic', 'channel', 'note'].map((key) => ({ key, value: 'x' }));
    const { user, configOf } = renderInspector({
      graph: withAction('add_care_card', {
        name: 'Chăm sóc',
        per: 'order',
        owner: { mode: 'salesperson' },
        careDate: { inDays: 7 },
        layout: 'default',
        extraFields,
      }),
      select: 'n2',
      module: 'order',
    });
    const add = screen.getByRole('button', { name: /Thêm trường/ });
    expect(add).toHaveAttribute('aria-disabled', 'true');
    expect(add).toHaveAccessibleDescription('Mọi trường của bố cục này đã được thêm.');
    await user.click(add);
    expect(configOf('n2')).toMatchObject({ extraFields });
  });

  it('shows a missing task title beside the title, and clears it once typed', async () => {
    const { user, configOf } = renderInspector({ graph: withAction('create_task', task), select: 'n2' });
    const title = screen.getByLabelText('Tiêu đề');
    await waitFor(() => expect(title).toHaveAttribute('aria-invalid', 'true'));
    expect(title).toHaveAccessibleDescription(/Chưa nhập tiêu đề nhiệm vụ/);
    await user.type(title, 'Gọi chăm sóc');
    await waitFor(() => expect(title).not.toHaveAttribute('aria-invalid'));
    expect(configOf('n2')).toMatchObject({ title: 'Gọi chăm sóc', priority: 'high' });
  });

  it('inserts a merge field picked from the list opened by #, with the keyboard', async () => {
    const { user, configOf } = renderInspector({ graph: withAction('create_task', task), select: 'n2' });
    const title = screen.getByLabelText('Tiêu đề');
    await user.type(title, 'Gọi #tot');
    const list = screen.getByRole('listbox', { name: 'Trường trộn' });
    expect(within(list).getAllByRole('option')[0]).toHaveTextContent('#total');
    expect(title).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Enter}');
    expect(configOf('n2')).toMatchObject({ title: 'Gọi #total' });
    expect(screen.queryByRole('listbox', { name: 'Trường trộn' })).toBeNull();
  });

  it('offers related records’ fields too, and closes on Escape', async () => {
    const { user } = renderInspector({ graph: withAction('create_task', task), select: 'n2' });
    await user.type(screen.getByLabelText('Tiêu đề'), '#contact_id.');
    expect(screen.getAllByRole('option')[0]).toHaveTextContent('#contact_id.name');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox', { name: 'Trường trộn' })).toBeNull();
  });

  it('hides subject and body once an email template is chosen', async () => {
    const { user, configOf } = renderInspector({
      graph: withAction('send_email', {
        name: 'Xác nhận',
        provider: 'system',
        to: { fields: ['contact_id.email'], users: [], addresses: [] },
        subject: 'Xác nhận #code',
        body: '<p>Chào</p>',
      }),
      select: 'n2',
    });
    expect(screen.getByRole('checkbox', { name: 'Liên hệ › Email' })).toBeChecked();
    await screen.findByRole('option', { name: 'Xác nhận đơn hàng' });
    await user.selectOptions(screen.getByLabelText('Mẫu email'), '16161616-0000-4000-8000-000000000001');
    expect(screen.queryByLabelText('Tiêu đề')).toBeNull();
    expect(configOf('n2')).toMatchObject({
      templateId: '16161616-0000-4000-8000-000000000001',
      subject: 'Xác nhận #code',
    });
  });

  it('attaches a print template whichever email provider sends, an SMTP server too', async () => {
    const { user, configOf } = renderInspector({
      graph: withAction('send_email', {
        name: 'Xác nhận',
        provider: '00000000-0000-4000-8000-0000000000aa',
        to: { fields: ['contact_id.email'], users: [], addresses: [] },
        subject: 'Xác nhận #code',
        body: '<p>Chào</p>',
      }),
      select: 'n2',
    });
    await user.click(screen.getByRole('checkbox', { name: 'Đính kèm tệp in' }));
    expect(configOf('n2')).toMatchObject({
      provider: '00000000-0000-4000-8000-0000000000aa',
      attachment: { printTemplateId: '', format: 'pdf' },
    });
  });

  it('writes related-record updates through the reference chosen', async () => {
    const { user, configOf } = renderInspector({
      graph: withAction('update_fields', { name: 'Cập nhật', target: 'self', values: [] }),
      select: 'n2',
      module: 'task',
    });
    await user.selectOptions(screen.getByLabelText('Cập nhật'), 'opportunity_id');
    await user.click(screen.getByRole('button', { name: '+ Thêm trường cập nhật' }));
    await user.selectOptions(screen.getByLabelText('Trường'), 'stage');
    await user.selectOptions(screen.getByLabelText('Giá trị'), 'negotiation');
    expect(configOf('n2')).toEqual({
      name: 'Cập nhật',
      target: { via: 'opportunity_id' },
      values: [{ field: 'stage', value: 'negotiation' }],
    });
  });

  it('lists a missing allocation-rules route as no rules, without calling ids unknown', async () => {
    const { user, configOf } = renderInspector({
      graph: withAction('assign_owner', {
        name: 'Bàn giao',
        mode: 'user',
        userId: 'aaaaaaaa-0000-4000-8000-000000000003',
      }),
      select: 'n2',
    });
    await user.click(screen.getByLabelText('Chọn quy tắc phân bổ'));
    expect(await screen.findByText('Phân hệ này chưa có quy tắc phân bổ nào.')).toBeInTheDocument();
    expect(configOf('n2')).toEqual({ name: 'Bàn giao', mode: 'rule', ruleId: '' });
  });

  it('shows an active flow’s node with every control disabled', () => {
    renderInspector({
      graph: withAction('create_task', { ...task, title: 'Gọi' }),
      select: 'n2',
      readOnly: true,
    });
    expect(screen.getByLabelText('Tiêu đề')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Xóa bước' })).toBeNull();
  });
});
