import { connectionRefusal } from './connection-rules.ts';
import type { EditorDoc, SourceHandle } from './editor-types.ts';

/** One edge the "Nối tới…" list offers: from the source's output `handle` to `target`. */
export interface ConnectTarget {
  target: string;
  handle: SourceHandle;
}

/**
 * Every edge a step may gain from the keyboard, by the same rules as a drag: never into the
 * trigger or itself, no cycle, no duplicate, a condition from its `Đúng` or `Sai` branch (each
 * branch listed on its own) and never both branches to one step. Ordered as the canvas reads,
 * top to bottom then left to right, the `Đúng` branch before `Sai`.
 */
export function connectTargets(args: { doc: EditorDoc; source: string }): ConnectTarget[] {
  const { doc, source } = args;
  const from = doc.nodes.find((node) => node.id === source);
  if (!from) return [];
  const handles: SourceHandle[] = from.type === 'condition' ? ['true', 'false'] : [null];
  const ordered = [...doc.nodes].sort(
    (a, b) => a.position.y - b.position.y || a.position.x - b.position.x || a.id.localeCompare(b.id),
  );
  return handles.flatMap((handle) =>
    ordered
      .filter(
        (node) =>
          connectionRefusal({ doc, connection: { source, target: node.id, sourceHandle: handle } }) === null,
      )
      .map((node) => ({ target: node.id, handle })),
  );
}
