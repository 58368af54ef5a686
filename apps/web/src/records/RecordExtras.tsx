import { findCareCardLayout } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { useOrderActivity, useRecordAttachments } from '../api/record-extras.ts';
import { ErrorState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { formatDate, formatDateTime, formatMoney } from './format.ts';
import '../styles/admin.css';

/** Below a record's form: the files kept with it, and for an order its care cards and revenue. */
export function RecordExtras({
  module,
  id,
  timeZone,
}: {
  module: string;
  id: string;
  timeZone?: string | undefined;
}) {
  return (
    <div className="record-extras">
      <RecordAttachments module={module} id={id} />
      {module === 'order' ? <OrderActivityLists id={id} timeZone={timeZone} /> : null}
    </div>
  );
}

const sizeText = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;

function RecordAttachments({ module, id }: { module: string; id: string }) {
  const { t } = useTranslation();
  const files = useRecordAttachments(module, id);
  if (!files.data || files.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="record-files-heading" data-testid="record-attachments">
      <div className="template-preview">
        <h2 id="record-files-heading">{t('admin.files.title')}</h2>
        <ul>
          {files.data.map((file) => (
            <li key={file.id}>
              <a
                href={file.url}
                download={file.name}
                aria-label={t('admin.files.download', { name: file.name })}
              >
                {file.name}
              </a>{' '}
              <span className="muted">({sizeText(file.size)})</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function OrderActivityLists({ id, timeZone }: { id: string; timeZone?: string | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const activity = useOrderActivity(id);
  if (activity.error)
    return <ErrorState message={errorMessage(activity.error)} onRetry={() => void activity.refetch()} />;
  if (!activity.data) return null;
  const label = (item: { labelVi: string; labelEn: string }) =>
    locale === 'en' ? item.labelEn : item.labelVi;
  return (
    <>
      <section
        className="card table-wrap"
        aria-labelledby="order-care-heading"
        data-testid="order-care-cards"
      >
        <div className="template-preview">
          <h2 id="order-care-heading">{t('admin.order.careCards')}</h2>
          {activity.data.careCards.length === 0 ? (
            <p className="muted">{t('admin.order.noCareCards')}</p>
          ) : (
            <table className="table table--stack">
              <thead>
                <tr>
                  <th scope="col">{t('admin.order.owner')}</th>
                  <th scope="col">{t('admin.order.careDate')}</th>
                  <th scope="col">{t('admin.order.layout')}</th>
                  <th scope="col">{t('admin.order.extra')}</th>
                </tr>
              </thead>
              <tbody>
                {activity.data.careCards.map((card) => {
                  const layout = findCareCardLayout(card.layout);
                  return (
                    <tr key={card.id}>
                      <td data-label={t('admin.order.owner')}>{card.owner?.name ?? '—'}</td>
                      <td data-label={t('admin.order.careDate')}>
                        {card.careDate ? formatDate(card.careDate) : '—'}
                      </td>
                      <td data-label={t('admin.order.layout')}>{layout ? label(layout) : card.layout}</td>
                      <td data-label={t('admin.order.extra')}>
                        {Object.entries(card.fields).map(([key, value]) => {
                          const field = layout?.fields.find((f) => f.key === key);
                          return (
                            <div key={key}>
                              <span className="muted">{field ? label(field) : key}:</span>{' '}
                              {String(value ?? '')}
                            </div>
                          );
                        })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      </section>
      <section
        className="card table-wrap"
        aria-labelledby="order-revenue-heading"
        data-testid="order-revenue"
      >
        <div className="template-preview">
          <h2 id="order-revenue-heading">{t('admin.order.revenue')}</h2>
          {activity.data.revenue.length === 0 ? (
            <p className="muted">{t('admin.order.noRevenue')}</p>
          ) : (
            <table className="table table--stack">
              <thead>
                <tr>
                  <th scope="col">{t('admin.order.status')}</th>
                  <th scope="col">{t('admin.order.amount')}</th>
                  <th scope="col">{t('admin.order.owner')}</th>
                  <th scope="col">{t('admin.order.date')}</th>
                </tr>
              </thead>
              <tbody>
                {activity.data.revenue.map((entry) => (
                  <tr key={entry.id}>
                    <td data-label={t('admin.order.status')}>{t(`admin.order.kinds.${entry.kind}`)}</td>
                    <td data-label={t('admin.order.amount')}>{formatMoney(Number(entry.amount))}</td>
                    <td data-label={t('admin.order.owner')}>{entry.owner?.name ?? '—'}</td>
                    <td data-label={t('admin.order.date')}>{formatDateTime(entry.createdAt, timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </section>
    </>
  );
}
