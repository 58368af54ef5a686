import type { ModuleCatalog, ModuleKey } from '@crmflow/flow';
import { smsSegments } from '@crmflow/flow/messaging';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SmsTemplate } from '../../api/message-templates.ts';
import { MergeTextInput } from '../../editor/inspector/controls/MergeText.tsx';
import { FormRow, ModuleRow, TemplateForm } from './template-kit.tsx';

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
          {t('admin.sms.unicodeBecause')}{' '}
          {/* The message's own letters, read as the Vietnamese they are in either language. */}
          <span lang="vi">{count.nonGsmCharacters.slice(0, 12).join(' ')}</span>
        </p>
      ) : null}
      <p className="field__hint">{t('admin.sms.mergeNote')}</p>
    </div>
  );
}

/** An SMS template: module, the message with merge fields, and its count as billed. */
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
  const [module, setModule] = useState<ModuleKey>(template?.module ?? 'contact');
  const [body, setBody] = useState(template?.body ?? '');
  return (
    <TemplateForm kind="sms" template={template} values={() => ({ module, body })} onSaved={onSaved}>
      {(errors) => (
        <>
          <ModuleRow value={module} onChange={setModule} error={errors.module} />
          <FormRow label={t('admin.sms.body')} error={errors.body} hint={t('admin.common.mergeHint')}>
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
        </>
      )}
    </TemplateForm>
  );
}
