import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmRecord } from '../../api/records.ts';
import { recordKeys, recordTitle, refKey, useRecordSearch, useRecordTitles } from '../../api/records.ts';
import { CloseIcon } from '../../components/icons.tsx';
import { useDebouncedValue } from '../useDebouncedValue.ts';

export interface ReferenceSelectProps {
  id?: string;
  /** When no `<label htmlFor>` names the control. */
  ariaLabel?: string;
  refModule: string;
  /** Placeholder naming what is searched, e.g. "Tìm Khách hàng…". */
  placeholder: string;
  value: string | null;
  /** Title of the current value when the caller already has it (the `related` map of a record). */
  knownTitle?: string | null;
  onChange: (id: string | null, record: CrmRecord | null) => void;
  invalid?: boolean;
  describedBy?: string;
  required?: boolean;
}

/**
 * A searchable picker of records of another module (ARIA combobox): typing searches
 * `GET /api/records/:refModule?q=`; arrows move, Enter picks, Escape closes.
 */
export function ReferenceSelect(props: ReferenceSelectProps) {
  const {
    id,
    ariaLabel,
    refModule,
    placeholder,
    value,
    knownTitle,
    onChange,
    invalid,
    describedBy,
    required,
  } = props;
  const { t } = useTranslation();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(query ?? '', 250);
  const search = useRecordSearch({ module: refModule, q, enabled: open });
  const fetched = useRecordTitles(value && !knownTitle ? [{ module: refModule, id: value }] : []);
  const selectedTitle = value
    ? (knownTitle ?? fetched.get(refKey({ module: refModule, id: value })) ?? '')
    : '';
  const options = search.data?.items ?? [];

  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const queryClient = useQueryClient();
  const pick = (record: CrmRecord) => {
    // The picked record is known already: its title shows at once, without another request.
    if (!queryClient.getQueryData(recordKeys.one(refModule, record.id))) {
      queryClient.setQueryData(recordKeys.one(refModule, record.id), record);
    }
    onChange(record.id, record);
    close();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (options.length ? (index + step + options.length) % options.length : 0));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      const record = options[active];
      if (record) pick(record);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="combobox">
      <div className="combobox__control">
        <input
          id={id}
          type="text"
          role="combobox"
          className="input"
          autoComplete="off"
          aria-label={ariaLabel}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && options[active] ? optionId(active) : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          placeholder={placeholder}
          value={query ?? selectedTitle}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={close}
          onKeyDown={onKeyDown}
        />
        {value ? (
          <button
            type="button"
            className="btn btn--ghost btn--icon combobox__clear"
            aria-label={t('recordForm.clear')}
            onClick={() => onChange(null, null)}
          >
            <CloseIcon />
          </button>
        ) : null}
      </div>
      {open ? (
        <div className="combobox__list" id={listId} role="listbox">
          {options.map((record, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys (aria-activedescendant)
            <div
              key={record.id}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              className="combobox__option"
              aria-selected={index === active}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(record)}
            >
              {recordTitle(record) ?? t('records.untitled')}
            </div>
          ))}
          {search.isFetching && options.length === 0 ? (
            <div className="combobox__empty">{t('common.loading')}</div>
          ) : null}
          {!search.isFetching && search.data && options.length === 0 ? (
            <div className="combobox__empty">{t('recordForm.noMatches')}</div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
