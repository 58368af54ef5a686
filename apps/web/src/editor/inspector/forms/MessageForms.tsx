import { NotifyConfig, notifyNode, SendSmsConfig, sendSmsNode } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { useEditorScope } from '../../EditorProvider.tsx';
import { Field } from '../controls/Field.tsx';
import { MergeText } from '../controls/MergeText.tsx';
import { ProviderSelect, RecipientsEditor, TemplateSelect } from '../controls/pickers.tsx';
import { NameField, type NodeFormProps, useDraft } from './form-kit.tsx';

/** "Thông báo": an in-app notification to user fields of the record and chosen users. */
export function NotifyForm({ raw, onChange }: NodeFormProps) {
  const { t } = useTranslation();
  const { module, kind } = useEditorScope();
  const config = useDraft({ schema: NotifyConfig, defaults: notifyNode.defaults(module, kind), raw });
  const set = (patch: Partial<NotifyConfig>) => onChange({ ...config, ...patch });
  return (
    <>
      <NameField value={config.name} onChange={(name) => set({ name })} />
      <RecipientsEditor
        value={config.to}
        fieldTypes={['user']}
        labels={{ fields: t('editor.form.notify.fields'), users: t('editor.form.notify.users') }}
        onChange={(to) => set({ to })}
      />
      <Field label={t('editor.form.notify.message')} path="message" hint={t('editor.form.merge.hint')}>
        {(control) => (
          <MergeText
            control={control}
            multiline
            value={config.message}
            onChange={(message) => set({ message })}
          />
        )}
      </Field>
    </>
  );
}

/** "Gửi SMS": a brandname provider, phone fields and users, an SMS template or a text. */
export function SendSmsForm({ raw, onChange }: NodeFormProps) {
  const { t } = useTranslation();
  const { module, kind } = useEditorScope();
  const config = useDraft({ schema: SendSmsConfig, defaults: sendSmsNode.defaults(module, kind), raw });
  const set = (patch: Partial<SendSmsConfig>) => onChange({ ...config, ...patch });
  return (
    <>
      <NameField value={config.name} onChange={(name) => set({ name })} />
      <ProviderSelect
        kind="sms"
        label={t('editor.form.sms.provider')}
        value={config.provider}
        onChange={(provider) => set({ provider })}
      />
      <RecipientsEditor
        value={config.to}
        fieldTypes={['phone', 'user']}
        labels={{ fields: t('editor.form.sms.fields'), users: t('editor.form.sms.users') }}
        onChange={(to) => set({ to })}
      />
      <TemplateSelect
        kind="sms"
        label={t('editor.form.sms.template')}
        path="templateId"
        value={config.templateId}
        emptyLabel={t('editor.form.sms.noTemplate')}
        onChange={(templateId) => set({ templateId })}
      />
      {config.templateId ? null : (
        <Field label={t('editor.form.sms.text')} path="text" hint={t('editor.form.merge.hint')}>
          {(control) => (
            <MergeText control={control} multiline value={config.text} onChange={(text) => set({ text })} />
          )}
        </Field>
      )}
    </>
  );
}
