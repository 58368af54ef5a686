import type { z } from 'zod';
import { addCareCardNode } from './add-care-card.def.ts';
import { assignOwnerNode } from './assign-owner.def.ts';
import { conditionNode } from './condition.def.ts';
import { createTaskNode } from './create-task.def.ts';
import { delayNode } from './delay.def.ts';
import type { AnyNodeDefinition, NodeCategory } from './node-definition.ts';
import { notifyNode } from './notify.def.ts';
import { proposeRevenueNode } from './propose-revenue.def.ts';
import { recordRevenueNode } from './record-revenue.def.ts';
import { sendEmailNode } from './send-email.def.ts';
import { sendSmsNode } from './send-sms.def.ts';
import { sendZaloZnsNode } from './send-zalo-zns.def.ts';
import { triggerNode } from './trigger.def.ts';
import { updateFieldsNode } from './update-fields.def.ts';
import { webhookNode } from './webhook.def.ts';

/**
 * Every node type, keyed by its `type`. The order is the palette's. Adding a node type is one
 * entry here plus its executor, which `satisfies Record<ActionNodeType, Executor>` demands.
 */
export const nodeCatalog = {
  trigger: triggerNode,
  condition: conditionNode,
  update_fields: updateFieldsNode,
  send_email: sendEmailNode,
  create_task: createTaskNode,
  assign_owner: assignOwnerNode,
  notify: notifyNode,
  send_sms: sendSmsNode,
  send_zalo_zns: sendZaloZnsNode,
  add_care_card: addCareCardNode,
  propose_revenue: proposeRevenueNode,
  record_revenue: recordRevenueNode,
  webhook: webhookNode,
  delay: delayNode,
} as const;

export type NodeType = keyof typeof nodeCatalog;

/** The parsed config of a node type, as its executor receives it. */
export type ConfigOf<T extends NodeType> = z.infer<(typeof nodeCatalog)[T]['configSchema']>;

type CategoryOf<T extends NodeType> = (typeof nodeCatalog)[T]['category'];
type TypesOf<C extends NodeCategory> = { [T in NodeType]: CategoryOf<T> extends C ? T : never }[NodeType];

export type ActionNodeType = TypesOf<'action'>;

/** A node whose config has been parsed by its type's schema. */
export type TypedNode<T extends NodeType = NodeType> = {
  [K in T]: { id: string; type: K; position: { x: number; y: number }; config: ConfigOf<K> };
}[T];

export const nodeDefinitions: readonly AnyNodeDefinition[] = Object.values(nodeCatalog);

export const nodeTypes: readonly NodeType[] = nodeDefinitions
  .map((definition) => definition.type)
  .filter(isNodeType);

export function isNodeType(type: string): type is NodeType {
  return Object.hasOwn(nodeCatalog, type);
}

export function isActionNodeType(type: string): type is ActionNodeType {
  return isNodeType(type) && nodeCatalog[type].category === 'action';
}

/** The declaration of a node type, seen without its config type (for generic walks). */
export function nodeDefinition(type: string): AnyNodeDefinition | undefined {
  return isNodeType(type) ? nodeCatalog[type] : undefined;
}
