import { inLocale } from '@crmflow/flow';
import { Handle, type NodeProps, Position, useNodeConnections } from '@xyflow/react';
import { type MouseEvent, memo, useMemo } from 'react';
import { useCanvasView, useCanvasViewStore, useEditorScope } from '../EditorProvider.tsx';
import { NodeIcon } from '../palette/NodeIcon.tsx';
import type { EditorNode, SourceHandle } from '../store/editor-types.ts';
import { stepLabelIds } from '../store/graph-convert.ts';
import { useCanvasTexts } from './CanvasTexts.tsx';
import { describeStep } from './describe-step.ts';

/**
 * One step on the canvas: icon, label, the catalogue's summary in words, an error badge when
 * invalid, and after a run or a test its status. A trigger takes no input; a condition has two
 * outputs, `Đúng` and `Sai`. The "+" under an output opens the menu of steps to append.
 */
function StepNodeView({ id, data, type }: NodeProps<EditorNode>) {
  const texts = useCanvasTexts();
  const { locale } = texts;
  const scope = useEditorScope();
  const errors = useCanvasView((state) => state.errorsByNode.get(id));
  const mark = useCanvasView((state) => state.marks.get(id));
  const readOnly = useCanvasView((state) => state.readOnly);
  const names = useCanvasView((state) => state.names);
  const step = useMemo(
    () => describeStep({ nodeType: data.nodeType, config: data.config, ...scope, locale, names }),
    [data.nodeType, data.config, scope, locale, names],
  );
  const labels = stepLabelIds(id);
  const classes = ['flow-step', `flow-step--${type}`];
  if (errors?.length) classes.push('flow-step--invalid');
  if (mark) classes.push(`flow-step--mark-${mark}`);

  return (
    <div className={classes.join(' ')} data-node-type={data.nodeType}>
      {type === 'trigger' ? null : (
        <Handle type="target" position={Position.Top} className="flow-step__handle" />
      )}
      <div className="flow-step__head">
        <span className={`flow-step__icon flow-step__icon--${type}`}>
          <NodeIcon name={step.icon} />
        </span>
        <span className="flow-step__label" id={labels.title}>
          {step.label}
        </span>
        {errors?.length ? (
          <span
            className="flow-step__badge"
            title={errors.map((error) => inLocale(locale, error.problem)).join('\n')}
          >
            <span aria-hidden="true">!</span>
            <span className="visually-hidden">{texts.errors(errors.length)}</span>
          </span>
        ) : null}
      </div>
      <p className="flow-step__summary" id={labels.summary}>
        {step.summary || texts.notSet}
        {mark ? <span className="visually-hidden"> — {texts.mark(mark)}</span> : null}
      </p>
      {mark ? (
        <span className={`flow-step__mark flow-step__mark--${mark}`} aria-hidden="true">
          {texts.mark(mark)}
        </span>
      ) : null}
      {type === 'condition' ? (
        <>
          <Output nodeId={id} handle="true" label={step.label} readOnly={readOnly} />
          <Output nodeId={id} handle="false" label={step.label} readOnly={readOnly} />
        </>
      ) : (
        <Output nodeId={id} handle={null} label={step.label} readOnly={readOnly} />
      )}
    </div>
  );
}

function Output({
  nodeId,
  handle,
  label,
  readOnly,
}: {
  nodeId: string;
  handle: SourceHandle;
  label: string;
  readOnly: boolean;
}) {
  const texts = useCanvasTexts();
  const view = useCanvasViewStore();
  const connections = useNodeConnections({ handleType: 'source', ...(handle ? { handleId: handle } : {}) });
  const used = connections.some((connection) => (connection.sourceHandle ?? null) === handle);
  const place = handle === null ? 'single' : handle;
  const openPicker = (event: MouseEvent<HTMLButtonElement>) => {
    event.stopPropagation();
    const canvas = event.currentTarget.closest('.editor-canvas');
    const button = event.currentTarget.getBoundingClientRect();
    const origin = canvas?.getBoundingClientRect() ?? { left: 0, top: 0 };
    view.setState({
      picker: {
        mode: 'append',
        sourceId: nodeId,
        handle,
        anchor: { x: button.left - origin.left, y: button.bottom - origin.top + 6 },
      },
    });
  };
  const branch = handle === null ? null : texts.branch[handle];
  return (
    <>
      <Handle
        type="source"
        position={Position.Bottom}
        id={handle ?? undefined}
        className={`flow-step__handle flow-step__handle--${place}`}
      />
      {branch ? (
        <span className={`flow-step__branch flow-step__branch--${place}`} aria-hidden="true">
          {branch}
        </span>
      ) : null}
      {readOnly ? null : (
        <button
          type="button"
          className={`flow-step__add flow-step__add--${place}${used ? ' flow-step__add--used' : ''} nodrag nopan`}
          onClick={openPicker}
          aria-label={branch ? texts.appendBranch({ branch, label }) : texts.append(label)}
        >
          +
        </button>
      )}
    </>
  );
}

export const StepNode = memo(StepNodeView);
