import {
  AssignOwnerConfig,
  assignOwnerNode,
  DelayConfig,
  delayNode,
  proposeRevenueNode,
  RevenueConfig,
  recordRevenueNode,
  WebhookConfig,
  webhookNode,
} from '@crmflow/flow';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllocationRules } from '../../../api/workflow-resources.ts';
import { useLocale } from '../../../i18n/useLocale.ts';
import { useEditorScope } from '../../EditorProvider.tsx';
import { Field } from '../controls/Field.tsx';
import { FieldSelect } from '../controls/FieldSelect.tsx';
import { fieldOptions } from '../controls/field-options.ts';
import { NumberBox, Radios, SelectBox } from '../controls/inputs.tsx';
import { ProviderSelect, useUserOptions } from '../controls/pickers.tsx';
import { NameField, type NodeFormProps, useDraft } from './form-kit.tsx';

/** "Bàn giao công việc": a chosen user, or an allocation rule of the module. */
export function AssignOwnerForm({ raw, onChange }: NodeFormProps) {
  const { t } = useTranslation();
  const { module, kind } = useEditorScope();
  const config = useDraft({
    schema: AssignOwnerConfig,
    defaults: assignOwnerNode.defaults(module, kind),
    raw,
  });
  const users = useUserOptions();
  const rules = useAllocationRules(module.key);
  const name = useId();
  return (
    <>
      <NameField value={config.name} onChange={(next) => onChange({ ...config, name: next })} />
      <Radios
        legend={t('editor.form.owner.mode')}
        name={name}
        path="mode"
        value={config.mode}
        options={[
          { value: 'user', label: t('editor.form.owner.user') },
          { value: 'rule', label: t('editor.form.owner.rule') },
        ]}
        onChange={(mode) =>
          onChange(
            mode === 'user'
              ? { name: config.name, mode, userId: '' }
              : { name: config.name, mode, ruleId: rules.items[0]?.id ?? '' },
          )
        }
      />
      {config.mode === 'user' ? (
        <Field label={t('editor.form.owner.userLabel')} path="userId">
          {(control) => (
            <SelectBox
              control={control}
              value={config.userId}
              options={users}
              placeholder={t('editor.form.chooseUser')}
              onChange={(userId) => onChange({ ...config, userId })}
            />
          )}
        </Field>
      ) : (
        <Field
          label={t('editor.form.owner.ruleLabel')}
          path="ruleId"
          {...(rules.items.length === 0 ? { hint: t('editor.form.owner.noRules') } : {})}
        >
          {(control) => (
            <SelectBox
              control={control}
              value={config.ruleId}
              options={rules.items.map((rule) => ({ value: rule.id, label: rule.name }))}
              placeholder={t('editor.form.choose')}
              onChange={(ruleId) => onChange({ ...config, ruleId })}
            />
          )}
        </Field>
      )}
    </>
  );
}

/** "Đề nghị ghi doanh số" and "Ghi doanh số": only a name; what they do is fixed. */
export function RevenueForm({ raw, onChange, record }: NodeFormProps & { record: boolean }) {
  const { t } = useTranslation();
  const { module, kind } = useEditorScope();
  const node = record ? recordRevenueNode : proposeRevenueNode;
  const config = useDraft({ schema: RevenueConfig, defaults: node.defaults(module, kind), raw });
  return (
    <>
      <NameField value={config.name} onChange={(name) => onChange({ ...config, name })} />
      <p className="field__hint">
        {t(record ? 'editor.form.revenue.record' : 'editor.form.revenue.propose')}
      </p>
    </>
  );
}

export const ProposeRevenueForm = (props: NodeFormProps) => <RevenueForm {...props} record={false} />;
export const RecordRevenueForm = (props: NodeFormProps) => <RevenueForm {...props} record />;

