import type { ValidationError } from '@crmflow/flow';
import { createStore } from 'zustand/vanilla';
import type { SourceHandle } from '../store/editor-types.ts';

/**
 * How a node looks after a run or a test: a step's status in a run, or, in a test, whether the
 * simulated record would pass through it (`path`) or stop there (`stopped`).
 */
export type StepMark =
  | 'succeeded'
  | 'failed'
  | 'skipped'
  | 'waiting'
  | 'running'
  | 'pending'
  | 'path'
  | 'stopped';

/** What the "+" buttons ask for: a node after an output, or one in the middle of an edge. */
export type PickerRequest =
  | { mode: 'append'; sourceId: string; handle: SourceHandle; anchor: { x: number; y: number } }
  | { mode: 'insert'; edgeId: string; anchor: { x: number; y: number } };

export interface CanvasViewState {
  readOnly: boolean;
  /** Every problem of the graph as `validateGraph` found it, the latest check. */
  errors: readonly ValidationError[];
  errorsByNode: ReadonlyMap<string, readonly ValidationError[]>;
  marks: ReadonlyMap<string, StepMark>;
  /** Edges the run or test went along. */
  litEdges: ReadonlySet<string>;
  /** Names of the users, templates and allocation rules nodes point at, by id. */
  names: ReadonlyMap<string, string>;
  picker: PickerRequest | null;
  /** The "Nối tới…" list open for this step: the edges it may gain, chosen from the keyboard. */
  connecting: { sourceId: string } | null;
  /** The "?" list of keyboard shortcuts is open. */
  help: boolean;
  /** A short message after a refused connection, read out politely. */
  notice: string | null;
  /** The edge under the pointer, which shows its "+"; the others stay bare, however many there are. */
  hoveredEdge: string | null;
  /** Hovering an edge or its "+" shows it; leaving lets it go a moment later, so the pointer can cross the gap. */
  hoverEdge: (id: string | null) => void;
}

const empty = {
  errors: [],
  errorsByNode: new Map<string, readonly ValidationError[]>(),
  marks: new Map<string, StepMark>(),
  litEdges: new Set<string>(),
  names: new Map<string, string>(),
};

/**
 * What the canvas shows besides the graph itself. Kept apart from the undoable document, and
 * read by each node through a selector on its own id, so a new error list re-renders only the
 * nodes whose errors changed.
 */
export function createCanvasView(initial: Partial<Omit<CanvasViewState, 'hoverEdge'>> = {}) {
  let leaving: ReturnType<typeof setTimeout> | undefined;
  return createStore<CanvasViewState>()((set) => ({
    readOnly: false,
    ...empty,
    picker: null,
    connecting: null,
    help: false,
    notice: null,
    hoveredEdge: null,
    hoverEdge(id) {
      clearTimeout(leaving);
      if (id) set({ hoveredEdge: id });
      else leaving = setTimeout(() => set({ hoveredEdge: null }), 300);
    },
    ...initial,
  }));
}

export type CanvasViewStore = ReturnType<typeof createCanvasView>;

export function groupErrorsByNode(errors: readonly ValidationError[]): Map<string, ValidationError[]> {
  const byNode = new Map<string, ValidationError[]>();
  for (const error of errors) {
    if (!error.nodeId) continue;
    const list = byNode.get(error.nodeId);
    if (list) list.push(error);
    else byNode.set(error.nodeId, [error]);
  }
  return byNode;
}

/** Keeps the lists of nodes whose errors did not change, so their selectors see the same value. */
export function mergeErrorMaps(args: {
  previous: ReadonlyMap<string, readonly ValidationError[]>;
  next: Map<string, ValidationError[]>;
}): ReadonlyMap<string, readonly ValidationError[]> {
  const merged = new Map<string, readonly ValidationError[]>();
  for (const [nodeId, list] of args.next) {
    const before = args.previous.get(nodeId);
    const same =
      before?.length === list.length &&
      before.every(
        (error, index) => error.message === list[index]?.message && error.path === list[index]?.path,
      );
    merged.set(nodeId, same && before ? before : list);
  }
  return merged;
}
