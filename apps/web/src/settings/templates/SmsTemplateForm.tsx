import type { ModuleCatalog, ModuleKey } from '@crmflow/flow';
import { smsSegments } from '@crmflow/flow/messaging';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SmsTemplate, useSaveTemplate } from '../../api/message-templates.ts';
import { MergeTextInput } from '../../editor/inspector/controls/MergeText.tsx';
import { FormFooter, FormRow, ModuleSelect, useCanEditTemplates, useSaveErrors } from './template-kit.tsx';

/** The counter under an SMS: the engine's own count (GSM-7 or UCS-2, segments as billed). */
export function SmsCounter({ text }: { text: string }) {
  const { t } = useTranslation();
  const count = smsSegments(text);
  return (
    <div className="sms-counter" aria-live="polite" data-testid="sms-counter">
      <strong>{t('admin.sms.counter', { length: count.length, segments: count.segments })}</strong>{' '}
      <span className="badge">{count.encoding === 'GSM-7' ? 'GSM-7' : 'Unicode'}</span>
      <p className="field__hint">
        {count.encoding === 'GSM-7' ? t('admin.sms.gsm') : t('admin.sms.unicode')}
      </p>
      {count.nonGsmCharacters.length > 0 ? (
        <p className="field__hint">
          {t('admin.sms.unicodeBecause', { characters: count.nonGsmCharacters.slice(0, 12).join(' ') })}
        </p>
      ) : null}
      <p className="field__hint">{t('admin.sms.mergeNote')}</p>
    </div>
  );
}

export function SmsTemplateForm({
  template,
  catalog,
  onSaved,
}: {
  template: SmsTemplate | null;
  catalog: ModuleCatalog;
  onSaved: (template: SmsTemplate) => void;
}) {
  const { t } = useTranslation();
  const canEdit = useCanEditTemplates();
  const save = useSaveTemplate('sms');
  const [name, setName] = useState(template?.name ?? '');
  const [module, setModule] = useState<ModuleKey>(template?.module ?? 'contact');
  const [body, setBody] = useState(template?.body ?? '');
  const errors = useSaveErrors(save.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ id: template?.id, values: { name, module, body } }, { onSuccess: onSaved });
  };
  return (
    <form
      className="card template-form"
      onSubmit={onSubmit}
      aria-label={template?.name ?? t('admin.common.newTemplate')}
    >
      <FormRow label={t('admin.common.name')} error={errors.fields.name}>
        {(control) => (
          <input {...control} className="input" value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </FormRow>
      <FormRow label={t('admin.common.module')} error={errors.fields.module}>
        {(control) => <ModuleSelect control={control} value={module} onChange={setModule} />}
      </FormRow>
      <FormRow label={t('admin.sms.body')} error={errors.fields.body} hint={t('admin.common.mergeHint')}>
        {(control) => (
          <MergeTextInput
            control={control}
            value={body}
            onChange={setBody}
            multiline
            module={catalog[module]}
            catalog={catalog}
          />
        )}
      </FormRow>
      <SmsCounter text={body} />
      <FormFooter
        pending={save.isPending}
        saved={save.isSuccess}
        message={errors.message}
        disabled={!canEdit}
      />
    </form>
  );
}
