import { type FlowGraph, type Locale, nodeDefinition, nodeLabel, topologicalOrder } from '@crmflow/flow';

export interface TemplateStep {
  id: string;
  category: 'trigger' | 'condition' | 'action' | 'unknown';
  /** The node type's label: "Gửi Email thông báo". */
  label: string;
  /** The name the template gave the step, when it has one: "Xác nhận đơn hàng". */
  name: string | null;
}

/** The steps of a template in the order they run, so a card can preview what the flow does. */
export function templateSteps(graph: FlowGraph, locale: Locale): TemplateStep[] {
  const order = topologicalOrder(graph) ?? graph.nodes.map((node) => node.id);
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  return order.flatMap((id) => {
    const node = byId.get(id);
    if (!node) return [];
    const definition = nodeDefinition(node.type);
    const own = node.config.name ?? node.config.title;
    return [
      {
        id,
        category: definition?.category ?? 'unknown',
        label: definition ? nodeLabel(definition, locale) : node.type,
        name: typeof own === 'string' && own.trim() ? own.trim() : null,
      },
    ];
  });
}
