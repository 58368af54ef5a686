import { SendEmailConfig, sendEmailNode } from '@crmflow/flow';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorScope } from '../../EditorProvider.tsx';
import { Field } from '../controls/Field.tsx';
import { Radios } from '../controls/inputs.tsx';
import { MergeText } from '../controls/MergeText.tsx';
import { ProviderSelect, RecipientsEditor, TemplateSelect } from '../controls/pickers.tsx';
import { NameField, type NodeFormProps, useDraft } from './form-kit.tsx';

/** "Gửi Email thông báo": sender, recipients, a template or a subject and body, a print attachment. */
export function SendEmailForm({ raw, onChange }: NodeFormProps) {
  const { t } = useTranslation();
  const { module, kind } = useEditorScope();
  const config = useDraft({ schema: SendEmailConfig, defaults: sendEmailNode.defaults(module, kind), raw });
  const set = (patch: Partial<SendEmailConfig>) => onChange({ ...config, ...patch });
  const formatName = useId();

  return (
    <>
      <NameField value={config.name} onChange={(name) => set({ name })} />
      <ProviderSelect
        kind="email"
        label={t('editor.form.email.provider')}
        value={config.provider}
        systemLabel={t('editor.form.email.system')}
        onChange={(provider) => set({ provider })}
      />
      <RecipientsEditor
        value={config.to}
        fieldTypes={['email', 'user']}
        labels={{
          fields: t('editor.form.recipients.fields'),
          users: t('editor.form.recipients.users'),
          addresses: t('editor.form.recipients.addresses'),
        }}
        onChange={(to) => set({ to })}
      />
      <TemplateSelect
        kind="email"
        label={t('editor.form.email.template')}
        path="templateId"
        value={config.templateId}
        emptyLabel={t('editor.form.email.noTemplate')}
        onChange={(templateId) => set({ templateId })}
      />
      {config.templateId ? null : (
        <>
          <Field label={t('editor.form.email.subject')} path="subject" hint={t('editor.form.merge.hint')}>
            {(control) => (
              <MergeText control={control} value={config.subject} onChange={(subject) => set({ subject })} />
            )}
          </Field>
          <Field label={t('editor.form.email.body')} path="body">
            {(control) => (
              <MergeText control={control} multiline value={config.body} onChange={(body) => set({ body })} />
            )}
          </Field>
        </>
      )}
      <AttachmentToggle
        value={config.attachment}
        formatName={formatName}
        onChange={(attachment) => set({ attachment })}
      />
    </>
  );
}

type Attachment = NonNullable<SendEmailConfig['attachment']>;

/** "Đính kèm" as a checkbox: ticking it starts a PDF of no template yet, and shows its fields. */
export function AttachmentToggle({
  value,
  formatName,
  onChange,
}: {
  value: Attachment | null;
  formatName: string;
  onChange: (value: Attachment | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label className="field--inline inspector-check">
        <input
          type="checkbox"
          className="checkbox"
          checked={value !== null}
          onChange={(event) => onChange(event.target.checked ? { printTemplateId: '', format: 'pdf' } : null)}
        />
        <span>{t('editor.form.email.attach')}</span>
      </label>
      {value ? <AttachmentFields value={value} formatName={formatName} onChange={onChange} /> : null}
    </>
  );
}

/** A print template of the module, rendered as PDF or sent in its own format. */
export function AttachmentFields({
  value,
  formatName,
  onChange,
}: {
  value: Attachment;
  formatName: string;
  onChange: (value: Attachment) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="inspector-nested">
      <TemplateSelect
        kind="print"
        label={t('editor.form.email.printTemplate')}
        path="attachment.printTemplateId"
        value={value.printTemplateId || null}
        emptyLabel={t('editor.form.choose')}
        onChange={(id) => onChange({ ...value, printTemplateId: id ?? '' })}
      />
      <Radios
        legend={t('editor.form.email.format')}
        name={formatName}
        path="attachment.format"
        value={value.format}
        options={[
          { value: 'pdf', label: t('editor.form.email.pdf') },
          { value: 'original', label: t('editor.form.email.original') },
        ]}
        onChange={(format) => onChange({ ...value, format })}
      />
    </div>
  );
}
