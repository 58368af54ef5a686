import { type DragEvent, useState } from 'react';
import { moveItem } from './move-item.ts';

export interface PriorityDrag {
  /** Props that make a row (or card) draggable onto its siblings; empty when reordering is off. */
  dragProps(id: string): {
    draggable?: boolean;
    onDragStart?: (event: DragEvent) => void;
    onDragOver?: (event: DragEvent) => void;
    onDrop?: (event: DragEvent) => void;
    onDragEnd?: () => void;
  };
  /** The keyboard way: one step up (-1) or down (+1). */
  move(id: string, step: -1 | 1): void;
  draggingId: string | null;
  overId: string | null;
}

/**
 * Native drag and drop over a list of ids, with buttons as the keyboard alternative. `onReorder`
 * receives every id in the new order, only when the order changed.
 */
export function usePriorityDrag(args: {
  ids: string[];
  enabled: boolean;
  onReorder: (ids: string[]) => void;
}): PriorityDrag {
  const { ids, enabled, onReorder } = args;
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);

  const reorder = (from: number, to: number) => {
    const next = moveItem(ids, from, to);
    if (next.some((id, index) => id !== ids[index])) onReorder(next);
  };
  const clear = () => {
    setDraggingId(null);
    setOverId(null);
  };

  return {
    draggingId,
    overId,
    move(id, step) {
      const from = ids.indexOf(id);
      reorder(from, from + step);
    },
    dragProps(id) {
      if (!enabled) return {};
      return {
        draggable: true,
        onDragStart(event) {
          event.dataTransfer.effectAllowed = 'move';
          event.dataTransfer.setData('text/plain', id);
          setDraggingId(id);
        },
        onDragOver(event) {
          if (!draggingId) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
          if (overId !== id) setOverId(id);
        },
        onDrop(event) {
          event.preventDefault();
          const dragged = draggingId ?? event.dataTransfer.getData('text/plain');
          clear();
          if (dragged) reorder(ids.indexOf(dragged), ids.indexOf(id));
        },
        onDragEnd: clear,
      };
    },
  };
}
