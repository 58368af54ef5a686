import type { HistoryEntry } from '@crmflow/contracts';
import type { FieldMeta, ModuleMeta } from '@crmflow/flow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRecordHistory } from '../api/record-history.ts';
import { useRecordTitles } from '../api/records.ts';
import { ListPager } from '../components/ListPager.tsx';
import { ErrorState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { FieldValue, type ValueLookups } from './FieldValue.tsx';
import { formatDateTime, labelOf } from './format.ts';
import { useUserNames } from './useUserNames.ts';
import '../styles/table.css';

/** The records a page of history points to, for their titles. */
function referencesIn(entries: readonly HistoryEntry[], fields: readonly FieldMeta[]) {
  return entries.flatMap((entry) =>
    entry.changes.flatMap((change) => {
      const field = fields.find((item) => item.key === change.field);
      if (field?.type !== 'reference' || !field.refModule) return [];
      const module = field.refModule;
      return [change.before, change.after].flatMap((value) =>
        typeof value === 'string' ? [{ module, id: value }] : [],
      );
    }),
  );
}

/** Lịch sử thay đổi: who changed which field of the record, from what to what, newest first. */
export function RecordHistory(args: {
  module: ModuleMeta;
  recordId: string;
  version: number;
  timeZone?: string;
}) {
  const { module, recordId, version, timeZone } = args;
  const { t } = useTranslation();
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const history = useRecordHistory({ module: module.key, id: recordId, page, version });
  const errorMessage = useErrorMessage();
  const userNames = useUserNames();
  const items = history.data?.items ?? [];
  const refTitles = useRecordTitles(referencesIn(items, module.fields));
  const lookups: ValueLookups = { userNames, refTitles, ...(timeZone ? { timeZone } : {}) };
  return (
    <section className="record-history" aria-labelledby="record-history-title" data-testid="record-history">
      <h2 id="record-history-title">{t('history.title')}</h2>
      {history.isError ? (
        <ErrorState message={errorMessage(history.error)} onRetry={() => void history.refetch()} />
      ) : history.isPending ? (
        <p className="muted">{t('history.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <>
          <ol className="history-timeline">
            {items.map((entry) => (
              <li key={entry.id} className="history-entry" data-testid="history-entry">
                <p className="history-entry__head">
                  <time dateTime={entry.at}>{formatDateTime(entry.at, timeZone)}</time>{' '}
                  <span>{t(`history.operation.${entry.operation}`)}</span>{' '}
                  <span className="muted">{t('history.by')}</span>{' '}
                  {entry.run ? (
                    <Link to={`/runs/${entry.run.id}`}>
                      {t('history.byRun', { name: entry.run.workflowName ?? t('history.deletedWorkflow') })}
                    </Link>
                  ) : (
                    <strong>{entry.actor?.name || t('history.system')}</strong>
                  )}
                  {entry.source === 'import' ? (
                    <span className="muted"> · {t('history.viaImport')}</span>
                  ) : null}
                </p>
                {entry.operation === 'update' ? (
                  <dl className="history-entry__changes">
                    {entry.changes.map((change) => {
                      const field = module.fields.find((item) => item.key === change.field);
                      return (
                        <div key={change.field} className="history-change">
                          <dt>{field ? labelOf(field, locale) : change.field}</dt>
                          <dd>
                            <span className="history-change__before">
                              {field ? (
                                <FieldValue field={field} value={change.before} lookups={lookups} />
                              ) : null}
                              {change.before === null ? (
                                <em className="muted">{t('history.emptyValue')}</em>
                              ) : null}
                            </span>
                            {' → '}
                            <span className="history-change__after">
                              {field ? (
                                <FieldValue field={field} value={change.after} lookups={lookups} />
                              ) : null}
                              {change.after === null ? (
                                <em className="muted">{t('history.emptyValue')}</em>
                              ) : null}
                            </span>
                          </dd>
                        </div>
                      );
                    })}
                  </dl>
                ) : null}
              </li>
            ))}
          </ol>
          <ListPager
            page={page}
            pageSize={history.data?.pageSize ?? 20}
            total={history.data?.total ?? 0}
            totalLabel={t('history.total', { count: history.data?.total ?? 0 })}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}
