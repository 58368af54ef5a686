import type { Workflow } from '@crmflow/contracts';
import { useTranslation } from 'react-i18next';
import { useDeleteWorkflow } from '../api/workflow-lists.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';

/** Asks before deleting; a refusal (it was activated meanwhile, say) stays in the dialog. */
export function DeleteWorkflowDialog(props: {
  workflow: Workflow;
  onDeleted: (workflow: Workflow) => void;
  onClose: () => void;
}) {
  const { workflow, onDeleted, onClose } = props;
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const remove = useDeleteWorkflow();
  return (
    <ConfirmDialog
      title={t('workflows.deleteTitle')}
      body={t('workflows.deleteBody', { name: workflow.name })}
      confirmLabel={remove.isPending ? t('common.deleting') : t('common.delete')}
      busy={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(workflow.id, {
          onSuccess: () => {
            onDeleted(workflow);
            onClose();
          },
        })
      }
    />
  );
}
