import {
  Background,
  type Connection,
  Controls,
  type DefaultEdgeOptions,
  type Edge,
  type FinalConnectionState,
  MarkerType,
  MiniMap,
  type Node,
  Panel,
  ReactFlow,
  useReactFlow,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import {
  type DragEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCanvasView,
  useCanvasViewStore,
  useEditor,
  useEditorScope,
  useEditorStore,
} from '../EditorProvider.tsx';
import { NodePicker } from '../palette/NodePicker.tsx';
import { paletteDragType } from '../palette/palette-items.ts';
import { connectionRefusal } from '../store/connection-rules.ts';
import type { EditorEdge, EditorNode } from '../store/editor-types.ts';
import { nodeDraft } from '../store/node-draft.ts';
import { defaultNodeSize } from '../store/placement.ts';
import { CanvasTextsProvider } from './CanvasTexts.tsx';
import { ConnectMenu } from './ConnectMenu.tsx';
import { FlowEdge } from './FlowEdge.tsx';
import { flowNode } from './flow-nodes.ts';
import { initialViewport, minimapSize } from './initial-viewport.ts';
import { StepNode } from './StepNode.tsx';
import { useAriaLabels } from './useAriaLabels.ts';
import { useFitCanvas } from './useFitCanvas.ts';

// Module scope: React Flow re-creates every node when these objects change identity.
const nodeTypes = { trigger: StepNode, condition: StepNode, action: StepNode };
const edgeTypes = { flow: FlowEdge };
const defaultEdgeOptions: DefaultEdgeOptions = {
  type: 'flow',
  markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
};
const deleteKeys = ['Delete', 'Backspace'];
const multiSelectKeys = ['Shift', 'Meta', 'Control'];

const minimapColour = (node: Node) =>
  node.type === 'trigger' ? '#7c3aed' : node.type === 'condition' ? '#d97706' : '#4f46e5';

/**
 * The canvas: nodes dragged in from the palette, connected with the mouse, moved, selected and
 * deleted; connections that break the flow's rules are refused while dragging. Read-only after
 * activation and in the run view: nothing moves or connects, nodes can still be selected.
 */
export function FlowCanvas({
  children,
  message,
}: {
  children?: ReactNode;
  /** The editor's last word (saved, activated, an error), in the bottom strip the fitted flow leaves free. */
  message?: ReactNode;
}) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const view = useCanvasViewStore();
  const scope = useEditorScope();
  const storedNodes = useEditor((state) => state.nodes);
  const nodes = useMemo(() => storedNodes.map(flowNode), [storedNodes]);
  const edges = useEditor((state) => state.edges);
  const readOnly = useCanvasView((state) => state.readOnly);
  const notice = useCanvasView((state) => state.notice);
  const { screenToFlowPosition } = useReactFlow<EditorNode, EditorEdge>();
  const ariaLabelConfig = useAriaLabels();
  const actions = useMemo(() => store.getState(), [store]);
  const section = useRef<HTMLElement>(null);
  // The opening view needs the canvas's width; it is read once, before React Flow first draws.
  const [opening, setOpening] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    const box = section.current?.getBoundingClientRect();
    setOpening(
      initialViewport({
        nodes: store.getState().nodes,
        width: box?.width ?? 800,
        height: box?.height ?? 600,
      }),
    );
  }, [store]);
  const fitCanvas = useFitCanvas();

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => view.setState({ notice: null }), 5000);
    return () => clearTimeout(timer);
  }, [notice, view]);

  const isValidConnection = useCallback(
    (connection: Connection | Edge) => connectionRefusal({ doc: store.getState(), connection }) === null,
    [store],
  );

  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (!state.toNode || state.isValid !== false || !state.fromNode) return;
      const reason = connectionRefusal({
        doc: store.getState(),
        connection: {
          source: state.fromNode.id,
          target: state.toNode.id,
          sourceHandle: state.fromHandle?.id ?? null,
        },
      });
      if (reason) view.setState({ notice: t(`editor.refusal.${reason}`) });
    },
    [store, view, t],
  );

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (readOnly || !event.dataTransfer.types.includes(paletteDragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const nodeType = event.dataTransfer.getData(paletteDragType);
    if (readOnly || !nodeType) return;
    event.preventDefault();
    const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    // The node lands centred under the pointer, where the user let go of it.
    const position = { x: point.x - defaultNodeSize.width / 2, y: point.y - defaultNodeSize.height / 2 };
    const added = store.getState().addNode({ ...nodeDraft({ nodeType, scope }), position });
    view.setState({ notice: added ? null : t('editor.palette.triggerPlaced') });
  };

  return (
    <section
      ref={section}
      className="editor-canvas"
      aria-label={t('editor.canvas.label')}
      tabIndex={-1}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <CanvasTextsProvider>
        {opening ? (
          <ReactFlow<EditorNode, EditorEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            defaultEdgeOptions={defaultEdgeOptions}
            onNodesChange={actions.applyNodeChanges}
            onEdgesChange={actions.applyEdgeChanges}
            onConnect={actions.connect}
            onConnectEnd={onConnectEnd}
            isValidConnection={isValidConnection}
            onNodeDragStart={actions.beginDrag}
            onNodeDragStop={actions.endDrag}
            onSelectionDragStart={actions.beginDrag}
            onSelectionDragStop={actions.endDrag}
            onDelete={({ nodes: gone, edges: cut }) =>
              actions.removeElements({
                nodeIds: gone.map((node) => node.id),
                edgeIds: cut.map((edge) => edge.id),
              })
            }
            onPaneClick={() => {
              view.setState({ picker: null, connecting: null });
              // The pane keeps the focus where it was (an inspector field would keep Ctrl+Z):
              // a click on the empty canvas puts it on the canvas, where the editor's keys work.
              section.current?.focus({ preventScroll: true });
            }}
            onEdgeMouseEnter={(_event, edge) => view.getState().hoverEdge(edge.id)}
            onEdgeMouseLeave={() => view.getState().hoverEdge(null)}
            deleteKeyCode={readOnly ? null : deleteKeys}
            multiSelectionKeyCode={multiSelectKeys}
            selectionKeyCode="Shift"
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            edgesReconnectable={false}
            onlyRenderVisibleElements
            defaultViewport={opening}
            minZoom={0.1}
            maxZoom={1.75}
            ariaLabelConfig={ariaLabelConfig}
          >
            <Background gap={20} size={1} />
            <MiniMap pannable zoomable nodeColor={minimapColour} nodeStrokeWidth={2} style={minimapSize} />
            <Controls showInteractive={false} onFitView={() => fitCanvas()} />
            {children ? <Panel position="top-left">{children}</Panel> : null}
          </ReactFlow>
        ) : null}
      </CanvasTextsProvider>
      <NodePicker />
      <ConnectMenu />
      <div className="editor-canvas__bottom">
        {message}
        <p className="editor-canvas__notice" role="status" aria-live="polite">
          {notice}
        </p>
      </div>
    </section>
  );
}
