import type { ModuleKey } from '@crmflow/flow';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordTitle, useRecordSearch } from '../../api/records.ts';
import { useDebouncedValue } from '../../records/useDebouncedValue.ts';

/**
 * The record a template is tried on: a search box and the matching records of the module.
 * The first match is chosen once the list arrives, so a preview shows without a click.
 */
export function RecordPicker({
  module,
  value,
  onChange,
}: {
  module: ModuleKey;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q, 250);
  const found = useRecordSearch({ module, q: query, enabled: true });
  const items = found.data?.items ?? [];
  const first = items[0]?.id ?? null;
  useEffect(() => {
    if (value === null && first !== null) onChange(first);
  }, [value, first, onChange]);
  return (
    <div className="record-picker">
      <label className="field__label" htmlFor={id}>
        {t('admin.common.previewOn')}
      </label>
      <div className="record-picker__row">
        <input
          className="input"
          type="search"
          value={q}
          aria-label={t('records.searchLabel')}
          placeholder={t('admin.common.pickRecord')}
          onChange={(event) => setQ(event.target.value)}
        />
        <select
          id={id}
          className="select"
          value={value ?? ''}
          onChange={(event) => onChange(event.target.value || null)}
        >
          {value !== null && !items.some((item) => item.id === value) ? (
            <option value={value}>…</option>
          ) : null}
          {items.length === 0 ? <option value="">{t('admin.common.noRecords')}</option> : null}
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {recordTitle(item) ?? item.id}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
