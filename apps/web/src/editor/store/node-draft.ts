import { type ModuleMeta, nodeDefinition, type WorkflowKind } from '@crmflow/flow';

/** A new node of this type with its catalogue defaults for the module and kind. */
export function nodeDraft(args: { nodeType: string; scope: { module: ModuleMeta; kind: WorkflowKind } }): {
  nodeType: string;
  config: Record<string, unknown>;
} {
  const definition = nodeDefinition(args.nodeType);
  const config: unknown = definition?.defaults(args.scope.module, args.scope.kind) ?? {};
  return { nodeType: args.nodeType, config: isRecord(config) ? config : {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
