import { defineNode, type FlowGraph, nameWidget, standardModules } from '@crmflow/flow';
import { screen } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { admin } from '../../test/fixtures.ts';
import { installFlowShims, renderInspector, trigger } from '../test/render-editor.tsx';
import { NodeForm } from './forms/NodeForm.tsx';

const withAction = (type: string, config: Record<string, unknown>): FlowGraph => ({
  nodes: [trigger(), { id: 'n2', type, position: { x: 0, y: 150 }, config }],
  edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
});

beforeEach(() => {
  installFlowShims();
});

describe('forms drawn from the declaration', () => {
  it('switches a wait to a date of the record, starting from the module’s first date field', async () => {
    const { user, configOf } = renderInspector({
      graph: withAction('delay', { name: 'Chờ', mode: 'duration', amount: 3, unit: 'hours' }),
      select: 'n2',
    });
    expect(screen.getByLabelText('Bao lâu')).toHaveValue(3);
    expect(screen.getByLabelText('Đơn vị')).toHaveValue('hours');
    await user.click(screen.getByLabelText('Đến một ngày của bản ghi'));
    const firstDate = standardModules.order.fields.find((field) => ['date', 'datetime'].includes(field.type));
    expect(configOf('n2')).toEqual({
      name: 'Chờ',
      mode: 'until_field',
      field: firstDate?.key,
      offsetDays: 0,
    });
    expect(screen.queryByLabelText('Bao lâu')).toBeNull();
    await user.click(screen.getByLabelText('Một khoảng thời gian'));
    expect(configOf('n2')).toEqual({ name: 'Chờ', mode: 'duration', amount: 1, unit: 'days' });
  });

  it('names each setting by its label, with its help text as its description', async () => {
    const { user, configOf } = renderInspector({
      graph: withAction('send_sms', {
        name: 'Gửi SMS',
        provider: '',
        to: { fields: [], users: [] },
        templateId: null,
        text: '',
      }),
      select: 'n2',
    });
    expect(screen.getByLabelText('Tên hành động')).toHaveValue('Gửi SMS');
    await screen.findByRole('option', { name: 'SMS thử' });
    await user.selectOptions(
      screen.getByLabelText('Gửi từ (SMS Brandname)'),
      '15151515-0000-4000-8000-000000000001',
    );
    const text = screen.getByLabelText('Nội dung SMS');
    expect(text).toHaveAccessibleDescription(/Gõ # để chèn trường của bản ghi./);
    await user.type(text, 'Chào');
    expect(configOf('n2')).toMatchObject({ provider: '15151515-0000-4000-8000-000000000001', text: 'Chào' });
  });

  it('leaves the webhook endpoint out of the config when the organization’s default is chosen', async () => {
    const { user, configOf } = renderInspector({
      graph: withAction('webhook', { name: 'Gửi ERP', url: '', secretRef: 'wh-1', timeoutMs: 10_000 }),
      select: 'n2',
    });
    expect(screen.getByLabelText('Địa chỉ nhận (URL)')).toHaveAccessibleDescription(
      'Để trống để gửi tới địa chỉ của điểm nhận.',
    );
    await user.selectOptions(screen.getByLabelText('Điểm nhận webhook'), '');
    expect(configOf('n2')).toEqual({ name: 'Gửi ERP', url: '', timeoutMs: 10_000 });
  });

  it('switches a task’s assignee between a user field and a chosen user, and ticks related users', async () => {
    const { user, configOf } = renderInspector({
      graph: withAction('create_task', {
        title: 'Gọi lại',
        description: '',
        dueInDays: 2,
        taskType: 'call',
        priority: 'normal',
        assignee: { field: 'owner_id' },
        related: [],
      }),
      select: 'n2',
    });
    expect(screen.getByLabelText('Loại nhiệm vụ')).toHaveValue('call');
    await user.selectOptions(screen.getByLabelText('Mức độ ưu tiên'), 'Cao');
    expect(screen.getByLabelText('Theo trường người dùng của bản ghi', { selector: 'select' })).toHaveValue(
      'owner_id',
    );
    await screen.findByRole('checkbox', { name: 'Lê Thị Hà' });
    await user.click(screen.getByRole('radio', { name: 'Người dùng cụ thể' }));
    expect(configOf('n2')).toMatchObject({ priority: 'high', assignee: { user: admin.id } });
    await user.selectOptions(screen.getByLabelText('Người dùng cụ thể', { selector: 'select' }), 'Lê Thị Hà');
    await user.click(screen.getByRole('checkbox', { name: 'Lê Thị Hà' }));
    expect(configOf('n2')).toMatchObject({
      assignee: { user: 'aaaaaaaa-0000-4000-8000-000000000003' },
      related: ['aaaaaaaa-0000-4000-8000-000000000003'],
    });
    await user.click(screen.getByRole('radio', { name: 'Theo trường người dùng của bản ghi' }));
    expect(configOf('n2')).toMatchObject({ assignee: { field: 'owner_id' } });
  });

  it('sends email from the system sender to typed addresses, with a print attachment', async () => {
    const { user, configOf } = renderInspector({
      graph: withAction('send_email', {
        name: 'Xác nhận',
        provider: 'system',
        to: { fields: [], users: [], addresses: [] },
        subject: '',
        body: '',
      }),
      select: 'n2',
    });
    expect(screen.getByLabelText('Gửi từ')).toHaveDisplayValue('Email hệ thống');
    await user.type(screen.getByLabelText('Thêm người nhận email'), 'an@example.com{Enter}');
    await user.click(screen.getByRole('checkbox', { name: 'Đính kèm tệp in' }));
    await user.click(screen.getByRole('radio', { name: 'Định dạng gốc' }));
    expect(configOf('n2')).toMatchObject({
      provider: 'system',
      to: { addresses: ['an@example.com'] },
      attachment: { printTemplateId: '', format: 'original' },
    });
    await user.click(screen.getByRole('checkbox', { name: 'Đính kèm tệp in' }));
    expect(configOf('n2')).toMatchObject({ attachment: null });
  });

  it('says what a step without settings does', () => {
    renderInspector({
      graph: withAction('record_revenue', { name: 'Ghi doanh số' }),
      select: 'n2',
      module: 'order',
    });
    expect(
      screen.getByText('Doanh số đã được đề nghị sẽ được ghi; mỗi đơn hàng chỉ ghi một lần.'),
    ).toBeInTheDocument();
  });
});

/**
 * A node type added for this test alone: its declaration is all it takes to have a form, with no
 * file of the SPA touched.
 */
const tagRecordNode = defineNode({
  type: 'tag_record',
  category: 'action',
  labelVi: 'Gắn nhãn',
  labelEn: 'Tag',
  descriptionVi: 'Gắn nhãn cho bản ghi.',
  descriptionEn: 'Tags the record.',
  icon: 'tag',
  modules: 'all',
  kinds: ['event'],
  configSchema: z.object({ name: z.string(), days: z.number().int(), notify: z.boolean() }),
  version: 1,
  form: {
    widgets: [
      nameWidget,
      { widget: 'number', key: 'days', label: 'form.delay.amount', min: 0, max: 30 },
      { widget: 'toggle', key: 'notify', label: 'form.notify.message' },
    ],
  },
  labels: {},
  defaults: () => ({ name: 'Gắn nhãn', days: 1, notify: false }),
  summary: () => 'Gắn nhãn',
  mergeFieldTexts: () => [],
});

function TagRecordForm({ onConfig }: { onConfig: (config: Record<string, unknown>) => void }) {
  const [config, setConfig] = useState<Record<string, unknown>>({ name: 'Gắn nhãn', days: 1, notify: false });
  return (
    <NodeForm
      definition={tagRecordNode}
      raw={config}
      onChange={(next) => {
        setConfig(next);
        onConfig(next);
      }}
    />
  );
}

describe('a node type added by its declaration alone', () => {
  it('has a form of its declared settings, in order', async () => {
    let last: Record<string, unknown> = {};
    const { user } = renderInspector({
      graph: { nodes: [trigger()], edges: [] },
      beside: <TagRecordForm onConfig={(config) => (last = config)} />,
    });
    const labels = screen
      .getAllByText(/Tên hành động|Bao lâu|Nội dung thông báo/)
      .map((item) => item.textContent);
    expect(labels).toEqual(['Tên hành động', 'Bao lâu', 'Nội dung thông báo']);
    await user.clear(screen.getByLabelText('Bao lâu'));
    await user.type(screen.getByLabelText('Bao lâu'), '7');
    await user.click(screen.getByLabelText('Nội dung thông báo'));
    expect(last).toEqual({ name: 'Gắn nhãn', days: 7, notify: true });
  });
});
