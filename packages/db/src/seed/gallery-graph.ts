import type { FlowEdge, FlowGraph, FlowNode, ModuleKey, WorkflowKind } from '@crmflow/flow';

/** A built-in template of the gallery (Quy trình làm việc mẫu), the same for every organization. */
export type GalleryTemplate = {
  /** Stable: the row is found and refreshed by it at each start. */
  key: string;
  module: ModuleKey;
  kind: WorkflowKind;
  category: 'sales' | 'care' | 'service';
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  graph: FlowGraph;
};

/** A node placed in a column, one row per step, so the canvas shows templates tidily. */
export function placed(
  id: string,
  type: string,
  row: number,
  config: Record<string, unknown>,
  column = 0,
): FlowNode {
  return { id, type, position: { x: column * 320, y: row * 160 }, config };
}

export function edge(source: string, target: string, sourceHandle?: 'true' | 'false'): FlowEdge {
  return { id: `${source}-${target}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) };
}
