import { ReactFlowProvider } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { useWorkflow } from '../../api/workflows.ts';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { EditorProvider } from '../EditorProvider.tsx';
import { toEditorDoc } from '../store/graph-convert.ts';
import '../editor.css';
import '../inspector/inspector.css';
import { useModuleCatalog } from './useModuleCatalog.ts';
import { WorkflowWorkspace } from './WorkflowWorkspace.tsx';

/** `/workflows/:id` and `/care-processes/:id`: the designer of one workflow or care process. */
export function WorkflowEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const workflow = useWorkflow(id);
  const { catalog, isPending, error, refetch } = useModuleCatalog();
  const me = useMe();
  const errorMessage = useErrorMessage();

  if (workflow.isError || error) {
    return (
      <div className="page page--narrow">
        <ErrorState
          message={errorMessage(workflow.error ?? error)}
          onRetry={() => void (workflow.isError ? workflow.refetch() : refetch())}
        />
      </div>
    );
  }
  if (workflow.isPending || isPending || !catalog || !workflow.data)
    return <LoadingState label={t('app.loading')} />;

  const data = workflow.data;
  const role = me.data?.user.role;
  return (
    <EditorProvider
      key={data.id}
      scope={{ module: catalog[data.module], catalog, kind: data.kind }}
      initial={toEditorDoc(data.graph)}
      readOnly={data.status === 'active'}
    >
      <ReactFlowProvider>
        <WorkflowWorkspace workflow={data} canManage={role === 'admin' || role === 'manager'} />
      </ReactFlowProvider>
    </EditorProvider>
  );
}
