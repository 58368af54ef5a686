import type { FlowGraph } from '@crmflow/flow';
import { type Edge, Handle, type Node, type NodeProps, Position, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeIcon } from '../editor/palette/NodeIcon.tsx';
import type { PreviewStep } from './template-details.ts';

type PreviewNode = Node<{ step: PreviewStep; category: string }, 'previewStep'>;

/** One step of the mini canvas: icon, the action's label, and the summary the catalogue writes. */
function PreviewStepNode({ data }: NodeProps<PreviewNode>) {
  const { step, category } = data;
  return (
    <div className={`preview-step preview-step--${category}`} data-node-type={category}>
      {category === 'trigger' ? null : <Handle type="target" position={Position.Top} isConnectable={false} />}
      <div className="preview-step__head">
        <NodeIcon name={step.icon} />
        <span>{step.label}</span>
      </div>
      <p className="preview-step__summary">{step.summary}</p>
      {category === 'condition' ? (
        <>
          <Handle
            id="true"
            type="source"
            position={Position.Bottom}
            style={{ left: '30%' }}
            isConnectable={false}
          />
          <Handle
            id="false"
            type="source"
            position={Position.Bottom}
            style={{ left: '70%' }}
            isConnectable={false}
          />
        </>
      ) : (
        <Handle type="source" position={Position.Bottom} isConnectable={false} />
      )}
    </div>
  );
}

const nodeTypes = { previewStep: PreviewStepNode };

/** The template's graph, read-only and fitted to its frame: what the editor will open with. */
export function TemplateCanvas({ graph, steps }: { graph: FlowGraph; steps: PreviewStep[] }) {
  const { t } = useTranslation();
  const nodes = useMemo(
    (): PreviewNode[] =>
      graph.nodes.flatMap((node) => {
        const step = steps.find((candidate) => candidate.id === node.id);
        if (!step) return [];
        return [
          {
            id: node.id,
            type: 'previewStep',
            position: node.position,
            data: { step, category: step.category },
          },
        ];
      }),
    [graph, steps],
  );
  const edges = useMemo(
    (): Edge[] =>
      graph.edges.map((edge) => ({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        ...(edge.sourceHandle
          ? { sourceHandle: edge.sourceHandle, label: t(`editor.canvas.${edge.sourceHandle}`) }
          : {}),
      })),
    [graph, t],
  );
  return (
    <div
      className="template-canvas"
      role="img"
      aria-label={t('templateGallery.canvas')}
      data-testid="template-canvas"
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={{ padding: 0.15 }}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        zoomOnScroll={false}
        panOnScroll={false}
        preventScrolling={false}
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
      />
    </div>
  );
}
