import type { RunDetail } from '@crmflow/contracts';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useRun, useWorkflow } from '../../api/workflows.ts';
import { ChevronLeftIcon } from '../../components/icons.tsx';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { editorPath } from '../../workflows/workflow-paths.ts';
import { FlowCanvas } from '../canvas/FlowCanvas.tsx';
import { EditorProvider, useCanvasViewStore, useEditorStore } from '../EditorProvider.tsx';
import '../editor.css';
import '../inspector/inspector.css';
import { Inspector } from '../inspector/Inspector.tsx';
import { useModuleCatalog } from '../pages/useModuleCatalog.ts';
import { toEditorDoc } from '../store/graph-convert.ts';
import { runMarksOf } from '../test-run/run-marks.ts';
import { useEntityNames } from '../validation/useEntityNames.ts';
import { RunSummary, StepDetails } from './RunDetails.tsx';

/**
 * `/runs/:id`: the graph of the version that ran, read-only, each node coloured by its step's
 * status; the panel shows the run, or the selected step's input, output, error and timings.
 */
export function RunViewPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const run = useRun(id);
  const workflow = useWorkflow(run.data?.workflowId);
  const { catalog, isPending } = useModuleCatalog();
  const errorMessage = useErrorMessage();

  if (run.isError) {
    const missing = isApiError(run.error) && run.error.status === 404;
    return (
      <div className="page page--narrow">
        <ErrorState
          message={missing ? t('editor.run.notFound') : errorMessage(run.error)}
          onRetry={() => void run.refetch()}
        />
      </div>
    );
  }
  if (run.isPending || isPending || !catalog || !run.data) return <LoadingState />;
  const data = run.data;
  const kind = workflow.data?.kind ?? 'event';
  return (
    <EditorProvider
      key={data.id}
      scope={{ module: catalog[data.module], catalog, kind }}
      initial={toEditorDoc(data.graph)}
      readOnly
    >
      <ReactFlowProvider>
        <div className="editor-page" data-testid="run-view">
          <header className="editor-header">
            <Link
              to="/runs"
              className="btn btn--ghost btn--icon"
              aria-label={t('editor.run.backToRuns')}
              title={t('editor.run.backToRuns')}
            >
              <ChevronLeftIcon />
            </Link>
            <div className="editor-header__titles">
              <h1 className="editor-header__heading">
                {t('editor.run.title')}: {data.workflowName ?? workflow.data?.name ?? ''}
              </h1>
              {data.recordId ? (
                <p className="muted">
                  <Link to={`/records/${data.module}/${data.recordId}`}>
                    {data.recordTitle || t('editor.run.openRecord')}
                  </Link>
                </p>
              ) : null}
            </div>
            <div className="editor-header__actions">
              {workflow.data ? (
                <Link className="btn" to={editorPath(workflow.data)}>
                  {t('editor.run.openWorkflow')}
                </Link>
              ) : null}
            </div>
          </header>
          <RunMarks run={data} />
          <div className="editor-body editor-body--read-only">
            <FlowCanvas />
            <Inspector
              overview={<RunSummary run={data} />}
              renderNode={(nodeId) => <StepDetails run={data} nodeId={nodeId} />}
            />
          </div>
        </div>
      </ReactFlowProvider>
    </EditorProvider>
  );
}

/** Keeps the canvas colours in step with the run while it is polled. */
function RunMarks({ run }: { run: RunDetail }) {
  const view = useCanvasViewStore();
  const store = useEditorStore();
  useEntityNames(run.module);
  useEffect(() => {
    view.setState(runMarksOf({ steps: run.steps, edges: store.getState().edges }));
  }, [view, store, run.steps]);
  return null;
}
