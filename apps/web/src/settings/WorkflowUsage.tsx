import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkflowUse } from '../api/providers.ts';

/** The workflows using a provider or a rule, linked to the editor, active ones marked. */
export function WorkflowUsage({
  label,
  empty,
  workflows,
}: {
  label: string;
  empty: string;
  workflows: WorkflowUse[] | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="field" data-testid="workflow-usage">
      <span className="field__label">{label}</span>
      {workflows && workflows.length === 0 ? <span className="muted">{empty}</span> : null}
      {workflows && workflows.length > 0 ? (
        <ul className="usage-list">
          {workflows.map((workflow) => (
            <li key={workflow.id}>
              <Link to={`/workflows/${workflow.id}`}>{workflow.name}</Link>{' '}
              {workflow.status === 'active' ? (
                <span className="badge badge--success">{t('common.active')}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
