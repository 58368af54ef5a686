import type { FlowGraph } from '../graph/flow-graph.ts';
import { referencedModule } from '../metadata/field-lookup.ts';
import type { ModuleCatalog, ModuleKey } from '../metadata/field-meta.ts';
import { UpdateFieldsConfig } from '../nodes/update-fields.def.ts';

/**
 * A record write an action of a flow makes: on the flow's own record (`via` null) or on the record
 * a reference field points to, an edit of `fields` or a new record. `values` are the literal values
 * written, when the action writes literals (copies and relative dates are unknown in advance).
 */
export type FlowWrite = {
  nodeId: string;
  module: ModuleKey;
  via: string | null;
  operation: 'create' | 'update';
  fields: string[];
  values: Record<string, unknown>;
};

const literal = (value: unknown): boolean =>
  value === null || typeof value !== 'object' || Array.isArray(value);

/**
 * The record writes of a flow's actions, as the executors make them: `update_fields` (own or
 * related record), `assign_owner` (owner), the revenue steps (an order's revenue status) and
 * `create_task` (a new task).
 */
export function flowWrites(args: {
  graph: FlowGraph;
  module: ModuleKey;
  catalog: ModuleCatalog;
}): FlowWrite[] {
  const { graph, module, catalog } = args;
  return graph.nodes.flatMap((node): FlowWrite[] => {
    const own = { nodeId: node.id, module, via: null, operation: 'update' as const };
    switch (node.type) {
      case 'update_fields': {
        const parsed = UpdateFieldsConfig.safeParse(node.config);
        if (!parsed.success) return [];
        const { target, values } = parsed.data;
        const fields = values.map((item) => item.field);
        const literals = Object.fromEntries(
          values.filter((item) => literal(item.value)).map((item) => [item.field, item.value]),
        );
        if (target === 'self') return [{ ...own, fields, values: literals }];
        const related = referencedModule({ catalog, module: catalog[module], refFieldKey: target.via });
        return related ? [{ ...own, module: related.key, via: target.via, fields, values: literals }] : [];
      }
      case 'assign_owner':
        return [{ ...own, fields: ['owner_id'], values: {} }];
      case 'record_revenue':
        return [{ ...own, fields: ['revenue_status'], values: {} }];
      case 'propose_revenue':
        return [{ ...own, fields: ['revenue_status'], values: { revenue_status: 'proposed' } }];
      case 'create_task':
        return [{ ...own, module: 'task', operation: 'create', fields: [], values: {} }];
      default:
        return [];
    }
  });
}
