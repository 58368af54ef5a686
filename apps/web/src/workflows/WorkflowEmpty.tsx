import type { WorkflowKind } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CareIcon, PlusIcon, TemplateIcon, WorkflowIcon } from '../components/icons.tsx';
import { EmptyState } from '../components/States.tsx';
import { galleryPath, newWorkflowPath } from './workflow-paths.ts';

/** An empty list says what a flow of this kind does and offers both ways to start one. */
export function WorkflowEmpty(props: { kind: WorkflowKind; q: string; moduleName: string | undefined }) {
  const { kind, q, moduleName } = props;
  const { t } = useTranslation();
  if (q) return <p className="centered">{t('workflows.empty.search', { q })}</p>;
  const schedule = kind === 'schedule';
  const Icon = schedule ? CareIcon : WorkflowIcon;
  return (
    <EmptyState
      icon={<Icon size={22} />}
      title={
        moduleName
          ? t('workflows.empty.module', { module: moduleName })
          : t(schedule ? 'workflows.empty.titleSchedule' : 'workflows.empty.title')
      }
      body={t(schedule ? 'workflows.empty.bodySchedule' : 'workflows.empty.body')}
      action={
        <div className="empty-state__actions">
          <Link to={newWorkflowPath(kind)} className="btn btn--primary">
            <PlusIcon />
            {t('workflows.add')}
          </Link>
          <Link to={galleryPath(kind)} className="btn">
            <TemplateIcon />
            {t('workflows.useTemplate')}
          </Link>
        </div>
      }
    />
  );
}
