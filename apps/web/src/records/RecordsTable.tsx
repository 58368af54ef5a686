import type { FieldMeta, ModuleMeta } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CrmRecord } from '../api/records.ts';
import { type RecordRef, recordTitle, refKey } from '../api/records.ts';
import { FieldValue, isNumericField, type ValueLookups } from './FieldValue.tsx';
import { SortHeader } from './SortHeader.tsx';

export interface RecordsTableProps {
  module: ModuleMeta;
  columns: FieldMeta[];
  records: CrmRecord[];
  lookups: ValueLookups;
  sort: string | undefined;
  order: 'asc' | 'desc';
  onSort: (sort: string, order: 'asc' | 'desc') => void;
  /** A newer page is on its way: the rows shown are the previous answer. */
  busy?: boolean;
}

const wrapping = new Set<FieldMeta['type']>(['text', 'reference', 'email']);

/** Long names may wrap; numbers, dates, statuses and people stay on one line. */
const cellClass = (field: FieldMeta) =>
  isNumericField(field) ? 'num' : wrapping.has(field.type) ? undefined : 'nowrap';

/** The references a page of records points to, so their titles can be fetched together. */
export function referencesOf(records: CrmRecord[], columns: FieldMeta[]): RecordRef[] {
  const refs: RecordRef[] = [];
  for (const field of columns) {
    if (field.type !== 'reference' || !field.refModule) continue;
    for (const record of records) {
      const id = record.data[field.key];
      // The list answer names what each record points at; only the rest is fetched.
      if (typeof id === 'string' && id && record.related?.[field.key]?.id !== id)
        refs.push({ module: field.refModule, id });
    }
  }
  return refs;
}

/** The titles of the shown references that the list answer carries in each record's `related`. */
export function relatedTitles(records: CrmRecord[], columns: FieldMeta[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const field of columns) {
    if (field.type !== 'reference' || !field.refModule) continue;
    for (const record of records) {
      const related = record.related?.[field.key];
      if (related?.title && related.id === record.data[field.key])
        titles.set(refKey({ module: field.refModule, id: related.id }), related.title);
    }
  }
  return titles;
}

/** Rows open the record on click; the title cell is a real link, so keyboards and new tabs work too. */
export function RecordsTable({
  module,
  columns,
  records,
  lookups,
  sort,
  order,
  onSort,
  busy,
}: RecordsTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pathOf = (record: CrmRecord) => `/records/${module.key}/${record.id}`;

  return (
    <div className="table-wrap">
      <table className="table table--clickable" data-testid="records-table" aria-busy={busy || undefined}>
        <thead>
          <tr>
            {columns.map((field) => (
              <SortHeader key={field.key} field={field} sort={sort} order={order} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((record) => {
            const title = recordTitle(record, module.titleField) ?? t('records.untitled');
            return (
              <tr
                key={record.id}
                data-testid="record-row"
                data-record-id={record.id}
                onClick={(event) => {
                  if (event.target instanceof Element && event.target.closest('a')) return;
                  navigate(pathOf(record));
                }}
              >
                {columns.map((field, index) => (
                  <td key={field.key} className={cellClass(field)}>
                    {index === 0 ? (
                      <span className="cell-title">
                        <Link to={pathOf(record)}>
                          {field.key === module.titleField ? (
                            title
                          ) : (
                            <FieldValue field={field} value={record.data[field.key]} lookups={lookups} />
                          )}
                        </Link>
                      </span>
                    ) : (
                      <FieldValue field={field} value={record.data[field.key]} lookups={lookups} />
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
