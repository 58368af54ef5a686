import type { ModuleCatalog, ModuleKey } from '@crmflow/flow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EmailTemplate, useEmailPreview } from '../../api/message-templates.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { MergeTextInput } from '../../editor/inspector/controls/MergeText.tsx';
import { useDebouncedValue } from '../../records/useDebouncedValue.ts';
import { RecordPicker } from './RecordPicker.tsx';
import { RichTextEditor } from './RichTextEditor.tsx';
import { FormRow, ModuleRow, TemplateForm } from './template-kit.tsx';

/** An email template: name, module, subject with merge fields, a formatted body, a live preview. */
export function EmailTemplateForm({
  template,
  catalog,
  onSaved,
}: {
  template: EmailTemplate | null;
  catalog: ModuleCatalog;
  onSaved: (template: EmailTemplate) => void;
}) {
  const { t } = useTranslation();
  const [module, setModule] = useState<ModuleKey>(template?.module ?? 'order');
  const [subject, setSubject] = useState(template?.subject ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [recordId, setRecordId] = useState<string | null>(null);

  return (
    <div className="template-editor">
      <TemplateForm
        kind="email"
        template={template}
        values={() => ({ module, subject, body })}
        onSaved={onSaved}
      >
        {(errors) => (
          <>
            <ModuleRow
              value={module}
              onChange={(next) => {
                setModule(next);
                setRecordId(null);
              }}
              error={errors.module}
            />
            <FormRow
              label={t('admin.email.subject')}
              error={errors.subject}
              hint={t('admin.common.mergeHint')}
            >
              {(control) => (
                <MergeTextInput
                  control={control}
                  value={subject}
                  onChange={setSubject}
                  module={catalog[module]}
                  catalog={catalog}
                />
              )}
            </FormRow>
            <FormRow label={t('admin.email.body')} error={errors.body} hint={t('admin.common.mergeHint')}>
              {(control) => (
                <RichTextEditor
                  key={module}
                  labelId={`${control.id}-label`}
                  initialHtml={body}
                  onChange={setBody}
                  module={catalog[module]}
                  catalog={catalog}
                  invalid={control['aria-invalid'] === true}
                  describedBy={control['aria-describedby']}
                />
              )}
            </FormRow>
          </>
        )}
      </TemplateForm>
      <EmailPreviewPane
        module={module}
        recordId={recordId}
        onRecord={setRecordId}
        subject={subject}
        body={body}
      />
    </div>
  );
}

function EmailPreviewPane(props: {
  module: ModuleKey;
  recordId: string | null;
  onRecord: (id: string | null) => void;
  subject: string;
  body: string;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const subject = useDebouncedValue(props.subject, 400);
  const body = useDebouncedValue(props.body, 400);
  const preview = useEmailPreview({ module: props.module, recordId: props.recordId, subject, body });
  return (
    <section className="card template-preview" aria-label={t('admin.email.previewTitle')}>
      <h3>{t('admin.email.previewTitle')}</h3>
      <RecordPicker module={props.module} value={props.recordId} onChange={props.onRecord} />
      {preview.error ? <p className="alert alert--error">{errorMessage(preview.error)}</p> : null}
      {preview.data ? (
        <>
          <p className="template-preview__subject" data-testid="email-preview-subject">
            {t('admin.email.previewSubject', { subject: preview.data.subject })}
          </p>
          <iframe
            className="template-preview__frame"
            title={t('admin.email.previewTitle')}
            sandbox=""
            srcDoc={`<!doctype html><meta charset="utf-8"><body style="font:14px/1.5 system-ui,sans-serif;margin:12px">${preview.data.html}</body>`}
          />
        </>
      ) : (
        <p className="muted">{t('admin.email.previewEmpty')}</p>
      )}
    </section>
  );
}
