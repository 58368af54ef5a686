import { type FlowEdge, FlowGraph, type FlowNode, type ModuleKey, type WorkflowKind } from '@crmflow/flow';

/** A text of a built-in template in both languages; the gallery shows the reader's. */
export type Bilingual = { vi: string; en: string };

export const bi = (vi: string, en: string): Bilingual => ({ vi, en });

function isBilingual(value: object): value is Bilingual {
  const keys = Object.keys(value);
  return (
    keys.length === 2 &&
    typeof Reflect.get(value, 'vi') === 'string' &&
    typeof Reflect.get(value, 'en') === 'string'
  );
}

/** The value with every bilingual text replaced by its text in the locale. */
function inLanguage(value: unknown, locale: 'vi' | 'en'): unknown {
  if (Array.isArray(value)) return value.map((item) => inLanguage(item, locale));
  if (typeof value !== 'object' || value === null) return value;
  if (isBilingual(value)) return value[locale];
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inLanguage(item, locale)]));
}

/** A built-in template as written: its step texts may be bilingual. */
export type GallerySource = {
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

/** A built-in template of the gallery (Quy trình làm việc mẫu), the same for every organization. */
export type GalleryTemplate = Omit<GallerySource, 'graph'> & {
  /** The graph with Vietnamese texts. */
  graph: FlowGraph;
  /** The same graph with English texts. */
  graphEn: FlowGraph;
};

export function galleryTemplate(source: GallerySource): GalleryTemplate {
  const graph = FlowGraph.parse(inLanguage(source.graph, 'vi'));
  const graphEn = FlowGraph.parse(inLanguage(source.graph, 'en'));
  return { ...source, graph, graphEn };
}

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
