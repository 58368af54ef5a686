import type { FieldType } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../../api/users.ts';
import { type MessageTemplate, useMessageTemplates, useProviders } from '../../../api/workflow-resources.ts';
import { useLocale } from '../../../i18n/useLocale.ts';
import { useEditorScope } from '../../EditorProvider.tsx';
import { Field, FieldErrors } from './Field.tsx';
import { fieldPathGroups } from './field-options.ts';
import { CheckList, SelectBox, TagInput } from './inputs.tsx';

export function useUserOptions() {
  const users = useUsers();
  return (users.data ?? [])
    .filter((user) => user.active)
    .map((user) => ({ value: user.id, label: user.name }));
}

/**
 * A provider of one kind; email also offers the system provider every organization has, and a
 * step that may leave the choice to the organization's default offers that as `defaultLabel` ('').
 */
export function ProviderSelect({
  kind,
  label,
  value,
  onChange,
  systemLabel,
  defaultLabel,
  path = 'provider',
}: {
  kind: 'email' | 'sms' | 'zns' | 'webhook' | 'workapp';
  label: string;
  value: string;
  onChange: (id: string) => void;
  systemLabel?: string;
  defaultLabel?: string;
  path?: string;
}) {
  const { t } = useTranslation();
  const providers = useProviders();
  const ofKind = providers.items.filter((item) => item.kind === kind);
  const options = [
    ...(systemLabel ? [{ value: 'system', label: systemLabel }] : []),
    ...(defaultLabel ? [{ value: '', label: defaultLabel }] : []),
    ...ofKind.map((item) => ({ value: item.id, label: item.name })),
  ];
  const hint = ofKind.length === 0 && !systemLabel ? t('editor.form.providers.none') : undefined;
  return (
    <Field label={label} path={path} {...(hint ? { hint } : {})}>
      {(control) => (
        <SelectBox
          control={control}
          value={value}
          options={options}
          onChange={onChange}
          {...(systemLabel || defaultLabel ? {} : { placeholder: t('editor.form.choose') })}
        />
      )}
    </Field>
  );
}

/** A message template of the module; an empty choice when the action can go without one. */
export function TemplateSelect({
  kind,
  label,
  path,
  value,
  onChange,
  emptyLabel,
}: {
  kind: 'email' | 'sms' | 'print';
  label: string;
  path: string;
  value: string | null;
  onChange: (id: string | null) => void;
  emptyLabel: string;
}) {
  const { module } = useEditorScope();
  const templates = useMessageTemplates({ kind, module: module.key });
  return (
    <Field label={label} path={path}>
      {(control) => (
        <SelectBox
          control={control}
          value={value ?? ''}
          options={templates.items.map((item: MessageTemplate) => ({ value: item.id, label: item.name }))}
          onChange={(id) => onChange(id === '' ? null : id)}
          placeholder={emptyLabel}
        />
      )}
    </Field>
  );
}

export interface RecipientsValue {
  fields: string[];
  users: string[];
  addresses?: string[];
}

/**
 * Who receives a message: fields of the record or of a related record (`contact_id.email`),
 * users of the organization and, for email, typed addresses.
 */
export function RecipientsEditor<T extends RecipientsValue>({
  value,
  onChange,
  fieldTypes,
  labels,
}: {
  value: T;
  onChange: (value: T) => void;
  fieldTypes: readonly FieldType[];
  labels: { fields: string; users: string; addresses?: string };
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { module, catalog } = useEditorScope();
  const users = useUserOptions();
  const fieldChoices = fieldPathGroups({ module, catalog, locale, types: fieldTypes }).flatMap(
    (group) => group.options,
  );
  return (
    <>
      <FieldErrors path="to" exact />
      <CheckList
        legend={labels.fields}
        path="to.fields"
        options={fieldChoices}
        values={value.fields}
        onChange={(fields) => onChange({ ...value, fields })}
      />
      <CheckList
        legend={labels.users}
        path="to.users"
        options={users}
        values={value.users}
        onChange={(next) => onChange({ ...value, users: next })}
      />
      {labels.addresses && value.addresses ? (
        <Field label={labels.addresses} path="to.addresses" hint={t('editor.form.recipients.addressesHint')}>
          {(control) => (
            <TagInput
              control={control}
              inputType="email"
              values={value.addresses ?? []}
              onChange={(addresses) => onChange({ ...value, addresses })}
            />
          )}
        </Field>
      ) : null}
    </>
  );
}
