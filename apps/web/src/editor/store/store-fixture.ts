import type { FlowGraph } from '@crmflow/flow';
import { createEditorStore } from './editor-store.ts';
import { toEditorDoc } from './graph-convert.ts';

// trigger → condition; Đúng → task, Sai → notification.
export const graph: FlowGraph = {
  nodes: [
    { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'update' } },
    { id: 'n2', type: 'condition', position: { x: 0, y: 150 }, config: { mode: 'all' } },
    { id: 'n3', type: 'create_task', position: { x: 0, y: 300 }, config: { title: 'Gọi khách' } },
    { id: 'n4', type: 'notify', position: { x: 300, y: 300 }, config: { name: 'Báo' } },
  ],
  edges: [
    { id: 'e1', source: 'n1', target: 'n2' },
    { id: 'e2', source: 'n2', sourceHandle: 'true', target: 'n3' },
    { id: 'e3', source: 'n2', sourceHandle: 'false', target: 'n4' },
  ],
};

export const storeWith = (input: FlowGraph = graph) => createEditorStore(toEditorDoc(input));
export const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();
export const history = (store: ReturnType<typeof storeWith>) => store.temporal.getState();
