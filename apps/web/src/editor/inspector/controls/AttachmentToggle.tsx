import type { PrintAttachment } from '@crmflow/flow';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Radios } from './inputs.tsx';
import { TemplateSelect } from './pickers.tsx';

/** "Đính kèm" as a checkbox: ticking it starts a PDF of no template yet, and shows its fields. */
export function AttachmentToggle({
  value,
  onChange,
}: {
  value: PrintAttachment | null;
  onChange: (value: PrintAttachment | null) => void;
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
      {value ? <AttachmentFields value={value} onChange={onChange} /> : null}
    </>
  );
}

/** A print template of the module, rendered as PDF or sent in its own format. */
function AttachmentFields({
  value,
  onChange,
}: {
  value: PrintAttachment;
  onChange: (value: PrintAttachment) => void;
}) {
  const { t } = useTranslation();
  const formatName = useId();
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
