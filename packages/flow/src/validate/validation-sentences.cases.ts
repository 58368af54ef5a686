import type { FlowGraph } from '../graph/flow-graph.ts';
import type { ModuleKey } from '../metadata/field-meta.ts';
import type { WorkflowKind } from '../nodes/node-definition.ts';
import { edge, node, orderFlow, singleAction } from './test-graphs.ts';
import type { ValidationCode, ValidationContext } from './validation-error.ts';

/** One flow that breaks one rule, and the rule's machine code. */
export interface SentenceCase {
  code: ValidationCode;
  graph: unknown;
  kind?: WorkflowKind;
  module?: ModuleKey;
  context?: ValidationContext;
}

function withOrder(change: (graph: FlowGraph) => void): FlowGraph {
  const graph = orderFlow();
  change(graph);
  return graph;
}

const email = {
  name: 'Gửi email xác nhận',
  provider: 'system',
  to: { fields: ['contact_id.email'], users: [], addresses: [] },
  subject: 'Đơn #code',
  body: 'Cảm ơn',
  templateId: null,
  attachment: null,
};

const update = (values: unknown[]) => singleAction('update_fields', { name: 'Cập nhật đơn', values });
const criteria = (rules: unknown[]) =>
  withOrder((g) => {
    g.nodes[1] = node('c', 'condition', { mode: 'criteria', logic: 'and', rules });
  });
const zns = (params: unknown[]) =>
  singleAction('send_zalo_zns', {
    name: 'Báo đơn qua Zalo',
    provider: 'esms',
    to: { fields: ['contact_id.phone'], users: [] },
    templateId: 'z1',
    params,
  });
const careTrigger = node('t', 'trigger', { dateField: 'birthday', recurrence: 'yearly', runAt: '08:00' });

