import type { Workflow } from '@crmflow/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CopyIcon, TrashIcon } from '../components/icons.tsx';
import { ReasonTip } from '../components/ReasonTip.tsx';
import { EditIcon } from './list-icons.tsx';
import { editorPath } from './workflow-paths.ts';

export interface WorkflowActionsProps {
  workflow: Workflow;
  cloning: boolean;
  onClone: (workflow: Workflow) => void;
  onDelete: (workflow: Workflow) => void;
}

/**
 * Open, clone, delete. Deleting an active workflow is refused up front, with the reason shown on
 * hover and on keyboard focus.
 */
export function WorkflowActions({ workflow, cloning, onClone, onDelete }: WorkflowActionsProps) {
  const { t } = useTranslation();
  const name = workflow.name;
  const active = workflow.status === 'active';
  return (
    <div className="row-actions">
      <Link
        to={editorPath(workflow)}
        className="btn btn--ghost btn--sm btn--icon"
        aria-label={t('workflows.openLabel', { name })}
        title={t('workflows.open')}
      >
        <EditIcon />
      </Link>
      <button
        type="button"
        className="btn btn--ghost btn--sm btn--icon"
        aria-label={t('workflows.cloneLabel', { name })}
        title={t('workflows.clone')}
        disabled={cloning}
        onClick={() => onClone(workflow)}
      >
        <CopyIcon />
      </button>
      <ReasonTip reason={active ? t('workflows.deleteActive') : null}>
        {(unavailable) => (
          <button
            type="button"
            className="btn btn--ghost btn--sm btn--icon row-actions__delete"
            aria-label={t('workflows.deleteLabel', { name })}
            title={active ? undefined : t('workflows.delete')}
            {...unavailable}
            onClick={() => {
              if (!active) onDelete(workflow);
            }}
          >
            <TrashIcon />
          </button>
        )}
      </ReasonTip>
    </div>
  );
}
