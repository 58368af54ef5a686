import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getSmoothStepPath } from '@xyflow/react';
import { type MouseEvent, memo } from 'react';
import { useCanvasView, useCanvasViewStore } from '../EditorProvider.tsx';
import type { EditorEdge } from '../store/editor-types.ts';
import { useCanvasTexts } from './CanvasTexts.tsx';

/**
 * An edge drawn in right angles, lit when a run or test went along it. Hovered or selected (by
 * keyboard too), it shows a "+" to insert a step in the middle.
 */
function FlowEdgeView(props: EdgeProps<EditorEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd } =
    props;
  const texts = useCanvasTexts();
  const view = useCanvasViewStore();
  const lit = useCanvasView((state) => state.litEdges.has(id));
  const readOnly = useCanvasView((state) => state.readOnly);
  const hovered = useCanvasView((state) => state.hoveredEdge === id);
  const picking = useCanvasView((state) => state.picker?.mode === 'insert' && state.picker.edgeId === id);
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    borderRadius: 10,
  });
  const classes = ['flow-edge'];
  if (lit) classes.push('flow-edge--lit');
  if (selected) classes.push('flow-edge--selected');

  const openPicker = (event: MouseEvent<HTMLButtonElement>) => {
    event.stopPropagation();
    const canvas = event.currentTarget.closest('.editor-canvas');
    const button = event.currentTarget.getBoundingClientRect();
    const origin = canvas?.getBoundingClientRect() ?? { left: 0, top: 0 };
    view.setState({
      picker: {
        mode: 'insert',
        edgeId: id,
        anchor: { x: button.left - origin.left, y: button.bottom - origin.top + 6 },
      },
    });
  };

  return (
    <>
      <BaseEdge id={id} path={path} className={classes.join(' ')} {...(markerEnd ? { markerEnd } : {})} />
      {readOnly || !(hovered || selected || picking) ? null : (
        <EdgeLabelRenderer>
          <button
            type="button"
            className="edge-add nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            onClick={openPicker}
            onMouseEnter={() => view.getState().hoverEdge(id)}
            onMouseLeave={() => view.getState().hoverEdge(null)}
            aria-label={texts.insert}
            data-edge-id={id}
          >
            +
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
