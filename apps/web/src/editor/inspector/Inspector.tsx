import { nodeDefinition } from '@crmflow/flow';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale.ts';
import { useFitCanvas } from '../canvas/useFitCanvas.ts';
import { useCanvasView, useCanvasViewStore, useEditor, useEditorStore } from '../EditorProvider.tsx';
import { NodeIcon } from '../palette/NodeIcon.tsx';
import { FormErrorsProvider, generalErrors, inStep } from './form-errors.tsx';
import { NodeForm } from './forms/NodeForm.tsx';
import { ProblemList } from './ProblemList.tsx';

const noErrors: never[] = [];

/**
 * The right-hand panel: the form of the selected node, generated from its declaration and the
 * module's fields, with each problem beside its field; with nothing selected, the flow's problems.
 * `overview` is what shows with nothing selected (the flow's name and problems, or a run's).
 */
export function Inspector({
  overview,
  renderNode,
}: {
  overview?: ReactNode;
  /** Replaces the node form, as the run view does with the step's details. */
  renderNode?: (id: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const selected = useEditor((state) =>
    state.nodes
      .filter((node) => node.selected)
      .map((node) => node.id)
      .join(' '),
  );
  const ids = selected ? selected.split(' ') : [];
  const store = useEditorStore();
  const readOnly = useCanvasView((state) => state.readOnly);
  const [only] = ids;

  return (
    <aside className="inspector" aria-label={t('editor.inspector.title')} data-testid="inspector">
      {ids.length === 1 && only ? (
        renderNode ? (
          renderNode(only)
        ) : (
          <NodeInspector key={only} id={only} />
        )
      ) : ids.length > 1 ? (
        <div className="inspector__section">
          <p>{t('editor.inspector.many', { count: ids.length })}</p>
          {readOnly ? null : (
            <button
              type="button"
              className="btn btn--danger btn--sm"
              onClick={() => store.getState().removeElements({ nodeIds: ids, edgeIds: [] })}
            >
              {t('editor.inspector.deleteStep')}
            </button>
          )}
        </div>
      ) : (
        (overview ?? <FlowProblems />)
      )}
    </aside>
  );
}

/** The flow's problems, each a link to its node, or a note that it may be activated. */
export function FlowProblems() {
  const { t } = useTranslation();
  const errors = useCanvasView((state) => state.errors);
  const readOnly = useCanvasView((state) => state.readOnly);
  return (
    <div className="inspector__section">
      <p className="inspector__hint">
        {t(readOnly ? 'editor.inspector.emptyReadOnly' : 'editor.inspector.empty')}
      </p>
      {readOnly ? null : errors.length === 0 ? (
        <p className="alert alert--success">{t('editor.inspector.noProblems')}</p>
      ) : (
        <>
          <h3 className="inspector__subtitle">{t('editor.inspector.problems')}</h3>
          <ProblemList errors={errors} />
        </>
      )}
    </div>
  );
}

function NodeInspector({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const store = useEditorStore();
  const node = useEditor((state) => state.nodes.find((candidate) => candidate.id === id));
  const errors = useCanvasView((state) => state.errorsByNode.get(id)) ?? noErrors;
  const readOnly = useCanvasView((state) => state.readOnly);
  const view = useCanvasViewStore();
  const fitCanvas = useFitCanvas();
  if (!node) return null;
  const definition = nodeDefinition(node.data.nodeType);
  const general = generalErrors(errors);
  const nodeType = node.data.nodeType;
  const onChange = (config: Record<string, unknown>) => store.getState().updateConfig({ nodeId: id, config });

  return (
    <div className="inspector__node" data-testid="node-inspector" data-node-id={id}>
      <header className="inspector__head">
        <span className={`flow-step__icon flow-step__icon--${node.type}`}>
          <NodeIcon name={definition?.icon ?? ''} />
        </span>
        <div className="inspector__titles">
          <h2 className="inspector__title">
            {definition ? (locale === 'vi' ? definition.labelVi : definition.labelEn) : nodeType}
          </h2>
          <p className="inspector__hint">
            {definition ? (locale === 'vi' ? definition.descriptionVi : definition.descriptionEn) : null}
          </p>
        </div>
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          onClick={() => {
            store.getState().selectOnly([]);
          }}
          aria-label={t('editor.inspector.close')}
        >
          ×
        </button>
      </header>
      {general.length > 0 ? (
        <ul className="inspector__problems" aria-label={t('editor.inspector.stepProblems')}>
          {general.map((error) => (
            <li key={`${error.code}-${error.path ?? ''}-${error.edgeId ?? ''}`} className="field__error">
              {inStep(error, locale)}
            </li>
          ))}
        </ul>
      ) : null}
      <FormErrorsProvider value={{ errors }}>
        <fieldset className="inspector__form" disabled={readOnly}>
          {definition ? (
            <NodeForm definition={definition} raw={node.data.config} onChange={onChange} />
          ) : (
            <p>{t('editor.inspector.unknownType', { type: nodeType })}</p>
          )}
        </fieldset>
      </FormErrorsProvider>
      {readOnly ? null : (
        <div className="inspector__foot">
          <button
            type="button"
            className="btn btn--sm"
            aria-keyshortcuts="C"
            title={t('editor.inspector.connectHint')}
            onClick={() => view.setState({ connecting: { sourceId: id }, picker: null, help: false })}
            data-testid="connect-open"
          >
            {t('editor.connect.open')}
          </button>
          {node.type === 'trigger' ? null : (
            <button
              type="button"
              className="btn btn--danger btn--sm"
              onClick={() => store.getState().removeElements({ nodeIds: [id], edgeIds: [] })}
            >
              {t('editor.inspector.deleteStep')}
            </button>
          )}
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            onClick={() => fitCanvas({ nodeIds: [id], maxZoom: 1.2 })}
          >
            {t('editor.inspector.goTo')}
          </button>
        </div>
      )}
    </div>
  );
}
