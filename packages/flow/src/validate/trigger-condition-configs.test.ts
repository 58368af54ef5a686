import { describe, expect, it } from 'vitest';
import { type ConfigCase, configErrors } from './test-graphs.ts';

describe('validateGraph: triggers and conditions against the module', () => {
  it.each<ConfigCase>([
    {
      name: 'event trigger on a care process',
      type: 'trigger',
      config: { on: 'create' },
      kind: 'schedule',
      expected: ['trigger_kind_mismatch@'],
    },
    {
      name: 'date trigger on a text field',
      type: 'trigger',
      config: { dateField: 'name' },
      kind: 'schedule',
      module: 'contact',
      expected: ['field_type_mismatch@dateField'],
    },
    {
      name: 'run time out of range',
      type: 'trigger',
      config: { dateField: 'birthday', runAt: '25:00' },
      kind: 'schedule',
      module: 'contact',
      expected: ['config_invalid@runAt'],
    },
    {
      name: 'watched field missing',
      type: 'trigger',
      config: { on: 'update', fields: ['stage'] },
      expected: ['field_unknown@fields.0'],
    },
    {
      name: 'rules that do not fit their fields',
      type: 'condition',
      config: {
        mode: 'criteria',
        logic: 'and',
        ignoreAccents: true,
        rules: [
          { field: 'status', op: 'in', value: ['delivered', 'lost'] },
          { field: 'total', op: 'starts_with', value: '1' },
          { logic: 'or', rules: [] },
          { field: 'order_date', op: 'between', value: ['2025-01-01', '2025-13-01'] },
          { field: 'owner_id', op: 'eq', value: 'u9' },
        ],
      },
      expected: [
        'picklist_value_unknown@rules.0.value.1',
        'operator_not_allowed@rules.1.op',
        'condition_empty@rules.2.rules',
        'value_invalid@rules.3.value.1',
        'user_unknown@rules.4.value',
      ],
    },
    {
      name: 'change operators in a care process',
      type: 'condition',
      config: { mode: 'criteria', logic: 'and', rules: [{ field: 'name', op: 'changed' }] },
      kind: 'schedule',
      module: 'contact',
      expected: ['operator_not_for_kind@rules.0.op'],
    },
    {
      name: 'birthday three days ahead',
      type: 'trigger',
      config: { dateField: 'birthday', offsetDays: -3, window: 'week' },
      kind: 'schedule',
      module: 'contact',
      expected: [],
    },
    {
      name: 'first edit of status only',
      type: 'trigger',
      config: { on: 'update', fields: ['status'], match: 'all', repeat: false },
      expected: [],
    },
  ])('$name', (testCase) => {
    expect(configErrors(testCase)).toEqual(testCase.expected);
  });
});