/** "Webhook": a signed POST of the record to another system. */
export function WebhookForm({ raw, onChange }: NodeFormProps) {
  const { t } = useTranslation();
  const { module, kind } = useEditorScope();
  const config = useDraft({ schema: WebhookConfig, defaults: webhookNode.defaults(module, kind), raw });
  const set = (patch: Partial<WebhookConfig>) => onChange({ ...config, ...patch });
  return (
    <>
      <NameField value={config.name} onChange={(name) => set({ name })} />
      <Field label={t('editor.form.webhook.url')} path="url" hint={t('editor.form.webhook.urlHint')}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="url"
            value={config.url}
            placeholder="https://"
            onChange={(event) => set({ url: event.target.value })}
          />
        )}
      </Field>
      <ProviderSelect
        kind="webhook"
        path="secretRef"
        label={t('editor.form.webhook.secretRef')}
        defaultLabel={t('editor.form.webhook.defaultEndpoint')}
        value={config.secretRef ?? ''}
        onChange={(secretRef) => {
          const { secretRef: _dropped, ...rest } = config;
          onChange(secretRef ? { ...rest, secretRef } : rest);
        }}
      />
      <Field label={t('editor.form.webhook.timeout')} path="timeoutMs">
        {(control) => (
          <NumberBox
            control={control}
            value={config.timeoutMs}
            min={1000}
            max={30_000}
            onChange={(timeoutMs) => set({ timeoutMs })}
          />
        )}
      </Field>
    </>
  );
}

/** "Chờ": for a while, or until a date of the record. */
export function DelayForm({ raw, onChange }: NodeFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { module, kind } = useEditorScope();
  const config = useDraft({ schema: DelayConfig, defaults: delayNode.defaults(module, kind), raw });
  const name = useId();
  const dates = fieldOptions({ module, locale, types: ['date', 'datetime'] });
  return (
    <>
      <NameField value={config.name} onChange={(next) => onChange({ ...config, name: next })} />
      <Radios
        legend={t('editor.form.delay.mode')}
        name={name}
        path="mode"
        value={config.mode}
        options={[
          { value: 'duration', label: t('editor.form.delay.duration') },
          { value: 'until_field', label: t('editor.form.delay.untilField') },
        ]}
        onChange={(mode) =>
          onChange(
            mode === 'duration'
              ? { name: config.name, mode, amount: 1, unit: 'days' }
              : { name: config.name, mode, field: dates[0]?.value ?? '', offsetDays: 0 },
          )
        }
      />
      {config.mode === 'duration' ? (
        <div className="inspector-row">
          <Field label={t('editor.form.delay.amount')} path="amount">
            {(control) => (
              <NumberBox
                control={control}
                value={config.amount}
                min={1}
                max={10_000}
                onChange={(amount) => onChange({ ...config, amount })}
              />
            )}
          </Field>
          <Field label={t('editor.form.delay.unit')} path="unit">
            {(control) => (
              <SelectBox
                control={control}
                value={config.unit}
                options={(['minutes', 'hours', 'days'] as const).map((unit) => ({
                  value: unit,
                  label: t(`editor.form.delay.${unit}`),
                }))}
                onChange={(unit) =>
                  onChange({ ...config, unit: unit === 'minutes' || unit === 'hours' ? unit : 'days' })
                }
              />
            )}
          </Field>
        </div>
      ) : (
        <div className="inspector-row">
          <Field label={t('editor.form.delay.field')} path="field">
            {(control) => (
              <FieldSelect
                control={control}
                value={config.field}
                options={dates}
                onChange={(field) => onChange({ ...config, field })}
              />
            )}
          </Field>
          <Field label={t('editor.form.delay.offset')} path="offsetDays">
            {(control) => (
              <NumberBox
                control={control}
                value={config.offsetDays}
                min={-366}
                max={366}
                onChange={(offsetDays) => onChange({ ...config, offsetDays })}
              />
            )}
          </Field>
        </div>
      )}
    </>
  );
}
