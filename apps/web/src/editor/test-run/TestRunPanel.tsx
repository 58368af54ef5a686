import type { TestRunResult as TestResult, Workflow } from '@crmflow/contracts';
import { nodeDefinition, nodeLabel } from '@crmflow/flow';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { noRefs } from '../../api/runs.ts';
import { useTestWorkflow } from '../../api/workflows.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { ReferenceSelect } from '../../records/inputs/ReferenceSelect.tsx';
import { useCanvasView, useCanvasViewStore, useEditorScope, useEditorStore } from '../EditorProvider.tsx';
import { SidePanel } from '../inspector/SidePanel.tsx';
import { StepResult, TechnicalDetails } from '../step-view/StepView.tsx';
import { stepLookups } from '../step-view/step-lookups.ts';
import { testMarksOf } from './run-marks.ts';

/**
 * "Chạy thử": pick a record, run the flow on it without writing or sending anything, and see
 * the path light up on the canvas and what each step would do. A draft with changes is saved
 * first, since the server tests what it has.
 */
export function TestRunPanel({
  workflow,
  ensureSaved,
  onClose,
}: {
  workflow: Workflow;
  ensureSaved: () => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const { module, catalog } = useEditorScope();
  const store = useEditorStore();
  const view = useCanvasViewStore();
  const readOnly = useCanvasView((state) => state.readOnly);
  const test = useTestWorkflow();
  const [recordId, setRecordId] = useState<string | null>(null);
  const [result, setResult] = useState<TestResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const recordInput = useId();

  // The marks belong to this panel: closing it gives the canvas back its plain look.
  useEffect(() => () => view.setState({ marks: new Map(), litEdges: new Set() }), [view]);

  const run = async () => {
    if (!recordId) return;
    setFailure(null);
    try {
      if (!readOnly) await ensureSaved();
      const answer = await test.mutateAsync({ id: workflow.id, recordId });
      setResult(answer);
      view.setState(testMarksOf({ result: answer, edges: store.getState().edges }));
    } catch (error) {
      setResult(null);
      setFailure(
        isApiError(error) && error.status === 404 && error.code === 'not_found'
          ? t('editor.test.unavailable')
          : errorMessage(error),
      );
    }
  };

  const nodes = store.getState().nodes;
  const refs = result?.refs;
  const lookups = useMemo(() => stepLookups({ refs: refs ?? noRefs, catalog }), [refs, catalog]);
  const ordered = result
    ? [...result.path, ...Object.keys(result.nodes).filter((id) => !result.path.includes(id))]
    : [];

  return (
    <SidePanel
      title={t('editor.test.title')}
      closeLabel={t('editor.test.close')}
      testId="test-panel"
      onClose={onClose}
    >
      <div className="inspector__section">
        <p className="inspector__hint">{t('editor.test.intro')}</p>
        <div className="field">
          <label className="field__label" htmlFor={recordInput}>
            {t('editor.test.record')}
          </label>
          <ReferenceSelect
            id={recordInput}
            refModule={module.key}
            placeholder={t('editor.test.search')}
            value={recordId}
            onChange={(id) => setRecordId(id)}
          />
        </div>
        {readOnly ? null : <p className="field__hint">{t('editor.test.saveFirst')}</p>}
        <button
          type="button"
          className="btn btn--primary"
          disabled={!recordId || test.isPending}
          onClick={() => void run()}
          data-testid="test-run"
        >
          {test.isPending ? t('editor.test.running') : t('editor.test.run')}
        </button>
        {failure ? (
          <p className="alert alert--error" role="alert">
            {failure}
          </p>
        ) : null}
      </div>
      {result ? (
        <div className="inspector__section" data-testid="test-result">
          <p className={`alert ${result.matched ? 'alert--success' : 'alert--warning'}`} role="status">
            {result.matched ? t('editor.test.matched') : t('editor.test.notMatched')}
          </p>
          <h3 className="inspector__subtitle">{t('editor.test.steps')}</h3>
          <ol className="test-steps">
            {ordered.map((nodeId) => {
              const step = result.nodes[nodeId];
              const node = nodes.find((candidate) => candidate.id === nodeId);
              const definition = node ? nodeDefinition(node.data.nodeType) : undefined;
              if (!step) return null;
              return (
                <li key={nodeId} className={`test-step test-step--${step.status}`}>
                  <div className="test-step__head">
                    <strong>{definition ? nodeLabel(definition, locale) : nodeId}</strong>
                    <span className="badge">{t(`editor.test.status.${step.status}`)}</span>
                  </div>
                  {step.reason ? <p className="test-step__reason">{step.reason}</p> : null}
                  {node ? (
                    <StepResult
                      nodeType={node.data.nodeType}
                      value={step.preview}
                      lookups={lookups}
                      module={module}
                    />
                  ) : null}
                  <TechnicalDetails parts={{ nodeId, preview: step.preview }} />
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}
    </SidePanel>
  );
}
