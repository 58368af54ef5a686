import type { ConditionItem, FlowGraph } from '@crmflow/flow';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { installFlowShims, renderInspector, trigger } from '../../test/render-editor.tsx';

const withCondition = (config: Record<string, unknown>): FlowGraph => ({
  nodes: [trigger(), { id: 'n2', type: 'condition', position: { x: 0, y: 150 }, config }],
  edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
});

const criteria = (rules: ConditionItem[]) => ({ mode: 'criteria', logic: 'and', rules });

const operatorNames = (row: HTMLElement) =>
  within(within(row).getByLabelText('Toán tử'))
    .getAllByRole('option')
    .map((option) => option.textContent);

beforeEach(() => {
  installFlowShims();
});

describe('condition builder', () => {
  it('switches to criteria with one rule, then adds rules and a nested group and removes them', async () => {
    const { user, configOf } = renderInspector({ graph: withCondition({ mode: 'all' }), select: 'n2' });
    await user.click(screen.getByLabelText('Bản ghi của phân hệ thỏa mãn điều kiện'));
    expect(screen.getAllByTestId('rule-row')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: '+ Thêm điều kiện' }));
    expect(screen.getAllByTestId('rule-row')).toHaveLength(2);

    const [addGroup] = screen.getAllByRole('button', { name: '+ Thêm nhóm' });
    if (!addGroup) throw new Error('no add-group button');
    await user.click(addGroup);
    const groups = screen.getAllByRole('group', { name: 'Nhóm điều kiện' });
    expect(groups).toHaveLength(2);
    expect(configOf('n2')).toMatchObject({
      mode: 'criteria',
      logic: 'and',
      rules: [{}, {}, { logic: 'or', rules: [{}] }],
    });

    await user.click(screen.getByRole('button', { name: 'Xóa điều kiện 2' }));
    expect(screen.getAllByTestId('rule-row')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Xóa nhóm' }));
    expect(screen.getAllByTestId('rule-row')).toHaveLength(1);
    expect(configOf('n2')).toMatchObject({ rules: [{ field: 'code' }] });
  });

  it('joins a group with OR when asked', async () => {
    const { user, configOf } = renderInspector({
      graph: withCondition(criteria([{ field: 'status', op: 'eq', value: 'delivered' }])),
      select: 'n2',
    });
    await user.click(screen.getByLabelText('Hoặc'));
    expect(configOf('n2')).toMatchObject({ logic: 'or' });
  });

  it('offers the operators that fit the field type, and changes them with the field', async () => {
    const { user, configOf } = renderInspector({
      graph: withCondition(criteria([{ field: 'status', op: 'eq', value: 'delivered' }])),
      select: 'n2',
    });
    const row = screen.getByTestId('rule-row');
    expect(operatorNames(row)).toContain('thuộc');
    expect(operatorNames(row)).not.toContain('lớn hơn');

    await user.selectOptions(within(row).getByLabelText('Trường'), 'total');
    expect(operatorNames(row)).toEqual(expect.arrayContaining(['lớn hơn', 'trong khoảng']));
    expect(operatorNames(row)).not.toContain('chứa');
    // `eq` fits money too, so it stays; a picklist value does not, so the value starts afresh.
    expect(configOf('n2')).toMatchObject({ rules: [{ field: 'total', op: 'eq', value: '' }] });
  });

  it('hides change operators in a care process, which has no edit to look at', () => {
    renderInspector({
      graph: {
        nodes: [
          trigger({
            dateField: 'order_date',
            recurrence: 'yearly',
            offsetDays: 0,
            window: 'day',
            runAt: '08:00',
          }),
          {
            id: 'n2',
            type: 'condition',
            position: { x: 0, y: 150 },
            config: criteria([{ field: 'status', op: 'eq', value: 'draft' }]),
          },
        ],
        edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
      },
      select: 'n2',
      kind: 'schedule',
    });
    expect(operatorNames(screen.getByTestId('rule-row'))).not.toContain('thay đổi thành');
  });

  it.each([
    [
      'a picklist',
      { field: 'status', op: 'eq', value: 'draft' },
      () => within(screen.getByLabelText('Giá trị')).getByRole('option', { name: 'Đã giao hàng' }),
    ],
    [
      'money',
      { field: 'total', op: 'gt', value: 0 },
      () => expect(screen.getByLabelText('Giá trị')).toHaveAttribute('type', 'number'),
    ],
    [
      'a date',
      { field: 'order_date', op: 'eq', value: '' },
      () => expect(screen.getByLabelText('Giá trị')).toHaveAttribute('type', 'date'),
    ],
    [
      'a range',
      { field: 'total', op: 'between', value: [1, 2] },
      () => [screen.getByLabelText('Từ'), screen.getByLabelText('Đến')],
    ],
    [
      'days',
      { field: 'order_date', op: 'date_within_next', value: 7 },
      () => expect(screen.getByLabelText('Số ngày')).toHaveValue(7),
    ],
    [
      'a list of options',
      { field: 'status', op: 'in', value: ['draft'] },
      () => expect(screen.getByRole('checkbox', { name: 'Nháp' })).toBeChecked(),
    ],
  ])('shows the value input that fits %s', (_name, rule, check) => {
    renderInspector({ graph: withCondition(criteria([rule as ConditionItem])), select: 'n2' });
    check();
  });

  it('resets the value to the shape a new operator takes', async () => {
    const { user, configOf } = renderInspector({
      graph: withCondition(criteria([{ field: 'total', op: 'gt', value: 5 }])),
      select: 'n2',
    });
    await user.selectOptions(screen.getByLabelText('Toán tử'), 'between');
    expect(configOf('n2')).toMatchObject({ rules: [{ op: 'between', value: ['', ''] }] });
    await user.selectOptions(screen.getByLabelText('Toán tử'), 'empty');
    expect(configOf('n2')).toMatchObject({ rules: [{ field: 'total', op: 'empty' }] });
    expect(screen.queryByLabelText('Giá trị')).toBeNull();
  });

  it('shows each error next to its field', async () => {
    renderInspector({
      graph: withCondition(
        criteria([
          { field: 'status', op: 'eq', value: 'shipped' },
          { field: 'nope', op: 'empty' },
        ]),
      ),
      select: 'n2',
    });
    const [first, second] = screen.getAllByTestId('rule-row');
    if (!first || !second) throw new Error('two rules expected');
    await waitFor(() =>
      expect(within(first).getByLabelText('Giá trị')).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(within(first).getByLabelText('Giá trị')).toHaveAccessibleDescription(/shipped/);
    expect(within(first).getByLabelText('Trường')).not.toHaveAttribute('aria-invalid');
    expect(within(second).getByLabelText('Trường')).toHaveAttribute('aria-invalid', 'true');
    expect(within(second).getByLabelText('Trường')).toHaveAccessibleDescription(/nope/);
  });
});
