import { SendZaloZnsConfig, sendZaloZnsNode, type ZnsParamMapping } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { useZnsTemplates } from '../../../api/workflow-resources.ts';
import { useLocale } from '../../../i18n/useLocale.ts';
import { useEditorScope } from '../../EditorProvider.tsx';
import { Field, FieldErrors } from '../controls/Field.tsx';
import { FieldSelect } from '../controls/FieldSelect.tsx';
import { fieldPathGroups } from '../controls/field-options.ts';
import { SelectBox } from '../controls/inputs.tsx';
import { MergeText } from '../controls/MergeText.tsx';
import { ProviderSelect, RecipientsEditor } from '../controls/pickers.tsx';
import { NameField, type NodeFormProps, useDraft } from './form-kit.tsx';

/**
 * "Gửi Zalo ZNS": a pre-approved template whose params are each filled from a field of the
 * record (or of a related one) or from a text with merge fields.
 */
export function SendZnsForm({ raw, onChange }: NodeFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { module, catalog, kind } = useEditorScope();
  const config = useDraft({
    schema: SendZaloZnsConfig,
    defaults: sendZaloZnsNode.defaults(module, kind),
    raw,
  });
  const set = (patch: Partial<SendZaloZnsConfig>) => onChange({ ...config, ...patch });
  const templates = useZnsTemplates();
  const template = templates.items.find((item) => item.id === config.templateId);
  const groups = fieldPathGroups({ module, catalog, locale });
  const mappingOf = (key: string) => config.params.find((param) => param.param === key);
  const setMapping = (next: ZnsParamMapping) =>
    set({ params: [...config.params.filter((param) => param.param !== next.param), next] });

  return (
    <>
      <NameField value={config.name} onChange={(name) => set({ name })} />
      <ProviderSelect
        kind="zns"
        label={t('editor.form.zns.provider')}
        value={config.provider}
        onChange={(provider) => set({ provider })}
      />
      <RecipientsEditor
        value={config.to}
        fieldTypes={['phone', 'user']}
        labels={{ fields: t('editor.form.zns.fields'), users: t('editor.form.zns.users') }}
        onChange={(to) => set({ to })}
      />
      <Field label={t('editor.form.zns.template')} path="templateId">
        {(control) => (
          <SelectBox
            control={control}
            value={config.templateId}
            options={templates.items.map((item) => ({ value: item.id, label: item.name }))}
            placeholder={t('editor.form.choose')}
            // Another template has other params: the old mapping no longer applies.
            onChange={(templateId) => set({ templateId, params: [] })}
          />
        )}
      </Field>
      {template ? (
        <fieldset className="inspector-group">
          <legend className="field__label">{t('editor.form.zns.params')}</legend>
          <p className="field__hint">{t('editor.form.zns.paramsHint')}</p>
          <FieldErrors path="params" exact />
          {template.params.map((param) => {
            const mapping = mappingOf(param.key);
            const index = mapping ? config.params.indexOf(mapping) : -1;
            const path = `params.${index}`;
            const byText = mapping !== undefined && 'value' in mapping;
            return (
              <fieldset key={param.key} className="value-row" aria-label={param.key}>
                <Field label={`${param.key} (${param.type}, ≤ ${param.maxLength})`}>
                  {(control) => (
                    <SelectBox
                      control={control}
                      value={byText ? 'text' : 'field'}
                      options={[
                        { value: 'field', label: t('editor.form.zns.fromField') },
                        { value: 'text', label: t('editor.form.zns.fromText') },
                      ]}
                      onChange={(source) =>
                        setMapping(
                          source === 'text'
                            ? { param: param.key, value: '' }
                            : { param: param.key, field: '' },
                        )
                      }
                    />
                  )}
                </Field>
                {byText && mapping && 'value' in mapping ? (
                  <Field label={t('editor.form.zns.fromText')} path={path}>
                    {(control) => (
                      <MergeText
                        control={control}
                        value={mapping.value}
                        onChange={(value) => setMapping({ param: param.key, value })}
                      />
                    )}
                  </Field>
                ) : (
                  <Field label={t('editor.form.zns.fromField')} path={path}>
                    {(control) => (
                      <FieldSelect
                        control={control}
                        value={mapping && 'field' in mapping ? mapping.field : ''}
                        groups={groups}
                        onChange={(field) => setMapping({ param: param.key, field })}
                      />
                    )}
                  </Field>
                )}
              </fieldset>
            );
          })}
        </fieldset>
      ) : null}
    </>
  );
}
