import { getNodesBounds, getViewportForBounds, type Viewport } from '@xyflow/react';
import type { EditorNode } from '../store/editor-types.ts';
import { defaultNodeSize } from '../store/placement.ts';
import { flowNode } from './flow-nodes.ts';

/** Past this many nodes the whole flow no longer reads when fitted: it opens at its start instead. */
export const fitLimit = 60;
const startZoom = 0.85;
const topMargin = 48;
const fitPadding = '24px';

/** The minimap's size on the canvas, kept small: it sits over a corner the fitted flow leaves free. */
export const minimapSize = { width: 168, height: 112 };

/**
 * What lies over the canvas's edges, in screen pixels with their margins: the toolbar along the
 * top, and along the bottom the zoom controls, the save message and the minimap.
 */
export const canvasOverlays = { top: 64, bottom: minimapSize.height + 30 };

/** Below this canvas width the toolbar's buttons take two rows, and the top strip is as high. */
const toolbarWrapsBelow = 560;

/**
 * The viewport that shows `nodes` whole, from their positions and sizes (measured, or declared
 * for those not drawn yet): React Flow's own fitting only counts nodes it has measured, and nodes
 * out of view are never drawn, so never measured. The flow is fitted between the top and bottom
 * strips, so neither the toolbar, the zoom controls, a message nor the minimap covers a step.
 */
export function fittedViewport(args: {
  nodes: readonly EditorNode[];
  width: number;
  height: number;
  maxZoom?: number;
}): Viewport {
  const bounds = getNodesBounds(args.nodes.map(flowNode));
  const maxZoom = args.maxZoom ?? 1;
  const { bottom } = canvasOverlays;
  const top = args.width < toolbarWrapsBelow ? canvasOverlays.top + 40 : canvasOverlays.top;
  const free = args.height - top - bottom;
  // A canvas too low for the strips (a phone held sideways) shows the flow over all of it.
  if (free < 160) return getViewportForBounds(bounds, args.width, args.height, 0.1, maxZoom, fitPadding);
  const viewport = getViewportForBounds(bounds, args.width, free, 0.1, maxZoom, fitPadding);
  return { ...viewport, y: viewport.y + top };
}

/**
 * Where a flow opens. A small one is fitted to the view; a large one opens at a readable zoom on
 * its trigger (or its topmost node), centred, the minimap giving the overview — which also means
 * only the nodes in view are drawn at first.
 */
export function initialViewport(args: {
  nodes: readonly EditorNode[];
  width: number;
  height: number;
}): Viewport {
  const { nodes, width, height } = args;
  if (nodes.length === 0) return { x: width / 2, y: topMargin, zoom: 1 };
  if (nodes.length <= fitLimit) return fittedViewport({ nodes, width, height });
  const start =
    nodes.find((node) => node.type === 'trigger') ??
    nodes.reduce((top, node) => (node.position.y < top.position.y ? node : top));
  const centre = start.position.x + (start.measured?.width ?? defaultNodeSize.width) / 2;
  return {
    x: Math.round(width / 2 - centre * startZoom),
    y: Math.round(topMargin - start.position.y * startZoom),
    zoom: startZoom,
  };
}
