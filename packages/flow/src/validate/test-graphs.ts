import type { FlowEdge, FlowGraph, FlowNode } from '../graph/flow-graph.ts';
import type { ModuleKey } from '../metadata/field-meta.ts';
import { standardModules } from '../metadata/standard-modules.ts';
import type { WorkflowKind } from '../nodes/node-definition.ts';
import { validateGraph } from './validate-graph.ts';
import type { ValidationContext } from './validation-error.ts';

/** Builders for validator tests: the example flows of docs/graph-contract.md, edited one detail at a time. */
export function node(id: string, type: string, config: Record<string, unknown>): FlowNode {
  return { id, type, position: { x: 0, y: 0 }, config };
}

export function edge(source: string, target: string, sourceHandle?: 'true' | 'false'): FlowEdge {
  return {
    id: `${source}-${sourceHandle ?? ''}-${target}`,
    source,
    target,
    ...(sourceHandle ? { sourceHandle } : {}),
  };
}

export const eventTrigger = node('t', 'trigger', {
  on: 'update',
  fields: ['status'],
  match: 'any',
  repeat: true,
});

export const deliveredCondition = node('c', 'condition', {
  mode: 'criteria',
  logic: 'and',
  rules: [
    { field: 'status', op: 'eq', value: 'delivered' },
    { logic: 'or', rules: [{ field: 'total', op: 'gt', value: 10_000_000 }] },
  ],
});

export const confirmationEmail = node('e', 'send_email', {
  name: 'Xác nhận đơn hàng',
  provider: 'system',
  to: { fields: ['contact_id.email'], users: [], addresses: [] },
  subject: 'Xác nhận đơn hàng #code',
  body: '<p>Chào #contact_id.name, đơn #code trị giá #total đã giao.</p>',
  templateId: null,
  attachment: null,
});

/** Order flow: when status changes, if delivered and big, email the contact. */
export function orderFlow(): FlowGraph {
  return {
    nodes: [eventTrigger, deliveredCondition, confirmationEmail],
    edges: [edge('t', 'c'), edge('c', 'e', 'true')],
  };
}

/** A flow with one action straight after the trigger, for testing that action's config. */
export function singleAction(
  type: string,
  config: Record<string, unknown>,
  trigger = eventTrigger,
): FlowGraph {
  return { nodes: [trigger, node('a', type, config)], edges: [edge(trigger.id, 'a')] };
}

const anyEdit = node('t', 'trigger', { on: 'create_or_update' });
const careTrigger = node('t', 'trigger', {
  dateField: 'birthday',
  recurrence: 'yearly',
  offsetDays: -3,
  window: 'day',
  runAt: '08:00',
});

/** An organization with a little of everything, so id checks have something to hold on to. */
export const testContext: ValidationContext = {
  userIds: ['u1', 'u2'],
  allocationRuleIds: ['r1'],
  emailTemplateIds: ['et1'],
  printTemplateIds: ['p1'],
  smsTemplateIds: ['st1'],
  smsProviders: ['esms'],
  znsProviders: ['esms'],
  znsTemplates: [
    {
      id: 'z1',
      params: [
        { key: 'customer_name', type: 'text', maxLength: 30 },
        { key: 'order_code', type: 'text', maxLength: 10 },
        { key: 'amount', type: 'money', maxLength: 20 },
      ],
    },
  ],
  productIds: ['prod1'],
};

export interface ConfigCase {
  name: string;
  type: string;
  config: Record<string, unknown>;
  module?: ModuleKey;
  kind?: WorkflowKind;
  /** What the organization has, beyond (or instead of) `testContext`. */
  context?: ValidationContext;
  /** `code@path` of every error expected, path relative to the node's config. */
  expected: string[];
}

/**
 * The errors of one node in a minimal flow, as `code@path`: a trigger alone, anything else
 * right after a trigger that fits the kind (any edit, or a contact's birthday). That such a flow
 * may have no action is left to the structure tests.
 */
export function configErrors({
  type,
  config,
  module = 'order',
  kind = 'event',
  context,
}: ConfigCase): string[] {
  const graph =
    type === 'trigger'
      ? { nodes: [node('t', 'trigger', config)], edges: [] }
      : singleAction(type, config, kind === 'schedule' ? careTrigger : anyEdit);
  const { errors } = validateGraph({
    graph,
    module,
    kind,
    catalog: standardModules,
    context: { ...testContext, ...context },
  });
  return errors
    .filter((error) => error.code !== 'action_missing')
    .map((error) => `${error.code}@${error.path?.replace(/^config\.?/, '') ?? ''}`);
}