/** A flow for every validation code, each breaking only that rule where it can. */
export const sentenceCases: SentenceCase[] = [
  { code: 'graph_invalid', graph: { nodes: 'x', edges: [] } },
  {
    code: 'node_duplicate_id',
    graph: withOrder((g) => g.nodes.push({ ...g.nodes[2], id: 'e' } as FlowGraph['nodes'][number])),
  },
  {
    code: 'edge_duplicate_id',
    graph: withOrder((g) => g.edges.push({ ...edge('t', 'e'), id: g.edges[0]?.id ?? '' })),
  },
  {
    code: 'node_type_unknown',
    graph: withOrder((g) => {
      g.nodes.push(node('x', 'send_fax', { name: 'Gửi fax' }));
      g.edges.push(edge('e', 'x'));
    }),
  },
  { code: 'trigger_missing', graph: withOrder((g) => g.nodes.shift()) },
  {
    code: 'trigger_multiple',
    graph: withOrder((g) => g.nodes.push(node('t2', 'trigger', { on: 'create' }))),
  },
  { code: 'trigger_kind_mismatch', graph: orderFlow(), kind: 'schedule', module: 'contact' },
  {
    code: 'action_missing',
    graph: withOrder((g) => {
      g.nodes.pop();
      g.edges.pop();
    }),
  },
  { code: 'edge_into_trigger', graph: withOrder((g) => g.edges.push(edge('e', 't'))) },
  { code: 'edge_missing_node', graph: withOrder((g) => g.edges.push(edge('e', 'ghost'))) },
  { code: 'edge_duplicate', graph: withOrder((g) => g.edges.push({ ...edge('t', 'c'), id: 'again' })) },
  { code: 'cycle', graph: withOrder((g) => g.edges.push(edge('e', 'c'))) },
  { code: 'unreachable', graph: withOrder((g) => g.edges.pop()) },
  {
    code: 'condition_handle_missing',
    graph: withOrder((g) => {
      g.edges[1] = edge('c', 'e');
    }),
  },
  {
    code: 'handle_not_allowed',
    graph: withOrder((g) => {
      g.edges[0] = edge('t', 'c', 'true');
    }),
  },
  {
    code: 'node_not_allowed_module',
    graph: singleAction('propose_revenue', { name: 'Đề nghị ghi' }),
    module: 'lead',
  },
  {
    code: 'node_not_allowed_kind',
    graph: singleAction('propose_revenue', { name: 'Đề nghị ghi' }, careTrigger),
    kind: 'schedule',
  },
  {
    code: 'config_invalid',
    graph: singleAction('delay', { name: 'Chờ giao', mode: 'duration', amount: 0, unit: 'days' }),
  },
  {
    code: 'required',
    graph: singleAction('send_email', { ...email, attachment: { printTemplateId: '', format: 'pdf' } }),
  },
  { code: 'field_unknown', graph: update([{ field: 'colour', value: 'red' }]) },
  {
    code: 'field_type_mismatch',
    graph: singleAction('delay', { name: 'Chờ', mode: 'until_field', field: 'code' }),
  },
  { code: 'field_not_updatable', graph: update([{ field: 'lines', value: null }]) },
  {
    code: 'field_duplicate',
    graph: update([
      { field: 'status', value: 'confirmed' },
      { field: 'status', value: 'delivered' },
    ]),
  },
  { code: 'picklist_value_unknown', graph: update([{ field: 'status', value: 'lost' }]) },
  { code: 'value_invalid', graph: update([{ field: 'total', value: 'nhiều' }]) },
  { code: 'operator_not_allowed', graph: criteria([{ field: 'total', op: 'starts_with', value: '1' }]) },
  {
    code: 'operator_not_for_kind',
    graph: {
      nodes: [
        careTrigger,
        node('c', 'condition', { mode: 'criteria', logic: 'and', rules: [{ field: 'name', op: 'changed' }] }),
        node('n', 'notify', {
          name: 'Chúc mừng',
          to: { fields: ['owner_id'], users: [] },
          message: 'Sinh nhật',
        }),
      ],
      edges: [edge('t', 'c'), edge('c', 'n', 'true')],
    },
    kind: 'schedule',
    module: 'contact',
  },
  { code: 'condition_empty', graph: criteria([]) },
  {
    code: 'reference_field_expected',
    graph: singleAction('send_email', { ...email, to: { fields: ['code.email'], users: [], addresses: [] } }),
  },
  { code: 'merge_field_unknown', graph: singleAction('send_email', { ...email, subject: 'Đơn #nope' }) },
  {
    code: 'recipients_missing',
    graph: singleAction('send_email', { ...email, to: { fields: [], users: [], addresses: [] } }),
  },
  {
    code: 'user_unknown',
    graph: singleAction('assign_owner', { name: 'Giao cho Lan', mode: 'user', userId: 'u9' }),
  },
  { code: 'template_unknown', graph: singleAction('send_email', { ...email, templateId: 'et9' }) },
  {
    code: 'allocation_rule_unknown',
    graph: singleAction('assign_owner', { name: 'Chia đều', mode: 'rule', ruleId: 'r9' }),
  },
  {
    code: 'provider_unknown',
    graph: singleAction('send_sms', {
      name: 'Nhắn tin',
      provider: 'viettel',
      to: { fields: ['contact_id.phone'], users: [] },
      text: 'Chào',
    }),
  },
  {
    code: 'product_unknown',
    graph: singleAction('add_care_card', {
      name: 'Chăm sóc',
      per: 'product',
      apply: 'chosen',
      productIds: ['prod9'],
      owner: { mode: 'salesperson' },
      careDate: { inDays: 7 },
    }),
  },
  {
    code: 'zns_param_missing',
    graph: zns([
      { param: 'customer_name', field: 'contact_id.name' },
      { param: 'amount', field: 'total' },
    ]),
  },
  {
    code: 'zns_param_unknown',
    graph: zns([
      { param: 'customer_name', field: 'contact_id.name' },
      { param: 'order_code', value: '#code' },
      { param: 'amount', field: 'total' },
      { param: 'gift', value: 'Hoa' },
    ]),
  },
  {
    code: 'zns_param_too_long',
    graph: zns([
      { param: 'customer_name', field: 'contact_id.name' },
      { param: 'order_code', value: 'DH-2026-000000123' },
      { param: 'amount', field: 'total' },
    ]),
  },
  {
    code: 'zns_param_type',
    graph: zns([
      { param: 'customer_name', field: 'contact_id.name' },
      { param: 'order_code', value: '#code' },
      { param: 'amount', field: 'code' },
    ]),
  },
];
