import type { FieldMeta } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { refKey } from '../api/records.ts';
import type { Locale } from '../i18n/index.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber, labelOf } from './format.ts';

/** What a cell needs beyond the value itself: names of users and titles of referenced records. */
export interface ValueLookups {
  userNames: Map<string, string>;
  /** Keyed by `refKey({ module, id })`. */
  refTitles: Map<string, string>;
  timeZone?: string;
}

function optionLabel({ field, value, locale }: { field: FieldMeta; value: unknown; locale: Locale }): string {
  const option = field.options.find((item) => item.value === value);
  return option ? labelOf(option, locale) : String(value);
}

/** Renders one field value as text for its type; empty values render nothing. */
export function FieldValue({
  field,
  value,
  lookups,
}: {
  field: FieldMeta;
  value: unknown;
  lookups: ValueLookups;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (value === null || value === undefined || value === '') return null;
  switch (field.type) {
    case 'money':
      return <>{formatMoney(value)}</>;
    case 'number':
      return <>{formatNumber(value)}</>;
    case 'date':
      return <>{formatDate(value)}</>;
    case 'datetime':
      return <>{formatDateTime(value, lookups.timeZone)}</>;
    case 'boolean':
      return <>{value === true ? t('common.yes') : t('common.no')}</>;
    case 'picklist':
      return <>{optionLabel({ field, value, locale })}</>;
    case 'multipicklist':
      return (
        <>
          {Array.isArray(value)
            ? value.map((item) => optionLabel({ field, value: item, locale })).join(', ')
            : ''}
        </>
      );
    case 'user':
      return <>{typeof value === 'string' ? (lookups.userNames.get(value) ?? '') : ''}</>;
    case 'reference': {
      if (typeof value !== 'string' || !field.refModule) return null;
      return <>{lookups.refTitles.get(refKey({ module: field.refModule, id: value })) ?? ''}</>;
    }
    case 'lines':
      return <>{Array.isArray(value) ? value.length : ''}</>;
    default:
      return <>{typeof value === 'string' || typeof value === 'number' ? String(value) : ''}</>;
  }
}

export const isNumericField = (field: FieldMeta) => field.type === 'money' || field.type === 'number';
