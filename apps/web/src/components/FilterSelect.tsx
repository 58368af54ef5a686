import type { ModuleMeta } from '@crmflow/flow';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/useLocale.ts';
import { labelOf } from '../records/format.ts';

export type FilterOption = { value: string; label: string };

/**
 * A list's filter in its toolbar: a select named by the label around it, whose first choice
 * ("Tất cả …") removes the filter, reported as `undefined`. Options come as a list or, grouped,
 * as children.
 */
export function FilterSelect({
  label,
  allLabel,
  value,
  options,
  children,
  onChange,
}: {
  label: string;
  allLabel: string;
  value: string | undefined;
  options?: readonly FilterOption[];
  children?: ReactNode;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <label className="field field--inline">
      <span className="field__label">{label}</span>
      <select
        className="select"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{allLabel}</option>
        {options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
    </label>
  );
}

/** "Phân hệ": the CRM modules (order, contact, …) in the user's language, or all of them. */
export function ModuleFilter({
  modules,
  value,
  onChange,
}: {
  modules: readonly ModuleMeta[];
  value: string | undefined;
  onChange: (module: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <FilterSelect
      label={t('workflows.module')}
      allLabel={t('workflows.allModules')}
      value={value}
      options={modules.map((module) => ({ value: module.key, label: labelOf(module, locale) }))}
      onChange={onChange}
    />
  );
}
