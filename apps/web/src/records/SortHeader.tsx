import type { FieldMeta } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { SortAscIcon, SortDescIcon, SortIcon } from '../components/icons.tsx';
import { useLocale } from '../i18n/useLocale.ts';
import { isNumericField } from './FieldValue.tsx';
import { labelOf } from './format.ts';

export interface SortHeaderProps {
  field: FieldMeta;
  sort: string | undefined;
  order: 'asc' | 'desc';
  onSort: (sort: string, order: 'asc' | 'desc') => void;
}

/** A column header that sorts by its field: first click ascending, next click flips. */
export function SortHeader({ field, sort, order, onSort }: SortHeaderProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = labelOf(field, locale);
  const active = sort === field.key;
  const Icon = !active ? SortIcon : order === 'asc' ? SortAscIcon : SortDescIcon;
  return (
    <th
      scope="col"
      className={isNumericField(field) ? 'num' : undefined}
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        className="sort-button"
        title={t('records.sortBy', { field: label })}
        onClick={() => onSort(field.key, active && order === 'asc' ? 'desc' : 'asc')}
      >
        {label}
        <span className="sort-button__icon">
          <Icon size={14} />
        </span>
      </button>
    </th>
  );
}
