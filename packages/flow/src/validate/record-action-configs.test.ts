import { describe, expect, it } from 'vitest';
import { type ConfigCase, configErrors } from './test-graphs.ts';

const task = {
  title: 'Gọi chăm sóc #code',
  description: 'Khách #account_id.name',
  dueInDays: 2,
  taskType: 'call',
  priority: 'high',
  assignee: { field: 'owner_id' },
  related: ['u2'],
};

const careCard = {
  name: 'Chăm sóc',
  per: 'category',
  apply: 'chosen',
  categories: ['software'],
  owner: { mode: 'salesperson' },
  careDate: { inDays: 30 },
  extraFields: [{ key: 'note', value: 'Đơn #code' }],
};

describe('validateGraph: record actions against the module', () => {
  it.each<ConfigCase>([
    { name: 'valid task', type: 'create_task', config: task, expected: [] },
    {
      name: 'task with foreign picklist values',
      type: 'create_task',
      config: { ...task, taskType: 'visit', priority: 'urgent', assignee: { field: 'total' } },
      expected: [
        'field_type_mismatch@assignee.field',
        'picklist_value_unknown@taskType',
        'picklist_value_unknown@priority',
      ],
    },
    {
      name: 'task synced to the default work app',
      type: 'create_task',
      config: { ...task, workApp: { projectId: 'p1' } },
      context: { workAppProviders: ['wa1'] },
      expected: [],
    },
    {
      name: 'task synced with no project, and no work app at all',
      type: 'create_task',
      config: { ...task, workApp: { projectId: ' ' } },
      context: { workAppProviders: [] },
      expected: ['required@workApp.providerId', 'required@workApp.projectId'],
    },
    {
      name: 'task synced to a work app that is gone',
      type: 'create_task',
      config: { ...task, workApp: { providerId: 'wa9', projectId: 'p1' } },
      context: { workAppProviders: ['wa1'] },
      expected: ['provider_unknown@workApp.providerId'],
    },
    {
      name: 'task for a chosen user',
      type: 'create_task',
      config: { ...task, assignee: { user: 'u9' } },
      expected: ['user_unknown@assignee.user'],
    },
    {
      name: 'update self and via a reference',
      type: 'update_fields',
      config: {
        name: 'Sang đàm phán',
        target: { via: 'opportunity_id' },
        values: [
          { field: 'stage', value: 'negotiation' },
          { field: 'close_date', value: { today: 7 } },
        ],
      },
      module: 'task',
      expected: [],
    },
    {
      name: 'update via a field that is not a reference',
      type: 'update_fields',
      config: { name: 'x', target: { via: 'title' }, values: [{ field: 'stage', value: 'won' }] },
      module: 'task',
      expected: ['reference_field_expected@target.via'],
    },
    {
      name: 'update with values that do not fit',
      type: 'update_fields',
      config: {
        name: 'x',
        target: 'self',
        values: [
          { field: 'status', value: 'shipped' },
          { field: 'total', value: 'nhiều' },
          { field: 'code', value: { today: 1 } },
          { field: 'lines', value: null },
          { field: 'status', value: 'delivered' },
          { field: 'order_date', value: '31/12/2025' },
        ],
      },
      expected: [
        'picklist_value_unknown@values.0.value',
        'value_invalid@values.1.value',
        'field_type_mismatch@values.2.value',
        'field_not_updatable@values.3.field',
        'field_duplicate@values.4.field',
        'value_invalid@values.5.value',
      ],
    },
    {
      name: 'emptying a required field',
      type: 'update_fields',
      config: { name: 'x', values: [{ field: 'code', value: null }] },
      expected: ['required@values.0.value'],
    },
    {
      name: 'hand over by rule',
      type: 'assign_owner',
      config: { name: 'Chia đều', mode: 'rule', ruleId: 'r1' },
      expected: [],
    },
    {
      name: 'hand over to nobody',
      type: 'assign_owner',
      config: { name: 'x', mode: 'user', userId: '' },
      expected: ['required@userId'],
    },
    {
      name: 'hand over a product',
      type: 'assign_owner',
      config: { name: 'x', mode: 'rule', ruleId: 'r1' },
      module: 'product',
      expected: ['node_not_allowed_module@'],
    },
    { name: 'care card per chosen category', type: 'add_care_card', config: careCard, expected: [] },
    {
      name: 'care card with nothing chosen',
      type: 'add_care_card',
      config: { ...careCard, per: 'product', careDate: { field: 'code' } },
      expected: ['required@productIds', 'field_type_mismatch@careDate.field'],
    },
    {
      name: 'care card with a layout that does not exist',
      type: 'add_care_card',
      config: { ...careCard, layout: 'mặc định' },
      expected: ['template_unknown@layout'],
    },
    {
      name: 'care card with a field its layout does not have',
      type: 'add_care_card',
      config: {
        ...careCard,
        layout: 'warranty',
        extraFields: [
          { key: 'serial_number', value: '#code' },
          { key: 'channel', value: 'Zalo' },
        ],
      },
      expected: ['field_unknown@extraFields.1.key'],
    },
    {
      name: 'care card outside orders',
      type: 'add_care_card',
      config: careCard,
      module: 'quote',
      expected: ['node_not_allowed_module@'],
    },
    {
      name: 'revenue in a care process',
      type: 'record_revenue',
      config: { name: 'Ghi' },
      kind: 'schedule',
      module: 'contact',
      expected: ['node_not_allowed_module@'],
    },
    {
      name: 'propose revenue of an order',
      type: 'propose_revenue',
      config: { name: 'Đề nghị' },
      expected: [],
    },
    {
      name: 'webhook to a public host',
      type: 'webhook',
      config: { name: 'ERP', url: 'https://erp.example.vn/hook', timeoutMs: 5000 },
      expected: [],
    },
    {
      name: 'webhook to the metadata service',
      type: 'webhook',
      config: { name: 'x', url: 'http://169.254.169.254/latest' },
      expected: ['value_invalid@url'],
    },
    {
      name: 'webhook over ftp',
      type: 'webhook',
      config: { name: 'x', url: 'ftp://files.example.vn' },
      expected: ['value_invalid@url'],
    },
    {
      name: 'webhook with no URL posting to the default endpoint’s',
      type: 'webhook',
      config: { name: 'ERP', url: '' },
      context: { webhookEndpoints: [{ id: 'w1', url: 'https://erp.example.vn/hook', isDefault: true }] },
      expected: [],
    },
    {
      name: 'webhook with no URL, its endpoint having none either',
      type: 'webhook',
      config: { name: 'ERP', url: '', secretRef: 'w2' },
      context: {
        webhookEndpoints: [
          { id: 'w1', url: 'https://erp.example.vn/hook', isDefault: true },
          { id: 'w2', url: '', isDefault: false },
        ],
      },
      expected: ['required@url'],
    },
    {
      name: 'webhook when the organization has no endpoint at all',
      type: 'webhook',
      config: { name: 'ERP', url: 'https://erp.example.vn/hook' },
      context: { webhookEndpoints: [] },
      expected: ['required@secretRef'],
    },
    {
      name: 'webhook naming an endpoint that is gone',
      type: 'webhook',
      config: { name: 'ERP', url: 'https://erp.example.vn/hook', secretRef: 'w9' },
      context: { webhookEndpoints: [{ id: 'w1', url: '', isDefault: true }] },
      expected: ['provider_unknown@secretRef'],
    },
    {
      name: 'wait until a date field',
      type: 'delay',
      config: { name: 'x', mode: 'until_field', field: 'order_date', offsetDays: 3 },
      expected: [],
    },
    {
      name: 'wait until a text field',
      type: 'delay',
      config: { name: 'x', mode: 'until_field', field: 'code' },
      expected: ['field_type_mismatch@field'],
    },
    {
      name: 'care card for a category not in the list',
      type: 'add_care_card',
      config: { ...careCard, categories: ['software', 'toys'] },
      expected: ['picklist_value_unknown@categories.1'],
    },
    {
      name: 'hand over by an unknown rule',
      type: 'assign_owner',
      config: { name: 'x', mode: 'rule', ruleId: 'r9' },
      expected: ['allocation_rule_unknown@ruleId'],
    },
  ])('$name', (testCase) => {
    expect(configErrors(testCase)).toEqual(testCase.expected);
  });
});
