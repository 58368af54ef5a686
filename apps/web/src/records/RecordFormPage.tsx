import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useMe } from '../api/auth.ts';
import { isApiError } from '../api/client.ts';
import { useModules } from '../api/modules.ts';
import { recordTitle, useRecord } from '../api/records.ts';
import { useUsers } from '../api/users.ts';
import { ChevronRightIcon } from '../components/icons.tsx';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { RecordRuns } from '../runs/RecordRuns.tsx';
import { DeleteRecordButton } from './DeleteRecordButton.tsx';
import { formatDateTime, labelOf } from './format.ts';
import { RecordExtras } from './RecordExtras.tsx';
import { RecordForm } from './RecordForm.tsx';
import { RecordHistory } from './RecordHistory.tsx';
import { useKnownTitles } from './useKnownTitles.ts';
import { WorkAppLink } from './WorkAppLink.tsx';

/** `/records/:module/new` and `/records/:module/:id`. */
export function RecordFormPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const { module: moduleKey = '', id } = useParams();
  const modules = useModules();
  const me = useMe();
  const users = useUsers();
  const record = useRecord(moduleKey, id);
  const errorMessage = useErrorMessage();
  const titles = useKnownTitles(record.data);
  const [reloads, setReloads] = useState(0);
  const module = modules.data?.find((item) => item.key === moduleKey);
  const listPath = `/records/${moduleKey}`;
  const notice = location.state === 'created' ? t('recordForm.created') : null;

  if (modules.isPending || (id && record.isPending)) return <LoadingState />;
  if (modules.isError)
    return <ErrorState message={errorMessage(modules.error)} onRetry={() => void modules.refetch()} />;
  if (!module) {
    return (
      <div className="page page--narrow">
        <ErrorState message={t('records.unknownModule', { module: moduleKey })} />
      </div>
    );
  }
  if (id && record.isError) {
    const missing = isApiError(record.error) && record.error.status === 404;
    return (
      <div className="page page--narrow">
        <ErrorState
          message={missing ? t('recordForm.notFound') : errorMessage(record.error)}
          onRetry={missing ? undefined : () => void record.refetch()}
        />
        <p>
          <Link to={listPath}>{t('recordForm.backToList')}</Link>
        </p>
      </div>
    );
  }

  const current = id ? (record.data ?? null) : null;
  const title = current
    ? (recordTitle(current, module.titleField) ?? t('records.untitled'))
    : t('recordForm.newTitle');
  return (
    <div className="page page--narrow">
      <div className="page__header">
        <div className="page__titles">
          <nav aria-label={t('recordForm.breadcrumb')} className="muted">
            <Link to={listPath}>{labelOf(module, locale)}</Link> <ChevronRightIcon size={12} />
          </nav>
          <h1>{title}</h1>
          {current ? (
            <p className="form-meta">
              {t('recordForm.meta', {
                date: formatDateTime(current.updatedAt, me.data?.organization.timeZone),
                version: current.version,
              })}
            </p>
          ) : null}
        </div>
      </div>
      <RecordForm
        key={`${id ?? 'new'}:${reloads}`}
        module={module}
        modules={modules.data ?? []}
        record={current}
        users={users.data ?? []}
        titles={titles}
        notice={notice}
        onSaved={(saved, created) => {
          if (created) navigate(`/records/${module.key}/${saved.id}`, { replace: true, state: 'created' });
        }}
        onReload={() => void record.refetch().then(() => setReloads((count) => count + 1))}
        extraActions={
          current ? (
            <DeleteRecordButton
              module={module.key}
              id={current.id}
              title={title}
              onDeleted={() => navigate(listPath)}
            />
          ) : null
        }
      />
      {current && module.key === 'task' ? <WorkAppLink taskId={current.id} /> : null}
      {current ? (
        <RecordExtras module={module.key} id={current.id} timeZone={me.data?.organization.timeZone} />
      ) : null}
      {current ? <RecordRuns module={module.key} recordId={current.id} /> : null}
      {current ? (
        <RecordHistory
          module={module}
          recordId={current.id}
          version={current.version}
          timeZone={me.data?.organization.timeZone}
        />
      ) : null}
    </div>
  );
}
